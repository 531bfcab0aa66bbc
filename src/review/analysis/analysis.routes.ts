import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AUTHENTICATED, rolesPolicy } from '../../platform/auth/policy.ts';
import type { AppContext } from '../../platform/http/context.ts';
import { fileBody } from '../../platform/platform.responses.ts';
import { errorSchema } from '../../platform/platform.schemas.ts';
import { analysisCsvQuery, analysisQuery, analysisSchema, progressQuery, progressSchema } from './analysis.schemas.ts';
import { readAnalysis, readAnalysisCsv } from './analysis.service.ts';
import { cycleProgress } from './progress.service.ts';

/**
 * The secretariat's analysis of the reviews' outputs (by article, cluster, instrument, regional group and TA
 * category — never by State, never ranked) with its CSV tables, and the progress of a cycle as counts per stage.
 */
const SECRETARIAT = rolesPolicy('secretariat');
const tags = ['review'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

export function analysisRoutes(ctx: AppContext): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<ZodTypeProvider>();

    app.get('/review/analysis', {
      config: { policy: SECRETARIAT },
      schema: {
        tags,
        summary: 'The analysis of submitted lists of observations and of the TA needs in submitted answers: counts by article, cluster, instrument, regional group and TA category, and the good practices and challenges per article — in the fixed order of those keys, never by State (secretariat)',
        querystring: analysisQuery,
        response: { 200: analysisSchema, ...errors },
      },
    }, async (req) => readAnalysis(ctx.db, req.actor, req.query));

    app.get('/review/analysis.csv', {
      config: { policy: SECRETARIAT },
      schema: {
        tags,
        summary: 'One table of the analysis as a CSV file (articles, clusters, instruments, groups, ta-needs, texts), rows in the same order (secretariat)',
        querystring: analysisCsvQuery,
        response: { 200: fileBody('text/csv'), ...errors },
      },
    }, async (req, reply) => {
      const file = await readAnalysisCsv(ctx.db, req.actor, req.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.text);
    });

    app.get('/review/progress', {
      config: { policy: AUTHENTICATED },
      schema: {
        tags,
        summary: 'The progress of a cycle (or of all) as counts: reviews per stage, per start group and work-plan phase, overdue steps counted — numbers per stage, not per State',
        querystring: progressQuery,
        response: { 200: progressSchema, ...errors },
      },
    }, async (req) => cycleProgress(ctx.db, req.actor, req.query.cycle));
  };
}
