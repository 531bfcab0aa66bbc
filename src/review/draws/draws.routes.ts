import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper draws. Replace with the part's routes. */
export function drawsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
