import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../../platform/http/context.ts';

/** STUB (contract only; the exchange helper writes these routes). */
export function exchangeRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
