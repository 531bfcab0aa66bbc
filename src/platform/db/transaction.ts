import type { Transaction } from 'kysely';
import type { Database, Db } from './database.ts';

/**
 * Runs `fn` in a transaction: the caller's, when it already is one (so a service can be part of a larger
 * all-or-nothing operation such as an import), or a new one.
 */
export function inTransaction<T>(db: Db | Transaction<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
