import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from './context.ts';
import type { AnyJobDefinition } from '../jobs/jobs.ts';

/**
 * What a module contributes to the server. The platform knows modules only through this shape: src/app/server.ts
 * lists the manifests and hands them to buildApp, so adding a module touches src/app and the module, never the platform.
 */
export interface ApiManifest {
  /** The module's folder name (knowledge, directory, …), for logs and messages. */
  name: string;
  /** The OpenAPI tag the module's operations carry (each route's `schema.tags`). */
  tag: { name: string; description: string };
  /** Route plugins, registered under /api/v1 in this order (which is also their order in the OpenAPI document). */
  routes: ReadonlyArray<(ctx: AppContext) => FastifyPluginAsync>;
  /**
   * Background jobs the module defines (platform/jobs: defineJob + registerJob in the module's *.job.ts files).
   * Listing them here imports, and so registers, them in every process that starts workers; event subscribers
   * (platform/events `subscribe`) are jobs too and are listed the same way.
   */
  jobs?: readonly AnyJobDefinition[];
}

