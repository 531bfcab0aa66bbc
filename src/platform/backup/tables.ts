import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** What backup and restore need to know about the schema, read from the catalog (so new tables need no code here). */

/** Kysely's own bookkeeping: the target database migrates itself, its migration rows are not data. */
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);

/** The application's tables, parents before children (so a restore never violates a foreign key between tables). */
export async function applicationTables(db: Db): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const names = tables.rows.map((t) => t.name).filter((t) => !SKIP.has(t));
  const deps = new Map(names.map((n) => [n, fks.rows.filter((f) => f.child === n && f.parent !== n).map((f) => f.parent)]));
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const d of deps.get(name) ?? []) visit(d, path);
    ordered.push(name);
  };
  for (const n of names) visit(n, new Set());
  return ordered;
}

/**
 * The columns a backup holds and a restore writes: not generated ones (`GENERATED ALWAYS AS (…) STORED`, such as
 * knowledge_search.keys), which PostgreSQL computes again from the others and refuses to be given.
 */
export async function storedColumns(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_attribute a
    WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY a.attnum`.execute(db);
  return r.rows.map((x) => x.name);
}

export async function generatedColumns(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_attribute a
    WHERE a.attrelid = ${table}::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated <> ''
    ORDER BY a.attnum`.execute(db);
  return r.rows.map((x) => x.name);
}

/** The primary key as an ORDER BY list, so that the same data always gives the same file (and digests). */
export async function primaryKeyOrder(db: Db, table: string): Promise<string> {
  const r = await sql<{ cols: string | null }>`
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey, a.attnum)) AS cols
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary`.execute(db);
  return r.rows[0]?.cols ?? '1';
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Serial and identity columns: after a load their sequences must continue after the restored rows. */
export async function resetSequences(db: Db): Promise<void> {
  const seqs = await sql<{ tbl: string; col: string; seq: string }>`
    SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
    WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`.execute(db);
  for (const s of seqs.rows) {
    await sql`SELECT setval(${s.seq}, COALESCE((SELECT max(${sql.ref(s.col)}) FROM ${sql.table(s.tbl)}), 0) + 1, false)`.execute(db);
  }
}
