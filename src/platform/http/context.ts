import type { Db } from '../db/database.ts';
import type { Config } from '../config.ts';
import type { Policy } from '../auth/policy.ts';
import type { Actor } from '../auth/roles.ts';

/** What every module's routes and services get: the database and the configuration. */
export interface AppContext {
  db: Db;
  config: Config;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | undefined;
  }
}
