import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';

/**
 * STUB (contract only; the exchange helper writes it): what the exchange within one instance does when a case
 * changes or is opened. cases.service.ts calls these in the same transaction:
 * - afterEvent: after every timeline entry is written (mirror status changes and progress queries to the
 *   counterpart case, if the case is linked to one);
 * - afterOpen: after an officer or assigned practitioner of the holding State reads the case (the first open of a
 *   delivered incoming case is its "retrieved" evidence).
 */
export interface RecordedEvent {
  caseId: string;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string | null;
  note: string;
  data: Record<string, unknown>;
}

export async function afterEvent(_trx: Transaction<Database>, _event: RecordedEvent, _actor: Actor): Promise<void> {}

export async function afterOpen(_trx: Transaction<Database>, _caseId: string, _actor: Actor): Promise<void> {}
