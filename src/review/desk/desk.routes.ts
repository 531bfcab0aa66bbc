import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper desk. Replace with the part's routes. */
export function deskRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
