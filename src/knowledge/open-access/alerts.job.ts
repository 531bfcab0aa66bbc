import { z } from 'zod';
import { defineJob, registerJob } from '../../platform/jobs/jobs.ts';
import { runAlerts } from './saved-searches.service.ts';

/**
 * Saved-search alerts every five minutes, as a scheduled job: one run per tick across all app processes
 * (the schedule fires once; the job is fetched by one worker). A run that finds another one busy (an import's,
 * `palermo alerts run`) skips: the next tick catches up, nothing is lost ("new since" is commit-ordered).
 */
export const savedSearchAlertsJob = registerJob(defineJob({
  name: 'knowledge.saved-search-alerts',
  payload: z.object({}),
  schedule: { cron: '*/5 * * * *', payload: {} },
  // A tick that fails is not retried: the next one, five minutes later, does the same work.
  retryLimit: 0,
  expireInSeconds: 10 * 60,
  policy: 'singleton',
  handler: async (_payload, ctx) => {
    await runAlerts(ctx.db, ctx.publicUrl, { wait: false });
  },
}));
