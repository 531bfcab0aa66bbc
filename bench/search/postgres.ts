import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connect, type DbHandle } from '../../src/platform/db/database.ts';
import { openEmbedded } from '../../src/platform/db/embedded-server.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import type { Actor } from '../../src/platform/auth/roles.ts';
import { afterBulkLoad, bulkCreateRecords, type BulkItem } from '../../src/knowledge/ingest/bulk.ts';
import { createRecord } from '../../src/knowledge/records.service.ts';
import { listStates, loadReferenceData } from '../../src/reference/reference.service.ts';
import type { StateRef } from './corpus.ts';

/** The PostgreSQL side of the benchmark: a server (embedded, a URL, or a throwaway 15), a database, loading. */

export const BENCH_ACTOR: Actor = {
  kind: 'user', id: crypto.randomUUID(), username: 'bench', displayName: 'Benchmark', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '',
};

export interface PgServer {
  label: string;
  adminUrl: string;
  stop(): Promise<void>;
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function embeddedServer(dir: string | null): Promise<PgServer> {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-embedded-'));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.chmodSync(dataDir, 0o755);
  const h = await openEmbedded(dataDir, { purpose: 'search benchmark', share: false });
  return {
    label: 'embedded',
    adminUrl: h.adminUrl,
    stop: async () => {
      await h.stop();
      if (!dir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function serverVersion(adminUrl: string): Promise<string> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return (await c.query('SHOW server_version')).rows[0].server_version as string;
  } finally {
    await c.end();
  }
}

async function admin(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await c.query(sql);
  } finally {
    await c.end();
  }
}

export interface BenchDb extends DbHandle {
  name: string;
  /** Records already indexed (a reused database). */
  indexed: number;
  /** Migrations applied now (to a reused database: its statistics need refreshing). */
  applied: string[];
  /** Closes the connections; drops the database unless it is kept (or `force`). */
  drop(force?: boolean): Promise<void>;
}

/** A migrated database with the reference data; `keep` reuses one of that name across runs. */
export async function benchDatabase(server: PgServer, name: string, keep: boolean): Promise<BenchDb> {
  const exists = (await admin(server.adminUrl, `SELECT 1 FROM pg_database WHERE datname = '${name}'`)).rowCount;
  if (!exists) await admin(server.adminUrl, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const handle = connect(withDatabase(server.adminUrl, name), { max: 4 });
  const { applied } = await migrate(handle.db);
  if (!exists) await loadReferenceData(handle.db);
  const indexed = Number((await handle.pool.query('SELECT count(*) AS n FROM knowledge_search')).rows[0].n);
  return {
    ...handle,
    name,
    indexed,
    applied,
    drop: async (force = false) => {
      await handle.close();
      if (!keep || force) await admin(server.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export async function statesOf(db: BenchDb): Promise<StateRef[]> {
  const { items } = await listStates(db.db, { lang: 'en' });
  return items.filter((s) => s.kind === 'state').map((s) => ({ iso3: s.iso3, group: s.regionalGroup?.code ?? null }));
}

export interface IngestFigures {
  records: number;
  seconds: number;
  perSecond: number;
  afterSeconds: number;
}

/**
 * The bulk path (src/knowledge/ingest/bulk.ts) as a first load (the GIN index built once at the end), then
 * afterBulkLoad: the table rewritten in date order with the index built, VACUUM ANALYZE.
 */
export async function bulkIngest(db: BenchDb, items: AsyncIterable<BulkItem>, progress: (n: number) => void): Promise<IngestFigures> {
  const t0 = performance.now();
  const { count } = await bulkCreateRecords(db.db, BENCH_ACTOR, items, { batchSize: 1000, initialLoad: true, onBatch: () => progress(-1) });
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  await afterBulkLoad(db.db);
  return { records: count, seconds, perSecond: count / seconds, afterSeconds: (performance.now() - t1) / 1000 };
}

/** The per-record product path (createRecord: audit, version, links, index), on a scratch database. */
export async function perRecordIngest(server: PgServer, items: BulkItem[]): Promise<IngestFigures> {
  const db = await benchDatabase(server, `bench_perrecord_${crypto.randomBytes(4).toString('hex')}`, false);
  try {
    const t0 = performance.now();
    for (const it of items) await createRecord(db.db, BENCH_ACTOR, it.input, it.source);
    const seconds = (performance.now() - t0) / 1000;
    return { records: items.length, seconds, perSecond: items.length / seconds, afterSeconds: 0 };
  } finally {
    await db.drop();
  }
}
