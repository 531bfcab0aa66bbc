import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import { pick, type Language, type Localized } from '../../platform/i18n/languages.ts';
import type { ReviewStage } from '../review.vocabulary.ts';

/** The queries of reviews and their people (the review part of the module). */
type Conn = Db | Transaction<Database>;

/** Names of States in a language (ISO3 when a State has none in it). */
export async function stateNames(db: Conn, iso3s: readonly string[], lang: Language): Promise<Map<string, string>> {
  if (iso3s.length === 0) return new Map();
  const rows = await db.selectFrom('states').select(['iso3', 'names']).where('iso3', 'in', [...new Set(iso3s)]).execute();
  return new Map(rows.map((r) => [r.iso3, pick(r.names as Localized, lang) ?? r.iso3]));
}

export async function clusterNames(db: Conn, lang: Language): Promise<Map<string, string>> {
  const rows = await db.selectFrom('clusters').select(['code', 'names']).execute();
  return new Map(rows.map((r) => [r.code, pick(r.names as Localized, lang) ?? r.code]));
}

export async function cycleOf(db: Conn, id: string) {
  return db.selectFrom('review_cycles').select(['id', 'code', 'title', 'settings']).where('id', '=', id).executeTakeFirstOrThrow();
}

export async function reviewersOf(db: Conn, reviewId: string) {
  return db.selectFrom('review_reviewers').select(['state_iso3', 'slot', 'instruments']).where('review_id', '=', reviewId)
    .orderBy(sql`CASE slot WHEN 'own-group' THEN 0 WHEN 'other-group' THEN 1 ELSE 2 END`).orderBy('state_iso3').execute();
}

/** People of a review who are nominated, invited or active (what deadlines count as appointed). */
export async function appointed(db: Conn, reviewId: string) {
  return db.selectFrom('review_participants').select(['state_iso3 as state', 'role'])
    .where('review_id', '=', reviewId).where('status', 'in', ['nominated', 'invited', 'active']).execute();
}

export async function questionnaireOpenedAt(db: Conn, reviewId: string): Promise<Date | null> {
  const r = await db.selectFrom('workflow_transitions').select('at')
    .where('entity_type', '=', 'review').where('entity_id', '=', reviewId).where('action', '=', 'open_questionnaire')
    .orderBy('at', 'desc').executeTakeFirst();
  return r?.at ?? null;
}

export async function clarificationsOf(db: Conn, reviewId: string) {
  return db.selectFrom('review_comments').select(['due_on', 'status'])
    .where('review_id', '=', reviewId).where('kind', '=', 'clarification').where('status', '!=', 'draft').where('due_on', 'is not', null).execute();
}

export async function feedbackDone(db: Conn, reviewId: string): Promise<string[]> {
  const rows = await db.selectFrom('review_steps').select('reviewing_state').where('review_id', '=', reviewId).where('step', '=', 'feedback').execute();
  return rows.map((r) => r.reviewing_state);
}

export interface ListFilter {
  cycle?: string;
  stage?: ReviewStage;
  state?: string;
}

/** Reviews the filter lets through (the access filter first), with their reviewing States; unordered (the service orders by name). */
export async function listReviews(db: Conn, access: Expression<SqlBool>, f: ListFilter) {
  let q = db.selectFrom('reviews as r').innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .select(['r.id', 'r.cycle_id', 'c.code as cycle_code', 'c.title as cycle_title', 'r.reviewed_iso3', 'r.cluster_code', 'r.instruments', 'r.stage', 'r.started_on',
      sql<string[]>`ARRAY(SELECT rr.state_iso3 FROM review_reviewers rr WHERE rr.review_id = r.id ORDER BY rr.state_iso3)`.as('reviewers')])
    .where(access);
  if (f.cycle) q = q.where('r.cycle_id', '=', f.cycle);
  if (f.stage) q = q.where('r.stage', '=', f.stage);
  if (f.state) q = q.where((eb) => eb.or([eb('r.reviewed_iso3', '=', f.state!), eb.exists(eb.selectFrom('review_reviewers as x').select('x.state_iso3').whereRef('x.review_id', '=', 'r.id').where('x.state_iso3', '=', f.state!))]));
  return q.execute();
}
