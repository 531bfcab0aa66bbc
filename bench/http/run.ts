import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { BENCH_USER } from './bench-user.ts';
import { Rng } from '../search/prng.ts';
import { en, es, fr } from '../search/vocab-latin.ts';
import { ar, ru, zh } from '../search/vocab-world.ts';

/**
 * `npm run bench:http` — HTTP throughput of the real server (issue 13), with autocannon.
 *
 * Starts bench/http/server.ts in a child process (embedded PostgreSQL in its own data directory, default
 * /work/bench-data/http, created on the first run), then loads each route at c=10 and c=50 for a fixed time and
 * prints requests/s, p50, p99, errors, non-2xx answers and the server's RSS, with the machine's load average
 * beside each line (on a shared machine a figure means little without it). Not a test: nothing asserts a figure.
 *
 *   npm run bench:http -- [--duration 10] [--connections 10,50] [--only states] [--records 10000] [--data-dir DIR] [--cpu-prof]
 *
 * --records N loads N records of the search benchmark's generated corpus (six languages) besides the 52 Chinese
 * sample documents, once per data directory (default /work/bench-data/http-N), so that searches are timed on a
 * portal of a realistic size and the English, Arabic and mixed queries find something.
 *
 * --cpu-prof writes the server's CPU profile to .tmp/bench-http/ when it stops (open it in Chrome DevTools).
 */

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10,50' },
    only: { type: 'string' },
    records: { type: 'string', default: '10000' },
    'data-dir': { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const duration = Number(values.duration);
const connections = values.connections.split(',').map(Number);
const records = Number(values.records);
const dataDir = values['data-dir'] ?? `/work/bench-data/http-${records}`;
if (!(duration > 0) || connections.some((c) => !(c > 0)) || !(records >= 0)) throw new Error('--duration, --connections and --records take positive numbers');

const ROOT = path.resolve(import.meta.dirname, '../..');

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  fs.mkdirSync(dataDir, { recursive: true });
  const profDir = path.join(ROOT, '.tmp/bench-http');
  const nodeArgs = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, 'bench/http/server.ts')], {
    cwd: ROOT,
    env: { ...process.env, PALERMO_DATA_DIR: dataDir, BENCH_HTTP_RECORDS: String(records), PALERMO_WORKERS: '0', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`the bench server exited (${code}) before listening:\n${out}`)));
  });
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function json(url: string, init: RequestInit = {}) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return { res, body: (await res.json()) as Record<string, unknown> };
}

interface Scenario {
  name: string;
  path: string;
  /** Paths taken in turn, one per request (the first is also `path`). */
  rotate?: string[];
  headers?: Record<string, string>;
  /** Answers other than 2xx that are the point of the scenario (304 for revalidation). */
  expect?: number;
  /** Each path of `rotate` is sent at most once in the whole run (no answer can come from a cache). */
  once?: boolean;
}

/** Six languages, rare and common terms, phrases, filters and both sorts (terms from bench/search/queries.ts). */
const MIXED = [
  'hawala', 'extradition', 'witness protection', '"central authority"', 'convention article', 'rançongiciel', 'decomiso',
  'конфискация', '洗钱', 'غسل الأموال', 'money laundering&crime=money-laundering', 'firearms&sort=date',
].map((q) => `/api/v1/search?q=${q.split('&').map((p, i) => (i === 0 ? encodeURIComponent(p) : p)).join('&')}`);

/**
 * Queries no one asked before in the run, one per request: a topic's term and a general term of the same language
 * (six languages, ~22,000 pairs, shuffled), so the server's answer cache never holds the answer — the search engine's
 * own throughput. The repeated-query scenarios above measure what popular queries get.
 */
