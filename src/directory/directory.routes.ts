import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/http/context.ts';

export function directoryRoutes(_ctx: AppContext): FastifyPluginAsync {
  return async () => {};
}
