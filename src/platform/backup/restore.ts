import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { migrate } from '../db/migrations.ts';
import { audit, type AuditActor } from '../audit/audit.service.ts';
import { chainAudit } from '../audit/audit-chainer.ts';
import { BackupError, backupLines, parseLine, sha256 } from './backup-format.ts';
import { verifyBackup } from './verify.ts';
import { appliedMigrations, applicationTables, resetSequences, storedColumns } from './tables.ts';

export interface RestoreSummary {
  tables: number;
  rows: number;
  sha256: string;
}

export interface RestoreOptions {
  onProgress?: (table: string, done: number, total: number) => void;
  actor?: AuditActor | null;
}

/** Rows are staged, then a table is written in one statement: its own foreign keys (a recommendation's
 * parent document) are checked at the end of that statement, whatever order its rows come in. */
const STAGE_BATCH = 1000;

/**
 * Restores into a database that holds no user data (only what migrations and reference loading put there,
 * which the backup replaces). The whole file is verified first (counts and digests, verify.ts): a damaged
 * backup writes nothing. The load then runs in one transaction, so an interruption restores nothing either.
 */
export async function restore(db: Db, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const check = await verifyBackup(file);
  if (!check.ok) throw new BackupError(`${file} is damaged, nothing was restored: ${check.problems.join('; ')}`);
  await migrate(db);
  const known = new Set(await appliedMigrations(db));
  const newer = check.header.migrations.filter((m) => !known.has(m));
  if (newer.length) throw new BackupError(`The backup comes from a newer Palermo (migrations ${newer.join(', ')}): upgrade first`);

  const summary = await db.transaction().execute(async (trx) => {
    const conn = trx as unknown as Db;
    const tables = await applicationTables(conn);
    const users = await sql<{ n: number }>`SELECT count(*)::int AS n FROM users`.execute(trx);
    if ((users.rows[0]?.n ?? 0) > 0) {
      throw new BackupError('The database is not empty (it has user accounts): restore into a new data directory or database');
    }
    for (const s of check.tables) {
      if (!tables.includes(s.table)) throw new BackupError(`The backup has a table "${s.table}" this version does not know`);
    }
    // The rows are restored as they were: no trigger (the audit log's append-only guard, any "updated_at")
    // may refuse or rewrite them. Foreign keys stay checked.
    for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} DISABLE TRIGGER USER`.execute(trx);
    // Children first, to empty the reference tables the backup will fill again.
    for (const t of [...tables].reverse()) await sql`DELETE FROM ${sql.table(t)}`.execute(trx);
    await sql`CREATE TEMP TABLE palermo_restore_stage (r jsonb NOT NULL) ON COMMIT DROP`.execute(trx);

    let current: { table: string; columns: string[] } | null = null;
    let batch: string[] = [];
    let rows = 0;
    let done = 0;
    const stage = async () => {
      if (batch.length === 0) return;
      await sql`INSERT INTO palermo_restore_stage SELECT jsonb_array_elements(${`[${batch.join(',')}]`}::jsonb)`.execute(trx);
      rows += batch.length;
      batch = [];
    };
    const write = async () => {
      if (!current) return;
      await stage();
      const cols = sql.join(current.columns.map((c) => sql.ref(c)));
      const from = sql.join(current.columns.map((c) => sql`x.${sql.ref(c)}`));
      await sql`INSERT INTO ${sql.table(current.table)} (${cols}) OVERRIDING SYSTEM VALUE
        SELECT ${from} FROM palermo_restore_stage s, jsonb_populate_record(NULL::${sql.table(current.table)}, s.r) x`.execute(trx);
      await sql`TRUNCATE palermo_restore_stage`.execute(trx);
    };
    // Read again and hashed again: the file must still be the one just verified.
    const whole = sha256();
    let first = true;
    for await (const line of backupLines(file)) {
      if (first) {
        first = false;
        whole.update(line.text);
        continue;
      }
      const o = (parseLine(line) ?? {}) as { table?: string; columns?: string[]; r?: unknown; end?: boolean };
      if (o.end === true) break;
      whole.update(line.text);
      if (typeof o.table === 'string') {
        await write();
        current = { table: o.table, columns: await columnsToWrite(conn, o.table, o.columns) };
        onProgress(++done);
      } else if (o.r !== undefined && current) {
        batch.push(JSON.stringify(o.r));
        if (batch.length >= STAGE_BATCH) await stage();
      } else {
        throw new BackupError(`${file} changed while it was being restored (line ${line.n}): nothing was restored`);
      }
    }
    await write();
    if (whole.digest('hex') !== check.sha256) throw new BackupError(`${file} changed while it was being restored: nothing was restored`);

    for (const t of tables) await sql`ALTER TABLE ${sql.table(t)} ENABLE TRIGGER USER`.execute(trx);
    await resetSequences(conn);
    await audit(trx, {
      actor: opts.actor ?? null,
      action: 'platform.restore',
      targetType: 'database',
      details: { file: path.basename(file), createdAt: check.header.createdAt, tables: check.tables.length, rows, sha256: check.sha256 },
    });
    return { tables: done, rows, sha256: check.sha256! };

    function onProgress(n: number) {
      opts.onProgress?.(current!.table, n, check.tables.length);
    }
  });
  await chainAudit(db); // the restore's own entry follows the restored chain
  return summary;
}

/**
 * The backup's columns that this database stores: a column added by a later migration keeps its default, a
 * generated one is computed again; a column the database does not have is refused rather than dropped.
 */
async function columnsToWrite(db: Db, table: string, inBackup: string[] | undefined): Promise<string[]> {
  const stored = await storedColumns(db, table);
  const cols = inBackup ?? stored;
  const unknown = cols.filter((c) => !stored.includes(c));
  if (unknown.length) throw new BackupError(`The backup's table "${table}" has columns this version does not know: ${unknown.join(', ')}`);
  return cols;
}
