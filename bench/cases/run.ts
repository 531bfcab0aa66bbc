/**
 * The case tracker's benchmark (npm run bench:cases [-- --cases N --runs R --data DIR --keep]): a seeded set of cases
 * with realistic timelines (generate.sql.ts: 1,000,000 cases, ~10 entries each, ~190 reference States) in a database
 * of its own (`palermo_bench_cases`) on the embedded server whose data directory is kept between runs
 * (default /work/bench-data/cases), or on the server DATABASE_URL points to (PostgreSQL 15 in CI). Generated once;
 * a later run finds the cases there and only times.
 *
 * Timed, p50/p95 over R runs after two warm-up runs, the machine's load average printed beside each figure:
 *  * the statistics (stats.service.ts getStats: the aggregate query and its audit entry) of the busiest State
 *    (the worst case: every query is one State's), several groupings, one year and all years;
 *  * the work queue's first page (cases.service.ts listCases, sort=priority, 50 rows) for an officer of that State.
 * Targets: statistics ≤ 250 ms, work queue ≤ 50 ms at p95.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'kysely';
import { connect } from '../../src/platform/db/database.ts';
import { openEmbedded } from '../../src/platform/db/embedded-server.ts';
import { migrate } from '../../src/platform/db/migrations.ts';
import type { UserActor } from '../../src/platform/auth/roles.ts';
import { loadReferenceData } from '../../src/reference/reference.service.ts';
import { getStats } from '../../src/cases/stats/stats.service.ts';
import { statsQuery } from '../../src/cases/stats/stats.schemas.ts';
import { listCases } from '../../src/cases/cases.service.ts';
import { caseListQuery } from '../../src/cases/cases.schemas.ts';
import { CASES_SQL, EVENTS_SQL, FACTS_SQL, PARAMS_SQL, STEPS_SQL } from './generate.sql.ts';

const { values: opt } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    data: { type: 'string', default: '/work/bench-data/cases' },
    seed: { type: 'string', default: '0.42' },
    'no-events': { type: 'boolean', default: false },
  },
});
const N = Number(opt.cases);
const RUNS = Number(opt.runs);
const DB_NAME = 'palermo_bench_cases';
const BATCH = 100_000;

const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const out = (s: string) => process.stdout.write(`${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

async function server(): Promise<{ label: string; adminUrl: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { label: 'DATABASE_URL', adminUrl: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => undefined };
  fs.mkdirSync(opt.data!, { recursive: true });
  fs.chmodSync(opt.data!, 0o755);
  const h = await openEmbedded(opt.data!, { purpose: 'cases benchmark', share: false });
  return { label: 'embedded', adminUrl: h.adminUrl, stop: () => h.stop() };
}

async function timed(label: string, fn: () => Promise<unknown>) {
  const t0 = performance.now();
  await fn();
  out(`  ${label.padEnd(44)} ${((performance.now() - t0) / 1000).toFixed(1).padStart(7)} s   load ${load()}`);
}

async function generate(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const have = Number((await c.query(`SELECT count(*) FROM cases_cases WHERE created_by_name = 'benchmark'`)).rows[0].count);
    const events = Number((await c.query(`SELECT count(*) FROM cases_events WHERE actor_name = 'benchmark'`)).rows[0].count);
    const facts = Number((await c.query(`SELECT count(*) FROM cases_stat_facts`)).rows[0].count);
    if (have >= N && facts >= N && (events > 0 || opt['no-events'])) {
      out(`Reusing ${have} cases, ${events} timeline entries, ${facts} fact rows.`);
      // a migration may just have filled a table (0031): mark its pages visible, as the generation does
      const fresh = await c.query(`SELECT relname FROM pg_stat_user_tables WHERE relname LIKE 'cases_stat_%' AND last_vacuum IS NULL AND last_autovacuum IS NULL`);
      for (const { relname } of fresh.rows as Array<{ relname: string }>) await timed(`VACUUM ANALYZE ${relname}`, () => c.query(`VACUUM ANALYZE ${relname}`));
      return;
    }
    out(`Generating ${N} cases (seed ${opt.seed}) …`);
    await timed('parameters (bench_gen)', async () => {
      await c.query(PARAMS_SQL(N, Number(opt.seed)));
      await c.query(STEPS_SQL);
    });
    await c.query(`SET synchronous_commit = off`);
    for (const [what, stmt, skip] of [['cases', CASES_SQL, have >= N], ['facts', FACTS_SQL, facts >= N], ['timeline entries', EVENTS_SQL, opt['no-events'] || events > 0]] as const) {
      if (skip) continue;
      for (let from = 1; from <= N; from += BATCH) {
        await timed(`${what} ${from}–${Math.min(N, from + BATCH - 1)}`, () => c.query(stmt, [from, Math.min(N, from + BATCH - 1)]));
      }
    }
    if (facts < N) {
      // the facts were written here, straight into the table: their rows per item as refreshCaseFacts would write them
      await timed('rows per item (cases_stat_items, from the facts)', async () => {
        await c.query('TRUNCATE cases_stat_items');
        await c.query('INSERT INTO cases_stat_items SELECT * FROM cases_stat_items_of_facts');
      });
    }
    await timed('VACUUM ANALYZE (visibility map for index-only scans)', async () => {
      await c.query('VACUUM ANALYZE cases_cases');
      await c.query('VACUUM ANALYZE cases_stat_facts');
      await c.query('VACUUM ANALYZE cases_stat_items');
      await c.query('VACUUM ANALYZE cases_events');
    });
  } finally {
    await c.end();
  }
}

const officerOf = (state: string): UserActor => ({
  kind: 'user', id: crypto.randomUUID(), username: `bench-${state}`, displayName: 'Benchmark officer', state, roles: ['officer'], demo: false, language: 'en', csrfToken: '',
});

async function main() {
  const srv = await server();
  const admin = new pg.Client({ connectionString: srv.adminUrl });
  await admin.connect();
  if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount) await admin.query(`CREATE DATABASE ${DB_NAME}`);
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.end();
  const url = withDatabase(srv.adminUrl, DB_NAME);
  const h = connect(url, { max: 4 });
  try {
    out(`PostgreSQL ${version} (${srv.label}); ${os.cpus().length} CPUs; load ${load()}`);
    await migrate(h.db);
    await loadReferenceData(h.db);
    await generate(url);
    const top = await sql<{ owner_state: string; n: number; y: number }>`
      SELECT owner_state, count(*)::int AS n, (count(*) FILTER (WHERE start_on >= '2025-01-01'))::int AS y
      FROM cases_stat_facts GROUP BY owner_state ORDER BY n DESC LIMIT 1`.execute(h.db);
    const { owner_state: state, n, y } = top.rows[0]!;
    out(`Busiest State: ${state}, ${n} cases (${y} in 2025). ${RUNS} runs each after 2 warm-up runs.`);
    const officer = officerOf(state);
    const queries: Array<[string, Record<string, string>]> = [
      ['all years, total', {}],
      ['all years by kind', { by: 'kind' }],
      ['all years by legal-basis, direction', { by: 'legal-basis,direction' }],
      ['all years by measure (a case once per measure)', { by: 'measure' }],
      ['all years by regional-group, incoming', { by: 'regional-group', direction: 'incoming' }],
      ['all years by year', { by: 'year' }],
      ['2025 by kind', { from: '2025-01-01', to: '2025-12-31', by: 'kind' }],
      ['2025 by kind, legal-basis', { from: '2025-01-01', to: '2025-12-31', by: 'kind,legal-basis' }],
      ['2025 by month', { from: '2025-01-01', to: '2025-12-31', by: 'month' }],
      ['2025 by counterpart, Convention only', { from: '2025-01-01', to: '2025-12-31', by: 'counterpart', legalBasis: 'convention' }],
      ['2025 by crime-type, incoming', { from: '2025-01-01', to: '2025-12-31', by: 'crime-type', direction: 'incoming' }],
      ['all years by measure, crime-type', { by: 'measure,crime-type' }],
    ];
    out(`${'query'.padEnd(46)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  target  load (1/5/15 min)`);
    const line = (label: string, xs: number[], target: number) => {
      const p95 = pct(xs, 95);
      out(`${label.padEnd(46)} ${pct(xs, 50).toFixed(1).padStart(8)} ${p95.toFixed(1).padStart(8)}  ${p95 <= target ? 'met ' : 'MISS'}    ${load()}`);
    };
    for (const [label, raw] of queries) {
      const q = statsQuery.parse(raw);
      const xs: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now();
        await getStats(h.db, officer, q);
        if (i >= 2) xs.push(performance.now() - t0);
      }
      line(`stats: ${label}`, xs, 250);
    }
    for (const [label, raw] of [['work queue: first page, by priority', {}], ['work queue: incoming, first page', { direction: 'incoming' }]] as const) {
      const q = caseListQuery.parse(raw);
      const xs: number[] = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now();
        await listCases(h.db, officer, q);
        if (i >= 2) xs.push(performance.now() - t0);
      }
      line(label, xs, 50);
    }
  } finally {
    await h.close();
    await srv.stop();
  }
}

await main();
