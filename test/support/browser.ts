import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildPalermoApp } from '../../src/app/server.ts';
import { WEB_DIR } from '../../src/platform/http/app.ts';
import { ensureDemoAccounts, type DemoCredential } from '../../src/platform/auth/demo-accounts.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { stateExists } from '../../src/reference/reference.service.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

/** Debian's Chromium (apt-get install chromium), or the build PALERMO_CHROMIUM points to. */
export function chromiumPath(): string | null {
  const candidates = [process.env.PALERMO_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

/**
 * Whether browser tests can run here. In CI they must (a missing browser fails the run); on a user's
 * machine without Chromium they are skipped, and the run says so plainly.
 */
export function browserAvailable(): boolean {
  if (chromiumPath() && fs.existsSync(path.join(WEB_DIR, 'index.html'))) return true;
  const why = !chromiumPath() ? 'Chromium was not found' : 'the web UI is not built (npm run build)';
  if (process.env.CI) throw new Error(`Browser tests cannot run in CI: ${why}.`);
  process.stderr.write(
    `\n  Browser tests SKIPPED: ${why}. Install Debian's Chromium (apt-get install chromium) ` +
      'or set PALERMO_CHROMIUM=/path/to/chromium, then run npm test again.\n',
  );
  return false;
}

export interface BrowserEnv {
  baseUrl: string;
  browser: Browser;
  demo: DemoCredential[];
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real server (API and built UI) on a fresh database, with demo accounts, and a headless Chromium. */
export async function startBrowserEnv(): Promise<BrowserEnv> {
  const database = await createTestDatabase();
  const { app } = await buildPalermoApp({ db: database.db, config: { ...loadConfig({}), dataDir: '/nonexistent' } }, { web: true });
  const demo = await ensureDemoAccounts(database.db, (iso3) => stateExists(database.db, iso3));
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    // This machine has no network beyond localhost: keep Chromium from calling home.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    baseUrl: address,
    browser,
    demo,
    database,
    close: async () => {
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}
