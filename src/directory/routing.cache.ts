import type { Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { CacheRegistry, changedHere, NotifiedCache, writeThenChanged } from '../platform/cache/notified-cache.ts';
import { REFERENCE_CHANNEL } from '../reference/reference.cache.ts';

/**
 * Routing answers kept in memory by the HTTP server (platform/cache/notified-cache.ts), serialised once per version.
 * An answer is built from the directory (authorities, measures, notifications) and from reference data (States'
 * names, party status), so the cache listens on both channels: migration 0032's triggers notify `palermo_directory`
 * on every change of those tables, whoever makes it; reference writes notify `palermo_reference`. The directory's
 * own writes in this process drop it at once after commit (`writeDirectory`), not when the notification returns.
 */

export const DIRECTORY_CHANNEL = 'palermo_directory';

const caches = new CacheRegistry((db) => new NotifiedCache(db, [DIRECTORY_CHANNEL, REFERENCE_CHANNEL]));

/** Opened by the directory's routes for the server's database; closed with the app. */
export function openRoutingCache(db: Db): { close(): Promise<void> } {
  return caches.open(db);
}

export function routingCacheOf(db: Db): NotifiedCache | undefined {
  return caches.of(db);
}

/** Every directory write runs here: in the caller's transaction if it has one, and drops this process's answers after commit. */
export function writeDirectory<T>(db: Db | Transaction<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return writeThenChanged(db, DIRECTORY_CHANNEL, fn);
}

/** After a transaction that changed directory entries committed (its caller's, when a write joined one). */
export function directoryChanged(db: Db): void {
  changedHere(db, DIRECTORY_CHANNEL);
}
