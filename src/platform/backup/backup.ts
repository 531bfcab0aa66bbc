import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { migrate } from '../db/migrations.ts';

/**
 * A logical backup: every application table as JSON rows, gzip-compressed, one JSON document a line.
 * It restores on either engine (embedded PostgreSQL 18 or an external PostgreSQL 15+), which a binary
 * dump across major versions would not, and the embedded package ships no pg_dump anyway.
 *
 *   {"format":"palermo-backup","version":1,"migrations":[…],"createdAt":…}
 *   {"table":"states","rows":N}
 *   {"r":{…row…}}  × N
 *   …
 *   {"end":true,"tables":K,"rows":M}
 */

const FORMAT = 'palermo-backup';
const VERSION = 1;
const SKIP = new Set(['kysely_migration', 'kysely_migration_lock']);

interface TableInfo {
  name: string;
  deps: string[];
}

async function applicationTables(db: Db): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const infos: TableInfo[] = tables.rows
    .filter((t) => !SKIP.has(t.name))
    .map((t) => ({ name: t.name, deps: fks.rows.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent) }));
  // Parents before children, so a restore never violates a foreign key.
  const ordered: string[] = [];
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return;
    path.add(name);
    for (const d of infos.find((i) => i.name === name)?.deps ?? []) visit(d, path);
    ordered.push(name);
  };
  for (const i of infos) visit(i.name, new Set());
  return ordered;
}

async function primaryKeyOrder(db: Db, table: string): Promise<string> {
  const r = await sql<{ cols: string | null }>`
    SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey, a.attnum)) AS cols
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary`.execute(db);
  return r.rows[0]?.cols ?? '1';
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

export interface BackupSummary {
  tables: number;
  rows: number;
}

export async function backup(db: Db, file: string, onProgress?: (table: string, done: number, total: number) => void): Promise<BackupSummary> {
  // One snapshot for the whole backup: rows written meanwhile are either all in or all out.
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    const tables = await applicationTables(trx as unknown as Db);
    const migrations = await appliedMigrations(trx as unknown as Db);
    const tmp = `${file}.partial`;
    let rows = 0;
    async function* lines() {
      yield `${JSON.stringify({ format: FORMAT, version: VERSION, migrations, createdAt: new Date().toISOString() })}\n`;
      for (const [i, table] of tables.entries()) {
        const order = await primaryKeyOrder(trx as unknown as Db, table);
        const data = await sql<{ r: unknown }>`SELECT to_jsonb(t) AS r FROM ${sql.table(table)} t ORDER BY ${sql.raw(order)}`.execute(trx);
        yield `${JSON.stringify({ table, rows: data.rows.length })}\n`;
        for (const row of data.rows) yield `${JSON.stringify({ r: row.r })}\n`;
        rows += data.rows.length;
        onProgress?.(table, i + 1, tables.length);
      }
      yield `${JSON.stringify({ end: true, tables: tables.length, rows })}\n`;
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp, { mode: 0o600 }));
    fs.renameSync(tmp, file); // a backup file is complete or absent
    return { tables: tables.length, rows };
  });
}

export class RestoreError extends Error {}

async function* readLines(file: string): AsyncGenerator<unknown> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of rl) {
      n++;
      if (line.trim() === '') continue;
      try {
        yield JSON.parse(line);
      } catch {
        throw new RestoreError(`Line ${n} of the backup is not JSON: the file is damaged`);
      }
    }
  } catch (err) {
    if (err instanceof RestoreError) throw err;
    throw new RestoreError(`Cannot read ${file} as a Palermo backup (${(err as Error).message})`);
  }
}

/**
 * Restores into a database that holds no user data (only what migrations and reference loading put
 * there, which the backup replaces). All of it happens in one transaction: a damaged file restores nothing.
 */
export async function restore(db: Db, file: string, onProgress?: (table: string, done: number, total: number) => void): Promise<BackupSummary> {
  if (!fs.existsSync(file)) throw new RestoreError(`No file ${file}`);
  await migrate(db);
  const lines = readLines(file);
  const first = (await lines.next()).value as { format?: string; version?: number; migrations?: string[] } | undefined;
  if (!first || first.format !== FORMAT) throw new RestoreError(`${file} is not a Palermo backup`);
  if (first.version !== VERSION) throw new RestoreError(`Backup format version ${first.version} is not supported (expected ${VERSION})`);
  const known = new Set(await appliedMigrations(db));
  const unknownMigrations = (first.migrations ?? []).filter((m) => !known.has(m));
  if (unknownMigrations.length) {
    throw new RestoreError(`The backup comes from a newer Palermo (migrations ${unknownMigrations.join(', ')}): upgrade first`);
  }

  return db.transaction().execute(async (trx) => {
    const tables = await applicationTables(trx as unknown as Db);
    const users = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(trx);
    if ((users.rows[0]?.n ?? 0) > 0) {
      throw new RestoreError('The database is not empty (it has user accounts): restore into a new data directory or database');
    }
    // Children first, to empty the reference tables the backup will fill again.
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(trx);
    for (const t of [...tables].reverse()) await sql`DELETE FROM ${sql.table(t)}`.execute(trx);

    let current: string | null = null;
    let batch: unknown[] = [];
    let rows = 0;
    let done = 0;
    const flush = async () => {
      if (!current || batch.length === 0) return;
      await sql`INSERT INTO ${sql.table(current)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.table(current)}, ${JSON.stringify(batch)}::jsonb)`.execute(trx);
      rows += batch.length;
      batch = [];
    };
    let ended = false;
    for await (const item of lines) {
      const o = item as { table?: string; r?: unknown; end?: boolean };
      if (o.table !== undefined) {
        await flush();
        if (!tables.includes(o.table)) throw new RestoreError(`The backup has a table "${o.table}" this version does not know`);
        current = o.table;
        onProgress?.(current, ++done, tables.length);
      } else if (o.r !== undefined) {
        if (!current) throw new RestoreError('The backup has rows before any table');
        batch.push(o.r);
        if (batch.length >= 1000) await flush();
      } else if (o.end) {
        ended = true;
      }
    }
    await flush();
    if (!ended) throw new RestoreError('The backup is truncated (no end marker): nothing was restored');
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(trx);
    // Serial columns continue after the restored rows.
    const seqs = await sql<{ tbl: string; col: string; seq: string }>`
      SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped -- a dropped column has no name to ask about
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`.execute(trx);
    for (const s of seqs.rows) {
      await sql`SELECT setval(${s.seq}, COALESCE((SELECT max(${sql.ref(s.col)}) FROM ${sql.table(s.tbl)}), 0) + 1, false)`.execute(trx);
    }
    return { tables: done, rows };
  });
}
