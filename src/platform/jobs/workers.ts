import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { DbHandle } from '../db/database.ts';
import { chainAudit } from '../audit/audit-chainer.ts';
import { registeredJobs, type AnyJobDefinition } from './jobs.ts';
import { JOB_SCHEMA, poolAdapter, queueOptions } from './queue.ts';

/** The advisory lock key of queue set-up (any constant no other lock uses: "pgbossq" in ASCII). */
const QUEUE_SETUP_LOCK = 0x7067626f73737100n.toString();

export interface WorkerOptions {
  publicUrl: string;
  /** Jobs to work on (default: every registered job). */
  jobs?: readonly AnyJobDefinition[];
  /** Seconds between two looks at an empty queue (default 2). */
  pollingIntervalSeconds?: number;
  /** Seconds between two maintenance passes: expiring runs of dead processes, archiving (default 60). */
  maintenanceIntervalSeconds?: number;
  /** How long `stop` waits for running handlers before failing them back to the queue (default 30 s). */
  stopTimeoutMs?: number;
  onError?: (err: Error) => void;
}

export interface Workers {
  stop(): Promise<void>;
}

/**
 * Starts this process's workers: one per registered job, plus pg-boss's maintenance (which retries the runs of
 * processes that died, after the job's expiry) and its clock for schedules. Any number of processes may do
 * this on one database: a job is fetched with FOR UPDATE SKIP LOCKED, so exactly one of them runs it, and a
 * schedule fires once per tick across all of them. Schedules are re-created from the definitions at every
 * start (and removed when a definition no longer has one), so they need no backup.
 */
export async function startWorkers(handle: DbHandle, opts: WorkerOptions): Promise<Workers> {
  const jobs = opts.jobs ?? registeredJobs();
  const boss = new PgBoss({
    db: poolAdapter(handle.pool),
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? 60,
    // Completed jobs are archived after a day and deleted after a week: the admin view shows recent history.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => (opts.onError ?? ((e: Error) => process.stderr.write(`jobs: ${e.message}\n`)))(err));
  await boss.start();
  const controller = new AbortController();

  // Queues and schedules are set up one process at a time: pg-boss's create_queue makes a partition per queue, and
  // two app processes starting together deadlock on it (seen with two workers on one database). A session-level
  // advisory lock on one connection serialises the set-up; the workers then run side by side.
  await handle.db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${QUEUE_SETUP_LOCK}::bigint)`.execute(conn);
    try {
      for (const def of jobs) {
        const options = queueOptions(def);
        await boss.createQueue(def.name, options);
        await boss.updateQueue(def.name, options); // a definition changed since the queue was made
        await boss.work(def.name, { batchSize: 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([job]) => {
          // Parsed again: a job may have waited through a deployment that changed its payload.
          const payload = def.payload.parse(job!.data);
          try {
            await def.handler(payload, { db: handle.db, jobId: job!.id, publicUrl: opts.publicUrl, signal: controller.signal });
          } finally {
            // what the job audited joins the hash chain now, not at the next API request (if this fails, the next
            // chaining — any request, verify, start-up — picks the entries up: they are committed, only unchained)
            await chainAudit(handle.db).catch(() => undefined);
          }
        });
        if (def.schedule) await boss.schedule(def.name, def.schedule.cron, def.schedule.payload as object, { tz: 'UTC' });
        else await boss.unschedule(def.name);
      }
    } finally {
      await sql`SELECT pg_advisory_unlock(${QUEUE_SETUP_LOCK}::bigint)`.execute(conn);
    }
  });

  let stopping: Promise<void> | null = null;
  return {
    stop: () => {
      stopping ??= (async () => {
        // Graceful: no new fetches, running handlers get `stopTimeoutMs` to finish; what is still running then
        // is failed back to the queue (and retried), never lost. The pool is the app's: pg-boss does not close it.
        const stopped = new Promise<void>((resolve) => boss.once('stopped', () => resolve()));
        const timeout = opts.stopTimeoutMs ?? 30_000;
        setTimeout(() => controller.abort(), Math.max(0, timeout - 1000)).unref();
        await boss.stop({ graceful: true, close: false, wait: true, timeout });
        await stopped;
      })();
      return stopping;
    },
  };
}
