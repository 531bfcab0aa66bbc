import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/database.ts';
import { createTestCycle, createTestReview } from '../test-fixtures.ts';
import type { ObservationKind, ReviewStage } from '../review.vocabulary.ts';

/**
 * Reviews with lists of observations (some submitted, one not), TA needs in answers (submitted and not), in two
 * cycles, written straight into the tables: the analysis' tests and the no-ranking scan read them. The figures the
 * analysis must give for them are written out in analysis.test.ts by hand, not computed from here.
 */

type Item = { kind: ObservationKind; articles: number[]; instrument?: string; ta?: string | null; text?: string };

async function list(db: Db, reviewId: string, state: string, items: Item[], submitted: boolean) {
  await db.insertInto('review_observations').values(items.map((it, n) => ({
    review_id: reviewId, reviewing_state: state, kind: it.kind, ta_category: it.ta ?? null, instrument_code: it.instrument ?? 'UNTOC',
    articles: it.articles, text: it.text ?? `${state} ${it.kind} on ${it.articles.join(',')}`, ordinal: n + 1, author_name: `Expert ${state}`,
  }))).execute();
  if (submitted) {
    await db.insertInto('review_steps').values([
      { review_id: reviewId, reviewing_state: state, step: 'observations_agreed', done_by_name: 'Focal point' },
      { review_id: reviewId, reviewing_state: state, step: 'observations', done_by_name: `Focal point ${state}` },
    ]).execute();
  }
}

async function taQuestion(db: Db, cluster: string) {
  const set = await db.insertInto('review_question_sets').values({ instrument_code: 'UNTOC', cluster_code: cluster, version: 1, status: 'published', published_at: new Date() })
    .returning('id').executeTakeFirstOrThrow();
  const q = await db.insertInto('review_questions').values({
    set_id: set.id, key: `UNTOC-5-ta-${cluster}`.slice(0, 60), article: 5, ordinal: 1, answer_type: 'ta_needs',
    texts: { en: 'What technical assistance would help implement article 5?', fr: 'Quelle assistance technique aiderait à appliquer l’article 5 ?' },
    content_sha256: createHash('sha256').update(cluster).digest('hex'),
  }).returning('id').executeTakeFirstOrThrow();
  return { setId: set.id, questionId: q.id };
}

export interface AnalysisSeed {
  cycleId: string;
  otherCycleId: string;
  reviews: Record<'MEX' | 'KEN' | 'FRA' | 'ITA' | 'EUU' | 'CHN', string>;
}

