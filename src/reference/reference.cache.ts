import type { Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { notifyInTransaction } from '../platform/db/listen.ts';
import { CacheRegistry, changedHere, NotifiedCache } from '../platform/cache/notified-cache.ts';
import { readSnapshot, type ReferenceSnapshot } from './reference.snapshot.ts';

/**
 * The reference data kept in memory by the HTTP server: one snapshot of all of it, and the reference routes'
 * serialised answers, per database handle (platform/cache/notified-cache.ts keeps the version and the answers).
 *
 * Every write of reference data (the seed at start, a party-status import) sends NOTIFY on REFERENCE_CHANNEL in
 * its own transaction, so every process drops what it holds exactly when the change is committed. The writing
 * process also drops its own at once after commit, so its next answer never waits for the notification's round trip.
 * Before the cache listens, and after its connection was cut, each call reads the database afresh.
 *
 * The CLI, workers and bulk imports open no cache: the service reads the database as before.
 */

export const REFERENCE_CHANNEL = 'palermo_reference';

class ReferenceCache extends NotifiedCache {
  private snapshot: Promise<ReferenceSnapshot> | null = null;

  constructor(db: Db) {
    super(db, [REFERENCE_CHANNEL]);
  }

  override invalidate() {
    super.invalidate();
    this.snapshot = null;
  }

  /** The snapshot of the current version, or null while the cache may not be trusted. */
  async current(): Promise<{ snapshot: ReferenceSnapshot; version: number } | null> {
    if (!this.live) return null;
    const version = this.version;
    if (!this.snapshot) {
      const loading = readSnapshot(this.db);
      this.snapshot = loading;
      // a failed read is not kept: the next call tries again
      loading.catch(() => {
        if (this.snapshot === loading) this.snapshot = null;
      });
    }
    return { snapshot: await this.snapshot, version };
  }
}

const caches = new CacheRegistry((db) => new ReferenceCache(db));

/** Opened by the HTTP server for its database; close it with the server (the LISTEN connection goes with it). */
export function openReferenceCache(db: Db): { close(): Promise<void> } {
  return caches.open(db);
}

export function referenceCacheOf(db: Db): NotifiedCache | undefined {
  return caches.of(db);
}

/** The snapshot to answer from: the cached one when it can be trusted, else read now. */
export async function snapshotOf(db: Db): Promise<ReferenceSnapshot> {
  return (await caches.of(db)?.current())?.snapshot ?? readSnapshot(db);
}

/** The cached snapshot if there is a trusted one; null tells the caller to ask the database itself. */
export async function trustedSnapshot(db: Db): Promise<ReferenceSnapshot | null> {
  return (await caches.of(db)?.current())?.snapshot ?? null;
}

/** Call in the transaction that changes reference data: every process drops its cache when it commits. */
export function announceReferenceChange(trx: Transaction<Database>): Promise<void> {
  return notifyInTransaction(trx, REFERENCE_CHANNEL);
}

/** Call after that transaction committed: this process's caches (the directory's too) do not wait for the notification. */
export function referenceChanged(db: Db): void {
  changedHere(db, REFERENCE_CHANNEL);
}
