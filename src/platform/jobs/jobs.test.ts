import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../config.ts';
import { connect, type DbHandle } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { jobsOverview } from './admin.ts';
import { enqueue, retryJob } from './queue.ts';
import { startWorkers, type Workers } from './workers.ts';
import { brokenJob, countJob, flakyJob, slowJob, TEST_JOBS, TEST_TABLE_SQL } from './fixtures/test-jobs.ts';

let t: TestDatabase;
const children: ChildProcess[] = [];
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await sql.raw(TEST_TABLE_SQL).execute(t.db);
});
afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const s of stops) await s();
  await t.drop();
});

/** Waits (polling the database) until `fn` holds, or fails after `ms`. */
async function until(what: string, fn: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const runs = (job: string, phase?: string) =>
  sql<{ job: string; worker: string; phase: string; at: Date }>`SELECT * FROM test_job_runs WHERE job = ${job} AND (${phase ?? null}::text IS NULL OR phase = ${phase ?? null}) ORDER BY at`.execute(t.db).then((r) => r.rows);
const countRuns = (like: string) => sql<{ n: number }>`SELECT count(*)::int AS n FROM test_job_runs WHERE job LIKE ${like}`.execute(t.db).then((r) => r.rows[0]!.n);

/** Another app process: a child Node process working on the test jobs. */
function workerProcess(name: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/platform/jobs/fixtures/worker-process.ts'), t.url], {
    env: { ...process.env, TEST_WORKER: name, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(child); });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code})`)));
  });
}

async function localWorkers(): Promise<{ handle: DbHandle; workers: Workers }> {
  const handle = connect(t.url, { max: 3 });
  const workers = await startWorkers(handle, { publicUrl: 'http://localhost', jobs: TEST_JOBS, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
  const stop = async () => { await workers.stop(); await handle.close(); };
  stops.push(stop);
  return { handle, workers };
}

describe('background jobs (pg-boss through platform/jobs)', () => {
  it('a job enqueued in a transaction that rolls back never runs; committed, it runs', async () => {
    await t.db.transaction().execute(async (trx) => {
      await enqueue(trx, countJob, { n: 999 });
    });
    await expect(t.db.transaction().execute(async (trx) => {
      await enqueue(trx, countJob, { n: 998 });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const queued = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.count' AND data->>'n' = '998'`.execute(t.db);
    expect(queued.rows[0]!.n).toBe(0);
    const bad = enqueue(t.db, countJob, { n: 'x' as never });
    await expect(bad).rejects.toThrow();
  });

  it('runs each job exactly once with two app processes on one database', async () => {
    await Promise.all([workerProcess('one'), workerProcess('two')]);
    for (let n = 0; n < 20; n++) await enqueue(t.db, countJob, { n });
    await until('20 runs', async () => (await countRuns('count-%')) >= 21);
    await new Promise((r) => setTimeout(r, 1500)); // a duplicate would show up within a polling interval or two
    const rows = await sql<{ job: string; n: number }>`SELECT job, count(*)::int AS n FROM test_job_runs WHERE job LIKE 'count-%' GROUP BY job`.execute(t.db);
    expect(rows.rows).toHaveLength(21); // 0..19, and 999 from the committed enqueue above
    expect(rows.rows.every((r) => r.n === 1)).toBe(true);
    const workers = await sql<{ worker: string }>`SELECT DISTINCT worker FROM test_job_runs WHERE job LIKE 'count-%'`.execute(t.db);
    expect(workers.rows.map((w) => w.worker).sort()).toEqual(['one', 'two']);
    await Promise.all(children.splice(0).map((c) => new Promise((r) => { c.once('exit', r); c.kill('SIGTERM'); })));
  }, 90_000);

  it('survives its process being killed mid-run: after the restart it completes, once', async () => {
    const doomed = await workerProcess('doomed', { TEST_HANG: '1' });
    await enqueue(t.db, slowJob, {});
    await until('the run to start', async () => (await runs('slow', 'started')).length === 1);
    doomed.kill('SIGKILL');
    expect(await runs('slow', 'done')).toHaveLength(0);

    await localWorkers(); // the restarted app: its maintenance finds the run expired and retries it
    await until('the retried run to finish', async () => (await runs('slow', 'done')).length === 1, 60_000);
    const all = await runs('slow');
    expect(all.map((r) => `${r.worker}:${r.phase}`)).toEqual(['doomed:started', `pid-${process.pid}:started`, `pid-${process.pid}:done`]);
  }, 90_000);

  it('retries a failing job with growing delays, then succeeds', async () => {
    await enqueue(t.db, flakyJob, {});
    await until('the third attempt', async () => (await runs('flaky')).length === 3, 60_000);
    const at = (await runs('flaky')).map((r) => r.at.getTime());
    const first = at[1]! - at[0]!;
    const second = at[2]! - at[1]!;
    // backoff: 1–2 s before the first retry, 2–4 s before the second (plus polling)
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    await until('the job to complete', async () =>
      (await sql<{ state: string }>`SELECT state::text FROM pgboss.job WHERE name = 'test.flaky'`.execute(t.db)).rows[0]?.state === 'completed');
  }, 90_000);

  it('shows admins the counts per queue and the failures with their error; a failed job can be retried', async () => {
    const id = await enqueue(t.db, brokenJob, {});
    await until('the job to fail', async () => (await jobsOverview(t.db)).failures.some((f) => f.id === id));
    const o = await jobsOverview(t.db);
    const failure = o.failures.find((f) => f.id === id)!;
    expect(failure).toMatchObject({ queue: 'test.broken', attempts: 1 });
    expect(failure.error).toContain('the archive share is not mounted');
    expect(o.queues.find((q) => q.name === 'test.count')!.counts.completed).toBe(21);
    expect(o.queues.find((q) => q.name === 'test.broken')!.counts.failed).toBe(1);

    expect(await retryJob(t.db, id!)).toBe(true);
    await until('the retried job to fail again', async () =>
      (await sql<{ state: string; retry_count: number }>`SELECT state::text, retry_count FROM pgboss.job WHERE id = ${id}::uuid`.execute(t.db)).rows[0]?.state === 'failed');
    expect(await retryJob(t.db, '00000000-0000-0000-0000-000000000000')).toBe(false);
  }, 60_000);
});
