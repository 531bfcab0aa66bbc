import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { afterBulkLoad, type BulkItem } from '../../src/knowledge/ingest/bulk.ts';
import { PostgresSearch } from '../../src/knowledge/search/postgres-search.ts';
import { tsQuery } from '../../src/knowledge/search/tsquery.ts';
import { generate, plan, type CorpusPlan } from './corpus.ts';
import { Fts5Peer } from './fts5.ts';
import { startPg15 } from './pg15.ts';
import { benchDatabase, bulkIngest, embeddedServer, perRecordIngest, serverVersion, statesOf, type BenchDb, type IngestFigures, type PgServer } from './postgres.ts';
import { queryMix, type BenchQuery } from './queries.ts';
import { int, latencyTable, percentiles, table, type Percentiles } from './report.ts';
import { Rng } from './prng.ts';
import { toFts5 } from './tsquery.ts';

/**
 * npm run bench:search -- [--size 20000] [--seed 1] [--repeat 20] [--pg15 auto|<url>] [--no-embedded] [--no-fts5]
 *                         [--per-record 500] [--reuse [--reorganize]] [--sequential] [--json out.json]
 * Generates the corpus once, loads it into each PostgreSQL (embedded; PostgreSQL 15 with --pg15 or DATABASE_URL)
 * through the bulk-ingestion service, builds the SQLite FTS5 peer from the same analysed tokens, runs the query
 * mix on each and prints ingestion rates and p50/p95/p99 per query class.
 */

const CORPUS_VERSION = 2;

const { values: opt } = parseArgs({
  options: {
    size: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    repeat: { type: 'string', default: '20' },
    pg15: { type: 'string' },
    'no-embedded': { type: 'boolean', default: false },
    'no-fts5': { type: 'boolean', default: false },
    'per-record': { type: 'string', default: '500' },
    reuse: { type: 'boolean', default: false },
    reorganize: { type: 'boolean', default: false },
    sequential: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
  allowPositionals: false,
});
const size = Number(opt.size);
const seed = Number(opt.seed);
const repeat = Number(opt.repeat);
const perRecord = Number(opt['per-record']);
const pg15 = opt.pg15 ?? process.env.DATABASE_URL;
const log = (s: string) => process.stdout.write(`${s}\n`);

const cleanups: Array<() => Promise<void> | void> = [];
async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      log(`cleanup: ${(err as Error).message}`);
    }
  }
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    log(`\n${sig}: stopping servers and removing temporary files`);
    void cleanup().finally(() => process.exit(130));
  });
}

/** The machine's load (other processes compete for the same cores: say so next to the figures). */
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

function progress(label: string, total: number) {
  let n = 0;
  let last = 0;
  const t0 = performance.now();
  return (k: number) => {
    n = k < 0 ? n + 1000 : k;
    const now = performance.now();
    if (now - last > 5000 || n >= total) {
      last = now;
      log(`  ${label}: ${int(Math.min(n, total))} / ${int(total)} (${int(Math.min(n, total) / ((now - t0) / 1000))}/s; load ${load()})`);
    }
  };
}

