import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract) — owner: helper reviews (reviews, participants, invitations). Replace with the part's routes. */
export function reviewsRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
