import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';

/**
 * The SQL the module's shared core needs (the workflow's context). Each part of the module (config, draws,
 * questionnaires, participants, desk, analysis, export) keeps its own queries in its own repository file.
 */
type Conn = Db | Transaction<Database>;

/** The latest published question set per instrument for a cluster (what a review answers when its questionnaire opens). */
export async function latestPublishedSets(db: Conn, cluster: string, instruments: readonly string[]): Promise<string[]> {
  if (instruments.length === 0) return [];
  const rows = await db.selectFrom('review_question_sets').select(['id', 'instrument_code', 'version'])
    .where('cluster_code', '=', cluster).where('status', '=', 'published').where('instrument_code', 'in', [...instruments])
    .orderBy('instrument_code').orderBy('version', 'desc').execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.instrument_code) && seen.add(r.instrument_code)).map((r) => r.id);
}

/**
 * Questions of the review's question sets that have no answer yet — leaving out those on articles reviewed only for
 * non-parties to another instrument when the reviewed State is a party to it (UNTOC 8 and 9 for UNCAC parties).
 */
export async function unansweredCount(db: Conn, reviewId: string, setIds: readonly string[]): Promise<number> {
  if (setIds.length === 0) return 0;
  const r = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM review_questions q
    JOIN review_question_sets s ON s.id = q.set_id
    JOIN reviews r ON r.id = ${reviewId}
    LEFT JOIN cluster_articles ca ON ca.instrument_code = s.instrument_code AND ca.article = q.article AND ca.cluster_code = r.cluster_code
    WHERE q.set_id = ANY(${sql.val(setIds)}::uuid[])
      AND NOT EXISTS (SELECT 1 FROM review_answers a WHERE a.review_id = ${reviewId} AND a.question_id = q.id)
      AND NOT EXISTS (SELECT 1 FROM party_status ps WHERE ps.iso3 = r.reviewed_iso3
                      AND ps.instrument_code = ca.only_if_not_party_to AND ps.status = 'party')`.execute(db);
  return r.rows[0]?.n ?? 0;
}

/** Which reviewing States have done which step. */
export async function stepsDone(db: Conn, reviewId: string): Promise<Array<{ reviewing_state: string; step: string }>> {
  return db.selectFrom('review_steps').select(['reviewing_state', 'step']).where('review_id', '=', reviewId).execute();
}

export async function hasActiveFocalPoint(db: Conn, reviewId: string, state: string): Promise<boolean> {
  const r = await db.selectFrom('review_participants').select('id')
    .where('review_id', '=', reviewId).where('state_iso3', '=', state).where('role', '=', 'focal_point').where('status', '=', 'active')
    .executeTakeFirst();
  return !!r;
}
