import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { connectionUrlOf, type Database, type Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { listen, type Listener } from '../db/listen.ts';
import { strongEtag } from '../http/etag.ts';

/**
 * Serialised answers kept in memory per database handle, valid for one version that changes whenever the data they
 * were built from may have: every process holding such a cache LISTENs on the data's channels on a dedicated
 * connection (platform/db/listen.ts) and drops what it holds on any notification; whoever writes that data sends
 * NOTIFY in the writing transaction (explicitly, or from a trigger), so the notification exists exactly when the
 * change is committed.
 *
 * A cache trusts what it holds only while its listener is live: before the first LISTEN and after the connection is
 * lost, every answer is built afresh (a notification sent meanwhile would be missed), and every successful
 * (re)LISTEN starts a new version.
 *
 * Only the HTTP server opens caches (closed with the app). Elsewhere — the CLI, workers, bulk imports — nothing
 * listens and answers are built from the database as before.
 */

/** A serialised answer and its strong ETag, valid for one version. */
export interface CachedBody {
  body: Buffer;
  etag: string;
}

/**
 * Answers kept per version, at most this many and this many bytes: past either, the least recently used go (a flood
 * of distinct searches cannot push out the answers most people ask for, nor grow the process without bound).
 */
export const MAX_BODIES = 1_000;
export const MAX_BYTES = 64 * 1024 * 1024;

export class NotifiedCache {
  version = 0;
  /** In order of use, least recent first (a Map keeps insertion order: a hit is moved to the end). */
  private readonly bodies = new Map<string, CachedBody>();
  private bytes = 0;
  private listener: Listener | null = null;
  refs = 1;

  constructor(
    protected readonly db: Db,
    readonly channels: readonly string[],
  ) {}

  private ensureListening() {
    if (this.listener) return;
    const url = connectionUrlOf(this.db);
    if (!url) return; // a handle not opened by platform/db connect(): never trusted, always rebuilt
    this.listener = listen({
      url,
      channels: this.channels,
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
    this.bodies.clear();
    this.bytes = 0;
  }

  body(key: string, version: number): CachedBody | undefined {
    if (version !== this.version) return undefined;
    const hit = this.bodies.get(key);
    if (hit) {
      this.bodies.delete(key);
      this.bodies.set(key, hit);
    }
    return hit;
  }

  keep(key: string, version: number, value: CachedBody) {
    // kept only if no invalidation came while it was built from older data
    if (version !== this.version || value.body.length > MAX_BYTES / 8) return;
    const old = this.bodies.get(key);
    if (old) {
      this.bodies.delete(key);
      this.bytes -= old.body.length;
    }
    this.bodies.set(key, value);
    this.bytes += value.body.length;
    for (const [k, v] of this.bodies) {
      if (this.bodies.size <= MAX_BODIES && this.bytes <= MAX_BYTES) break;
      this.bodies.delete(k);
      this.bytes -= v.body.length;
    }
  }

  /** How many answers are held now (tests, diagnostics). */
  get size(): number {
    return this.bodies.size;
  }

  async close() {
    await this.listener?.close();
    this.listener = null;
    this.invalidate();
  }
}

/** Every open cache of a database handle, whatever module opened it: a change made here reaches them at once. */
const openCaches = new WeakMap<Db, Set<NotifiedCache>>();

/**
 * Call after a transaction that changed the data behind `channel` committed: this process's caches fed by it start a
 * new version now rather than when the notification comes back (a client reading right after its own write would
 * otherwise see the old answer for a few milliseconds).
 */
export function changedHere(db: Db, channel: string): void {
  for (const cache of openCaches.get(db) ?? []) if (cache.channels.includes(channel)) cache.invalidate();
}

/**
 * A write of the data behind `channel`: in the caller's transaction if it has one, else in its own, after whose
 * commit this process's caches fed by `channel` drop their answers at once (a caller's transaction: its trigger's or
 * its own NOTIFY reaches them when it commits).
 */
export async function writeThenChanged<T>(db: Db | Transaction<Database>, channel: string, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  const result = await inTransaction(db, fn);
  if (!db.isTransaction) changedHere(db as Db, channel);
  return result;
}

/** One cache per database handle and name, shared by whoever opens it; the last close stops its listener. */
export class CacheRegistry<C extends NotifiedCache> {
  private readonly caches = new WeakMap<Db, C>();
  constructor(private readonly make: (db: Db) => C) {}

  open(db: Db): { close(): Promise<void> } {
    // `palermo openapi` builds the app without a database, only to describe its routes
    if (db === null || typeof db !== 'object') return { close: async () => undefined };
    let cache = this.caches.get(db);
    if (cache) cache.refs++;
    else {
      cache = this.make(db);
      this.caches.set(db, cache);
      const all = openCaches.get(db) ?? new Set();
      all.add(cache);
      openCaches.set(db, all);
    }
    const opened = cache;
    let closed = false;
    return {
      close: async () => {
        if (closed) return;
        closed = true;
        if (--opened.refs > 0) return;
        this.caches.delete(db);
        openCaches.get(db)?.delete(opened);
        await opened.close();
      },
    };
  }

  of(db: Db): C | undefined {
    return this.caches.get(db);
  }
}

/**
 * An answer serialised once per version: passed through the route's response schema (as the zod serializer does for
 * every other answer: it validates and drops keys the schema does not name), turned into JSON and given its ETag;
 * later requests for the same key get the same bytes until the data changes. `key` must name everything the answer
 * depends on — route, parameters and query, the language, and what the caller may see.
 */
export async function cachedAnswer(cache: NotifiedCache | undefined, key: string, schema: z.ZodType, build: () => Promise<unknown>): Promise<CachedBody> {
  const version = cache?.live ? cache.version : null;
  if (version !== null) {
    const hit = cache!.body(key, version);
    if (hit) return hit;
  }
  // kept as bytes: an 85 KB string would be encoded to UTF-8 again for every request
  const body = Buffer.from(JSON.stringify(schema.parse(await build())));
  const answer = { body, etag: strongEtag(body) };
  if (version !== null) cache!.keep(key, version, answer);
  return answer;
}
