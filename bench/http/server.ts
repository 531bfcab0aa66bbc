import { loadConfig } from '../../src/platform/config.ts';
import { openRuntime } from '../../src/platform/runtime.ts';
import { buildPalermoApp } from '../../src/app/server.ts';
import { createUser } from '../../src/platform/auth/accounts.service.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../src/platform/http/rate-limits.ts';
import { stateExists } from '../../src/reference/reference.service.ts';
import { loadSampleCorpus } from '../../src/knowledge/seed/sample-corpus.ts';
import { loadDemoDirectory } from '../../src/directory/seed/demo-directory.ts';
import { BENCH_USER } from './bench-user.ts';
import { listStates } from '../../src/reference/reference.service.ts';
import { afterBulkLoad, bulkCreateRecords } from '../../src/knowledge/ingest/bulk.ts';
import { generate, plan } from '../search/corpus.ts';
import { BENCH_ACTOR } from '../search/postgres.ts';

/**
 * The server `npm run bench:http` measures (bench/http/run.ts starts it as a child process): the same app
 * `palermo serve` builds, on the embedded PostgreSQL in its own data directory, with the sample corpus and the demo
 * directory, and one account for the logged-in routes. Only the per-minute rate limits are raised, through the
 * configuration tests use too (config.rateLimits): a load generator is one address sending thousands of requests a
 * second, which production limits are there to refuse. Production defaults are untouched.
 *
 * With BENCH_HTTP_RECORDS=N (bench/http/run.ts --records), the database also holds N records of the search
 * benchmark's generated corpus in the six languages (bench/search/corpus.ts, loaded once through the bulk path), so
 * searches are timed on a portal of a realistic size rather than on the 52 Chinese sample documents alone.
 *
 * Prints one line `LISTENING <url>` when ready; stops cleanly on SIGTERM.
 */

/** Loads the generated corpus up to `size` records the first time (a data directory keeps it for later runs). */
async function loadGenerated(db: Parameters<typeof loadSampleCorpus>[0], size: number) {
  const have = Number((await db.selectFrom('knowledge_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  if (size <= 0 || have >= size) return;
  const { items } = await listStates(db, { lang: 'en' });
  const states = items.filter((s) => s.kind === 'state').map((s) => ({ iso3: s.iso3, group: s.regionalGroup?.code ?? null }));
  const seed = 20261203;
  async function* records() {
    yield* generate(plan(states, seed), size - have, seed);
  }
  process.stderr.write(`loading ${size - have} generated records…\n`);
  await bulkCreateRecords(db, BENCH_ACTOR, records(), { batchSize: 1000, initialLoad: have === 0 || size - have > have });
  await afterBulkLoad(db);
}

const unlimited = (): RateLimits => ({
  ...DEFAULT_RATE_LIMITS,
  perMinute: Object.fromEntries(
    Object.keys(DEFAULT_RATE_LIMITS.perMinute).map((k) => [k, { anonymous: 10_000_000, user: 10_000_000 }]),
  ) as RateLimits['perMinute'],
});

async function main() {
  const config = { ...loadConfig(), rateLimits: unlimited(), port: 0, host: '127.0.0.1' };
  const rt = await openRuntime(config, { purpose: 'bench:http server', share: false });
  await loadSampleCorpus(rt.db);
  await loadDemoDirectory(rt.db);
  await loadGenerated(rt.db, Number(process.env.BENCH_HTTP_RECORDS ?? 0));
  await createUser(
    rt.db,
    { username: BENCH_USER.username, displayName: 'Benchmark officer (France)', password: BENCH_USER.password, roles: ['officer', 'practitioner'], state: 'FRA' },
    { kind: 'anonymous' },
    (iso3) => stateExists(rt.db, iso3),
  ).catch(() => undefined); // already there from an earlier run
  const { app } = await buildPalermoApp({ db: rt.db, config }, { web: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  process.stdout.write(`LISTENING ${address}\n`);
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    void app.close().then(() => rt.shutdown()).then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
