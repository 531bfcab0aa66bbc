import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract only; the statistics helper writes these routes). */
export function caseStatsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
