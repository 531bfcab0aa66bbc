import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/** What admins see of the queue (GET /api/v1/admin/jobs, `palermo jobs list`): read straight from pg-boss's tables. */

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface QueueSummary {
  name: string;
  policy: string;
  schedule: string | null;
  counts: Record<JobState, number>;
}

export interface FailedJob {
  id: string;
  queue: string;
  failedAt: string;
  attempts: number;
  error: string;
}

export interface JobsOverview {
  queues: QueueSummary[];
  failures: FailedJob[];
}

export async function jobsOverview(db: Db, opts: { failures?: number } = {}): Promise<JobsOverview> {
  const queues = await sql<{ name: string; policy: string | null; cron: string | null }>`
    SELECT q.name, q.policy, s.cron FROM pgboss.queue q LEFT JOIN pgboss.schedule s ON s.name = q.name ORDER BY q.name`.execute(db);
  const counts = await sql<{ name: string; state: JobState; n: number }>`
    SELECT name, state::text AS state, count(*)::int AS n FROM pgboss.job GROUP BY 1, 2`.execute(db);
  // Failed jobs stay in the job table for a week (then in the archive until deleted): both are shown, newest first.
  const failures = await sql<{ id: string; name: string; completed_on: Date; retry_count: number; error: string | null }>`
    SELECT id::text, name, completed_on, retry_count, coalesce(output->>'message', output::text) AS error
    FROM (SELECT id, name, completed_on, retry_count, output FROM pgboss.job WHERE state = 'failed'
          UNION ALL SELECT id, name, completed_on, retry_count, output FROM pgboss.archive WHERE state = 'failed') f
    ORDER BY completed_on DESC NULLS LAST LIMIT ${opts.failures ?? 20}`.execute(db);
  return {
    queues: queues.rows.map((q) => ({
      name: q.name,
      policy: q.policy ?? 'standard',
      schedule: q.cron,
      counts: Object.fromEntries(JOB_STATES.map((s) => [s, counts.rows.find((c) => c.name === q.name && c.state === s)?.n ?? 0])) as Record<JobState, number>,
    })),
    failures: failures.rows.map((f) => ({
      id: f.id,
      queue: f.name,
      failedAt: (f.completed_on ?? new Date(0)).toISOString(),
      attempts: f.retry_count + 1,
      error: f.error ?? '',
    })),
  };
}
