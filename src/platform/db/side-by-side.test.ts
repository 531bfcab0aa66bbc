import { sql, type Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { connect, type Database } from './database.ts';
import { readSideBySide } from './side-by-side.ts';

/** Two reads on two connections that must agree as if they were one transaction, and never deadlock the pool. */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
  await sql`CREATE TABLE counted (n int)`.execute(t.db);
  await sql`INSERT INTO counted VALUES (1), (2)`.execute(t.db);
});
afterAll(() => t.drop());

const count = async (trx: Transaction<Database>) => Number((await sql<{ n: string }>`SELECT count(*) AS n FROM counted`.execute(trx)).rows[0]!.n);
const backend = async (trx: Transaction<Database>) => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(trx)).rows[0]!.pid;
const noop = async () => undefined;

describe('readSideBySide', () => {
  it('the second read sees the first one’s snapshot, not a row committed after it was taken, on another connection', async () => {
    let committed!: () => void;
    const afterCommit = new Promise<void>((r) => (committed = r));
    const [[before, pidA], [later, pidB]] = await readSideBySide(
      t.db,
      noop,
      async (trx) => {
        const n = await count(trx);
        await sql`INSERT INTO counted VALUES (3)`.execute(t.db); // committed on a third connection
        committed();
        return [n, await backend(trx)] as const;
      },
      async (trx) => {
        await afterCommit;
        return [await count(trx), await backend(trx)] as const;
      },
    );
    expect(pidB).not.toBe(pidA);
    expect([before, later]).toEqual([2, 2]);
    expect(await t.db.transaction().execute(count)).toBe(3);
    await sql`DELETE FROM counted WHERE n = 3`.execute(t.db);
  });

  it('pairs started together on a pool of two connections all finish (one side by side, the others in turn)', async () => {
    const small = connect(t.url, { max: 2 });
    try {
      const slow = async (trx: Transaction<Database>) => (await sql`SELECT pg_sleep(0.2)`.execute(trx), count(trx));
      const results = await Promise.all([1, 2, 3].map(() => readSideBySide(small.db, noop, slow, slow)));
      expect(results).toEqual([[2, 2], [2, 2], [2, 2]]);
    } finally {
      await small.close();
    }
  }, 20_000);

  it('a failing read fails the pair and leaves the pool usable', async () => {
    await expect(readSideBySide(t.db, noop, count, async (trx) => (await sql`SELECT 1/0`.execute(trx), 0))).rejects.toThrow(/division by zero/);
    expect(await readSideBySide(t.db, noop, count, count)).toEqual([2, 2]);
  });
});
