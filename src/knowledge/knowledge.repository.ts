import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import type { VersionedChange } from '../platform/versioned-entity.ts';
import type { Access, KnowledgeLinksTable, KnowledgeRecordsTable } from './knowledge.tables.ts';
import './knowledge.tables.ts';

/** All of the knowledge module's SQL for records, versions, links and translations. */

export type Conn = Db | Transaction<Database>;
export type RecordRow = Awaited<ReturnType<typeof findRecord>> & {};
type NewRecord = Omit<KnowledgeRecordsTable, 'id' | 'version' | 'created_at' | 'updated_at' | 'retired_at' | 'retired_reason' | 'owner_state'> & {
  id?: string;
  owner_state?: string | null;
};
type NewLink = Omit<KnowledgeLinksTable, 'id' | 'created_at' | 'verified' | 'verified_by' | 'verified_at' | 'rejected'>;

const json = (v: unknown) => JSON.stringify(v) as never;

export function findRecord(db: Conn, id: string) {
  return db.selectFrom('knowledge_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByImportKey(db: Conn, key: string) {
  return db.selectFrom('knowledge_records').selectAll().where('import_key', '=', key).executeTakeFirst();
}

export async function insertRecord(db: Conn, r: NewRecord) {
  return db
    .insertInto('knowledge_records')
    .values({ ...r, dates: json(r.dates), body: json(r.body), details: json(r.details) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Several records in one statement (a batch import); returned in no particular order: give them ids. */
export function insertRecords(db: Conn, rs: Array<NewRecord & { id: string }>) {
  if (rs.length === 0) return Promise.resolve([]);
  return db
    .insertInto('knowledge_records')
    .values(rs.map((r) => ({ ...r, dates: json(r.dates), body: json(r.body), details: json(r.details) })))
    .returningAll()
    .execute();
}

function recordColumns(patch: Record<string, unknown>): Record<string, unknown> {
  const values: Record<string, unknown> = { ...patch, updated_at: sql`now()` };
  for (const k of ['dates', 'body', 'details'] as const) if (k in patch) values[k] = json(patch[k]);
  return values;
}

/** Writes a record as it is, without a version check (import bookkeeping only: un-retiring a re-imported row). */
export async function updateRecord(db: Conn, id: string, patch: Partial<NewRecord> & { version: number; retired_at?: Date | null; retired_reason?: string | null }) {
  return db.updateTable('knowledge_records').set(recordColumns(patch) as never).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** An edit of the version the editor read, for writeVersioned (platform/versioned-entity.ts): version bumped, or a 409. */
export function recordChange(id: string, expectedVersion: number, patch: Partial<NewRecord> & { retired_at?: Date | null; retired_reason?: string | null }): VersionedChange<'knowledge_records'> {
  return { table: 'knowledge_records', id, expectedVersion, set: recordColumns(patch), what: 'record' };
}

type NewVersion = { record_id: string; version: number; snapshot: { access: Access; access_state: string | null }; changed_by: string; note: string | null };

/** A version row keeps the access in force while it was current (who may read it later). */
export function insertVersion(db: Conn, v: NewVersion) {
  return insertVersions(db, [v]);
}

export function insertVersions(db: Conn, vs: NewVersion[]) {
  if (vs.length === 0) return Promise.resolve();
  return db
    .insertInto('knowledge_record_versions')
    .values(vs.map((v) => ({ ...v, snapshot: json(v.snapshot), access: v.snapshot.access, access_state: v.snapshot.access_state })))
    .execute();
}

/**
 * One page of the versions a viewer may see, newest first, before version `before`; and how many they may
 * see in all. `visible` is the policy's read filter, applied to the access each version had while it was current.
 */
export async function listVersions(db: Conn, id: string, visible: Expression<SqlBool>, page: { limit: number; before?: number }) {
  let q = db.selectFrom('knowledge_record_versions').selectAll().where('record_id', '=', id).where(visible);
  if (page.before !== undefined) q = q.where('version', '<', page.before);
  const [rows, count] = await Promise.all([
    q.orderBy('version', 'desc').limit(page.limit + 1).execute(),
    db.selectFrom('knowledge_record_versions').select((eb) => eb.fn.countAll<number>().as('n')).where('record_id', '=', id).where(visible).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.slice(0, page.limit), more: rows.length > page.limit, total: Number(count.n) };
}

export function insertLinks(db: Conn, links: NewLink[]) {
  if (links.length === 0) return Promise.resolve();
  return db.insertInto('knowledge_links').values(links).execute();
}

export function deleteLinks(db: Conn, recordId: string, origin: 'extracted' | 'asserted') {
  return db.deleteFrom('knowledge_links').where('record_id', '=', recordId).where('origin', '=', origin).execute();
}

export function linksOf(db: Conn, recordId: string) {
  return db.selectFrom('knowledge_links').selectAll().where('record_id', '=', recordId).orderBy('span_start').orderBy('id').execute();
}

export function findLink(db: Conn, id: number) {
  return db.selectFrom('knowledge_links').selectAll().where('id', '=', id).executeTakeFirst();
}

export function setLinkReview(db: Conn, id: number, r: { verified: boolean; rejected: boolean; by: string }) {
  return db
    .updateTable('knowledge_links')
    .set({ verified: r.verified, rejected: r.rejected, verified_by: r.by, verified_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function upsertTranslation(db: Conn, t: { record_id: string; field: string; lang: string; value: string; kind: 'official' | 'unofficial' | 'machine'; by_whom: string }) {
  return db
    .insertInto('knowledge_translations')
    .values(t)
    .onConflict((oc) => oc.columns(['record_id', 'field', 'lang']).doUpdateSet({ value: t.value, kind: t.kind, by_whom: t.by_whom, at: sql`now()` }))
    .execute();
}

export function translationsOf(db: Conn, recordId: string) {
  return db.selectFrom('knowledge_translations').selectAll().where('record_id', '=', recordId).orderBy('field').orderBy('lang').execute();
}

/** `visible` (the policy's read filter) keeps what the viewer may see, here and in the next two; without it, all. */
export function childrenOf(db: Conn, parentId: string, visible: Expression<SqlBool> = sql<SqlBool>`true`) {
  return db
    .selectFrom('knowledge_records')
    .select(['id', 'type', 'title', 'lang', 'parent_ref', 'details', 'access', 'access_state'])
    .where('parent_id', '=', parentId)
    .where(visible)
    .where('retired_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Records whose links point at this document's symbol(s). */
export function incomingBySymbol(db: Conn, symbols: string[], visible: Expression<SqlBool>) {
  if (symbols.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('knowledge_links as l')
    .innerJoin('knowledge_records as r', 'r.id', 'l.record_id')
    .select(['r.id', 'r.type', 'r.title', 'r.lang', 'r.access', 'r.access_state', 'l.target', 'l.span_text'])
    .where('l.target_kind', '=', 'symbol')
    .where('l.target', 'in', symbols)
    .where('r.retired_at', 'is', null)
    .where(visible)
    .execute();
}

export function sameWork(db: Conn, workId: string, exceptId: string, visible?: Expression<SqlBool>) {
  let q = db
    .selectFrom('knowledge_records')
    .select(['id', 'lang', 'title', 'access', 'access_state', 'states', 'owner_state'])
    .where('work_id', '=', workId)
    .where('id', '<>', exceptId)
    .where('retired_at', 'is', null);
  if (visible) q = q.where(visible);
  return q.execute();
}

export function findRecords(db: Conn, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('knowledge_records').selectAll().where('id', 'in', ids).execute();
}

export function provisionLinksOf(db: Conn, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('knowledge_links')
    .select(['record_id', 'instrument', 'article', 'paragraph'])
    .where('record_id', 'in', ids)
    .where('target_kind', '=', 'provision')
    .where('rejected', '=', false)
    .execute();
}

/** The records imported under any of these keys (what a batch of imported files needs to tell unchanged ones). */
export function findByImportKeys(db: Conn, keys: string[]) {
  if (keys.length === 0) return Promise.resolve([]);
  return db.selectFrom('knowledge_records').select(['id', 'import_key', 'content_hash', 'retired_at']).where('import_key', 'in', keys).execute();
}
