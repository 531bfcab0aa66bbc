import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';

/**
 * What the exchange within one instance does when a case changes or is opened. cases.service.ts calls these in
 * the same transaction:
 * - afterEvent: after every timeline entry is written (mirror status changes and progress queries to the
 *   counterpart case, if the case is linked to one);
 * - afterOpen: after an officer or assigned practitioner of the holding State reads the case (the first open of a
 *   delivered incoming case is its "retrieved" evidence).
 *
 * The work itself is in mirror.ts and retrieval.ts, which call cases.service.ts (recordEvent, appendTimeline…),
 * which calls these: importing them here would be an import cycle. So they register here when loaded
 * (exchange.service.ts, loaded with the module's routes by cases.manifest.ts and by the draft intake); until then
 * — a script that uses the service without the exchange — nothing is mirrored.
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

export interface ExchangeHooks {
  afterEvent(trx: Transaction<Database>, event: RecordedEvent, actor: Actor): Promise<void>;
  afterOpen(trx: Transaction<Database>, caseId: string, actor: Actor): Promise<void>;
}

let hooks: ExchangeHooks | null = null;

/** Installs the exchange's implementation (exchange.service.ts, once). */
export function installExchangeHooks(h: ExchangeHooks): void {
  hooks = h;
}

export async function afterEvent(trx: Transaction<Database>, event: RecordedEvent, actor: Actor): Promise<void> {
  await hooks?.afterEvent(trx, event, actor);
}

export async function afterOpen(trx: Transaction<Database>, caseId: string, actor: Actor): Promise<void> {
  await hooks?.afterOpen(trx, caseId, actor);
}
