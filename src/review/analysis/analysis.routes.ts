import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper analysis. Replace with the part's routes. */
export function analysisRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
