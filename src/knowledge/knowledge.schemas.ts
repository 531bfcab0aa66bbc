import { z } from 'zod';
import { int4, isoDate } from '../platform/platform.schemas.ts';
import { RECORD_TYPES } from './knowledge.tables.ts';

// the record types are part of the module's contract: others (the CLI, the UI) take them from here, not from its tables
export { RECORD_TYPES, type RecordType } from './knowledge.tables.ts';

/** Record input and output shapes; type-specific details are validated by the type's own schema. */

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code (upper case)');
const bcp47 = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as en or zh');
const instrument = z.enum(['UNTOC', 'TIP', 'SOM', 'FIR', 'UNCAC', 'DRUG1988']);

export const CRIME_TYPES = [
  'organized-crime-group', 'money-laundering', 'corruption', 'obstruction-of-justice', 'trafficking-in-persons',
  'smuggling-of-migrants', 'firearms', 'drug-trafficking', 'cybercrime', 'environmental-crime', 'cultural-property',
  'counterfeiting', 'fraud', 'kidnapping', 'extortion', 'terrorism-financing', 'other',
] as const;

const legalBasis = z.object({
  kind: z.enum(['convention', 'treaty', 'reciprocity', 'domestic-law']),
  instrument: instrument.optional(),
  article: int4(1).optional(),
  treaty: z.string().max(300).optional(),
});

const cooperation = z.object({
  kind: z.enum(['mla', 'extradition', 'confiscation', 'transfer-of-proceedings', 'transfer-of-sentenced-persons', 'joint-investigation', 'law-enforcement']),
  requesting: iso3,
  requested: iso3,
  legalBasis,
  outcome: z.enum(['granted', 'partly-granted', 'refused', 'pending', 'withdrawn', 'unknown']),
});

const participant = z.object({
  role: z.enum(['defendant', 'victim', 'witness', 'other']),
  kind: z.enum(['natural', 'legal']),
  name: z.string().max(200).optional(),
  anonymised: z.boolean().default(true),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  age: z.number().int().min(0).max(120).optional(),
  nationality: iso3.optional(),
});

/** Trafficking in persons: the elements of TIP art. 3, as controlled values rather than keywords. */
const trafficking = z.object({
  acts: z.array(z.enum(['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'])).min(1),
  means: z.array(z.enum(['threat', 'force', 'coercion', 'abduction', 'fraud', 'deception', 'abuse-of-power', 'abuse-of-vulnerability', 'payments', 'none-child-victim'])),
  purposes: z.array(z.enum(['sexual-exploitation', 'forced-labour', 'slavery', 'servitude', 'organ-removal', 'forced-criminality', 'forced-marriage', 'begging', 'other'])).min(1),
  form: z.enum(['domestic', 'transnational']).optional(),
  sector: z.string().max(100).optional(),
});

