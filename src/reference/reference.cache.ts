import type { Transaction } from 'kysely';
import { connectionUrlOf, type Database, type Db } from '../platform/db/database.ts';
import { listen, notifyInTransaction, type Listener } from '../platform/db/listen.ts';
import { readSnapshot, type ReferenceSnapshot } from './reference.snapshot.ts';

/**
 * The reference data kept in memory, per database handle, with a version that changes whenever the data may have.
 *
 * Every write of reference data (the seed at start, a party-status import) sends NOTIFY on REFERENCE_CHANNEL in
 * its own transaction, so the notification exists exactly when the change is committed; every process holding a
 * cache LISTENs on a dedicated connection (platform/db/listen.ts) and drops what it holds. The writing process
 * also drops its own at once after commit, so its next answer never waits for the notification's round trip.
 *
 * A cache trusts what it holds only while its listener is live: before the first LISTEN and after the connection
 * is lost, each call reads the database afresh (a notification sent meanwhile would be missed), and every
 * successful (re)LISTEN starts a new version.
 *
 * Only the HTTP server opens a cache (reference.routes.ts, closed with the app). Elsewhere — the CLI, workers,
 * bulk imports — nothing listens and the service reads the database as before.
 */

export const REFERENCE_CHANNEL = 'palermo_reference';

/** A serialised answer and its strong ETag, valid for one version. */
export interface CachedBody {
  body: Buffer;
  etag: string;
}

/** Serialised answers kept per version; beyond this (many distinct `q` searches, say) answers are not kept. */
const MAX_BODIES = 1_000;

class ReferenceCache {
  version = 0;
  private snapshot: Promise<ReferenceSnapshot> | null = null;
  private readonly bodies = new Map<string, CachedBody>();
  private listener: Listener | null = null;
  refs = 1;

  constructor(private readonly db: Db) {}

  private ensureListening() {
    if (this.listener) return;
    const url = connectionUrlOf(this.db);
    if (!url) return; // a handle not opened by platform/db connect(): never trusted, always re-read
    this.listener = listen({
      url,
      channel: REFERENCE_CHANNEL,
      onNotify: () => this.invalidate(),
      onLive: () => this.invalidate(),
      onLost: () => this.invalidate(),
    });
  }

  get live(): boolean {
    this.ensureListening();
    return this.listener?.live ?? false;
  }

  invalidate() {
    this.version++;
    this.snapshot = null;
    this.bodies.clear();
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

  body(key: string, version: number): CachedBody | undefined {
    return version === this.version ? this.bodies.get(key) : undefined;
  }

  keep(key: string, version: number, value: CachedBody) {
    // kept only if no invalidation came while it was built from the older snapshot
    if (version === this.version && this.bodies.size < MAX_BODIES) this.bodies.set(key, value);
  }

  async close() {
    await this.listener?.close();
    this.listener = null;
    this.invalidate();
  }
}

const caches = new WeakMap<Db, ReferenceCache>();

/** Opened by the HTTP server for its database; close it with the server (the LISTEN connection goes with it). */
export function openReferenceCache(db: Db): { close(): Promise<void> } {
  // `palermo openapi` builds the app without a database, only to describe its routes
  if (db === null || typeof db !== 'object') return { close: async () => undefined };
  let cache = caches.get(db);
  if (cache) cache.refs++;
  else {
    cache = new ReferenceCache(db);
    caches.set(db, cache);
  }
  const opened = cache;
  let closed = false;
  return {
    close: async () => {
      if (closed) return;
      closed = true;
      if (--opened.refs > 0) return;
      caches.delete(db);
      await opened.close();
    },
  };
}

export function referenceCacheOf(db: Db): ReferenceCache | undefined {
  return caches.get(db);
}

/** The snapshot to answer from: the cached one when it can be trusted, else read now. */
export async function snapshotOf(db: Db): Promise<ReferenceSnapshot> {
  return (await caches.get(db)?.current())?.snapshot ?? readSnapshot(db);
}

/** The cached snapshot if there is a trusted one; null tells the caller to ask the database itself. */
export async function trustedSnapshot(db: Db): Promise<ReferenceSnapshot | null> {
  return (await caches.get(db)?.current())?.snapshot ?? null;
}

/** Call in the transaction that changes reference data: every process drops its cache when it commits. */
export function announceReferenceChange(trx: Transaction<Database>): Promise<void> {
  return notifyInTransaction(trx, REFERENCE_CHANNEL);
}

/** Call after that transaction committed: this process does not wait for its own notification. */
export function referenceChanged(db: Db): void {
  caches.get(db)?.invalidate();
}
