import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * Inserts rows, updating a conflicting row only when some column really differs, so that loading the
 * same data twice writes nothing. Returns how many rows were inserted and how many were changed.
 */
export async function upsertChanged<T extends keyof Database & string>(
  trx: Transaction<Database>,
  table: T,
  keys: string[],
  rows: Array<Record<string, unknown>>,
): Promise<{ inserted: number; updated: number }> {
  if (rows.length === 0) return { inserted: 0, updated: 0 };
  const columns = Object.keys(rows[0]!);
  const updatable = columns.filter((c) => !keys.includes(c));
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const batch = rows.slice(i, i + 500);
    const values = sql.join(
      batch.map((row) => sql`(${sql.join(columns.map((c) => toParam(row[c])))})`),
    );
    const set = sql.join(updatable.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
    const current = sql.join(updatable.map((c) => sql`${sql.table(table)}.${sql.ref(c)}`));
    const incoming = sql.join(updatable.map((c) => sql`excluded.${sql.ref(c)}`));
    const result = await sql<{ inserted: boolean }>`
      INSERT INTO ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      VALUES ${values}
      ON CONFLICT (${sql.join(keys.map((k) => sql.ref(k)))}) DO UPDATE SET ${set}
      WHERE (${current}) IS DISTINCT FROM (${incoming})
      RETURNING (xmax = 0) AS inserted`.execute(trx);
    for (const r of result.rows) {
      if (r.inserted) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}

/** Objects go to jsonb columns as JSON text; arrays stay arrays (text[] columns). */
function toParam(v: unknown) {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)) return JSON.stringify(v);
  return v;
}
