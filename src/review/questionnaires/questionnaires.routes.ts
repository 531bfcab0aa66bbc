import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper questionnaires. Replace with the part's routes. */
export function questionnairesRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
