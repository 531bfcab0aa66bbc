import { sql, type Transaction } from 'kysely';
import type { Database, Db } from './database.ts';

type Trx = Transaction<Database>;

/** Whether a pair is running in this process (see readSideBySide). */
let pairInFlight = false;

/**
 * Two read-only queries run side by side on two connections that see one snapshot, so their results agree as if
 * read in one transaction (the second imports the first's snapshot: pg_export_snapshot / SET TRANSACTION SNAPSHOT).
 * For reads whose time is CPU on the server — a statistics page's groups and its total each sort tens of thousands
 * of durations — PostgreSQL gives each statement one core; two statements on two connections use two.
 *
 * The pair holds one connection while it takes a second. Two pairs doing that at once could hold all of a small
 * pool's connections and wait for each other forever, so at most one pair per process runs side by side; while one
 * does, another runs its two queries in turn in its one transaction (same results, one core). `prepare` runs first
 * in each transaction (e.g. SET LOCAL work_mem).
 */
export async function readSideBySide<A, B>(
  db: Db,
  prepare: (trx: Trx) => Promise<void>,
  first: (trx: Trx) => Promise<A>,
  second: (trx: Trx) => Promise<B>,
): Promise<[A, B]> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    await prepare(trx);
    if (pairInFlight) return [await first(trx), await second(trx)];
    pairInFlight = true;
    try {
      const { rows } = await sql<{ id: string }>`SELECT pg_export_snapshot() AS id`.execute(trx);
      const snapshot = rows[0]!.id;
      const other = db.transaction().setIsolationLevel('repeatable read').execute(async (trx2) => {
        // must be the transaction's first statement; the exporting transaction stays open until both are done
        await sql`SET TRANSACTION SNAPSHOT ${sql.lit(snapshot)}`.execute(trx2);
        await prepare(trx2);
        return second(trx2);
      });
      // Promise.all: a failure of either is the pair's, and the other's later failure is not left unhandled
      return await Promise.all([first(trx), other]);
    } finally {
      pairInFlight = false;
    }
  });
}
