import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper draws (cycles, plan, groups). Replace with the part's routes. */
export function configRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
