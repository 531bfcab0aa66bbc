import type { Selectable, Transaction } from 'kysely';
import type { Database } from './db/database.ts';
import { audit, type AuditEvent } from './audit/audit.service.ts';
import { tryUpdateVersioned, updateVersioned, type VersionedTable, type VersionedUpdate } from './versioning.ts';

/**
 * A change to a versioned entity (a knowledge record, a directory entry, a draft — later a case), as one
 * sequence in the caller's transaction, so no module can write one part and forget another:
 *   1. the optimistic-concurrency UPDATE: written only if the row is still at the version the client read,
 *      checked by the UPDATE itself (versioning.ts), version bumped;
 *   2. the history row of the new version, in the module's own history table (each module keeps its
 *      history its own shape: a record's snapshot and access, an entry's field changes, a draft's content);
 *   3. the typed audit event, with the one actor reference (audit.service.ts).
 * A lost race writes nothing and answers 409 (or the module's own answer, `onStale`).
 */

export type VersionedRow<T extends VersionedTable> = Selectable<Database[T]>;

/** The guarded UPDATE, as the module's repository spells it (table, columns, the version read). */
export type VersionedChange<T extends VersionedTable> = VersionedUpdate & { table: T; what: string };

export interface VersionedWrite<T extends VersionedTable> {
  change: VersionedChange<T>;
  actor: AuditEvent['actor'];
  /** Writes the history row of the new version (the module's table and row). */
  history: (row: VersionedRow<T>) => Promise<unknown>;
  /** The audit event of this change (its action checked against the typed list). */
  audit: (row: VersionedRow<T>) => Omit<AuditEvent, 'actor'>;
  /**
   * The answer when the row is not at the expected version (or no longer meets `alsoWhere`); default: the uniform
   * 409. It may instead return the row of a retried update (a draft shared meanwhile is still editable).
   */
  onStale?: () => Promise<VersionedRow<T>>;
}

export async function writeVersioned<T extends VersionedTable>(trx: Transaction<Database>, w: VersionedWrite<T>): Promise<VersionedRow<T>> {
  const { table, ...update } = w.change;
  const row = w.onStale ? ((await tryUpdateVersioned(trx, table, update)) ?? (await w.onStale())) : await updateVersioned(trx, table, update);
  await w.history(row);
  await audit(trx, { actor: w.actor, ...w.audit(row) });
  return row;
}
