import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import type { VersionedChange } from '../platform/versioned-entity.ts';
import type { EntryType } from './directory.schemas.ts';
import type { DirectoryHistoryTable } from './directory.tables.ts';
import './directory.tables.ts';

/** All of the directory's SQL. Entries of the four types share one shape of life: versioned, retirable. */

export type Conn = Db | Transaction<Database>;

export const TABLE = {
  authority: 'directory_authorities',
  measure: 'directory_measures',
  notification: 'directory_notifications',
  expert: 'directory_experts',
} as const;

/** Columns held as jsonb: pg would send a JS array as a PostgreSQL array, so they go as JSON text. */
const JSONB = new Set(['names', 'contact_persons', 'guide_links', 'provenance']);
const COLUMN_OVERRIDES: Record<string, string> = { available24x7: 'available_24x7' };
const META = new Set(['id', 'version', 'created_at', 'updated_at', 'updated_by', 'retired_at']);

export const toColumn = (field: string) => COLUMN_OVERRIDES[field] ?? field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const toField = (column: string) => column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

export type Row = Record<string, unknown> & { id: string; version: number; iso3: string | null; updated_by: string; updated_at: Date; created_at: Date; retired_at: Date | null; last_verified: string | null };

/** A row as API fields (camelCase), without the bookkeeping columns. */
export function rowFields(row: Row): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!META.has(k)) out[toField(k)] = v;
  return out;
}

function toColumns(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    const col = toColumn(k);
    out[col] = JSONB.has(col) && v !== null && v !== undefined ? JSON.stringify(v) : v;
  }
  return out;
}

// Dynamic table names defeat Kysely's typing; the casts stay inside this file.
type AnyTable = 'directory_authorities';

export async function find(db: Conn, type: EntryType, id: string, opts: { forUpdate?: boolean } = {}): Promise<Row | undefined> {
  let q = db.selectFrom(TABLE[type] as AnyTable).selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst()) as Row | undefined;
}

export async function insert(db: Conn, type: EntryType, fields: Record<string, unknown>, by: string): Promise<Row> {
  return (await db
    .insertInto(TABLE[type] as AnyTable)
    .values({ ...toColumns(fields), updated_by: by } as never)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
}

/** A change of the entry the caller read at `expectedVersion`, for writeVersioned (platform/versioned-entity.ts): a stale version is a 409. */
export function entryChange(type: EntryType, id: string, fields: Record<string, unknown>, by: string, extra: { expectedVersion: number; retire?: boolean }): VersionedChange<(typeof TABLE)[EntryType]> {
  return {
    table: TABLE[type],
    id,
    expectedVersion: extra.expectedVersion,
    set: { ...toColumns(fields), updated_by: by, updated_at: sql<Date>`now()`, ...(extra.retire ? { retired_at: sql<Date>`now()` } : {}) },
    what: 'entry',
  };
}

export async function addHistory(db: Conn, h: Omit<DirectoryHistoryTable, 'id' | 'changed_at'>): Promise<void> {
  await db
    .insertInto('directory_history')
    .values({ ...h, changes: JSON.stringify(h.changes) as never, snapshot: JSON.stringify(h.snapshot) as never })
    .execute();
}

export function history(db: Conn, type: EntryType, id: string) {
  return db.selectFrom('directory_history').selectAll().where('entry_type', '=', type).where('entry_id', '=', id).orderBy('version', 'desc').execute();
}

export function recentHistory(db: Conn, iso3: string, limit: number) {
  return db.selectFrom('directory_history').selectAll().where('iso3', '=', iso3).orderBy('changed_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export interface AuthorityFilter {
  iso3?: string;
  category?: string;
  fn?: string;
  q?: string;
  /** Include regional networks that list `iso3` among their members. */
  withNetworks?: boolean;
}

export async function listAuthorities(db: Conn, f: AuthorityFilter): Promise<Row[]> {
  let q = db.selectFrom('directory_authorities').selectAll().where('retired_at', 'is', null);
  if (f.iso3) {
    const iso3 = f.iso3;
    q = f.withNetworks
      ? q.where((eb) => eb.or([eb('iso3', '=', iso3), eb(sql<boolean>`${iso3} = ANY(member_states)`, '=', true)]))
      : q.where('iso3', '=', iso3);
  }
  if (f.category) q = q.where('category', '=', f.category);
  if (f.fn) q = q.where(sql<boolean>`${f.fn} = ANY(functions)`, '=', true);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb('name', 'ilike', like), eb(sql<string>`names::text`, 'ilike', like)]));
  }
  return (await q.orderBy('iso3').orderBy('category').orderBy('name').limit(2000).execute()) as unknown as Row[];
}

