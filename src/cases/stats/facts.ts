import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.ts';

/**
 * STUB (contract only; the statistics helper writes it): keeps the statistics' per-case facts (durations per
 * stage without paused time, outcome…) in step with the case, in the transaction that changed it. Called by
 * cases.service.ts after every event it records.
 */
export async function refreshCaseFacts(_trx: Transaction<Database>, _caseId: string): Promise<void> {}
