import type { AnyJobDefinition } from '../../platform/jobs/jobs.ts';

/** STUB (contract) — owner: helper reviews. The review module's background jobs (deadlines, invitation expiry). */
export const REVIEW_JOBS: readonly AnyJobDefinition[] = [];
