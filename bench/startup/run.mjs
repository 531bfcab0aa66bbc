// Start-up benchmark (npm run bench:startup -- [--runs N] [--skip-fresh]): the time from launching a command to
// its result, as an operator sees it — `palermo --help`, and `npm start` to a served /api/health on an existing
// data directory and on a fresh one. Each N times (default 5); the median, min and max, with the machine's load
// average before and after. Plain JavaScript, run by node alone: the benchmark itself loads no transpiler.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const secs = (ms) => (ms / 1000).toFixed(2);

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function help() {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/palermo.js'), '--help'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`palermo --help failed: ${r.stderr}`);
  return performance.now() - t0;
}

/** `npm start` in its own process group; the time until /api/health answers 200; then Ctrl-C and wait. */
async function start(dataDir) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(npm, ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PALERMO_DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // health answers before serve has finished starting its workers; Ctrl-C is sent once it says it runs
  let stdout = '';
  const ready = new Promise((resolve) => child.stdout.on('data', (d) => (stdout += d).includes('Press Ctrl-C') && resolve()));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let elapsed = null;
  while (elapsed === null) {
    if (child.exitCode !== null) throw new Error(`npm start exited: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) elapsed = performance.now() - t0;
    } catch {
      // not listening yet
    }
    if (elapsed === null) await new Promise((r) => setTimeout(r, 20));
    if (performance.now() - t0 > 120_000) throw new Error('npm start: no health answer within 120 s');
  }
  await ready;
  process.kill(-child.pid, 'SIGINT');
  await exited;
  return elapsed;
}

async function measure(name, fn) {
  const before = load();
  const times = [];
  for (let i = 0; i < runs; i++) times.push(await fn(i));
  const row = { name, median: secs(median(times)), min: secs(Math.min(...times)), max: secs(Math.max(...times)), load: `${before} → ${load()}` };
  console.log(`| ${row.name} | ${row.median} s | ${row.min}–${row.max} s | ${row.load} |`);
  return row;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-startup-'));
fs.chmodSync(tmp, 0o755); // run as root, the embedded PostgreSQL runs as "postgres", which must reach the data folder
try {
  // the builds are made (or found fresh) once before measuring, as after `npm install`
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  console.log(`Start-up, ${runs} runs each, ${os.cpus().length} cores, node ${process.version}\n`);
  console.log('| what | median | min–max | load average (1, 5, 15 min) before → after |');
  console.log('|---|---|---|---|');
  await measure('`palermo --help`', () => help());
  const existing = path.join(tmp, 'existing');
  await start(existing); // creates the data directory: what follows starts on an existing one
  await measure('`npm start` to /api/health, existing data directory', () => start(existing));
  if (!args.includes('--skip-fresh')) await measure('`npm start` to /api/health, fresh data directory', (i) => start(path.join(tmp, `fresh-${i}`)));
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
