import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

/**
 * `npm run bench:first-visit` — how long a first visit takes to be useful (issue 14: ≤ 1.5 s for the home, search
 * and article pages on a cold browser against a local server). Not a test: nothing asserts a figure.
 *
 *   npm run bench:first-visit -- [--runs 5] [--url http://localhost:8080] [--data-dir DIR]
 *
 * Without --url it starts `palermo serve --demo-default` on a data directory of its own (default: a folder in the
 * system's temporary directory, created with the demo content on the first run). Each visit launches a new
 * Debian Chromium (an empty cache: nothing kept from an earlier visit), opens the page at 1280 × 900 and times,
 * from the navigation's start: the first contentful paint (the browser's own measure) and "useful" — the page's
 * content from the API is on screen (home: its heading and sections; search: the results' count; article: its
 * title). It also sums the bytes that crossed the wire (compressed) against the bytes of the resources.
 */

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    url: { type: 'string' },
    'data-dir': { type: 'string', default: path.join(os.tmpdir(), 'palermo-bench-first-visit') },
  },
});
const runs = Number(values.runs);
if (!(runs >= 1)) throw new Error('--runs takes a positive number');
const ROOT = path.resolve(import.meta.dirname, '../..');

const PAGES: Array<{ name: string; path: string; useful: string }> = [
  { name: 'home', path: '/', useful: 'main h1 >> visible=true' },
  { name: 'search', path: '/search?q=%E8%81%94%E7%BB%9C%E7%82%B9', useful: '[data-testid="search-total"][data-total]:not([data-total=""])' },
  { name: 'article', path: '/articles/UNTOC/18', useful: 'main h1:has-text("18")' },
];
const LANGS = ['en', 'ar', 'zh'];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/palermo.js'), 'serve', '--demo-default'], {
    cwd: ROOT,
    env: { ...process.env, PALERMO_DATA_DIR: values['data-dir'], PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`palermo serve exited (${child.exitCode})`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) return { child, url };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('palermo serve did not answer in two minutes');
}

interface Visit {
  fcp: number;
  useful: number;
  wire: number;
  decoded: number;
}

async function visit(url: string, useful: string): Promise<Visit> {
  const browser = await chromium.launch({
    executablePath: process.env.PALERMO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url, { waitUntil: 'commit' });
    await page.locator(useful).first().waitFor({ timeout: 30_000 });
    const usefulAt = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle');
    return await page.evaluate((usefulMs) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
      return {
        fcp,
        useful: usefulMs,
        wire: entries.reduce((a, e) => a + e.encodedBodySize, 0),
        decoded: entries.reduce((a, e) => a + e.decodedBodySize, 0),
      };
    }, usefulAt);
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)}`;
const kb = (x: number) => `${Math.round(x / 1024)}`;

const server = values.url ? null : await startServer();
const base = values.url ?? server!.url;
try {
  console.log(`First visit, ${runs} cold runs per line, Chromium 1280 × 900, ${os.cpus().length} CPUs, Node ${process.version}; server ${base}`);
  console.log('| page | lang | first contentful paint ms (median, min–max) | useful ms (median, min–max) | KB on the wire / decoded | load (1 min) |');
  console.log('|---|---|---|---|---|---|');
  for (const p of PAGES) {
    for (const lang of LANGS) {
      const sep = p.path.includes('?') ? '&' : '?';
      const out: Visit[] = [];
      for (let i = 0; i < runs; i++) out.push(await visit(`${base}${p.path}${sep}lang=${lang}`, p.useful));
      const f = out.map((v) => v.fcp);
      const u = out.map((v) => v.useful);
      console.log(
        `| ${p.name} | ${lang} | ${ms(median(f))} (${ms(Math.min(...f))}–${ms(Math.max(...f))}) | ${ms(median(u))} (${ms(Math.min(...u))}–${ms(Math.max(...u))}) | ${kb(median(out.map((v) => v.wire)))} / ${kb(median(out.map((v) => v.decoded)))} | ${os.loadavg()[0]!.toFixed(2)} |`,
      );
    }
  }
} finally {
  server?.child.kill('SIGINT');
}