async function writeCorpus(file: string, p: CorpusPlan) {
  if (fs.existsSync(file)) return;
  log(`Generating ${int(size)} records (seed ${seed}) → ${file}`);
  const out = fs.createWriteStream(`${file}.tmp`);
  const tick = progress('generated', size);
  let n = 0;
  for (const item of generate(p, size, seed)) {
    if (!out.write(`${JSON.stringify(item)}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
    if (++n % 1000 === 0) tick(n);
  }
  await new Promise<void>((r, j) => out.end((e?: Error) => (e ? j(e) : r())));
  fs.renameSync(`${file}.tmp`, file);
}

async function* readCorpus(file: string, limit = Infinity): AsyncGenerator<BulkItem> {
  const rl = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    if (n++ >= limit) break;
    if (line) yield JSON.parse(line) as BulkItem;
  }
  rl.close();
}

interface Outcome {
  total: number;
  approximate: boolean;
  next: string | null;
  ids: string[];
}
type Exec = (bq: BenchQuery, cursor: string | undefined) => Promise<Outcome> | Outcome;

interface Engine {
  run: EngineRun;
  exec: Exec;
  /** Record ids → import keys, which are the same on every engine. */
  stable(ids: string[]): Promise<string[]>;
}

/**
 * A warm-up pass on every engine, then `repeat` shuffled passes in which each query runs on every engine in
 * turn (rotating who goes first), so that a busy moment of the machine falls on all engines alike. The engines'
 * data then compete for the same memory (at 1M, two PostgreSQL databases of 9 GB and SQLite's 5 GB in 24 GiB):
 * `--sequential` measures each engine's passes on their own instead, as one engine runs on a server.
 */
async function measure(engines: Engine[], mix: BenchQuery[]) {
  const cursors = new Map<Engine, Map<BenchQuery, string | undefined>>();
  for (const e of engines) {
    const mine = new Map<BenchQuery, string | undefined>();
    for (const bq of mix) {
      const first = await e.exec(bq, undefined);
      if (bq.page2) mine.set(bq, first.next ?? undefined);
      const shown = bq.page2 && first.next ? await e.exec(bq, first.next) : first;
      e.run.answers.set(bq.label + (bq.page2 ? ' (page 2)' : ''), { ...shown, ids: await e.stable(shown.ids) });
    }
    cursors.set(e, mine);
  }
  const schedule = Array.from({ length: repeat }, () => mix).flat();
  const rng = new Rng(seed + 7);
  for (let i = schedule.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [schedule[i], schedule[j]] = [schedule[j]!, schedule[i]!];
  }
  const samples = new Map<Engine, Map<string, number[]>>(engines.map((e) => [e, new Map()]));
  const perQuery = new Map<Engine, Map<string, number[]>>(engines.map((e) => [e, new Map()]));
  const push = (m: Map<string, number[]>, k: string, v: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(v);
  const t0 = performance.now();
  const timed = async (e: Engine, bq: BenchQuery) => {
    const cursor = bq.page2 ? cursors.get(e)!.get(bq) : undefined;
    if (bq.page2 && !cursor) return;
    const s = performance.now();
    await e.exec(bq, cursor);
    const d = performance.now() - s;
    push(samples.get(e)!, bq.cls, d);
    push(perQuery.get(e)!, bq.label, d);
  };
  if (opt.sequential) {
    // Each engine alone, as it is deployed: its whole schedule after a warm-up pass of its own.
    for (const e of engines) {
      for (const bq of mix) await e.exec(bq, bq.page2 ? cursors.get(e)!.get(bq) : undefined);
      for (const bq of schedule) await timed(e, bq);
    }
  } else {
    for (const [n, bq] of schedule.entries()) {
      for (let i = 0; i < engines.length; i++) await timed(engines[(n + i) % engines.length]!, bq);
    }
  }
  log(`  ${int(schedule.length)} queries on ${engines.length} engines in ${((performance.now() - t0) / 1000).toFixed(1)} s (load average now ${load()})`);
  for (const e of engines) {
    e.run.stats = new Map([...samples.get(e)!].map(([c, xs]) => [c, percentiles(xs)]));
    e.run.slowest = [...perQuery.get(e)!].map(([q, xs]) => [q, percentiles(xs)] as const).sort((a, b) => b[1].p95 - a[1].p95).slice(0, 5);
  }
}

interface EngineRun {
  label: string;
  version: string;
  bulk?: IngestFigures;
  perRecord?: IngestFigures;
  stats: Map<string, Percentiles>;
  answers: Map<string, Outcome>;
  slowest: ReadonlyArray<readonly [string, Percentiles]>;
}

async function importKeys(db: BenchDb, ids: string[]): Promise<string[]> {
  const { rows } = await db.pool.query<{ id: string; k: string }>('SELECT id, import_key AS k FROM knowledge_records WHERE id = ANY($1::uuid[])', [ids]);
  const byId = new Map(rows.map((r) => [r.id, r.k]));
  return ids.map((i) => byId.get(i) ?? i);
}

async function main() {
  const benchDir = opt.reuse ? path.join(os.tmpdir(), 'palermo-bench') : fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-'));
  fs.mkdirSync(benchDir, { recursive: true });
  fs.chmodSync(benchDir, 0o755);
  if (!opt.reuse) cleanups.push(() => fs.rmSync(benchDir, { recursive: true, force: true }));
  log(`Search benchmark: ${int(size)} records, seed ${seed}, ${repeat} passes; ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);

  const servers: PgServer[] = [];
  if (!opt['no-embedded']) {
    const s = await embeddedServer(opt.reuse ? path.join(benchDir, 'embedded') : null);
    cleanups.push(() => s.stop());
    servers.push(s);
  }
  if (pg15 === 'auto') {
    const srv = await startPg15(opt.reuse ? path.join(benchDir, 'pg15') : undefined);
    cleanups.push(() => srv.stop());
    servers.push({ label: 'pg15', adminUrl: srv.url, stop: async () => srv.stop() });
  } else if (pg15) servers.push({ label: 'external', adminUrl: pg15, stop: async () => undefined });
  if (!servers.length) throw new Error('Nothing to measure: give --pg15 or leave the embedded server on');

  const dbName = `bench_${size}_${seed}_v${CORPUS_VERSION}`;
  const engines: Engine[] = [];
  let corpusFile = '';
  let thePlan: CorpusPlan | null = null;
  let mix: BenchQuery[] = [];
  let source: BenchDb | null = null;
  for (const server of servers) {
    const version = await serverVersion(server.adminUrl);
    server.label = server.label === 'embedded' ? `embedded ${version.split(' ')[0]}` : `PG ${version.split(' ')[0]}`;
    log(`\n== ${server.label}`);
    let db = await benchDatabase(server, dbName, opt.reuse);
    if (db.indexed !== 0 && db.indexed !== size) {
      log(`  ${dbName} holds ${int(db.indexed)} records (an interrupted load): starting again`);
      await db.drop(true);
      db = await benchDatabase(server, dbName, opt.reuse);
    }
    const thisDb = db;
    cleanups.push(() => thisDb.drop());
    if (!thePlan) {
      thePlan = plan(await statesOf(db), seed);
      mix = queryMix(thePlan);
      corpusFile = path.join(benchDir, `corpus-${size}-${seed}-v${CORPUS_VERSION}.jsonl`);
      await writeCorpus(corpusFile, thePlan);
      source = db;
    }
    const run: EngineRun = { label: server.label, version, stats: new Map(), answers: new Map(), slowest: [] };
    if (perRecord > 0) {
      const items: BulkItem[] = [];
      for await (const it of readCorpus(corpusFile, perRecord)) items.push(it);
      run.perRecord = await perRecordIngest(server, items);
      log(`  per-record path (createRecord): ${int(run.perRecord.perSecond)} records/s over ${int(items.length)}`);
    }
    if (db.indexed === size) {
      log(`  reusing ${db.name} (${int(size)} records already loaded)`);
      if (db.applied.length || opt.reorganize) {
        log(`  ${db.applied.length ? `applied ${db.applied.join(', ')}` : '--reorganize'}: afterBulkLoad (date order, GIN index, VACUUM ANALYZE)`);
        const t = performance.now();
        await afterBulkLoad(db.db);
        log(`  … ${((performance.now() - t) / 1000).toFixed(0)} s`);
      }
    } else {
      run.bulk = await bulkIngest(db, readCorpus(corpusFile), progress('loaded', size));
      log(`  bulk path: ${int(run.bulk.perSecond)} records/s (${run.bulk.seconds.toFixed(0)} s), then afterBulkLoad ${run.bulk.afterSeconds.toFixed(0)} s` +
        ` (${int(size / (run.bulk.seconds + run.bulk.afterSeconds))} records/s with it)`);
    }
    const provider = new PostgresSearch(db.db);
    engines.push({
      run,
      exec: async (bq, cursor) => {
        const res = await provider.search({ ...bq.q, ...(cursor ? { cursor } : {}) }, bq.viewer);
        return { total: res.total, approximate: res.approximate, next: res.next, ids: res.items.map((i) => i.id) };
      },
      stable: (ids) => importKeys(thisDb, ids),
    });
  }

  if (!opt['no-fts5'] && source) {
    const src = source;
    log('\n== SQLite FTS5');
    const file = path.join(benchDir, `fts5-${size}-${seed}-v${CORPUS_VERSION}.sqlite`);
    if (!opt.reuse) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const peer = new Fts5Peer(file);
    cleanups.push(() => peer.close());
    const run: EngineRun = { label: 'FTS5', version: String((peer.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v), stats: new Map(), answers: new Map(), slowest: [] };
    if (peer.count() === size) log(`  reusing ${file}`);
    else {
      const seconds = await peer.load(src.pool, progress('loaded', size));
      run.bulk = { records: size, seconds, perSecond: size / seconds, afterSeconds: 0 };
      log(`  loaded at ${int(run.bulk.perSecond)} records/s (SQLite writes only; tokens read from PostgreSQL)`);
    }
    const translated = new Map<string, { match: string; terms: string[] } | null>();
    for (const bq of mix) {
      const ts = tsQuery(bq.q.q);
      if (!ts || translated.has(bq.q.q!)) continue;
      const { rows } = await sql<{ t: string }>`SELECT (${ts.query})::text AS t`.execute(src.db);
      translated.set(bq.q.q!, toFts5(rows[0]!.t));
    }
    engines.push({
      run,
      exec: (bq, cursor) => {
        const res = peer.search({ ...bq.q, ...(cursor ? { cursor } : {}) }, bq.viewer, bq.q.q ? (translated.get(bq.q.q) ?? null) : null);
        return { total: res.total, approximate: res.approximate, next: res.next, ids: res.ids };
      },
      stable: (ids) => importKeys(src, ids),
    });
  }

  log(`\n== Queries (${opt.sequential ? 'each engine on its own' : 'engines in turn'}; load average ${load()})`);
  await measure(engines, mix);
  report(engines.map((e) => e.run), mix);
}

function report(runs: EngineRun[], mix: BenchQuery[]) {
  const classes = [...new Set(mix.map((m) => m.cls))];
  log(`\n## Ingestion (${int(size)} records)`);
  log(table(['engine', 'path', 'records/s', 'seconds', 'then afterBulkLoad s', 'records/s with it'], runs.flatMap((r) => [
    ...(r.perRecord ? [[r.label, 'per record (createRecord)', int(r.perRecord.perSecond), r.perRecord.seconds.toFixed(1), '', '']] : []),
    ...(r.bulk ? [[r.label, r.label === 'FTS5' ? 'SQLite inserts' : 'bulk (bulkCreateRecords, first load)', int(r.bulk.perSecond), r.bulk.seconds.toFixed(0),
      r.bulk.afterSeconds ? r.bulk.afterSeconds.toFixed(0) : '', int(r.bulk.records / (r.bulk.seconds + r.bulk.afterSeconds))]] : []),
  ])));
  log(`\n## Query latency, ms (${int(size)} records; ${repeat} runs of each query, shuffled, after a warm-up pass)`);
  log(latencyTable(classes, runs.map((r) => ({ label: r.label, stats: r.stats })), runs.some((r) => r.label === 'FTS5') ? 'FTS5' : null));
  for (const r of runs) {
    log(`\nSlowest queries on ${r.label} (p95 ms): ${r.slowest.map(([q, p]) => `${q} ${p.p95.toFixed(1)}`).join('; ')}`);
  }
  // The same corpus and queries should give the same answers: PostgreSQL servers exactly, FTS5 the same exact totals.
  const pgs = runs.filter((r) => r.label !== 'FTS5');
  const fts = runs.find((r) => r.label === 'FTS5');
  if (pgs.length > 1) {
    const [a, b] = [pgs[0]!, pgs[1]!];
    const keys = [...a.answers.keys()];
    const sameTotal = keys.filter((k) => a.answers.get(k)?.total === b.answers.get(k)?.total).length;
    const samePage = keys.filter((k) => JSON.stringify([...(a.answers.get(k)?.ids ?? [])].sort()) === JSON.stringify([...(b.answers.get(k)?.ids ?? [])].sort())).length;
    log(`\n${a.label} and ${b.label}: same total for ${sameTotal} of ${keys.length} queries, same page (as a set) for ${samePage}` +
      ' (records are given random ids on each server, and ties in rank or date are broken by id)');
  }
  if (fts && pgs.length) {
    const exact = [...pgs[0]!.answers].filter(([, a]) => !a.approximate);
    const agree = exact.filter(([k, a]) => fts.answers.get(k)?.total === a.total && !fts.answers.get(k)?.approximate);
    log(`FTS5 and ${pgs[0]!.label} agree on the exact total for ${agree.length} of ${exact.length} queries below the cap` +
      (agree.length < exact.length ? ` (differ: ${exact.filter((e) => !agree.includes(e)).map(([k, a]) => `${k}: ${a.total} vs ${fts.answers.get(k)?.total}`).join('; ')})` : ''));
  }
  const worst = (r: EngineRun) => Math.max(...[...r.stats.values()].map((p) => p.p95));
  for (const r of pgs) {
    const ratio = fts ? Math.max(...classes.map((c) => (r.stats.get(c)?.p95 ?? 0) / (fts.stats.get(c)?.p95 ?? Infinity))) : NaN;
    log(`${r.label}: worst class p95 ${worst(r).toFixed(1)} ms (target ≤ 50 at 1M)` +
      `${fts ? `; worst p95 ratio to FTS5 ${ratio.toFixed(2)}× (target ≤ 2)` : ''}${r.bulk ? `; bulk ingestion ${int(r.bulk.perSecond)}/s (target ≥ 1,000)` : ''}`);
  }
  if (opt.json) {
    const plain = runs.map((r) => ({ ...r, stats: Object.fromEntries(r.stats), answers: undefined }));
    fs.writeFileSync(opt.json, JSON.stringify({ size, seed, repeat, runs: plain }, null, 2));
  }
}

main()
  .catch((err) => {
    process.exitCode = 1;
    log(`\n${(err as Error).stack ?? String(err)}`);
  })
  .finally(() => cleanup());
