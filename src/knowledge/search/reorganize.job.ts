import type { Transaction } from 'kysely';
import { z } from 'zod';
import { audit } from '../../platform/audit/audit.service.ts';
import { defineJob, registerJob } from '../../platform/jobs/jobs.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { enqueue } from '../../platform/jobs/queue.ts';
import { reorganizeAfterLoad } from './maintenance.ts';

/**
 * The search reorganisation (search/maintenance.ts) after a large import, as a background job. Imports that
 * wrote at least REORGANIZE_AFTER records enqueue it; the queue is 'stately' (one waiting, one running), so
 * ten imports in a row enqueue one reorganisation — and one more if an import lands while it runs.
 */
export const REORGANIZE_AFTER = 1000;

export const reorganizeSearchJob = registerJob(defineJob({
  name: 'knowledge.search-reorganize',
  payload: z.object({ records: z.number().int().nonnegative() }),
  policy: 'stately',
  retryLimit: 2,
  retryDelaySeconds: 300,
  // Minutes at a million records; a run still active after two hours belonged to a process that died.
  expireInSeconds: 2 * 3600,
  handler: async ({ records }, ctx) => {
    await reorganizeAfterLoad(ctx.db);
    await audit(ctx.db, { actor: null, action: 'knowledge.search-reorganize', targetType: 'knowledge_search', details: { trigger: 'import', records } });
  },
}));

/** Enqueues the reorganisation when an import wrote at least REORGANIZE_AFTER records (in the import's transaction, if any). */
export async function reorganizeLater(conn: Db | Transaction<Database>, records: number): Promise<boolean> {
  if (records < REORGANIZE_AFTER) return false;
  await enqueue(conn, reorganizeSearchJob, { records });
  return true;
}
