import { loadConfig } from '../../src/platform/config.ts';
import { openRuntime } from '../../src/platform/runtime.ts';
import { buildPalermoApp } from '../../src/app/server.ts';
import { createUser } from '../../src/platform/auth/accounts.service.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../src/platform/http/rate-limits.ts';
import { stateExists } from '../../src/reference/reference.service.ts';
import { loadSampleCorpus } from '../../src/knowledge/seed/sample-corpus.ts';
import { loadDemoDirectory } from '../../src/directory/seed/demo-directory.ts';
import { BENCH_USER } from './bench-user.ts';

/**
 * The server `npm run bench:http` measures (bench/http/run.ts starts it as a child process): the same app
 * `palermo serve` builds, on the embedded PostgreSQL in its own data directory, with the sample corpus and the demo
 * directory, and one account for the logged-in routes. Only the per-minute rate limits are raised, through the
 * configuration tests use too (config.rateLimits): a load generator is one address sending thousands of requests a
 * second, which production limits are there to refuse. Production defaults are untouched.
 *
 * Prints one line `LISTENING <url>` when ready; stops cleanly on SIGTERM.
 */

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
