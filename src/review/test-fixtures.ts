import type { Db } from '../platform/db/database.ts';
import type { ParticipantRole, ReviewSide, ReviewStage } from './review.vocabulary.ts';

/**
 * Test data for the review module's parts, written straight into the tables so that each part can be tested
 * without the others (the seed, the draws and the nominations have their own tests). Not used by the application.
 */

export const TEST_CYCLE_SETTINGS = {
  cap: 2,
  allowMutual: false,
  maxReviewers: 4,
  deadlines: { focalPointDays: 14, expertsDays: 28, answersMonths: 6, feedbackMonths: 6, invitationDays: 10, clarificationDays: 30 },
  pooling: { EUU: 'weog', VAT: 'weog', COK: 'asia-pacific', NIU: 'asia-pacific' },
  legalSimilarity: 'prefer-shared-family',
};

export async function createTestCycle(db: Db, code = `T${Math.random().toString(36).slice(2, 8)}`, opts: { instruments?: string[]; startYear?: number } = {}) {
  const row = await db.insertInto('review_cycles').values({
    code, title: `Test cycle ${code}`, main_instrument: 'UNTOC', instruments: opts.instruments ?? ['UNTOC', 'TIP', 'SOM', 'FIR'],
    start_year: opts.startYear ?? 2026, settings: JSON.stringify(TEST_CYCLE_SETTINGS), status: 'active',
  }).returningAll().executeTakeFirstOrThrow();
  await db.insertInto('review_plan_phases').values([
    { cycle_id: row.id, phase: 1, cluster_codes: ['criminalization-jurisdiction', 'international-cooperation'], year_offset: 0, years: 2 },
    { cycle_id: row.id, phase: 2, cluster_codes: ['law-enforcement-judicial', 'prevention-assistance-protection'], year_offset: 2, years: 2 },
  ]).execute();
  return row;
}

export interface TestParticipant {
  userId: string;
  state: string;
  side: ReviewSide;
  role: ParticipantRole;
  name?: string;
  /** Default 'active'. */
  status?: 'nominated' | 'invited' | 'active' | 'expired' | 'revoked';
}

/** A review of `reviewed` by `reviewers` (own-group first), with its participants, at a stage. */
export async function createTestReview(db: Db, opts: {
  cycleId?: string;
  reviewed: string;
  reviewers: string[];
  cluster?: string;
  instruments?: string[];
  stage?: ReviewStage;
  participants?: TestParticipant[];
  questionSetIds?: string[];
}) {
  const cycleId = opts.cycleId ?? (await createTestCycle(db)).id;
  const review = await db.insertInto('reviews').values({
    cycle_id: cycleId, reviewed_iso3: opts.reviewed, cluster_code: opts.cluster ?? 'criminalization-jurisdiction',
    instruments: opts.instruments ?? ['UNTOC'], draw_id: null, stage: opts.stage ?? 'nominating', started_on: '2026-01-15',
    question_set_ids: opts.questionSetIds ?? [],
  }).returningAll().executeTakeFirstOrThrow();
  if (opts.reviewers.length) {
    await db.insertInto('review_reviewers').values(opts.reviewers.map((s, i) => ({
      review_id: review.id, state_iso3: s, slot: i === 0 ? 'own-group' as const : i === 1 ? 'other-group' as const : 'additional' as const, instruments: opts.instruments ?? ['UNTOC'],
    }))).execute();
  }
  for (const p of opts.participants ?? []) {
    await db.insertInto('review_participants').values({
      review_id: review.id, state_iso3: p.state, side: p.side, role: p.role, user_id: p.userId, name: p.name ?? `${p.role} ${p.state}`,
      status: p.status ?? 'active', accepted_at: (p.status ?? 'active') === 'active' ? new Date() : null,
    }).execute();
  }
  return review;
}
