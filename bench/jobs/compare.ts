/**
 * pg-boss 10.4 against graphile-worker 0.16.6 on the embedded PostgreSQL (npm run bench:jobs [-- N]).
 *
 * Each library gets a fresh database on one embedded server and is measured the same way:
 *  * start-up: installing its schema into an empty database (what the first `serve` pays);
 *  * enqueue rate: N small jobs sent one statement each from 4 concurrent callers, no worker running;
 *  * throughput: the N queued jobs drained by 2 workers (2 independent instances, as 2 app processes);
 *  * latency: 200 jobs sent at ~20/s to 2 idle workers, enqueue → handler start, p50/p95;
 *  * idle cost: 2 workers and no jobs for 10 s: the process's CPU and the database's transactions per second.
 * The machine is shared, so the load average is printed beside each figure.
 */
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { Logger, run, runMigrations, type Runner } from 'graphile-worker';
import { openEmbedded } from '../../src/platform/db/embedded-server.ts';

const N = Number(process.argv[2] ?? 2000);
const LATENCY_JOBS = 200;
const IDLE_MS = 10_000;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const line = (lib: string, what: string, value: string) => process.stdout.write(`${lib.padEnd(16)} ${what.padEnd(28)} ${value.padEnd(26)} load ${load()}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

interface Lib {
  name: string;
  install(url: string): Promise<void>;
  /** Sends one job whose payload carries its enqueue time. */
  sender(url: string): Promise<{ send(i: number): Promise<void>; close(): Promise<void> }>;
  /** Starts one worker; `onStart` is called with the payload when the handler begins. */
  worker(url: string, onStart: (p: { t: number; i: number }) => void): Promise<{ stop(): Promise<void> }>;
}

const QUEUE = 'bench';
const BATCH = Number(process.env.BATCH ?? 20);

const pgBoss: Lib = {
  name: 'pg-boss 10.4',
  async install(url) {
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
    await boss.start();
    await boss.createQueue(QUEUE);
    await boss.stop({ graceful: false, wait: true });
  },
  async sender(url) {
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 4 });
    await boss.start();
    return { send: async (i) => void (await boss.send(QUEUE, { t: Date.now(), i })), close: () => boss.stop({ graceful: false, wait: true }) };
  },
  async worker(url, onStart) {
    const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false, max: 2 });
    await boss.start();
    // A pg-boss worker waits its polling interval after every fetch, even a full one (unless a send in the
    // same process woke it), so it drains a backlog only as fast as batchSize / interval: the shortest
    // interval allowed (0.5 s; default 2 s) and batches of BATCH jobs (completed together).
    await boss.work<{ t: number; i: number }>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: BATCH }, async (jobs) => {
      for (const job of jobs) onStart(job.data);
    });
    return { stop: () => boss.stop({ graceful: true, wait: true }) };
  },
};

/** graphile-worker logs every completed job; that would be the benchmark's biggest cost. */
const quiet = new Logger(() => () => undefined);

const graphile: Lib = {
  name: 'graphile-worker',
  install: (url) => runMigrations({ connectionString: url }),
  async sender(url) {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // The SQL function is what a transactional enqueue would call inside our own transaction.
    return {
      send: async (i) => void (await pool.query('SELECT graphile_worker.add_job($1, $2::json)', [QUEUE, JSON.stringify({ t: Date.now(), i })])),
      close: () => pool.end(),
    };
  },
  async worker(url, onStart) {
    const runner: Runner = await run({
      connectionString: url, concurrency: 1, noHandleSignals: true, pollInterval: 2000,
      taskList: { [QUEUE]: async (payload) => onStart(payload as { t: number; i: number }) },
      logger: quiet, crontab: '',
    });
    return { stop: () => runner.stop() };
  },
};

async function xacts(admin: pg.Client, db: string): Promise<number> {
  const r = await admin.query('SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1', [db]);
  return Number(r.rows[0].n);
}

async function bench(lib: Lib, adminUrl: string, admin: pg.Client) {
  const db = `bench_${lib.name.replace(/[^a-z]/g, '')}`;
  await admin.query(`DROP DATABASE IF EXISTS ${db}`);
  await admin.query(`CREATE DATABASE ${db}`);
  const url = new URL(adminUrl);
  url.pathname = `/${db}`;
  const u = url.toString();

  let t0 = performance.now();
  await lib.install(u);
  line(lib.name, 'start-up (schema install)', `${(performance.now() - t0).toFixed(0)} ms`);

  // Enqueue rate, nobody working.
  const sender = await lib.sender(u);
  t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => { while (next < N) await sender.send(next++); }));
  const enqueueS = (performance.now() - t0) / 1000;
  line(lib.name, `enqueue ${N}`, `${(N / enqueueS).toFixed(0)} jobs/s`);

  // Throughput: two workers drain the queue.
  let done = 0;
  let drained!: () => void;
  const all = new Promise<void>((r) => { drained = r; });
  const onStart = (_p: { t: number; i: number }) => { if (++done === N) drained(); };
  t0 = performance.now();
  const workers = [await lib.worker(u, (p) => onStart(p)), await lib.worker(u, (p) => onStart(p))];
  await all;
  line(lib.name, lib === pgBoss ? `throughput (2 workers, batch ${BATCH})` : 'throughput (2 workers)', `${(N / ((performance.now() - t0) / 1000)).toFixed(0)} jobs/s`);
  await Promise.all(workers.map((w) => w.stop()));

  // Latency with idle workers.
  const lat: number[] = [];
  let got = 0;
  let finished!: () => void;
  const latDone = new Promise<void>((r) => { finished = r; });
  const w2 = [
    await lib.worker(u, (p) => { lat.push(Date.now() - p.t); if (++got === LATENCY_JOBS) finished(); }),
    await lib.worker(u, (p) => { lat.push(Date.now() - p.t); if (++got === LATENCY_JOBS) finished(); }),
  ];
  await sleep(1000);
  for (let i = 0; i < LATENCY_JOBS; i++) { await sender.send(i); await sleep(50); }
  await latDone;
  line(lib.name, 'latency enqueue→start p50', `${pct(lat, 50)} ms`);
  line(lib.name, 'latency enqueue→start p95', `${pct(lat, 95)} ms`);

  // Idle cost.
  await sleep(2000);
  const x0 = await xacts(admin, db);
  const c0 = process.cpuUsage();
  await sleep(IDLE_MS);
  const c = process.cpuUsage(c0);
  const x1 = await xacts(admin, db);
  line(lib.name, 'idle CPU (2 workers)', `${(((c.user + c.system) / 1000 / IDLE_MS) * 100).toFixed(2)} % of a core`);
  line(lib.name, 'idle queries (2 workers)', `${((x1 - x0 - 1) / (IDLE_MS / 1000)).toFixed(1)} transactions/s`);
  await Promise.all(w2.map((w) => w.stop()));
  await sender.close();

  const objs = await admin.query(`SELECT 1`); void objs;
  const c2 = new pg.Client({ connectionString: u });
  await c2.connect();
  const t = await c2.query(`SELECT table_schema, count(*)::int AS n FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema','public') GROUP BY 1`);
  line(lib.name, 'database objects', t.rows.map((r) => `${r.table_schema}: ${r.n} tables/views`).join(', '));
  await c2.end();
  await admin.query(`DROP DATABASE ${db} WITH (FORCE)`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-jobs-'));
fs.chmodSync(dir, 0o755); // the embedded server may run as another user (root → postgres)
const server = await openEmbedded(dir, { purpose: 'jobs benchmark', share: false });
const admin = new pg.Client({ connectionString: server.adminUrl });
await admin.connect();
process.stdout.write(`Node ${process.version}, ${os.cpus().length} cores, N=${N}, PostgreSQL ${(await admin.query('SHOW server_version')).rows[0].server_version}\n`);
try {
  for (const lib of process.argv.includes('--graphile-first') ? [graphile, pgBoss] : [pgBoss, graphile]) await bench(lib, server.adminUrl, admin);
} finally {
  await admin.end();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
