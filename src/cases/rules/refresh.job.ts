import { z } from 'zod';
import { defineJob, registerJob } from '../../platform/jobs/jobs.ts';
import { notifyOverdue, refreshOpenCases } from './refresh.service.ts';

/**
 * Keeping cases fresh without anyone touching them. A case's priority grows as its deadline or evidence-loss date
 * nears, and a step falls due with the mere passing of time, but both are stored (priority_score, next_due_at) so
 * that work queues sort and filter in SQL: the daily refresh recomputes them for every open case (core's
 * refreshDerived, the same function every event calls). The overdue notices run every hour, so an officer hears
 * of a lapse the same morning, once per step (refresh.service.ts remembers what was told).
 *
 * Both are scheduled (UTC), fire once across all app processes, and are not retried: the next tick does the same
 * work, and a run never tells anyone twice.
 */
export const refreshDerivedJob = registerJob(defineJob({
  name: 'cases.refresh-derived',
  payload: z.object({}),
  // just after midnight UTC: deadlines and days left are counted by UTC calendar date (priority.ts, deadlines.ts)
  schedule: { cron: '5 0 * * *', payload: {} },
  retryLimit: 0,
  // one short transaction per open case: a few milliseconds each, so hours only for hundreds of thousands open
  expireInSeconds: 4 * 60 * 60,
  policy: 'singleton',
  handler: async (_payload, ctx) => {
    await refreshOpenCases(ctx.db, new Date(), ctx.signal);
  },
}));

export const overdueNoticesJob = registerJob(defineJob({
  name: 'cases.overdue-notices',
  payload: z.object({}),
  schedule: { cron: '20 * * * *', payload: {} },
  retryLimit: 0,
  expireInSeconds: 30 * 60,
  policy: 'singleton',
  handler: async (_payload, ctx) => {
    await notifyOverdue(ctx.db, new Date(), ctx.signal);
  },
}));
