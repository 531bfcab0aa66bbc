import { z } from 'zod';
import { iso3Schema, isoDate, text } from '../../platform/platform.schemas.ts';
import { CASE_CHANNELS, CASE_KINDS, CRIME_TYPES, DIRECTIONS, LEGAL_BASES, REFUSAL_GROUNDS } from '../case.vocabulary.ts';
import { STAGE_NAMES } from './stages.ts';

/**
 * The statistics' API shapes: the query (the same filters and `by` as `palermo cases stats`), a group's figures,
 * the aggregate table a State submits, and the secretariat's combination of submissions.
 */

/** What the statistics group by: one or two of these (`by=kind,legal-basis`). */
export const DIMENSIONS = [
  'kind', 'direction', 'counterpart', 'regional-group', 'measure', 'legal-basis', 'crime-type', 'outcome', 'refusal-ground', 'channel', 'month', 'year',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** The final outcomes a case records (the machine's ends, 0017_cases.sql `outcome`). */
export const OUTCOMES = ['executed', 'partially-executed', 'refused', 'withdrawn', 'returned', 'forwarded'] as const;

const code = (max: number) => text(max).regex(/^[A-Za-z0-9][A-Za-z0-9 _.:-]*$/, 'must be a code such as taking-evidence');

/** `by`: one or two dimensions, comma-separated, different. */
export const bySchema = z
  .string()
  .max(60)
  .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
  .pipe(z.array(z.enum(DIMENSIONS)).min(1, 'give one or two of: ' + DIMENSIONS.join(', ')).max(2, 'at most two dimensions'))
  .refine((a) => new Set(a).size === a.length, 'the two dimensions must differ');

export const statsFilters = z.object({
  from: isoDate.optional().describe('first day of the period (received date for incoming cases, sent date for outgoing)'),
  to: isoDate.optional().describe('last day of the period, included'),
  direction: z.enum(DIRECTIONS).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  counterpart: iso3Schema.optional(),
  regionalGroup: code(60).optional(),
  measure: code(80).optional(),
  legalBasis: z.enum(LEGAL_BASES).optional(),
  crimeType: z.enum(CRIME_TYPES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  refusalGround: z.enum(REFUSAL_GROUNDS).optional(),
  channel: z.enum(CASE_CHANNELS).optional(),
});
export type StatsFilters = z.infer<typeof statsFilters>;

const periodOk = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const periodIssue = { message: '`from` must not be after `to`', path: ['to'] };

export const statsQuery = statsFilters.extend({ by: bySchema.optional() }).refine(periodOk, periodIssue);
export type StatsQuery = z.infer<typeof statsQuery>;

const distribution = z.object({
  median: z.number().nullable().describe('days; percentile_cont(0.5)'),
  p90: z.number().nullable().describe('days; percentile_cont(0.9)'),
  n: z.number().describe('cases with this duration known'),
});

export const statsGroupSchema = z.object({
  keys: z.record(z.string(), z.string().nullable()),
  count: z.number(),
  closed: z.number(),
  convention: z.number().describe('cases whose legal basis is the Convention'),
  outside: z.number().describe('cases handled outside the system (channel other than the platform)'),
  totalDays: distribution,
  stages: z.object(Object.fromEntries(STAGE_NAMES.map((s) => [s, distribution])) as Record<(typeof STAGE_NAMES)[number], typeof distribution>),
});
export type StatsGroup = z.infer<typeof statsGroupSchema>;

export const statsSchema = z.object({
  state: z.string(),
  filters: z.record(z.string(), z.string()),
  by: z.array(z.enum(DIMENSIONS)),
  total: statsGroupSchema,
  conventionShare: z.number().nullable().describe('share of the cases whose legal basis is the Convention (0–1)'),
  groups: z.array(statsGroupSchema),
  method: z.string(),
}).meta({ id: 'CaseStatistics' });
export type Stats = z.infer<typeof statsSchema>;

/* ---------- submissions to the secretariat ---------- */

export const submissionBody = z.object({
  from: isoDate,
  to: isoDate,
  by: z.array(z.enum(DIMENSIONS)).min(1).max(2).refine((a) => new Set(a).size === a.length, 'the two dimensions must differ'),
  direction: z.enum(DIRECTIONS).optional(),
}).refine(periodOk, periodIssue);
export type SubmissionBody = z.infer<typeof submissionBody>;

const count = z.number().nullable().describe('null when under the threshold (suppressed)');
export const submittedCellSchema = z.object({
  keys: z.record(z.string(), z.string().nullable()),
  suppressed: z.boolean(),
  count,
  closed: count,
  convention: count,
  outside: count,
  totalDays: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
});
export type SubmittedCell = z.infer<typeof submittedCellSchema>;

export const submissionSchema = z.object({
  id: z.string(),
  state: z.string(),
  regionalGroup: z.string().nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  from: z.string(),
  to: z.string(),
  by: z.array(z.string()),
  filters: z.record(z.string(), z.unknown()),
  threshold: z.number(),
  cellCount: z.number(),
  /** Only for the submitting State's own officers; the secretariat's list holds the metadata (it reads cells combined). */
  cells: z.array(submittedCellSchema).optional(),
}).meta({ id: 'CaseStatSubmission' });
export type Submission = z.infer<typeof submissionSchema>;

export const combinedQuery = z.object({
  from: isoDate,
  to: isoDate,
  by: bySchema,
  direction: z.enum(DIRECTIONS).optional().describe('only submissions made with this direction filter (none: those made without one)'),
  across: z.enum(['all', 'regional-group']).default('all').describe('combine all submitting States, or per regional group of the submitting State'),
}).refine(periodOk, periodIssue);
export type CombinedQuery = z.infer<typeof combinedQuery>;

export const combinedCellSchema = z.object({
  regionalGroup: z.string().nullable().describe('the submitting States’ regional group (across=regional-group), else null'),
  keys: z.record(z.string(), z.string().nullable()),
  states: z.number().describe('States whose submission has this cell unsuppressed'),
  suppressedStates: z.number().describe('States whose cell was suppressed (under the threshold): not in the sums'),
  count: z.number(),
  closed: z.number(),
  convention: z.number(),
  outside: z.number(),
  medianDays: z.object({
    min: z.number().nullable(),
    max: z.number().nullable(),
    weightedMedianOfMedians: z.number().nullable(),
  }).describe('the range of the States’ medians and their median weighted by closed cases: NOT the median over all cases'),
});

export const combinedSchema = z.object({
  from: z.string(),
  to: z.string(),
  by: z.array(z.string()),
  direction: z.string().nullable(),
  across: z.enum(['all', 'regional-group']),
  submissions: z.number(),
  cells: z.array(combinedCellSchema),
  method: z.string(),
}).meta({ id: 'CaseStatCombined' });
export type Combined = z.infer<typeof combinedSchema>;
