import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database, Db } from '../../platform/db/database.ts';
import type { CasesStatFactsTable, CasesStatSubmissionsTable } from './stats.tables.ts';
import './stats.tables.ts';

/** All of the statistics' SQL: reading a case and its timeline for its facts, writing facts, aggregating, submissions. */

type Q = Kysely<Database> | Transaction<Database>;

export function caseForFacts(trx: Q, caseId: string) {
  return trx
    .selectFrom('cases_cases')
    .select(['id', 'owner_state', 'direction', 'kind', 'counterpart_state', 'legal_basis', 'legal_basis_article', 'measures', 'crime_types',
      'channel', 'status', 'outcome', 'refusal_ground', 'received_at', 'sent_at', 'closed_at'])
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export function timelineForFacts(trx: Q, caseId: string) {
  return trx.selectFrom('cases_events').select(['to_state', 'occurred_at']).where('case_id', '=', caseId).orderBy('seq').execute();
}

export async function upsertFacts(trx: Q, row: Insertable<CasesStatFactsTable>): Promise<void> {
  const { case_id: _id, ...rest } = row;
  await trx
    .insertInto('cases_stat_facts')
    .values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ ...rest, refreshed_at: sql`now()` }))
    .execute();
}

/**
 * A case's rows of cases_stat_items (one per form of assistance and crime type) rewritten from its facts row, after
 * that row was written: the view of migration 0031 is their one definition, so they cannot disagree with the facts.
 */
export async function rewriteItems(trx: Q, caseId: string): Promise<void> {
  await sql`DELETE FROM cases_stat_items WHERE case_id = ${caseId}`.execute(trx);
  await sql`INSERT INTO cases_stat_items SELECT * FROM cases_stat_items_of_facts WHERE case_id = ${caseId}`.execute(trx);
}

/** One aggregate query, built by stats.query.ts (its parts are sql fragments with bound values). */
export async function aggregate<T>(db: Q, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

/** Sort memory for this transaction only (SET LOCAL): the statistics' percentiles sort every duration of a State. */
export async function sortMemory(trx: Transaction<Database>): Promise<void> {
  await sql`SET LOCAL work_mem = '32MB'`.execute(trx);
}

export async function insertSubmission(db: Q, row: Insertable<CasesStatSubmissionsTable>) {
  return db
    .insertInto('cases_stat_submissions')
    .values({ ...row, filters: JSON.stringify(row.filters) as never, cells: JSON.stringify(row.cells) as never })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSubmissions(db: Db, state: string | null) {
  let q = db.selectFrom('cases_stat_submissions').selectAll();
  if (state !== null) q = q.where('state_iso3', '=', state);
  // by State code and time, never by any figure (no ranking of States)
  return q.orderBy('state_iso3').orderBy('submitted_at', 'desc').execute();
}

/** The latest submission of each State for exactly this period, grouping and filters (a later one corrects an earlier one). */
export function latestSubmissionsFor(db: Db, from: string, to: string, grouping: string[], filters: Record<string, string>) {
  return db
    .selectFrom('cases_stat_submissions')
    .selectAll()
    .distinctOn('state_iso3')
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .where('grouping', '=', sql<string[]>`${sql.val(grouping)}::text[]`)
    .where(sql<boolean>`filters = ${JSON.stringify(filters)}::jsonb`)
    .orderBy('state_iso3')
    .orderBy('submitted_at', 'desc')
    .execute();
}
