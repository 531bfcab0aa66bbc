import type { Db } from '../../platform/db/database.ts';

/**
 * STUB (contract) — owner: helper reviews. The demo review: a configured cycle, its groups and reviewers drawn from a
 * published seed, and one review in progress between demo States, so that `npm start` shows the mechanism.
 * Idempotent (adds nothing the second time); called by `palermo serve` in demo mode after the demo accounts.
 */
export async function loadDemoReview(_db: Db): Promise<{ added: number }> {
  return { added: 0 };
}
