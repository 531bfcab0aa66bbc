import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';

/**
 * PostgreSQL restarting, failing over or an operator's pg_terminate_backend cuts the application's
 * connections, idle or in the middle of a request. The request gets a 503 (try again), never a 500, the
 * process does not die of an unhandled 'error' event, and the pool replaces the dead connections.
 */

let t: TestApp;
let officer: Session;
const admin = new pg.Client({ connectionString: inject('adminUrl') });
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'reset-officer', ['officer'], 'FRA');
  officer = await login(t.app, 'reset-officer');
  await admin.connect();
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await admin.end();
  await t.close();
});

/** Ends every backend the app holds on its test database, busy or idle. */
async function terminateAppBackends(): Promise<number> {
  const r = await admin.query(
    `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
     WHERE datname = $1 AND application_name = 'palermo' AND pid <> pg_backend_pid()`,
    [t.database.name],
  );
  return r.rows[0].n as number;
}

/** Requests that hold a connection for several statements: a session lookup, searches, a transaction. */
function batch() {
  const requests = [];
  for (let i = 0; i < 3; i++) {
    requests.push(as(t.app, officer, 'GET', '/api/v1/me'));
    requests.push(as(t.app, null, 'GET', '/api/v1/states?lang=fr'));
    requests.push(as(t.app, officer, 'GET', '/api/v1/search?q=central+authority'));
    requests.push(as(t.app, null, 'GET', '/api/health'));
    requests.push(
      as(t.app, officer, 'POST', '/api/v1/saved-searches', { name: `s${i}-${Math.random()}`, query: { q: 'extradition' }, email: false }),
    );
  }
  return requests;
}

describe('a database connection reset during requests', () => {
  it('answers 200 or 503 (never 500), keeps the process up, and recovers', async () => {
    const statuses = new Map<number, number>();
    const ok = (s: number) => s === 200 || s === 201;
    let terminated = 0;
    for (let round = 0; round < 8; round++) {
      const pending = batch();
      // Cut the connections while the batch is in flight, twice: once early, once later.
      await new Promise((r) => setTimeout(r, 5 + round * 3));
      terminated += await terminateAppBackends();
      await new Promise((r) => setTimeout(r, 10));
      terminated += await terminateAppBackends();
      for (const res of await Promise.all(pending)) {
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode === 503) {
          expect(res.headers['retry-after']).toBeDefined();
          expect(res.json().error.code).toBe('unavailable');
        }
      }
      // Idle pooled connections were cut too: they must be noticed and replaced, not crash the process.
      terminated += await terminateAppBackends();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(terminated).toBeGreaterThan(0);
    expect([...statuses.keys()].filter((s) => !ok(s) && s !== 503)).toEqual([]);
    expect(uncaught).toEqual([]);

    // Afterwards every request succeeds again, on fresh connections.
    for (const res of await Promise.all(batch())) expect(ok(res.statusCode), res.body).toBe(true);
  });
});
