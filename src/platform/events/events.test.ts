import { sql } from 'kysely';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { jobDefinition } from '../jobs/jobs.ts';
import { enqueue } from '../jobs/queue.ts';
import { startWorkers, type Workers } from '../jobs/workers.ts';
import { catchUpEvents, defineEvent, publish, subscribe } from './events.ts';

/** A test event and two subscribers that count what they handle, in their own transaction. */
const parcelSent = defineEvent('test.parcel-sent', 'parcel', z.object({ parcel: z.string(), weight: z.number() }));
subscribe(parcelSent, 'test.count-parcels', async (event, trx) => {
  await sql`INSERT INTO test_seen (subscriber, event_id, parcel) VALUES ('count', ${event.id}, ${event.payload.parcel})`.execute(trx);
});
subscribe(parcelSent, 'test.weigh-parcels', async (event, trx) => {
  await sql`INSERT INTO test_seen (subscriber, event_id, parcel) VALUES ('weigh', ${event.id}, ${event.payload.parcel})`.execute(trx);
}, { retryDelaySeconds: 1 });
const jobs = ['event.test.count-parcels', 'event.test.weigh-parcels'].map((n) => jobDefinition(n)!);

let t: TestDatabase;
let workers: Workers | null = null;
beforeAll(async () => {
  t = await createTestDatabase();
  await sql`CREATE TABLE test_seen (subscriber text, event_id uuid, parcel text)`.execute(t.db);
});
afterAll(async () => {
  await workers?.stop();
  await t.drop();
});

async function until(what: string, fn: () => Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
const seen = () => sql<{ subscriber: string; parcel: string; event_id: string }>`SELECT * FROM test_seen ORDER BY parcel, subscriber`.execute(t.db).then((r) => r.rows);
const actor = { id: '11111111-1111-1111-1111-111111111111', name: 'Ana Officer' };

describe('domain events (outbox, subscribers as jobs)', () => {
  it('an event published in a transaction that rolls back is never stored nor delivered', async () => {
    await expect(t.db.transaction().execute(async (trx) => {
      await publish(trx, { type: parcelSent, aggregateId: 'P-lost', actor, payload: { parcel: 'lost', weight: 1 } });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    const committed = await t.db.transaction().execute((trx) => publish(trx, { type: parcelSent, aggregateId: 'P-1', actor, payload: { parcel: 'one', weight: 2 } }));

    workers = await startWorkers(t, { publicUrl: 'http://localhost', jobs, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    await until('both subscribers', async () => (await seen()).length === 2);
    await new Promise((r) => setTimeout(r, 1500)); // time enough for a wrong delivery to show
    expect(await seen()).toEqual([
      { subscriber: 'count', event_id: committed, parcel: 'one' },
      { subscriber: 'weigh', event_id: committed, parcel: 'one' },
    ]);
    const stored = await t.db.selectFrom('platform_events').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ type: 'test.parcel-sent', aggregate_type: 'parcel', aggregate_id: 'P-1', actor_id: actor.id, actor_name: 'Ana Officer', payload: { parcel: 'one', weight: 2 } });
    const deliveries = await t.db.selectFrom('platform_event_deliveries').select(['event_id', 'subscriber']).orderBy('subscriber').execute();
    expect(deliveries).toEqual([{ event_id: committed, subscriber: 'test.count-parcels' }, { event_id: committed, subscriber: 'test.weigh-parcels' }]);
  }, 60_000);

  it('a payload that does not match its event type is refused before anything is written', async () => {
    await expect(t.db.transaction().execute((trx) => publish(trx, { type: parcelSent, aggregateId: 'P-2', actor, payload: { parcel: 'two' } as never }))).rejects.toThrow();
    expect(await t.db.selectFrom('platform_events').select('id').where('aggregate_id', '=', 'P-2').execute()).toHaveLength(0);
  });

  it('a subscriber handles an event once, even when it is delivered twice (a retry, the catch-up at start)', async () => {
    const id = await t.db.transaction().execute((trx) => publish(trx, { type: parcelSent, aggregateId: 'P-3', actor, payload: { parcel: 'three', weight: 3 } }));
    await until('the first delivery', async () => (await seen()).filter((s) => s.parcel === 'three').length === 2);
    await enqueue(t.db, jobs[0]!, { eventId: id }); // the same event again
    await enqueue(t.db, jobs[0]!, { eventId: id });
    expect(await catchUpEvents(t.db)).toBe(0); // nothing missing: both subscribers have it
    await until('the extra jobs to be done', async () =>
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'event.test.count-parcels' AND state <> 'completed'`.execute(t.db)).rows[0]!.n === 0);
    expect((await seen()).filter((s) => s.parcel === 'three').map((s) => s.subscriber)).toEqual(['count', 'weigh']);
  }, 60_000);

  it('events a subscriber has not handled (its jobs lost with the queue, as after a restore) are delivered by the catch-up', async () => {
    await workers!.stop();
    workers = null;
    const id = await t.db.transaction().execute((trx) => publish(trx, { type: parcelSent, aggregateId: 'P-4', actor, payload: { parcel: 'four', weight: 4 } }));
    await sql`DELETE FROM pgboss.job WHERE data->>'eventId' = ${id}`.execute(t.db);
    expect(await catchUpEvents(t.db)).toBe(2);
    workers = await startWorkers(t, { publicUrl: 'http://localhost', jobs, pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
    await until('the caught-up deliveries', async () => (await seen()).filter((s) => s.parcel === 'four').length === 2);
  }, 60_000);
});
