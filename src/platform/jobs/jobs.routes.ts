import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../auth/policy.ts';
import type { AppContext } from '../http/context.ts';
import { errorSchema } from '../platform.schemas.ts';
import { JOB_STATES, jobsOverview } from './admin.ts';

const overviewSchema = z.object({
  queues: z.array(z.object({
    name: z.string(),
    policy: z.string(),
    schedule: z.string().nullable().describe('cron expression (UTC), when the job runs on a schedule'),
    counts: z.object(Object.fromEntries(JOB_STATES.map((s) => [s, z.number().int()])) as Record<(typeof JOB_STATES)[number], z.ZodNumber>),
  })),
  failures: z.array(z.object({
    id: z.string(), queue: z.string(), failedAt: z.string(), attempts: z.number().int(), error: z.string(),
  })).describe('the most recent failed jobs (retries exhausted), newest first'),
}).describe('JobsOverview');

export function jobsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();
    app.get('/admin/jobs', {
      config: { policy: rolesPolicy('admin') },
      schema: {
        tags: ['platform'],
        summary: 'Background jobs: counts per queue and state, and the recent failures with their error (admins)',
        response: { 200: overviewSchema, 401: errorSchema, 403: errorSchema },
      },
    }, async () => jobsOverview(ctx.db));
  };
}