function distinctQueries(): string[] {
  const out: string[] = [];
  for (const lang of [en, fr, es, ru, ar, zh]) {
    for (const terms of Object.values(lang.topics)) for (const t of terms) for (const g of lang.general) out.push(`${t} ${g}`);
  }
  const rng = new Rng(13);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`);
}

const DISTINCT = distinctQueries();

async function main() {
  const { child, url } = await startServer();
  const stop = () => new Promise<void>((r) => (child.exitCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM'))));
  try {
    // a session, a draft and a record to read
    const { res, body: me } = await json(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(BENCH_USER),
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(/,(?=\s*palermo_)/).map((c) => c.split(';')[0]!.trim()).filter((c) => c.startsWith('palermo_session=')).join('; ');
    const session = { cookie, 'x-csrf-token': me.csrfToken as string };
    const draft = await json(`${url}/api/v1/drafting/drafts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...session },
      body: JSON.stringify({ content: {} }),
    });
    const hit = await json(`${url}/api/v1/search?sort=date`);
    const recordId = (hit.body.items as Array<{ id: string }>)[0]?.id;
    if (!recordId) throw new Error('the search found no record: is the sample corpus loaded?');
    const statesEtag = (await fetch(`${url}/api/v1/states`)).headers.get('etag') ?? '';

    const scenarios: Scenario[] = [
      { name: 'states list', path: '/api/v1/states' },
      { name: 'states list, revalidated (304)', path: '/api/v1/states', headers: { 'if-none-match': statesEtag }, expect: 304 },
      { name: 'one State', path: '/api/v1/states/FRA?lang=fr' },
      { name: 'routing answer', path: '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=bank-records' },
      { name: 'search, English', path: `/api/v1/search?q=${encodeURIComponent('"mutual legal assistance"')}` },
      { name: 'search, Chinese', path: `/api/v1/search?q=${encodeURIComponent('司法协助')}` },
      { name: 'search, with facets', path: '/api/v1/search?q=extradition&type=case&sort=date' },
      { name: 'search, 12 queries in turn', path: MIXED[0]!, rotate: MIXED },
      { name: 'search, a new query each time', path: DISTINCT[0]!, rotate: DISTINCT, once: true },
      { name: 'record page', path: `/api/v1/records/${recordId}` },
      { name: 'directory of one State', path: '/api/v1/directory/states/FRA' },
      { name: 'draft read (logged in)', path: `/api/v1/drafting/drafts/${(draft.body as { id: string }).id}`, headers: session },
    ].filter((s) => !values.only || s.name.includes(values.only));

    console.log(`HTTP throughput, ${duration} s per line, ${os.cpus().length} CPUs, Node ${process.version}; server ${url} (embedded PostgreSQL in ${dataDir}, ${records} generated records + the sample corpus)`);
    console.log('| route | c | req/s | p50 ms | p99 ms | errors | non-2xx | server RSS MB | load (1 min) |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    for (const s of scenarios) {
      // A new-query scenario probes a sample of queries it will not send (probing would put them in the cache).
      const probes = s.once ? s.rotate!.slice(-100) : (s.rotate ?? [s.path]);
      let empty = 0;
      for (const p of probes) {
        const probe = await fetch(url + p, { headers: s.headers });
        if (probe.status !== (s.expect ?? 200)) throw new Error(`${s.name}: ${p} answered ${probe.status}: ${(await probe.text()).slice(0, 300)}`);
        if (p.startsWith('/api/v1/search') && !((await probe.json()) as { total: number | null; items: unknown[] }).items.length) empty++;
      }
      // a search that finds nothing times only the fixed costs: the queries must find something (most new pairs do)
      if (empty > (s.once ? probes.length / 10 : 0)) throw new Error(`${s.name}: ${empty} of ${probes.length} probed queries found nothing`);
      let turn = 0;
      for (const c of connections) {
        if (!s.once) turn = 0;
        const rotate = s.once ? s.rotate!.slice(0, -100) : s.rotate;
        const requests = rotate
          ? [{ setupRequest: (req: Record<string, unknown>) => {
              if (s.once && turn >= rotate.length) throw new Error(`${s.name}: more requests than distinct queries`);
              return { ...req, path: rotate[turn++ % rotate.length] };
            } }]
          : undefined;
        const r = await autocannon({ url: url + s.path, connections: c, duration, headers: s.headers, ...(requests ? { requests } : {}) });
        const unexpected = s.expect ? r.requests.total - (r.statusCodeStats?.[String(s.expect)]?.count ?? 0) : r.non2xx;
        console.log(
          `| ${s.name} | ${c} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.errors + r.timeouts} | ${s.expect ? `${unexpected ?? 0} (other than ${s.expect})` : r.non2xx} | ${rssMb(child.pid!)} | ${os.loadavg()[0]!.toFixed(2)} |`,
        );
      }
    }
  } finally {
    await stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
