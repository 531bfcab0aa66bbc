import { sql, type Expression, type Insertable, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import type { CaseState, Direction } from './case.vocabulary.ts';
import type { CasesCasesTable, CasesEventsTable } from './cases.tables.ts';
import './cases.tables.ts';

/**
 * All of the case tracker's core SQL (cases_cases, cases_events, cases_reference_counters). Who may see which
 * case is decided in cases.policy.ts; lists receive its `accessFilter` as a condition.
 */

export type Conn = Db | Transaction<Database>;
export type CaseRow = Selectable<CasesCasesTable>;
export type TimelineRow = Selectable<CasesEventsTable>;

/** JSON columns are written as text; node-postgres would send a JS array as a PostgreSQL array. */
export const json = (v: unknown) => JSON.stringify(v) as never;

/** The next number of a State's references for a year: 1, 2, … (gap-free per State and year). */
export async function nextReferenceNumber(trx: Transaction<Database>, state: string, year: number): Promise<number> {
  const r = await trx
    .insertInto('cases_reference_counters')
    .values({ state_iso3: state, year, last: 1 })
    .onConflict((oc) => oc.columns(['state_iso3', 'year']).doUpdateSet({ last: sql`cases_reference_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}

export function findCase(db: Conn, id: string, opts: { forUpdate?: boolean } = {}): Promise<CaseRow | undefined> {
  let q = db.selectFrom('cases_cases').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function insertCase(trx: Transaction<Database>, values: Insertable<CasesCasesTable>): Promise<CaseRow> {
  return trx.insertInto('cases_cases').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Columns changed by an event that is not a transition (the version moves on: expectedVersion sees every change). */
export function updateCase(trx: Transaction<Database>, id: string, set: Record<string, unknown>, opts: { bump?: boolean } = {}): Promise<CaseRow> {
  return trx
    .updateTable('cases_cases')
    .set({ ...set, updated_at: sql`now()`, ...(opts.bump !== false && { version: sql`version + 1` }) } as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type NewTimelineEntry = Omit<Insertable<CasesEventsTable>, 'id' | 'seq' | 'case_id'>;

/** Appends to the timeline with the next seq. The caller holds the case row locked (FOR UPDATE), so seq cannot race. */
export async function appendEvent(trx: Transaction<Database>, caseId: string, e: NewTimelineEntry): Promise<TimelineRow> {
  return trx
    .insertInto('cases_events')
    .values({
      ...e,
      case_id: caseId,
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM cases_events WHERE case_id = ${caseId})`,
      ...(e.data !== undefined && { data: json(e.data) }),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function timeline(db: Conn, caseId: string): Promise<TimelineRow[]> {
  return db.selectFrom('cases_events').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}

/** The timelines of several cases (a list's page), oldest entry first. */
export async function timelines(db: Conn, caseIds: readonly string[]): Promise<Map<string, TimelineRow[]>> {
  const out = new Map<string, TimelineRow[]>(caseIds.map((id) => [id, []]));
  if (caseIds.length === 0) return out;
  const rows = await db.selectFrom('cases_events').selectAll().where('case_id', 'in', caseIds).orderBy('case_id').orderBy('seq').execute();
  for (const r of rows) out.get(r.case_id)!.push(r);
  return out;
}

export interface ListFilter {
  access: Expression<SqlBool>;
  assignedTo?: string;
  direction?: Direction;
  status?: readonly CaseState[];
  overdueAt?: Date;
  q?: string;
}

// LEVEL_RANK and STARTED are indexed as written (migrations/0030_closed_cases_no_priority.sql): change both together.
// A closed case ranks after every open one, whatever its level was.
const LEVEL_RANK = sql<number>`CASE WHEN status = 'closed' THEN 4 WHEN priority_level = 'urgent' THEN 0 WHEN priority_level = 'high' THEN 1 WHEN priority_level = 'normal' THEN 2 ELSE 3 END`;
const STARTED = sql`coalesce(received_at, sent_at, created_at)`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function filtered(db: Conn, f: ListFilter) {
  let q = db.selectFrom('cases_cases').where(f.access);
  if (f.assignedTo) q = q.where(sql<SqlBool>`${f.assignedTo}::uuid = ANY(assignees)`);
  if (f.direction) q = q.where('direction', '=', f.direction);
  if (f.status?.length) q = q.where('status', 'in', [...f.status]);
  if (f.overdueAt) q = q.where('next_due_at', '<', f.overdueAt);
  if (f.q) {
    const like = `%${likeEscape(f.q)}%`;
    q = q.where((eb) => eb.or([eb('reference', 'ilike', like), eb('counterpart_reference', 'ilike', like), eb('title', 'ilike', like)]));
  }
  return q;
}

export type CaseSort = 'priority' | 'received' | 'updated' | 'due';

/**
 * A page of cases. Work queues sort by priority: the effective level (an officer's override wins), then the
 * computed score, then the oldest first — the request waiting longest comes first among equals; closed cases last.
 */
export async function listCases(db: Conn, f: ListFilter, sort: CaseSort, page: { limit: number; offset: number }): Promise<{ rows: CaseRow[]; total: number }> {
  let q = filtered(db, f).selectAll();
  if (sort === 'priority') q = q.orderBy(LEVEL_RANK).orderBy('priority_score', 'desc').orderBy(STARTED).orderBy('id');
  else if (sort === 'received') q = q.orderBy(STARTED, 'desc').orderBy('id');
  else if (sort === 'updated') q = q.orderBy('updated_at', 'desc').orderBy('id');
  else q = q.orderBy(sql`next_due_at ASC NULLS LAST`).orderBy(LEVEL_RANK).orderBy('id');
  const [rows, count] = await Promise.all([
    q.limit(page.limit).offset(page.offset).execute(),
    filtered(db, f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
