import { z } from 'zod';
import { RECORD_TYPES } from './knowledge.tables.ts';
import { recordPolicy } from './knowledge.policy.ts';

/**
 * Response shapes of the knowledge portal's routes, named (`.meta({ id })`) so the browser client's types
 * are `components['schemas']['KnowledgeRecord']` and so on. The serializer drops keys a schema does not name:
 * a field added to a DTO goes here too.
 */

const access = z.enum(['public', 'practitioners', 'state']);

export const searchHitSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    title: z.string(),
    lang: z.string(),
    date: z.string().nullable(),
    states: z.array(z.string()),
    snippet: z.string().describe('HTML: escaped text with the matched terms in <mark>'),
  })
  .meta({ id: 'SearchHit' });

export const searchResultSchema = z
  .object({
    items: z.array(searchHitSchema),
    facets: z.record(z.string(), z.record(z.string(), z.number())),
    total: z.number(),
    approximate: z.boolean().describe('true: total and facets are estimates ("about N")'),
    next: z.string().nullable(),
    article: z
      .object({ instrument: z.string(), article: z.number().int(), paragraph: z.number().int().nullable() })
      .nullable()
      .describe('The article the words name ("article 18", "第十八条", "المادة 18"), when the instrument has it: the UI offers its page'),
  })
  .meta({ id: 'SearchResult' });

/** The record itself (what an edit answers). */
export const recordSchema = z
  .object({
    id: z.string(),
    type: z.enum(RECORD_TYPES),
    workId: z.string(),
    title: z.string(),
    lang: z.string(),
    symbol: z.string().nullable(),
    states: z.array(z.string()),
    date: z.string().nullable(),
    dates: z.record(z.string(), z.string()),
    sourceUrl: z.string().nullable(),
    sourceFile: z.string().nullable(),
    body: z.record(z.string(), z.unknown()).describe('for a Conference document, its parsed structure; {} otherwise'),
    fullText: z.string(),
    details: z.record(z.string(), z.unknown()),
    crimes: z.array(z.string()),
    topics: z.array(z.string()),
    access,
    accessState: z.string().nullable(),
    ownerState: z.string().nullable(),
    parentId: z.string().nullable(),
    parentRef: z.string().nullable(),
    version: z.number(),
    createdBy: z.string(),
    createdAt: z.string(),
    permissions: recordPolicy.permissionsSchema.describe('what the caller may do with this record (knowledge.policy.ts)'),
    updatedBy: z.string(),
    updatedAt: z.string(),
    retiredAt: z.string().nullable(),
    retiredReason: z.string().nullable(),
  })
  .meta({ id: 'Record' });

export const recordLinkSchema = z
  .object({
    id: z.number(),
    predicate: z.string(),
    targetKind: z.enum(['provision', 'record', 'symbol', 'resolution', 'decision', 'state']),
    instrument: z.string().nullable(),
    article: z.number().nullable(),
    paragraph: z.number().nullable(),
    subparagraph: z.string().nullable(),
    target: z.string().nullable(),
    atRef: z.string().nullable(),
    text: z.string().nullable(),
    start: z.number().nullable(),
    end: z.number().nullable(),
    origin: z.enum(['extracted', 'asserted']),
    verified: z.boolean(),
    rejected: z.boolean(),
    createdBy: z.string(),
  })
  .meta({ id: 'RecordLink' });

export const recordTranslationSchema = z
  .object({ field: z.string(), lang: z.string(), value: z.string(), kind: z.enum(['official', 'unofficial', 'machine']), by: z.string(), at: z.string() })
  .meta({ id: 'RecordTranslation' });

export const recordChildSchema = z
  .object({ id: z.string(), type: z.string(), title: z.string(), lang: z.string(), paragraph: z.string().nullable(), details: z.record(z.string(), z.unknown()) })
  .meta({ id: 'RecordChild' });

/** The record as its page shows it: with links, translations, language versions, children and incoming references. */
export const recordDetailSchema = recordSchema
  .extend({
    links: z.array(recordLinkSchema),
    translations: z.array(recordTranslationSchema),
    languageVersions: z.array(z.object({ id: z.string(), lang: z.string(), title: z.string() })),
    children: z.array(recordChildSchema),
    incoming: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), lang: z.string(), text: z.string().nullable() })),
  })
  .meta({ id: 'KnowledgeRecord' });

export const recordVersionSchema = z
  .object({
    version: z.number(),
    changedBy: z.string(),
    changedAt: z.string(),
    note: z.string().nullable(),
    access,
    accessState: z.string().nullable(),
    snapshot: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'RecordVersion' });

export const recordVersionsSchema = z.object({ items: z.array(recordVersionSchema), total: z.number(), next: z.number().nullable() });

export const provisionSchema = z
  .object({ eid: z.string(), heading: z.string().nullable(), text: z.string(), validFrom: z.string(), validTo: z.string().nullable(), change: z.string().nullable() })
  .meta({ id: 'Provision' });

export const provisionsSchema = z.object({ at: z.string().nullable(), items: z.array(provisionSchema) });

export const linkReviewSchema = z.object({ id: z.number(), verified: z.boolean(), rejected: z.boolean() });

export const importOutcomeSchema = z
  .object({
    file: z.string(),
    status: z.enum(['added', 'updated', 'unchanged', 'rejected']),
    reason: z.string().optional(),
    recordId: z.string().optional(),
    type: z.enum(RECORD_TYPES).optional(),
    symbol: z.string().nullable().optional(),
    recommendations: z.number().optional(),
    links: z.number().optional(),
  })
  .meta({ id: 'ImportOutcome' });

export const savedSearchSchema = z
  .object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.unknown()), email: z.boolean(), createdAt: z.string() })
  .meta({ id: 'SavedSearch' });


export const licenceSchema = z.object({ id: z.string(), name: z.string(), url: z.string(), statement: z.string() }).meta({ id: 'Licence' });

