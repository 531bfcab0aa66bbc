import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type TestApp } from '../../../test/support/app.ts';
import { enqueue } from './queue.ts';
import { startWorkers } from './workers.ts';
import { brokenJob, countJob } from './fixtures/test-jobs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'jobs-admin', ['admin'], null);
  await addUser(t, 'jobs-secretariat', ['secretariat'], null);
});
afterAll(async () => t.close());

describe('GET /api/v1/admin/jobs', () => {
  it('refuses everyone but admins', async () => {
    expect((await as(t.app, null, 'GET', '/api/v1/admin/jobs')).statusCode).toBe(401);
    const sec = await login(t.app, 'jobs-secretariat');
    expect((await as(t.app, sec, 'GET', '/api/v1/admin/jobs')).statusCode).toBe(403);
  });

  it('shows admins the counts per queue and state, and a failed job with its error', async () => {
    const id = await enqueue(t.database.db, brokenJob, {});
    await enqueue(t.database.db, countJob, { n: 1 }); // waits: no worker for it
    const workers = await startWorkers(t.database, { publicUrl: 'http://localhost', jobs: [brokenJob], pollingIntervalSeconds: 0.5 });
    const admin = await login(t.app, 'jobs-admin');
    try {
      const end = Date.now() + 30_000;
      let body = (await as(t.app, admin, 'GET', '/api/v1/admin/jobs')).json();
      while (!body.failures.length && Date.now() < end) {
        await new Promise((r) => setTimeout(r, 200));
        body = (await as(t.app, admin, 'GET', '/api/v1/admin/jobs')).json();
      }
      expect(body.failures[0]).toMatchObject({ id, queue: 'test.broken', attempts: 1 });
      expect(body.failures[0].error).toContain('the archive share is not mounted');
      expect(body.queues.find((q: { name: string }) => q.name === 'test.broken').counts).toMatchObject({ failed: 1, created: 0 });
      expect(body.queues.find((q: { name: string }) => q.name === 'test.count').counts).toMatchObject({ created: 1, failed: 0 });
    } finally {
      await workers.stop();
    }
  }, 60_000);
});
