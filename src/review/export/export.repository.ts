import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** What a review's export prints, read in one place (which of it the viewer may see is export.service.ts's business). */

type Names = Record<string, string>;

export async function exportData(db: Db, reviewId: string) {
  const review = await db.selectFrom('reviews').innerJoin('review_cycles as c', 'c.id', 'reviews.cycle_id')
    .select(['reviews.id', 'reviews.reviewed_iso3', 'reviews.cluster_code', 'reviews.instruments', 'reviews.stage', 'reviews.started_on',
      'reviews.answers_submitted_at', 'reviews.question_set_ids', 'c.code as cycle_code', 'c.title as cycle_title'])
    .where('reviews.id', '=', reviewId).executeTakeFirstOrThrow();
  const [reviewers, observations, summaries, steps, publications, answers, stateNames, clusterNames, instrumentNames] = await Promise.all([
    db.selectFrom('review_reviewers').select(['state_iso3', 'slot']).where('review_id', '=', reviewId).orderBy('state_iso3').execute(),
    db.selectFrom('review_observations').select(['reviewing_state', 'kind', 'ta_category', 'instrument_code', 'articles', 'text', 'ordinal'])
      .where('review_id', '=', reviewId).orderBy('reviewing_state').orderBy('ordinal').orderBy('created_at').execute(),
    db.selectFrom('review_summaries').select(['reviewing_state', 'text']).where('review_id', '=', reviewId).execute(),
    db.selectFrom('review_steps').select(['reviewing_state', 'step']).where('review_id', '=', reviewId).execute(),
    db.selectFrom('review_publications').select(['reviewing_state', 'output']).where('review_id', '=', reviewId).execute(),
    sql<{ instrument_code: string; article: number; key: string; texts: Names; answer_type: string; value: unknown }>`
      SELECT qs.instrument_code, q.article, q.key, q.texts, q.answer_type, a.value
        FROM review_answers a JOIN review_questions q ON q.id = a.question_id JOIN review_question_sets qs ON qs.id = q.set_id
        JOIN instruments i ON i.code = qs.instrument_code
       WHERE a.review_id = ${reviewId}::uuid
       ORDER BY i.sort, qs.instrument_code, q.ordinal, q.key`.execute(db),
    sql<{ iso3: string; names: Names }>`SELECT iso3, names FROM states WHERE iso3 IN (SELECT reviewed_iso3 FROM reviews WHERE id = ${reviewId}::uuid
      UNION SELECT state_iso3 FROM review_reviewers WHERE review_id = ${reviewId}::uuid)`.execute(db),
    sql<{ code: string; names: Names }>`SELECT code, names FROM clusters`.execute(db),
    sql<{ code: string; names: Names; sort: number }>`SELECT code, short_names AS names, sort FROM instruments`.execute(db),
  ]);
  return {
    review, reviewers, observations, summaries, steps, publications, answers: answers.rows,
    stateNames: new Map(stateNames.rows.map((s) => [s.iso3, s.names])),
    clusterNames: new Map(clusterNames.rows.map((c) => [c.code, c.names])),
    instruments: instrumentNames.rows,
  };
}
export type ExportData = Awaited<ReturnType<typeof exportData>>;
