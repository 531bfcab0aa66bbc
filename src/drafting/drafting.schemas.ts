import { z } from 'zod';
import { REQUEST_KINDS } from '../reference/measures.ts';
import { LANGUAGES } from '../platform/i18n/languages.ts';
import { int4, queryInt, serialParam } from '../platform/platform.schemas.ts';
import { draftPolicy } from './drafting.policy.ts';
import { actionsSchema, historySchema, stateEnum } from '../platform/workflow/index.ts';
import { draftMachine } from './draft.workflow.ts';
import { routeAnswerSchema } from '../directory/routing.schema.ts';
import { CHANNELS, MEASURE_CODES } from '../reference/measures.ts';
import { draftContentSchema } from './draft.schema.ts';

/** Request and response shapes of the drafting routes (see API.md). The content itself is draft.schema.ts. */

export const idParam = z.object({ id: z.string().uuid('must be a draft id (UUID)') });
export const versionParam = idParam.extend({ version: serialParam('a version number (1, 2, …)') });

const person = z.object({ id: z.string(), name: z.string() }).meta({ id: 'PersonRef' });
export const shareSchema = z.object({ id: z.string(), state: z.string(), note: z.string(), sharedAt: z.string(), sharedBy: person }).meta({ id: 'Share' });
/** The content in answers: the one schema the wizard also uses (every stored content is parsed by it before it is sent). */
const contentSchema = draftContentSchema.meta({ id: 'DraftContent' });
export const pendingCaseSchema = z.object({
  id: z.string(), draftId: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string(),
  kind: z.enum(REQUEST_KINDS), legalBasis: z.string(), measures: z.array(z.string()), urgent: z.boolean(), deadline: z.string().nullable(),
  draftVersion: z.number(), status: z.string(), createdAt: z.string(), createdBy: person,
}).meta({ id: 'PendingCase' });

/** The draft's state in its workflow (draft.workflow.ts): shared = a consultation share is open. */
const draftStatus = stateEnum(draftMachine);

export const draftSchema = z
  .object({
    id: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string().nullable(), kind: z.enum(REQUEST_KINDS),
    title: z.string(), status: draftStatus, version: z.number(),
    content: contentSchema,
    createdBy: person, createdAt: z.string(), updatedBy: person, updatedAt: z.string(), duplicatedFrom: z.string().nullable(),
    finalisedAt: z.string().nullable(), finalisedBy: person.nullable(), case: pendingCaseSchema.nullable(),
    finalDocument: z.object({ fileName: z.string(), mediaType: z.string(), language: z.string(), size: z.number(), sha256: z.string(), storedAt: z.string() }).nullable(),
    shares: z.array(shareSchema),
    access: z.enum(['owner', 'consultation']),
    permissions: draftPolicy.permissionsSchema,
    actions: actionsSchema(draftMachine),
  })
  .meta({ id: 'Draft' });

export const draftSummarySchema = z.object({
  id: z.string(), reference: z.string(), requestingState: z.string(), requestedState: z.string().nullable(), kind: z.enum(REQUEST_KINDS),
  title: z.string(), status: draftStatus, version: z.number(), updatedAt: z.string(), createdBy: person, shared: z.boolean(),
}).meta({ id: 'DraftSummary' });

export const listQuery = z.object({
  status: draftStatus.optional(),
  kind: z.enum(REQUEST_KINDS).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: queryInt(0).default(0),
});

export const createBody = z.object({ content: z.record(z.string(), z.unknown()).optional().describe('DraftContent input; anything omitted starts empty') }).strict();
export const patchBody = z
  .object({
    version: int4(1).describe('the version you last saw'),
    content: z.record(z.string(), z.unknown()).describe('a JSON merge patch (RFC 7396) of the content'),
  })
  .strict();
export const versionBody = z.object({ version: int4(1).describe('the version you checked') }).strict();
export const compareQuery = z.object({ from: serialParam('a version number').optional(), to: serialParam('a version number').optional() });
export const langQuery = z.object({ lang: z.enum(LANGUAGES).optional() });
export const shareBody = z.object({ note: z.string().max(2000).default('') }).strict();
export const JSON_PATH = /^\$(\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*$/;
export const commentBody = z
  .object({
    body: z.string().trim().min(1, 'must not be empty').max(10_000),
    path: z.string().regex(JSON_PATH, 'must be a JSON path into the draft such as $.facts.summary or $.persons[0].name').max(300).optional(),
    audience: z.enum(['internal', 'consultation']).optional(),
  })
  .strict();

export const commentSchema = z.object({
  id: z.string(), body: z.string(), path: z.string().nullable(), audience: z.enum(['internal', 'consultation']),
  author: z.object({ id: z.string(), name: z.string(), state: z.string().nullable() }), version: z.number(), createdAt: z.string(),
}).meta({ id: 'DraftComment' });

export const draftHistorySchema = historySchema(draftMachine).meta({ id: 'DraftHistory' });

/* ---------- Response shapes of the other drafting routes ---------- */

export const versionInfoSchema = z.object({ version: z.number(), title: z.string(), changedAt: z.string(), changedBy: person }).meta({ id: 'DraftVersionInfo' });
export const versionContentSchema = versionInfoSchema.extend({ content: contentSchema }).meta({ id: 'DraftVersion' });

export const comparisonSchema = z
  .object({ from: z.number(), to: z.number(), changes: z.array(z.object({ path: z.string(), change: z.enum(['added', 'removed', 'changed']), before: z.unknown(), after: z.unknown() })) })
  .meta({ id: 'DraftComparison' });

const answer = routeAnswerSchema.shape;
export const checkReportSchema = z
  .object({
    ok: z.boolean(),
    errors: z.number(),
    warnings: z.number(),
    results: z.array(
      z
        .object({
          id: z.string(),
          family: z.string(),
          severity: z.enum(['error', 'warning']),
          path: z.string().describe('JSON path into the draft'),
          step: z.string().describe('the wizard step that holds the field'),
          message: z.string(),
          fix: z.string(),
          params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
        })
        .meta({ id: 'CheckResult' }),
    ),
    directory: z
      .object({
        authority: answer.authority,
        languages: answer.languages,
        channels: answer.channels,
        legalBasis: answer.legalBasis,
        requirements: answer.requirements,
        unknown: answer.unknown,
        measures: z.record(z.string(), answer.measure),
      })
      .nullable()
      .describe('what the directory said for the requested State (null until one is chosen or when it could not answer)'),
  })
  .meta({ id: 'CheckReport' });

const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
export const draftingReferenceSchema = z
  .object({
    // the server's own constant lists (readonly in TypeScript)
    kinds: list(z.enum(REQUEST_KINDS)),
    measures: list(z.object({ code: z.enum(MEASURE_CODES), kinds: list(z.enum(REQUEST_KINDS)), article: z.string(), coercive: z.boolean(), electronic: z.boolean() })),
    channels: list(z.enum(CHANNELS)),
    languages: list(z.enum(LANGUAGES)),
    legalBasisTypes: z.array(z.object({ code: z.string(), implies: z.string() })),
    proceedingTypes: list(z.string()),
    personRoles: list(z.string()),
    identifierTypes: list(z.string()),
    propertyTypes: list(z.string()),
    attachmentKinds: list(z.string()),
    emptyDraft: contentSchema,
    checkIds: list(z.string()),
  })
  .meta({ id: 'DraftingReference' });
