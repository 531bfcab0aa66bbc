import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { Database, Db } from '../db/database.ts';
import { defineJob, registerJob, type JobDefinition } from '../jobs/jobs.ts';
import { enqueue } from '../jobs/queue.ts';
import './events.tables.ts';

/**
 * Domain events with an outbox. A module announces what happened with `publish`, in the transaction of the
 * change itself: the event row and one delivery job per subscriber commit with the change or not at all.
 * Each subscriber runs as a job (`event.<subscriber>`), and handles an event at most once: its handler runs in
 * a transaction that first records the delivery (event id + subscriber, primary key), so a second delivery of
 * the same event — a retry after a crash, the catch-up at start — finds the row and does nothing. Handlers
 * write their effects in that transaction (or enqueue jobs in it), so an effect happens exactly once.
 */

export interface EventType<P> {
  type: string;
  aggregateType: string;
  payload: z.ZodType<P>;
}

const types = new Map<string, EventType<unknown>>();

/** Declares an event type: its name (`<module>.<what happened>`), what it is about, and its payload. */
export function defineEvent<P>(type: string, aggregateType: string, payload: z.ZodType<P>): EventType<P> {
  const known = types.get(type);
  if (known) return known as EventType<P>;
  const t = { type, aggregateType, payload };
  types.set(type, t as EventType<unknown>);
  return t;
}

export interface DomainEvent<P> {
  id: string;
  type: string;
  aggregateId: string;
  payload: P;
  actor: { id: string; name: string } | null;
  occurredAt: Date;
}

interface Subscriber {
  name: string;
  type: EventType<unknown>;
  job: JobDefinition<{ eventId: string }>;
}
const subscribers = new Map<string, Subscriber>();

export interface SubscribeOptions {
  retryLimit?: number;
  retryDelaySeconds?: number;
}

/**
 * Runs `handler` for every event of `type` published from now on (and for earlier ones not yet handled by
 * this subscriber: `catchUpEvents`). `name` (`<module>.<what it does>`) identifies the subscriber for good:
 * renaming it makes it see every past event again.
 */
export function subscribe<P>(
  type: EventType<P>,
  name: string,
  handler: (event: DomainEvent<P>, trx: Transaction<Database>) => Promise<void>,
  opts: SubscribeOptions = {},
): void {
  if (subscribers.has(name)) throw new Error(`Two event subscribers are named "${name}"`);
  const job = registerJob(defineJob({
    name: `event.${name}`,
    payload: z.object({ eventId: z.uuid() }),
    retryLimit: opts.retryLimit ?? 5,
    retryDelaySeconds: opts.retryDelaySeconds ?? 30,
    handler: async ({ eventId }, ctx) => {
      await ctx.db.transaction().execute(async (trx) => {
        const first = await trx.insertInto('platform_event_deliveries').values({ event_id: eventId, subscriber: name })
          .onConflict((oc) => oc.doNothing()).returning('event_id').executeTakeFirst();
        if (!first) return; // handled before
        const row = await trx.selectFrom('platform_events').selectAll().where('id', '=', eventId).executeTakeFirstOrThrow();
        await handler(toEvent(row, type), trx);
      });
    },
  }));
  subscribers.set(name, { name, type: type as EventType<unknown>, job });
}

function toEvent<P>(row: { id: string; type: string; aggregate_id: string; payload: unknown; actor_id: string | null; actor_name: string | null; occurred_at: Date }, type: EventType<P>): DomainEvent<P> {
  return {
    id: row.id,
    type: row.type,
    aggregateId: row.aggregate_id,
    payload: type.payload.parse(row.payload),
    actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
    occurredAt: row.occurred_at,
  };
}

export interface Publication<P> {
  type: EventType<P>;
  aggregateId: string;
  actor: { id: string; name: string } | null;
  payload: P;
}

/** Writes the event and its subscribers' jobs in `trx`. Returns the event's id. */
export async function publish<P>(trx: Transaction<Database>, e: Publication<P>): Promise<string> {
  const payload = e.type.payload.parse(e.payload);
  const row = await trx.insertInto('platform_events').values({
    type: e.type.type,
    aggregate_type: e.type.aggregateType,
    aggregate_id: e.aggregateId,
    payload: JSON.stringify(payload),
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  for (const s of subscribers.values()) {
    if (s.type.type === e.type.type) await enqueue(trx, s.job, { eventId: row.id });
  }
  return row.id;
}

/**
 * Several events of one type in one statement (a batch import's records), then their subscribers' jobs:
 * the same rows and jobs as `publish` for each. Returns the events' ids.
 */
export async function publishAll<P>(trx: Transaction<Database>, type: EventType<P>, es: Array<Omit<Publication<P>, 'type'>>): Promise<string[]> {
  if (es.length === 0) return [];
  const rows = await trx.insertInto('platform_events').values(es.map((e) => ({
    type: type.type,
    aggregate_type: type.aggregateType,
    aggregate_id: e.aggregateId,
    payload: JSON.stringify(type.payload.parse(e.payload)),
    actor_id: e.actor?.id ?? null,
    actor_name: e.actor?.name ?? null,
  }))).returning('id').execute();
  for (const row of rows) {
    for (const s of subscribers.values()) {
      if (s.type.type === type.type) await enqueue(trx, s.job, { eventId: row.id });
    }
  }
  return rows.map((r) => r.id);
}

/**
 * Enqueues a delivery for every event a subscriber has not handled yet: events published before it existed
 * (the case tracker taking over the drafts finalised before it), or whose jobs were lost with the queue (a
 * restore: backups hold the events, not the queue). Duplicates are harmless (see above). Run at worker start.
 */
export async function catchUpEvents(db: Db): Promise<number> {
  let n = 0;
  for (const s of subscribers.values()) {
    const missing = await db.selectFrom('platform_events as e').select('e.id').where('e.type', '=', s.type.type)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('platform_event_deliveries as d').select(sql`1`.as('one'))
        .whereRef('d.event_id', '=', 'e.id').where('d.subscriber', '=', s.name))))
      .orderBy('e.occurred_at').execute();
    // Not for events whose job is still waiting: those would only be delivered twice (harmlessly) — but a
    // check against the queue would tie this file to its tables, and catch-up runs once per start.
    for (const m of missing) await enqueue(db, s.job, { eventId: m.id });
    n += missing.length;
  }
  return n;
}

/** Who has handled an event so far (for the hand-off status a module shows). */
export async function deliveriesOf(db: Db | Transaction<Database>, eventId: string): Promise<string[]> {
  const rows = await db.selectFrom('platform_event_deliveries').select('subscriber').where('event_id', '=', eventId).execute();
  return rows.map((r) => r.subscriber);
}

/** The latest event of a type about one aggregate, typed (e.g. the draft.finalised of a draft). */
export async function latestEvent<P>(db: Db | Transaction<Database>, type: EventType<P>, aggregateId: string): Promise<DomainEvent<P> | null> {
  const row = await db.selectFrom('platform_events').selectAll().where('type', '=', type.type)
    .where('aggregate_type', '=', type.aggregateType).where('aggregate_id', '=', aggregateId)
    .orderBy('occurred_at', 'desc').limit(1).executeTakeFirst();
  return row ? toEvent(row, type) : null;
}

/** For tests: forget subscribers registered by a test. */
export function _unsubscribe(name: string): void {
  subscribers.delete(name);
}
