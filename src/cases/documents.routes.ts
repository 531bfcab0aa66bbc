import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';

/** STUB (contract only; the rules helper writes these routes). */
export function caseDocumentRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
