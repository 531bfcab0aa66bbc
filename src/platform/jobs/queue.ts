import { createRequire } from 'node:module';
import PgBoss from 'pg-boss';
import { CompiledQuery, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import type { Database, Db } from '../db/database.ts';
import type { AnyJobDefinition, JobDefinition } from './jobs.ts';

/**
 * The job queue: pg-boss 10 (the last line that runs on Node 20), in its own `pgboss` schema of the
 * application's database. Chosen over graphile-worker 0.16 after measuring both on the embedded server
 * (bench/jobs/compare.ts, docs/PERFORMANCE.md): graphile-worker starts jobs sooner (LISTEN/NOTIFY instead of
 * polling) and drains a backlog faster, but a job whose process dies stays locked for four hours in its open
 * edition, its backoff is fixed, and it has no queue policy for "one waiting, one running". pg-boss gives a
 * per-queue expiry after which a crashed run is retried, configurable retry delay and backoff, queue policies
 * (stately deduplicates the search reorganisation), cron schedules that fire once across processes, and
 * plain tables for the admin view. Our jobs are few and slow (alerts, reorganisation, event deliveries), so a
 * start latency of a second or two costs nothing.
 *
 * Every module goes through this file; no other file imports pg-boss.
 */

export const JOB_SCHEMA = 'pgboss';
type Conn = Db | Transaction<Database>;

/** pg-boss runs its SQL through this: our pool (its own statements) or the caller's Kysely transaction. */
function kyselyAdapter(conn: Conn): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await conn.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[] }) };
}
export function poolAdapter(pool: pg.Pool): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }) };
}

/** Settings a queue keeps (pg-boss applies them to each job sent to it). */
export function queueOptions(def: AnyJobDefinition): PgBoss.Queue {
  return {
    name: def.name,
    policy: def.policy ?? 'standard',
    retryLimit: def.retryLimit ?? 3,
    retryDelay: def.retryDelaySeconds ?? 30,
    retryBackoff: def.retryBackoff ?? true,
    expireInSeconds: def.expireInSeconds ?? 15 * 60,
    retentionMinutes: 7 * 24 * 60,
  };
}

/**
 * Installs or upgrades the queue's schema (idempotent; pg-boss takes an advisory lock, so two processes
 * starting together do not race). Called after the migrations, so every database the app migrates — a test
 * copy, a restore target — can take jobs.
 */
export async function installJobSchema(db: Db): Promise<void> {
  const boss = new PgBoss({ db: kyselyAdapter(db), schema: JOB_SCHEMA, migrate: true, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, close: false, wait: true });
}

/** The job queue's schema version this pg-boss release installs (its package states it). */
const JOB_SCHEMA_VERSION = (createRequire(import.meta.url)('pg-boss/version.json') as { schema: number }).schema;

/** Whether a database whose pg-boss schema is at `version` (null: none) needs installJobSchema. */
export function jobSchemaCurrent(version: number | null): boolean {
  return version === JOB_SCHEMA_VERSION;
}

/** A pg-boss instance that never runs anything: it only builds statements for the connection each call passes. */
const sender = new PgBoss({ db: { executeSql: () => Promise.reject(new Error('jobs: pass a connection')) }, schema: JOB_SCHEMA, supervise: false, schedule: false, migrate: false });

async function ensureQueue(conn: Conn, def: AnyJobDefinition): Promise<void> {
  // Normally done by the workers at start; here for a process that only enqueues (a CLI import), in the
  // caller's transaction. pg-boss's create_queue inserts ON CONFLICT DO NOTHING, so a concurrent creator
  // waits for the first and then does nothing.
  const { name: _, ...options } = queueOptions(def);
  await sql`SELECT pgboss.create_queue(${def.name}, ${JSON.stringify(options)}::json)
            WHERE NOT EXISTS (SELECT 1 FROM pgboss.queue WHERE name = ${def.name})`.execute(conn);
}

export interface EnqueueOptions {
  /** Do not start before this time (or this many seconds from now). */
  startAfter?: Date | number;
  /** With policy 'stately'/'singleton', jobs with different keys do not deduplicate each other. */
  singletonKey?: string;
}

/**
 * Enqueues a job on `conn`: inside the caller's transaction when `conn` is one, so a rolled-back change
 * enqueues nothing and a committed one cannot lose its job. Returns the job id, or null when the queue's
 * policy dropped it as a duplicate. A payload that does not match the definition throws (a programming error).
 */
export async function enqueue<P>(conn: Conn, def: JobDefinition<P>, payload: P, opts: EnqueueOptions = {}): Promise<string | null> {
  const data = def.payload.parse(payload);
  await ensureQueue(conn, def as AnyJobDefinition);
  return sender.send(def.name, data as object, { ...opts, db: kyselyAdapter(conn) });
}

/** Makes a failed (or cancelled) job run again. False when there is no such job. */
export async function retryJob(db: Db, id: string): Promise<boolean> {
  const r = await sql<{ name: string }>`SELECT name FROM pgboss.job WHERE id = ${id}::uuid AND state IN ('failed', 'cancelled')`.execute(db);
  if (!r.rows[0]) return false;
  await sender.retry(r.rows[0].name, id, { db: kyselyAdapter(db) });
  return true;
}

export { sender as _sender, kyselyAdapter };