export const detailsSchemas = {
  legislation: z.object({
    lawTitle: z.string().min(1).max(500),
    lawNumber: z.string().max(100).optional(),
    enactedOn: isoDate.optional(),
    inForceOn: isoDate.optional(),
    repealedOn: isoDate.optional(),
    amendments: z.array(z.object({ by: z.string().max(300), on: isoDate })).default([]),
  }),
  case: z.object({
    court: z.string().min(1).max(300),
    caseNumber: z.string().min(1).max(100),
    ecli: z.string().regex(/^ECLI:[A-Z]{2}:[A-Z0-9.]+:\d{4}:[A-Z0-9.]+$/, 'must be an ECLI such as ECLI:NL:HR:2019:1234').optional(),
    neutralCitation: z.string().max(100).optional(),
    stage: z.enum(['investigation', 'first-instance', 'appeal', 'final']),
    participants: z.array(participant).default([]),
    charges: z.array(z.object({ statute: z.string().max(300), description: z.string().max(1000).optional(), verdict: z.enum(['convicted', 'acquitted', 'dismissed', 'pending']).optional(), sentence: z.string().max(500).optional() })).default([]),
    factSummary: z.record(bcp47, z.string().max(20000)).default({}),
    commentary: z.string().max(20000).optional(),
    cooperation: z.array(cooperation).default([]),
    trafficking: trafficking.optional(),
  }),
  'cooperation-case': z.object({ cooperation, crimeType: z.enum(CRIME_TYPES), year: z.number().int().min(1990).max(2100).optional(), summary: z.string().max(20000).optional() }),
  'cop-document': z.object({ symbols: z.array(z.string().max(100)).default([]), body: z.string().max(100).optional(), meeting: z.object({ start: isoDate.optional(), end: isoDate.optional(), place: z.string().max(200).optional() }).optional() }),
  recommendation: z.object({ addressees: z.array(z.enum(['states', 'secretariat', 'conference', 'working-group', 'other'])).default([]), paragraph: z.string().max(100).optional(), body: z.string().max(100).optional() }),
  guide: z.object({ publisher: z.string().max(300).optional(), url: z.string().url().optional() }),
  bibliography: z.object({ authors: z.array(z.string().max(200)).default([]), publisher: z.string().max(300).optional(), year: int4(1, 9999).optional(), url: z.string().url().optional() }),
  'database-link': z.object({ url: z.string().url(), coverage: z.string().max(500).optional() }),
} as const;

export const linkInput = z.object({
  predicate: z.enum(['implements', 'criminalises', 'defines', 'designates-authority', 'legal-basis-extradition', 'legal-basis-mla', 'cites', 'refers-to']),
  instrument,
  article: z.number().int().positive().max(200),
  paragraph: z.number().int().positive().max(100).optional(),
  subparagraph: z.string().regex(/^[a-z]{1,2}$/).optional(),
});

/** Record fields without defaults: a PATCH must only change what it names (zod's partial() keeps defaults). */
const recordFields = {
  type: z.enum(RECORD_TYPES),
  title: z.string().trim().min(1).max(1000),
  lang: bcp47,
  symbol: z.string().max(100),
  states: z.array(iso3).max(200),
  date: isoDate,
  dates: z.partialRecord(z.enum(['adopted', 'decided', 'published', 'in_force', 'enacted']), isoDate),
  sourceUrl: z.string().url().max(2000),
  fullText: z.string().max(2_000_000),
  details: z.record(z.string(), z.unknown()),
  crimes: z.array(z.enum(CRIME_TYPES)),
  topics: z.array(z.string().max(100)).max(50),
  access: z.enum(['public', 'practitioners', 'state']),
  accessState: iso3,
  workId: z.string().uuid(),
  links: z.array(linkInput).max(500),
};

export const recordInput = z.object({
  ...recordFields,
  symbol: recordFields.symbol.optional(),
  states: recordFields.states.default([]),
  date: recordFields.date.optional(),
  dates: recordFields.dates.default({}),
  sourceUrl: recordFields.sourceUrl.optional(),
  fullText: recordFields.fullText.default(''),
  details: recordFields.details.default({}),
  crimes: recordFields.crimes.default([]),
  topics: recordFields.topics.default([]),
  access: recordFields.access.default('public'),
  accessState: recordFields.accessState.optional(),
  workId: recordFields.workId.optional(),
  links: recordFields.links.default([]),
});
export type RecordInput = z.infer<typeof recordInput>;

const { type: _type, ...patchable } = recordFields;
/** The version the editor read, required on every change of a record (optimistic concurrency: a stale one is a 409). */
export const expectedVersion = z.number({ error: 'send the version of the record you read (its "version")' }).int().min(1);
export const recordPatch = z.object(patchable).partial().extend({ note: z.string().max(500).optional(), expectedVersion });

export const translationInput = z.object({
  field: z.enum(['title', 'fullText', 'factSummary', 'commentary']),
  lang: bcp47,
  value: z.string().min(1).max(2_000_000),
  kind: z.enum(['official', 'unofficial', 'machine']),
});
