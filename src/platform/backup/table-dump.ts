import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * For tests: every base table of the schema (found through information_schema, so tables added later are
 * compared too) as its rows with all columns, generated ones included, in a stable order.
 * `auditUpTo` leaves out audit entries written after that sequence number (the restore's own entry).
 */
export async function dumpTables(db: Db, opts: { auditUpTo?: number } = {}): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ t: string }>`
    SELECT table_name AS t FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely%' ORDER BY 1`.execute(db);
  const out: Record<string, unknown[]> = {};
  for (const { t } of tables.rows) {
    const where = t === 'audit_log' && opts.auditUpTo !== undefined ? sql`WHERE x.seq <= ${opts.auditUpTo}` : sql``;
    const r = await sql<{ j: unknown[] }>`
      SELECT coalesce(jsonb_agg(to_jsonb(x) ORDER BY to_jsonb(x)::text), '[]') AS j FROM ${sql.table(t)} x ${where}`.execute(db);
    out[t] = r.rows[0]!.j;
  }
  return out;
}
