import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

/**
 * The whole schema as Kysely sees it. Each module adds its own tables to this interface by declaration
 * merging in its `*.tables.ts` file, so no module needs to import another module's table types.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

export type Db = Kysely<Database>;

// Dates stay 'YYYY-MM-DD' strings (a treaty date has no time zone); int8 counts fit in a JS number.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(20, (v) => Number(v));

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

const urls = new WeakMap<Db, string>();

/** The connection string a Db was opened with (a LISTEN needs a connection of its own, platform/db/listen.ts). */
export function connectionUrlOf(db: Db): string | undefined {
  return urls.get(db);
}

export function connect(url: string, opts: { max?: number } = {}): DbHandle {
  // Idle connections are kept a minute rather than pg's 10 s: a new backend's first heavy read is slow — it maps the
  // shared buffers it touches and its sort memory page by page (a State's statistics at a million cases: ~370 ms on a
  // fresh connection, ~170 ms on a used one, docs/PERFORMANCE.md) — so a user's next page should find a used one.
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, idleTimeoutMillis: 60_000, application_name: 'palermo' });
  // A connection can be cut at any moment (PostgreSQL restarting or failing over, pg_terminate_backend).
  // pg then emits 'error' on the client; pg-pool listens only while the client is idle in the pool, so a
  // client checked out by a request (between two statements of a transaction, say) would throw an
  // unhandled 'error' event and take the whole process down. A listener on every client, attached when
  // the pool opens it, keeps the process up: the statement in flight fails with the same error (the HTTP
  // layer answers 503, db-errors.ts), and the pool discards the client when it is released because pg
  // marks it as no longer queryable, so the next checkout opens a fresh connection.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // The pool re-emits an idle client's error: nothing is lost there either, the client is already removed.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  urls.set(db, url);
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}
