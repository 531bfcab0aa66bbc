import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Test files share their worker's loaded modules instead of loading the whole app (2–4 s) each time:
    // 12–13.5 → 10 minutes on 2 cores. Files stay apart through what they own — a database each
    // (test/support/database.ts), and caches keyed by the database (platform/cache) — and the few
    // process-wide settings a test changes (mailer, document store, deadline configuration) are put
    // back by that test.
    isolate: false,
    // At least two workers even on two cores: a worker waits on PostgreSQL, Chromium or a child CLI
    // much of the time (10 → 8 minutes here); vitest's default, one fewer than the cores, still holds above.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    testTimeout: 60_000,
    // expect.poll waits for what a page or a job does asynchronously; its default second is too short on two busy
    // cores (a browser test's page fetches its texts, then its data). A broken behaviour still fails, 10 s later.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