/** Seeds the reviews; `participants` adds active participants (user ids) to the MEX review for access tests. */
export async function seedAnalysis(db: Db, participants: { reviewedFocalPoint?: string; reviewingExpert?: string; otherReviewingExpert?: string } = {}): Promise<AnalysisSeed> {
  const cycle = await createTestCycle(db);
  const other = await createTestCycle(db);
  const review = (reviewed: string, reviewers: string[], stage: ReviewStage, cluster = 'criminalization-jurisdiction', cycleId = cycle.id, ps: Parameters<typeof createTestReview>[1]['participants'] = []) =>
    createTestReview(db, { cycleId, reviewed, reviewers, stage, cluster, instruments: ['UNTOC', 'TIP'], participants: ps });

  const mex = await review('MEX', ['BRA', 'ESP'], 'observations', 'criminalization-jurisdiction', cycle.id, [
    ...(participants.reviewedFocalPoint ? [{ userId: participants.reviewedFocalPoint, state: 'MEX', side: 'reviewed' as const, role: 'focal_point' as const }] : []),
    ...(participants.reviewingExpert ? [{ userId: participants.reviewingExpert, state: 'BRA', side: 'reviewing' as const, role: 'expert' as const }] : []),
    ...(participants.otherReviewingExpert ? [{ userId: participants.otherReviewingExpert, state: 'ESP', side: 'reviewing' as const, role: 'expert' as const }] : []),
  ]);
  await list(db, mex.id, 'BRA', [
    { kind: 'gap', articles: [5, 6], text: 'The offence of participation in an organized criminal group does not cover the agreement to commit a serious crime.' },
    { kind: 'good_practice', articles: [5], text: 'Specialised prosecutors handle organized crime cases from the start.' },
    { kind: 'ta_need', articles: [23], ta: 'capacity_building' },
    { kind: 'suggestion', articles: [3], instrument: 'TIP' },
  ], true);
  await list(db, mex.id, 'ESP', [{ kind: 'gap', articles: [5], text: 'ESP draft gap, not submitted' }], false);
  await db.insertInto('review_summaries').values({ review_id: mex.id, reviewing_state: 'BRA', text: 'Mexico has criminalized participation in an organized criminal group (art. 5) since 1996.', updated_by_name: 'Focal point BRA' }).execute();
  await db.insertInto('review_steps').values({ review_id: mex.id, reviewing_state: 'BRA', step: 'summary', done_by_name: 'Focal point BRA' }).execute();
  await db.insertInto('review_summaries').values({ review_id: mex.id, reviewing_state: 'ESP', text: 'ESP draft summary, not submitted', updated_by_name: 'Expert ESP' }).execute();

  const ken = await review('KEN', ['NGA', 'DEU'], 'observations', 'international-cooperation');
  await list(db, ken.id, 'NGA', [
    { kind: 'gap', articles: [18] },
    { kind: 'good_practice', articles: [18] },
    { kind: 'good_practice', articles: [16] },
  ], true);
  await list(db, ken.id, 'DEU', [
    { kind: 'ta_need', articles: [18], ta: 'legislative_assistance' },
    { kind: 'ta_need', articles: [13], ta: null },
  ], true);

  // TA needs in answers: FRA's answers submitted (counted), ITA's not (not counted)
  const crim = await taQuestion(db, 'criminalization-jurisdiction');
  const fra = await review('FRA', ['ITA', 'CHN'], 'desk_review');
  // answers submitted long ago: both reviewing States' feedback is overdue
  await db.updateTable('reviews').set({ answers_submitted_at: new Date('2020-03-01T00:00:00Z'), question_set_ids: [crim.setId] }).where('id', '=', fra.id).execute();
  await db.insertInto('review_answers').values({
    review_id: fra.id, question_id: crim.questionId, updated_by_name: 'Focal point FRA',
    value: JSON.stringify({ items: [{ category: 'capacity_building', description: 'Training of judges' }, { category: 'institution_building', description: 'A central register' }] }),
  }).execute();
  const ita = await review('ITA', ['FRA', 'CHN'], 'nominating');
  // started long ago without a focal point: its focal point and its answers are overdue
  await db.updateTable('reviews').set({ started_on: '2020-01-15' }).where('id', '=', ita.id).execute();
  await db.insertInto('review_answers').values({
    review_id: ita.id, question_id: crim.questionId, updated_by_name: 'Expert ITA',
    value: JSON.stringify({ items: [{ category: 'policymaking', description: 'not submitted yet' }] }),
  }).execute();

  // an entity outside the five regional groups
  const euu = await review('EUU', ['FRA', 'CHN'], 'summary');
  await list(db, euu.id, 'FRA', [{ kind: 'suggestion', articles: [10] }], true);

  // another cycle: counted only without the cycle filter
  const chn = await review('CHN', ['JPN', 'FRA'], 'observations', 'criminalization-jurisdiction', other.id);
  await list(db, chn.id, 'JPN', [{ kind: 'gap', articles: [5] }], true);

  await db.insertInto('review_groups').values([{ cycle_id: cycle.id, group_no: 1, start_year: 2026 }, { cycle_id: cycle.id, group_no: 2, start_year: 2027 }]).execute();
  await db.insertInto('review_group_members').values([
    { cycle_id: cycle.id, iso3: 'MEX', group_no: 1, draw_id: null }, { cycle_id: cycle.id, iso3: 'KEN', group_no: 1, draw_id: null },
    { cycle_id: cycle.id, iso3: 'FRA', group_no: 2, draw_id: null }, { cycle_id: cycle.id, iso3: 'ITA', group_no: 2, draw_id: null },
  ]).execute();
  return { cycleId: cycle.id, otherCycleId: other.id, reviews: { MEX: mex.id, KEN: ken.id, FRA: fra.id, ITA: ita.id, EUU: euu.id, CHN: chn.id } };
}