export async function listMeasures(db: Conn, iso3?: string): Promise<Row[]> {
  let q = db.selectFrom('directory_measures').selectAll().where('retired_at', 'is', null);
  if (iso3) q = q.where('iso3', '=', iso3);
  return (await q.orderBy('iso3').orderBy('measure').execute()) as unknown as Row[];
}

export async function findMeasure(db: Conn, iso3: string, measure: string): Promise<Row | undefined> {
  return (await db
    .selectFrom('directory_measures')
    .selectAll()
    .where('retired_at', 'is', null)
    .where('iso3', '=', iso3)
    .where('measure', '=', measure)
    .executeTakeFirst()) as Row | undefined;
}

export async function listNotifications(db: Conn, f: { iso3?: string; type?: string }): Promise<Row[]> {
  let q = db.selectFrom('directory_notifications').selectAll().where('retired_at', 'is', null);
  if (f.iso3) q = q.where('iso3', '=', f.iso3);
  if (f.type) q = q.where('type', '=', f.type);
  return (await q.orderBy('iso3').orderBy('type').orderBy(sql`made_on DESC NULLS LAST`).execute()) as unknown as Row[];
}

export async function listExperts(db: Conn): Promise<Row[]> {
  return (await db.selectFrom('directory_experts').selectAll().where('retired_at', 'is', null).orderBy('iso3').orderBy('name').execute()) as unknown as Row[];
}

/** Entries not confirmed since `before` (or never), of every type, oldest first. */
export async function stale(db: Conn, before: string) {
  const parts = (Object.keys(TABLE) as EntryType[]).map(
    (type) => sql`SELECT ${type}::text AS entry_type, id, iso3, ${sql.ref(type === 'measure' ? 'measure' : type === 'notification' ? 'type' : 'name')}::text AS label,
                         last_verified, updated_at
                  FROM ${sql.table(TABLE[type])}
                  WHERE retired_at IS NULL AND (last_verified IS NULL OR last_verified < ${before}::date)`,
  );
  const r = await sql<{ entry_type: EntryType; id: string; iso3: string | null; label: string; last_verified: string | null; updated_at: Date }>`
    ${sql.join(parts, sql` UNION ALL `)} ORDER BY last_verified ASC NULLS FIRST, iso3, label LIMIT 5000`.execute(db);
  return r.rows;
}

/** Per State: how many entries of each kind (for the directory's home page). */
export async function stateCounts(db: Conn) {
  const r = await sql<{ iso3: string; authorities: number; central: number; measures: number; notifications: number; last_verified: string | null }>`
    SELECT iso3, sum(authorities)::int AS authorities, sum(central)::int AS central, sum(measures)::int AS measures,
           sum(notifications)::int AS notifications, max(last_verified)::text AS last_verified
    FROM (
      SELECT iso3, 1 AS authorities, (category = 'central-authority')::int AS central, 0 AS measures, 0 AS notifications, last_verified
        FROM directory_authorities WHERE retired_at IS NULL AND iso3 IS NOT NULL
      UNION ALL SELECT iso3, 0, 0, 1, 0, last_verified FROM directory_measures WHERE retired_at IS NULL
      UNION ALL SELECT iso3, 0, 0, 0, 1, last_verified FROM directory_notifications WHERE retired_at IS NULL
    ) t GROUP BY iso3 ORDER BY iso3`.execute(db);
  return r.rows;
}

export async function countAll(db: Conn): Promise<number> {
  const r = await sql<{ n: number }>`SELECT (SELECT count(*) FROM directory_authorities) + (SELECT count(*) FROM directory_measures)
    + (SELECT count(*) FROM directory_notifications) + (SELECT count(*) FROM directory_experts) AS n`.execute(db);
  return Number(r.rows[0]!.n);
}
