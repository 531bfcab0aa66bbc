import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { fileBody } from '../../platform/platform.responses.ts';
import { combinedQuery, combinedSchema, statsQuery, statsSchema, submissionBody, submissionSchema } from './stats.schemas.ts';
import { exportStatsCsv, getStats } from './stats.service.ts';
import { combinedStats, listSubmissions, submitAggregates } from './submissions.service.ts';

/**
 * The statistics' routes. A State's own statistics: its officers only (a practitioner sees only assigned cases,
 * the secretariat never per-case data). Submissions: officers submit and list their own; the secretariat lists all
 * (metadata) and, with officers, reads them combined. Registered before the case routes (cases.manifest.ts) so that
 * /cases/stats is not read as /cases/{id}.
 */
const OFFICERS = rolesPolicy('officer');
const OFFICERS_AND_SECRETARIAT = rolesPolicy('officer', 'secretariat');
const tags = ['cases'];
const errors = { 400: errorSchema, 403: errorSchema };

export function caseStatsRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/cases/stats', {
      config: { policy: OFFICERS },
      schema: {
        tags,
        summary: 'My State’s statistics on its cases: counts, the Convention’s share, cases handled outside the system, processing time (median, 90th percentile, paused time excluded) in total and per stage, grouped by one or two dimensions',
        querystring: statsQuery,
        response: { 200: statsSchema, ...errors },
      },
    }, async (req) => getStats(ctx.db, req.actor, req.query));

    app.get('/cases/stats.csv', {
      config: { policy: OFFICERS },
      schema: { tags, summary: 'The same statistics as a CSV file (one line per group, then the total)', querystring: statsQuery, response: { 200: fileBody('text/csv'), ...errors } },
    }, async (req, reply) => {
      const file = await exportStatsCsv(ctx.db, req.actor, req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.text);
    });

    app.post('/cases/stats/submissions', {
      config: { policy: OFFICERS },
      schema: {
        tags,
        summary: 'Submit my State’s aggregate table for a period and grouping to the secretariat: only aggregates, every cell under 5 cases suppressed',
        body: submissionBody,
        response: { 201: submissionSchema, ...errors },
      },
    }, async (req, reply) => reply.status(201).send(await submitAggregates(ctx.db, req.actor, req.body)));

    app.get('/cases/stats/submissions', {
      config: { policy: OFFICERS_AND_SECRETARIAT },
      schema: {
        tags,
        summary: 'Submissions: an officer, my State’s own (with their cells); the secretariat, every State’s (metadata), by State code',
        response: { 200: z.object({ items: z.array(submissionSchema) }), 403: errorSchema },
      },
    }, async (req) => listSubmissions(ctx.db, req.actor));

    app.get('/cases/stats/combined', {
      config: { policy: OFFICERS_AND_SECRETARIAT },
      schema: {
        tags,
        summary: 'Submissions for one period and grouping combined across States, or per regional group: sums over unsuppressed cells, the range and weighted median of the States’ medians (no per-State figures, no ranking)',
        querystring: combinedQuery,
        response: { 200: combinedSchema, ...errors },
      },
    }, async (req) => combinedStats(ctx.db, req.actor, req.query));
  };
}
