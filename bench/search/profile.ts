import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { afterBulkLoad } from '../../src/knowledge/ingest/bulk.ts';
import { PostgresSearch } from '../../src/knowledge/search/postgres-search.ts';
import type { Fetch } from '../../src/knowledge/search/statement.ts';
import { plan } from './corpus.ts';
import { startPg15 } from './pg15.ts';
import { benchDatabase, embeddedServer, statesOf } from './postgres.ts';
import { queryMix } from './queries.ts';

/**
 * Times each query of the mix on a database the benchmark loaded and kept (`bench:search -- --reuse`, in
 * /tmp/palermo-bench): to see where a slow class spends its time.
 * npm run bench:profile -- --size 1000000 [--server pg15|embedded] [--only "3 facets"|<query label>] [--repeat 3]
 *                          [--trace] [--explain] [--reorganize]
 * --trace prints each attempt's candidate fetch (how, slice, cap) and what it found; --explain writes the plans
 * of the statements (auto_explain) to the server's log; --reorganize first runs afterBulkLoad on the database.
 */
const { values: opt } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    server: { type: 'string', default: 'pg15' },
    only: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    explain: { type: 'boolean', default: false },
    reorganize: { type: 'boolean', default: false },
    trace: { type: 'boolean', default: false },
  },
});
const dir = '/tmp/palermo-bench';
const srv = opt.server === 'pg15' ? await startPg15(`${dir}/pg15`).then((s) => ({ adminUrl: s.url, stop: async () => s.stop(), label: 'pg15' }))
  : await embeddedServer(`${dir}/embedded`);
try {
  const db = await benchDatabase(srv, `bench_${opt.size}_${opt.seed}_v2`, true);
  const mix = queryMix(plan(await statesOf(db), Number(opt.seed))).filter((m) => !opt.only || m.cls === opt.only || m.label === opt.only);
  if (opt.reorganize) {
    const t = performance.now();
    await afterBulkLoad(db.db);
    console.log(`afterBulkLoad: ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const provider = new PostgresSearch(db.db);
  if (opt.trace) {
    // Each attempt's plan (how, slice size, cap) and what it found.
    type Stmt = (q: unknown, o: { main: Fetch; deep: Fetch | null }) => Promise<{ hits: number; deep_hits: number | null; found: number | null; ok: boolean }>;
    const inner = (provider as unknown as { statement: Stmt }).statement.bind(provider);
    const show = (f: Fetch | null) => f && `${f.how} slice=${f.slice ? `${f.slice.keys.length}k/${f.slice.covered.toFixed(4)}` : '-'} cap=${f.cap} covers=${f.covers} need=${f.need}`;
    (provider as unknown as { statement: Stmt }).statement = async (q, o) => {
      const t = performance.now();
      const r = await inner(q, o);
      console.log(`    main ${show(o.main)}${o.deep ? ` | deep ${show(o.deep)}` : ''} → hits=${r.hits} deep=${r.deep_hits} found=${r.found} ok=${r.ok} ${(performance.now() - t).toFixed(1)} ms`);
      return r;
    };
  }
  if (opt.explain) {
    await sql`LOAD 'auto_explain'`.execute(db.db);
    await sql`SET auto_explain.log_min_duration = 0`.execute(db.db);
    await sql`SET auto_explain.log_analyze = on`.execute(db.db);
    await sql`SET auto_explain.log_buffers = on`.execute(db.db);
  }
  for (const bq of mix) {
    const times: number[] = [];
    let res = null;
    let cursor: string | undefined;
    if (bq.page2) cursor = (await provider.search(bq.q, bq.viewer)).next ?? undefined;
    for (let i = 0; i < Number(opt.repeat); i++) {
      const t = performance.now();
      res = await provider.search({ ...bq.q, ...(cursor ? { cursor } : {}) }, bq.viewer);
      times.push(performance.now() - t);
    }
    console.log(`${bq.cls.padEnd(18)} ${bq.label.padEnd(70)} ${bq.viewer.level.padEnd(6)} ${times.map((t) => t.toFixed(0).padStart(5)).join('')}  total=${res!.total}${res!.approximate ? '~' : ''}`);
  }
  await db.drop();
} finally {
  await srv.stop();
}
