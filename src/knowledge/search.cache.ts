import type { Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { CacheRegistry, NotifiedCache, writeThenChanged } from '../platform/cache/notified-cache.ts';
import { REFERENCE_CHANNEL } from '../reference/reference.cache.ts';

/**
 * Search answers kept in memory by the HTTP server (platform/cache/notified-cache.ts), as Solr keeps its result
 * cache until the next commit opens a new searcher: an answer is valid until anything it is built from changes.
 * Migration 0034's triggers notify `palermo_search` whenever the search table or a record's title or text changes,
 * whoever commits it; reference writes notify `palermo_reference` (facets count State groups and clusters). This
 * process's own record writes drop the answers at once after commit (`writeKnowledge`), so a user who saves a
 * record and searches for it finds it; another process's writes arrive with their notification, a few
 * milliseconds after the commit. The key is the parsed query and what the caller may see.
 */

export const SEARCH_CHANNEL = 'palermo_search';

const caches = new CacheRegistry((db) => new NotifiedCache(db, [SEARCH_CHANNEL, REFERENCE_CHANNEL]));

/** Opened by the knowledge routes for the server's database; closed with the app. */
export function openSearchCache(db: Db): { close(): Promise<void> } {
  return caches.open(db);
}

export function searchCacheOf(db: Db): NotifiedCache | undefined {
  return caches.of(db);
}

/**
 * Every write of records (and of what is searched with them) runs here: in the caller's transaction if it has
 * one, and drops this process's search answers after its own commit.
 */
export function writeKnowledge<T>(db: Db | Transaction<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return writeThenChanged(db, SEARCH_CHANNEL, fn);
}
