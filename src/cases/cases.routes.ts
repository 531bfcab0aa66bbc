import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';

/** STUB (contract only; the core helper writes these routes). */
export function casesRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
