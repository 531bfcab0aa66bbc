import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from './context.ts';

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
  /** Background jobs the module defines (handled by the platform job queue). */
  jobs?: readonly ModuleJob[];
  /** Domain events the module listens to; each subscriber runs as a job. */
  subscribers?: readonly ModuleSubscriber[];
}

/** A named background job. The platform's job queue decides when and how often it runs. */
export interface ModuleJob {
  name: string;
  run(ctx: AppContext, data: unknown): Promise<void>;
}

/** A handler for one kind of domain event (`draft.finalised`, `record.published`, …), run once per event. */
export interface ModuleSubscriber {
  /** Unique across the application: the job that delivers the event to this subscriber is named after it. */
  name: string;
  event: string;
  handle(ctx: AppContext, event: { type: string; payload: unknown }): Promise<void>;
}
