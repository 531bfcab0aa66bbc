import type { z } from 'zod';
import type { Db } from '../db/database.ts';

/**
 * What a module declares about one kind of background job. The queue library stays behind
 * `platform/jobs/queue.ts`; modules only define jobs, register them and enqueue them.
 */
export interface JobDefinition<P = unknown> {
  /** Queue name, `<module>.<what>` (letters, digits, '.', '-', '_'). */
  name: string;
  /** The payload, checked when enqueued (a programming error throws in the caller) and again when run. */
  payload: z.ZodType<P>;
  handler: (payload: P, ctx: JobContext) => Promise<void>;
  /** Attempts after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 30); doubled at each retry when `retryBackoff` (default true). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /**
   * How long one run may take (default 15 min). A run still active after that — its process died, or hung —
   * counts as failed and is retried: this is how a job survives a crash mid-run.
   */
  expireInSeconds?: number;
  /**
   * 'standard': every enqueue is a job. 'stately': at most one job waiting and one running — further enqueues
   * while one waits are dropped (ten imports, one reorganisation). 'singleton': at most one running.
   */
  policy?: 'standard' | 'stately' | 'singleton';
  /** Run on a schedule (cron, UTC), once across all processes; `payload` is what each run gets. */
  schedule?: { cron: string; payload: P };
}

/** Any job, whatever its payload (lists of definitions: the handler's parameter makes them invariant). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobDefinition = JobDefinition<any>;

/** What a handler gets besides its payload. */
export interface JobContext {
  db: Db;
  jobId: string;
  /** The public address of the web UI, for links in e-mails (PALERMO_PUBLIC_URL, or the listening address). */
  publicUrl: string;
  signal: AbortSignal;
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const registry = new Map<string, JobDefinition<never>>();

export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (!NAME.test(def.name)) throw new Error(`Job name "${def.name}" must be lower-case letters, digits, '.', '-' or '_'`);
  return def;
}

/**
 * Makes a job known to the workers of this process. Modules call it when their job file is imported
 * (the composition root imports every module's jobs before starting workers). Registering the same
 * definition twice is harmless; two different definitions under one name are a programming error.
 */
export function registerJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  const known = registry.get(def.name);
  if (known && known !== (def as unknown)) throw new Error(`Two jobs are named "${def.name}"`);
  registry.set(def.name, def as unknown as JobDefinition<never>);
  return def;
}

export function registeredJobs(): AnyJobDefinition[] {
  return [...registry.values()] as unknown as AnyJobDefinition[];
}

export function jobDefinition(name: string): AnyJobDefinition | undefined {
  return registry.get(name) as unknown as AnyJobDefinition | undefined;
}
