import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * The rows the analysis and the progress are computed from. Only what the mechanism has produced counts: items of
 * lists of observations their reviewing State has submitted (review_steps 'observations'), and answers of reviews
 * whose answers the reviewed State has submitted. No row carries the reviewed or reviewing State: only the reviewed
 * State's regional group, which is what the analysis groups by.
 */

export interface Filters {
  cycle?: string | undefined;
  instrument?: string | undefined;
  cluster?: string | undefined;
  /** A regional group code, or 'none' for entities outside the five groups. */
  group?: string | undefined;
}

function where(f: Filters, instrumentColumn: 'o.instrument_code' | 'qs.instrument_code') {
  const parts = [sql`true`];
  if (f.cycle) parts.push(sql`r.cycle_id = ${f.cycle}::uuid`);
  if (f.instrument) parts.push(sql`${sql.ref(instrumentColumn)} = ${f.instrument}`);
  if (f.cluster) parts.push(sql`r.cluster_code = ${f.cluster}`);
  if (f.group === 'none') parts.push(sql`s.regional_group IS NULL`);
  else if (f.group) parts.push(sql`s.regional_group = ${f.group}`);
  return sql.join(parts, sql` AND `);
}

export interface ObservationRow {
  review_id: string;
  reviewing_state_key: string;
  kind: string;
  ta_category: string | null;
  instrument_code: string;
  articles: number[];
  text: string;
  cluster_code: string;
  regional_group: string | null;
  cycle_code: string;
}

/** Items of submitted lists of observations. reviewing_state_key only tells lists apart (counted, never returned). */
export async function submittedObservations(db: Db, f: Filters): Promise<ObservationRow[]> {
  const { rows } = await sql<ObservationRow>`
    SELECT o.review_id, o.review_id::text || '/' || o.reviewing_state AS reviewing_state_key, o.kind, o.ta_category,
           o.instrument_code, o.articles, o.text, r.cluster_code, s.regional_group, c.code AS cycle_code
      FROM review_observations o
      JOIN reviews r ON r.id = o.review_id
      JOIN review_cycles c ON c.id = r.cycle_id
      JOIN states s ON s.iso3 = r.reviewed_iso3
     WHERE EXISTS (SELECT 1 FROM review_steps st
                    WHERE st.review_id = o.review_id AND st.reviewing_state = o.reviewing_state AND st.step = 'observations')
       AND ${where(f, 'o.instrument_code')}
     ORDER BY o.instrument_code, c.code, r.cluster_code, o.ordinal, o.id`.execute(db);
  return rows;
}

export interface TaAnswerRow {
  review_id: string;
  value: unknown;
  instrument_code: string;
  article: number;
  cluster_code: string;
  regional_group: string | null;
}

/** Answers to questions of type ta_needs, of reviews whose answers were submitted. */
export async function submittedTaAnswers(db: Db, f: Filters): Promise<TaAnswerRow[]> {
  const { rows } = await sql<TaAnswerRow>`
    SELECT a.review_id, a.value, qs.instrument_code, q.article, r.cluster_code, s.regional_group
      FROM review_answers a
      JOIN review_questions q ON q.id = a.question_id
      JOIN review_question_sets qs ON qs.id = q.set_id
      JOIN reviews r ON r.id = a.review_id
      JOIN states s ON s.iso3 = r.reviewed_iso3
     WHERE q.answer_type = 'ta_needs' AND r.answers_submitted_at IS NOT NULL
       AND ${where(f, 'qs.instrument_code')}
     ORDER BY a.id`.execute(db);
  return rows;
}

/** Reference rows in their own order (the analysis' axes), with their names in all languages. */
export async function axes(db: Db) {
  const [clusters, instruments, groups, clusterArticles] = await Promise.all([
    sql<{ code: string; names: Record<string, string> }>`SELECT code, names FROM clusters ORDER BY sort, code`.execute(db),
    sql<{ code: string; names: Record<string, string> }>`SELECT code, short_names AS names FROM instruments WHERE reviewed ORDER BY sort, code`.execute(db),
    sql<{ code: string; names: Record<string, string> }>`SELECT code, names FROM regional_groups ORDER BY sort, code`.execute(db),
    sql<{ instrument_code: string; article: number; cluster_code: string }>`SELECT instrument_code, article, cluster_code FROM cluster_articles`.execute(db),
  ]);
  return { clusters: clusters.rows, instruments: instruments.rows, groups: groups.rows, clusterArticles: clusterArticles.rows };
}

export async function listCycles(db: Db) {
  return db.selectFrom('review_cycles').select(['id', 'code', 'title']).orderBy('code').execute();
}

export async function cycleExists(db: Db, id: string) {
  return db.selectFrom('review_cycles').select(['id', 'code', 'title', 'settings']).where('id', '=', id).executeTakeFirst();
}

export interface ProgressRow {
  stage: string;
  group_no: number | null;
  phase: number | null;
  overdue_focal_point: number;
  overdue_answers: number;
  overdue_feedback: number;
}

/**
 * One row per review with its stage, start group, work-plan phase and its overdue steps today, by the cycle's
 * deadlines (settings.deadlines): the reviewed State's focal point (days from the start), its answers (months from
 * the start), each reviewing State's feedback (months from the answers). Defaults as the spec: 14 days, 6 months.
 */
export async function progressRows(db: Db, cycle: string | undefined): Promise<ProgressRow[]> {
  const { rows } = await sql<ProgressRow>`
    WITH d AS (
      SELECT c.id,
             coalesce((c.settings #>> '{deadlines,focalPointDays}')::int, 14) AS fp_days,
             coalesce((c.settings #>> '{deadlines,answersMonths}')::int, 6) AS answers_months,
             coalesce((c.settings #>> '{deadlines,feedbackMonths}')::int, 6) AS feedback_months
        FROM review_cycles c)
    SELECT r.stage, gm.group_no,
           (SELECT min(p.phase) FROM review_plan_phases p WHERE p.cycle_id = r.cycle_id AND r.cluster_code = ANY(p.cluster_codes)) AS phase,
           (CASE WHEN r.stage = 'nominating' AND r.started_on + d.fp_days < current_date
                  AND NOT EXISTS (SELECT 1 FROM review_participants p WHERE p.review_id = r.id AND p.state_iso3 = r.reviewed_iso3
                                    AND p.role = 'focal_point' AND p.status = 'active') THEN 1 ELSE 0 END)::int AS overdue_focal_point,
           (CASE WHEN r.stage IN ('nominating', 'answering') AND r.answers_submitted_at IS NULL
                  AND r.started_on + make_interval(months => d.answers_months) < current_date THEN 1 ELSE 0 END)::int AS overdue_answers,
           (CASE WHEN r.stage = 'desk_review' AND r.answers_submitted_at + make_interval(months => d.feedback_months) < now()
                 THEN (SELECT count(*) FROM review_reviewers rr WHERE rr.review_id = r.id
                         AND NOT EXISTS (SELECT 1 FROM review_steps st WHERE st.review_id = r.id AND st.reviewing_state = rr.state_iso3 AND st.step = 'feedback'))
                 ELSE 0 END)::int AS overdue_feedback
      FROM reviews r
      JOIN d ON d.id = r.cycle_id
      LEFT JOIN review_group_members gm ON gm.cycle_id = r.cycle_id AND gm.iso3 = r.reviewed_iso3
     WHERE ${cycle ? sql`r.cycle_id = ${cycle}::uuid` : sql`true`}`.execute(db);
  return rows;
}
