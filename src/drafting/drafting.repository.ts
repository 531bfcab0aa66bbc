import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import type { VersionedChange } from '../platform/versioned-entity.ts';
import type { RequestKind } from '../reference/measures.ts';
import type { CommentAudience, DraftingDraftsTable, DraftStatus } from './drafting.tables.ts';
import './drafting.tables.ts';

/** All of the drafting module's SQL. Who may see which draft is decided in drafting.policy.ts (its `accessFilter` for lists). */

export type Conn = Db | Transaction<Database>;
export type DraftRow = NonNullable<Awaited<ReturnType<typeof findDraft>>>;
export type ShareRow = Awaited<ReturnType<typeof activeShares>>[number];
export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

const json = (v: unknown) => JSON.stringify(v) as never;

/** The next reference number of a State for a year, e.g. 7 → FRA-2026-0007 (gap-free per State and year). */
export async function nextReferenceNumber(trx: Transaction<Database>, state: string, year: number): Promise<number> {
  const r = await trx
    .insertInto('drafting_reference_counters')
    .values({ state_iso3: state, year, last: 1 })
    .onConflict((oc) => oc.columns(['state_iso3', 'year']).doUpdateSet({ last: sql`drafting_reference_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}

export function findDraft(db: Conn, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('drafting_drafts').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

type NewDraft = Omit<DraftingDraftsTable, 'id' | 'status' | 'version' | 'created_at' | 'updated_at' | 'finalised_at' | 'finalised_by' | 'finalised_by_name'>;

export function insertDraft(db: Conn, d: NewDraft) {
  return db.insertInto('drafting_drafts').values({ ...d, content: json(d.content) }).returningAll().executeTakeFirstOrThrow();
}

/**
 * A save of the version the drafter read, while the draft is still in the state the caller checked editing
 * against (draft.workflow.ts), for writeVersioned (platform/versioned-entity.ts).
 */
export function contentChange(
  id: string,
  expectedVersion: number,
  status: DraftStatus,
  v: { content: unknown; kind: RequestKind; title: string; requested_state: string | null; updated_by: string; updated_by_name: string },
): VersionedChange<'drafting_drafts'> {
  return { table: 'drafting_drafts', id, expectedVersion, set: { ...v, content: json(v.content), updated_at: sql`now()` }, alsoWhere: { status }, what: 'draft' };
}

export function insertVersion(db: Conn, v: { draft_id: string; version: number; title: string; content: unknown; changed_by: string; changed_by_name: string }) {
  return db.insertInto('drafting_draft_versions').values({ ...v, content: json(v.content) }).execute();
}

export function listVersions(db: Conn, draftId: string) {
  return db
    .selectFrom('drafting_draft_versions')
    .select(['version', 'title', 'changed_by', 'changed_by_name', 'changed_at'])
    .where('draft_id', '=', draftId)
    .orderBy('version', 'desc')
    .execute();
}

export function findVersion(db: Conn, draftId: string, version: number) {
  return db.selectFrom('drafting_draft_versions').selectAll().where('draft_id', '=', draftId).where('version', '=', version).executeTakeFirst();
}

export interface ListFilter {
  /** The policy's filter: which drafts the list may show (the owner side's, for "my drafts"). */
  visible: Expression<SqlBool>;
  status?: DraftStatus;
  kind?: RequestKind;
  limit: number;
  offset: number;
}

const sharedFlag = sql<boolean>`EXISTS (SELECT 1 FROM drafting_shares s WHERE s.draft_id = drafting_drafts.id AND s.ended_at IS NULL)`;
const summaryColumns = ['id', 'reference', 'owner_state', 'requested_state', 'kind', 'title', 'status', 'version', 'updated_at', 'created_by', 'created_by_name'] as const;

export async function listDrafts(db: Conn, f: ListFilter) {
  let q = db.selectFrom('drafting_drafts').where(f.visible);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.kind) q = q.where('kind', '=', f.kind);
  const [items, total] = await Promise.all([
    q.select([...summaryColumns]).select(sharedFlag.as('shared')).orderBy('updated_at', 'desc').orderBy('id').limit(f.limit).offset(f.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export function listSharedWith(db: Conn, state: string) {
  return db
    .selectFrom('drafting_drafts')
    .innerJoin('drafting_shares as sh', 'sh.draft_id', 'drafting_drafts.id')
    .where('sh.state_iso3', '=', state)
    .where('sh.ended_at', 'is', null)
    .select(summaryColumns.map((c) => `drafting_drafts.${c}` as const))
    .select(sql<boolean>`true`.as('shared'))
    .orderBy('drafting_drafts.updated_at', 'desc')
    .execute();
}

export function activeShares(db: Conn, draftId: string) {
  return db.selectFrom('drafting_shares').selectAll().where('draft_id', '=', draftId).where('ended_at', 'is', null).orderBy('shared_at').execute();
}

export function insertShare(db: Conn, s: { draft_id: string; state_iso3: string; note: string; shared_by: string; shared_by_name: string }) {
  return db.insertInto('drafting_shares').values(s).returningAll().executeTakeFirstOrThrow();
}

/** Ends the active shares of a draft (all, or all but one State's); returns the ended ones. */
export function endShares(db: Conn, draftId: string, by: { id: string; name: string }, exceptState?: string) {
  let q = db
    .updateTable('drafting_shares')
    .set({ ended_at: sql`now()`, ended_by: by.id, ended_by_name: by.name })
    .where('draft_id', '=', draftId)
    .where('ended_at', 'is', null);
  if (exceptState) q = q.where('state_iso3', '<>', exceptState);
  return q.returningAll().execute();
}

export function listComments(db: Conn, draftId: string, audience?: CommentAudience) {
  let q = db.selectFrom('drafting_comments').selectAll().where('draft_id', '=', draftId);
  if (audience) q = q.where('audience', '=', audience);
  return q.orderBy('created_at').orderBy('id').execute();
}

export function insertComment(
  db: Conn,
  c: { draft_id: string; author_id: string; author_name: string; author_state: string | null; audience: CommentAudience; body: string; path: string | null; version: number },
) {
  return db.insertInto('drafting_comments').values(c).returningAll().executeTakeFirstOrThrow();
}
