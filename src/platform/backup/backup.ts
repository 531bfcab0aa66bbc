import fs from 'node:fs';
import zlib from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { audit, type AuditActor } from '../audit/audit.service.ts';
import { FORMAT, VERSION, sha256, type BackupHeader, type EndRecord, type ManifestEntry } from './backup-format.ts';
import { appliedMigrations, applicationTables, generatedColumns, primaryKeyOrder, storedColumns } from './tables.ts';

export { BackupError } from './backup-format.ts';
export { restore } from './restore.ts';
export { verifyBackup, type BackupCheck } from './verify.ts';

/**
 * A logical backup: every application table as JSON rows (backup-format.ts describes the file and its digests).
 * It restores on either engine (embedded PostgreSQL 18 or an external PostgreSQL 15+), which a binary dump
 * across major versions would not, and the embedded package ships no pg_dump anyway.
 */

/** Rows read from the database per round trip. */
const FETCH_BATCH = 1000;

export interface BackupSummary {
  tables: number;
  rows: number;
  sha256: string;
  /**
   * Stored documents whose bytes are in the data directory (PALERMO_DOCUMENT_STORE=files), not in this file:
   * their rows are backed up, their bytes are not — copy `<dataDir>/documents` with the backup.
   */
  documentsInDataDir: number;
}

export interface BackupOptions {
  onProgress?: (table: string, done: number, total: number) => void;
  /** Who takes the backup: it holds every confidential record, so taking one is audited. */
  actor?: AuditActor | null;
}

export async function backup(db: Db, file: string, opts: BackupOptions = {}): Promise<BackupSummary> {
  // Written before the snapshot, so the backup carries the record of its own making.
  await audit(db, { actor: opts.actor ?? null, action: 'platform.backup', targetType: 'database', details: { file } });
  // One snapshot for the whole backup: rows written meanwhile are either all in or all out.
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(async (trx) => {
    const conn = trx as unknown as Db;
    const tables = await applicationTables(conn);
    const header: BackupHeader = { format: FORMAT, version: VERSION, migrations: await appliedMigrations(conn), createdAt: new Date().toISOString() };
    const tmp = `${file}.partial`;
    const manifest: ManifestEntry[] = [];
    let rows = 0;
    let fileDigest = '';
    async function* lines() {
      const whole = sha256();
      const headerLine = `${JSON.stringify(header)}\n`;
      whole.update(headerLine);
      yield headerLine;
      for (const [i, table] of tables.entries()) {
        const columns = await storedColumns(conn, table);
        const generated = await generatedColumns(conn, table);
        const order = await primaryKeyOrder(conn, table);
        const section = sha256();
        const emit = (line: string) => {
          section.update(line);
          whole.update(line);
          return line;
        };
        yield emit(`${JSON.stringify({ table, columns })}\n`);
        // Through a cursor, a batch at a time: a table of a million records never sits in memory whole.
        await sql`DECLARE palermo_backup_rows NO SCROLL CURSOR FOR
          SELECT to_jsonb(t) - ${sql.val(generated)}::text[] AS r FROM ${sql.table(table)} t ORDER BY ${sql.raw(order)}`.execute(trx);
        let count = 0;
        for (;;) {
          const data = await sql<{ r: unknown }>`FETCH ${sql.raw(String(FETCH_BATCH))} FROM palermo_backup_rows`.execute(trx);
          if (data.rows.length === 0) break;
          for (const row of data.rows) yield emit(`${JSON.stringify({ r: row.r })}\n`);
          count += data.rows.length;
        }
        await sql`CLOSE palermo_backup_rows`.execute(trx);
        manifest.push({ table, rows: count, sha256: section.digest('hex') });
        rows += count;
        opts.onProgress?.(table, i + 1, tables.length);
      }
      fileDigest = whole.digest('hex');
      const end: EndRecord = { end: true, header: sha256().update(headerLine).digest('hex'), tables: manifest, rows, sha256: fileDigest };
      yield `${JSON.stringify(end)}\n`;
    }
    await pipeline(Readable.from(lines()), zlib.createGzip(), fs.createWriteStream(tmp, { mode: 0o600 }));
    fs.renameSync(tmp, file); // a backup file is complete or absent
    const outside = await sql<{ n: number }>`SELECT count(*)::int AS n FROM stored_documents WHERE location = 'files'`.execute(trx);
    return { tables: tables.length, rows, sha256: fileDigest, documentsInDataDir: outside.rows[0]!.n };
  });
}
