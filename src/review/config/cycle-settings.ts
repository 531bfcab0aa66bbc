import { z } from 'zod';
import { int4, text } from '../../platform/platform.schemas.ts';

/**
 * A review cycle's rules as one JSON document (review_cycles.settings), so that a rule changes without a
 * migration: the cap of reviews one State does, mutual reviews, the most reviewing States per review, the
 * deadlines of resolution 8/2 as it ran in practice, and where entities outside the five regional groups are
 * drawn (pooling). The shape is TEST_CYCLE_SETTINGS' (test-fixtures.ts); the reviews part reads the deadlines
 * through `settingsOf`.
 */

const groupCode = z.string().regex(/^[a-z][a-z-]{1,39}$/, 'must be a regional group code such as weog or asia-pacific');
const iso3Key = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO3 code in capitals such as EUU');

export const deadlinesSchema = z.object({
  /** The focal point is appointed within … days of the review starting (2 weeks). */
  focalPointDays: int4(1, 365),
  /** Governmental experts within … days (4 weeks). */
  expertsDays: int4(1, 365),
  /** The reviewed State answers the questionnaire within … months. */
  answersMonths: int4(1, 60),
  /** Reviewers give written feedback within … months of the answers. */
  feedbackMonths: int4(1, 60),
  /** An invitation link expires after … days. */
  invitationDays: int4(1, 90),
  /** A request for clarification is due after … days. */
  clarificationDays: int4(1, 365),
}).strict();

export const cycleSettings = z.object({
  /** Most reviews one State may do in the cycle. */
  cap: int4(1, 20),
  /** Whether A may review B while B reviews A. */
  allowMutual: z.boolean(),
  /** Most reviewing States per review (two drawn, more only for instruments the two are not party to). */
  maxReviewers: int4(2, 10),
  deadlines: deadlinesSchema,
  /** Entities outside the five regional groups → the group they are drawn in. */
  pooling: z.record(iso3Key, groupCode).refine((r) => Object.keys(r).length <= 50, 'at most 50 pooled entities'),
  /** How a similar legal system is sought: prefer a reviewer sharing a legal family, or ignore it. */
  legalSimilarity: z.enum(['prefer-shared-family', 'ignore']),
}).strict();
export type CycleSettings = z.infer<typeof cycleSettings>;

/** A partial change of the settings (PATCH): deadlines may be given one by one. */
export const cycleSettingsPatch = cycleSettings.omit({ deadlines: true }).partial().extend({ deadlines: deadlinesSchema.partial().optional() }).strict();

/**
 * The defaults, as resolution 8/2 ran in practice. The cap is 3 (helper draw's default in docs/DRAW.md: with about
 * 190 States, two reviewers each and one State's own group small, a cap of 2 leaves slots unfilled).
 */
export const defaultCycleSettings: CycleSettings = {
  cap: 3,
  allowMutual: false,
  maxReviewers: 4,
  deadlines: { focalPointDays: 14, expertsDays: 28, answersMonths: 6, feedbackMonths: 6, invitationDays: 10, clarificationDays: 30 },
  pooling: { EUU: 'weog', VAT: 'weog', COK: 'asia-pacific', NIU: 'asia-pacific' },
  legalSimilarity: 'prefer-shared-family',
};

/** A cycle row's settings, checked; a stored document missing a newer field gets its default. */
export function settingsOf(cycle: { settings: unknown }): CycleSettings {
  const raw = (typeof cycle.settings === 'string' ? JSON.parse(cycle.settings) : cycle.settings) as Partial<CycleSettings> | null;
  return cycleSettings.parse({ ...defaultCycleSettings, ...raw, deadlines: { ...defaultCycleSettings.deadlines, ...raw?.deadlines } });
}

/** The settings after a partial change. */
export function mergeSettings(current: CycleSettings, patch: z.infer<typeof cycleSettingsPatch>): CycleSettings {
  return cycleSettings.parse({ ...current, ...patch, deadlines: { ...current.deadlines, ...patch.deadlines } });
}

export const seedSourceText = text(500);
