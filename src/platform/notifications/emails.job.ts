import { z } from 'zod';
import { defineJob, registerJob } from '../jobs/jobs.ts';
import { sendDueEmails } from './outbox.ts';

/**
 * The notice e-mails waiting in the outbox (consultation notices, alerts), sent every minute by one worker across
 * all app processes. Each e-mail is claimed before it is sent, so two runs never send one twice; a tick that fails
 * is not retried (the next minute does the same work). Without SMTP configured it finds nothing to do.
 */
export const noticeEmailsJob = registerJob(defineJob({
  name: 'platform.notice-emails',
  payload: z.object({}),
  schedule: { cron: '* * * * *', payload: {} },
  retryLimit: 0,
  expireInSeconds: 5 * 60,
  policy: 'singleton',
  handler: async (_payload, ctx) => {
    await sendDueEmails(ctx.db);
  },
}));

/** The platform's own background jobs (modules list theirs in their manifests). */
export const PLATFORM_JOBS = [noticeEmailsJob];
