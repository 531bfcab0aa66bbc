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

export function connect(url: string, opts: { max?: number } = {}): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 10, application_name: 'palermo' });
  // A server that goes away (e.g. during shutdown) must not crash the process through an idle client.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: () => db.destroy(),
  };
}
