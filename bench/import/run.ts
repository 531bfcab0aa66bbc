/**
 * Folder import benchmark (npm run bench:import [-- --docs N] [--runs R] [--keep] [--cpu-prof]): the real
 * `palermo import` (bin/palermo.js, the compiled CLI, a process of its own as an operator runs it) on a fresh
 * embedded PostgreSQL data directory. It times
 *   - the fixed cost: importing an empty folder, then one file (median of R runs each);
 *   - the first import of N generated documents (new records);
 *   - the re-import of the same folder (every file unchanged: a no-op);
 * and prints documents/s for both, with and without the fixed cost, each figure with os.loadavg() beside it.
 * The documents are small multilingual plain texts and HTML pages (bench/import/documents.ts). It is not a
 * test: nothing asserts a figure (docs/PERFORMANCE.md, "Bulk import").
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT_DIR } from '../../src/platform/config.ts';
import { writeDocuments } from './documents.ts';

const { values: opt } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
const N = Number(opt.docs);
const RUNS = Number(opt.runs);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-import-'));
// PostgreSQL runs as its own user when this runs as root: the folder must be reachable by it
fs.chmodSync(work, 0o755);
const dataDir = path.join(work, 'data');
const profDir = path.join(ROOT_DIR, '.tmp/bench-import');

interface Run {
  seconds: number;
  summary: { added: number; updated: number; unchanged: number; rejected: number };
}

/** One `palermo import <folder> --type guide --json`, timed from launch to exit. */
function importFolder(folder: string, label: string): Run {
  const prof = opt['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', profDir, '--cpu-prof-name', `${label}.cpuprofile`] : [];
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...prof, path.join(ROOT_DIR, 'bin/palermo.js'), 'import', folder, '--type', 'guide', '--json'], {
    env: { ...process.env, PALERMO_DATA_DIR: dataDir, DATABASE_URL: '', CI: '' },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 1) throw new Error(`palermo import failed (${r.status}): ${r.stderr}`);
  const last = r.stdout.trim().split('\n').pop();
  if (!last) throw new Error(`palermo import printed nothing: ${r.stderr}`);
  return { seconds, summary: JSON.parse(last) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const line = (what: string, value: string) => process.stdout.write(`${what.padEnd(52)} ${value.padEnd(58)} load ${load()}\n`);

try {
  const empty = path.join(work, 'empty');
  const one = path.join(work, 'one');
  const docs = path.join(work, 'docs');
  fs.mkdirSync(empty);
  fs.mkdirSync(one);
  const bytes = writeDocuments(docs, N, Number(opt.seed));
  fs.copyFileSync(path.join(docs, fs.readdirSync(docs).sort()[0]!), path.join(one, 'single.txt'));
  process.stdout.write(`${os.cpus().length} CPUs, Node ${process.version}; ${N} documents, ${(bytes / 1024 / 1024).toFixed(1)} MB, in ${docs}\n`);

  const init = importFolder(empty, 'init'); // initdb, migrations, reference data: once, untimed
  line('fresh data directory (initdb, migrations)', `${init.seconds.toFixed(2)} s (not counted)`);
  const emptyRuns = Array.from({ length: RUNS }, (_, i) => importFolder(empty, `empty-${i}`).seconds);
  const fixed = median(emptyRuns);
  line(`fixed cost: empty folder (median of ${RUNS})`, `${fixed.toFixed(2)} s (${Math.min(...emptyRuns).toFixed(2)}–${Math.max(...emptyRuns).toFixed(2)})`);

  const first = importFolder(docs, 'first');
  if (first.summary.added !== N) throw new Error(`expected ${N} added, got ${JSON.stringify({ ...first.summary, files: undefined })}`);
  line(`first import, ${N} new`, `${first.seconds.toFixed(2)} s: ${(N / first.seconds).toFixed(0)} docs/s, ${(N / (first.seconds - fixed)).toFixed(0)} without fixed cost`);
  const again = importFolder(docs, 'again');
  if (again.summary.unchanged !== N) throw new Error(`expected ${N} unchanged, got ${JSON.stringify({ ...again.summary, files: undefined })}`);
  line(`re-import, ${N} unchanged`, `${again.seconds.toFixed(2)} s: ${(N / again.seconds).toFixed(0)} docs/s, ${(N / (again.seconds - fixed)).toFixed(0)} without fixed cost`);

  const oneRuns = Array.from({ length: RUNS }, (_, i) => importFolder(one, `one-${i}`).seconds);
  line(`one file, unchanged after the first (median of ${RUNS})`, `${median(oneRuns).toFixed(2)} s (${Math.min(...oneRuns).toFixed(2)}–${Math.max(...oneRuns).toFixed(2)})`);
  if (opt['cpu-prof']) process.stdout.write(`CPU profiles of the CLI in ${profDir}\n`);
} finally {
  if (opt.keep) process.stdout.write(`kept ${work}\n`);
  else fs.rmSync(work, { recursive: true, force: true });
}
