import { z } from 'zod';
import { languageSchema } from '../../platform/platform.schemas.ts';
import { OBSERVATION_KINDS, REVIEW_STAGES, TA_CATEGORIES } from '../review.vocabulary.ts';

/**
 * The shapes of the secretariat's analysis and of a cycle's progress (resolution 8/2: aggregate by article,
 * cluster, instrument and regional group — never by State). No shape here carries a State: every row is an
 * article, a cluster, an instrument, a regional group, a TA category or a stage, and rows come in that fixed order.
 */

const code = z.string().regex(/^[A-Za-z0-9._-]{1,60}$/, 'must be a code (letters, digits, . _ -)');

export const analysisQuery = z.object({
  cycle: z.uuid('must be a cycle id (UUID)').optional(),
  instrument: z.string().regex(/^[A-Z0-9]{2,12}$/, 'must be an instrument code such as UNTOC').optional(),
  cluster: code.optional(),
  group: code.optional().describe('a regional group code; "none" for entities outside the five groups'),
  lang: languageSchema.default('en').describe('language of the names of clusters, instruments and groups'),
});
export type AnalysisQuery = z.infer<typeof analysisQuery>;

/** Counts of one row: the items of submitted lists of observations by kind, and the TA needs the reviewed States gave in their answers. */
export const countsSchema = z.object({
  gap: z.number().int(),
  good_practice: z.number().int(),
  suggestion: z.number().int(),
  ta_need: z.number().int(),
  /** Technical-assistance needs stated in submitted answers (questions of type ta_needs), item by item. */
  ta_answered: z.number().int(),
});
export type Counts = z.infer<typeof countsSchema>;
export const COUNT_KEYS = [...OBSERVATION_KINDS, 'ta_answered'] as const satisfies readonly (keyof Counts)[];

const named = { code: z.string(), name: z.string() };

export const analysisSchema = z.object({
  /** The cycles one may filter by, in code order. */
  cycles: z.array(z.object({ id: z.string(), code: z.string(), title: z.string() })),
  filters: z.object({ cycle: z.string().nullable(), instrument: z.string().nullable(), cluster: z.string().nullable(), group: z.string().nullable() }),
  /** How many reviews and lists the figures come from (lists: submitted ones, one per reviewing State). */
  basis: z.object({ reviews: z.number().int(), lists: z.number().int(), answeredReviews: z.number().int() }),
  total: countsSchema,
  /** In instrument order, then article number. An item on several articles counts once for each. */
  byArticle: z.array(z.object({ instrument: z.string(), article: z.number().int(), cluster: z.string().nullable() }).extend(countsSchema.shape)),
  /** Every cluster, in the reference order. */
  byCluster: z.array(z.object(named).extend(countsSchema.shape)),
  /** Every instrument of the mechanism, in the reference order. */
  byInstrument: z.array(z.object(named).extend(countsSchema.shape)),
  /** The reviewed States' regional groups, in the reference order, then "none" (entities outside the five groups). */
  byGroup: z.array(z.object(named).extend(countsSchema.shape)),
  /** TA needs by category (TA_CATEGORIES order) × regional group (reference order): from lists and from answers. */
  taNeeds: z.array(z.object({ category: z.enum(TA_CATEGORIES), group: z.string(), observations: z.number().int(), answers: z.number().int() })),
  /** Good practices and challenges per article, for the working group on technical assistance: no State named. */
  texts: z.array(z.object({
    instrument: z.string(), article: z.number().int(), kind: z.enum(['good_practice', 'gap']), text: z.string(),
    cycle: z.string(), cluster: z.string(),
  })),
}).meta({ id: 'ReviewAnalysis' });
export type Analysis = z.infer<typeof analysisSchema>;

export const analysisCsvQuery = analysisQuery.extend({
  table: z.enum(['articles', 'clusters', 'instruments', 'groups', 'ta-needs', 'texts']).describe('which table of the analysis'),
});

export const progressQuery = z.object({
  cycle: z.uuid('must be a cycle id (UUID)').optional().describe('one cycle; every cycle when absent'),
});

const stageCounts = z.object(Object.fromEntries(REVIEW_STAGES.map((s) => [s, z.number().int()])) as Record<(typeof REVIEW_STAGES)[number], z.ZodNumber>);

export const progressSchema = z.object({
  cycle: z.object({ id: z.string(), code: z.string(), title: z.string() }).nullable(),
  total: z.number().int(),
  /** Every stage in the workflow's order: reviews at it, and steps overdue among them. */
  byStage: z.array(z.object({ stage: z.enum(REVIEW_STAGES), reviews: z.number().int(), overdue: z.number().int() })),
  /** By the cycle's start group (null: not in a group) and work-plan phase (null: cluster outside the plan), in that order. */
  byGroupPhase: z.array(z.object({ group: z.number().int().nullable(), phase: z.number().int().nullable(), total: z.number().int(), overdue: z.number().int(), stages: stageCounts })),
  /** The overdue steps, by what is overdue. */
  overdue: z.object({ focalPoint: z.number().int(), answers: z.number().int(), feedback: z.number().int() }),
}).meta({ id: 'ReviewProgress' });
export type Progress = z.infer<typeof progressSchema>;
