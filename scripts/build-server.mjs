// The server build: TypeScript's compiler (tsconfig.build.json) turns src/ into dist/server/, which
// bin/palermo.js runs with plain node. `ensureServerBuild` rebuilds only when a file the last build read has
// changed (scripts/build-stamp.mjs). Run directly (`node scripts/build-server.mjs [--force]`) it does the same.
//
// Why a rebuild rather than falling back to tsx when the sources are newer: what runs is then always the
// compiled output — the thing users run and the CLI tests test — never a second way of loading the code; the
// build is a transpile (noCheck: types are checked by `npm run typecheck` and the editor) and incremental, paid
// once per edit rather than on every command as tsx's loading was.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT, isStale, relativeInput, writeStamp } from './build-stamp.mjs';

export const SERVER_DIR = path.join(ROOT, 'dist/server');
export const SERVER_STAMP = path.join(SERVER_DIR, '.build-stamp.json');
export const SERVER_ENTRY = path.join(SERVER_DIR, 'cli/main.js');
const LOCK_DIR = path.join(ROOT, 'dist/.server-build.lock');
const CONFIGS = ['tsconfig.build.json', 'tsconfig.json', 'package.json'];

export function serverBuildIsStale() {
  return isStale(SERVER_STAMP);
}

/**
 * Builds the server when its stamp says so (or always, with force). `notice` is written to stderr before a
 * build starts. Several processes may ask at once (parallel CLI tests, two terminals): one builds under a lock
 * directory, the others wait for it and then find the build fresh.
 */
export function ensureServerBuild({ force = false, notice } = {}) {
  if (!force && !serverBuildIsStale()) return false;
  return withLock(() => {
    if (!force && !serverBuildIsStale()) return false; // built by the process we waited for
    if (notice) process.stderr.write(notice);
    buildServer();
    return true;
  });
}

function buildServer() {
  const started = Date.now();
  fs.rmSync(SERVER_STAMP, { force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // --listFiles names every file of the program: the stamp's inputs are exactly what the build read
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--listFiles'], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = (r.stdout ?? '').split('\n');
  if (r.status !== 0) {
    process.stderr.write(lines.filter((l) => l && !path.isAbsolute(l)).join('\n') + '\n');
    throw new Error(`the server build (tsc -p tsconfig.build.json) failed with status ${r.status ?? r.signal}`);
  }
  const sources = lines
    .filter((l) => path.isAbsolute(l))
    .map((l) => relativeInput(l))
    .filter((rel) => rel !== null && rel.startsWith('src/'));
  writeStamp(SERVER_STAMP, [...sources, ...CONFIGS], started);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function withLock(fn) {
  fs.mkdirSync(path.dirname(LOCK_DIR), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(LOCK_DIR); // atomic: exactly one process creates it
      fs.writeFileSync(path.join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (holderIsGone()) fs.rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`another server build holds ${LOCK_DIR}`);
      else sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/** A lock left by a process that died (killed mid-build) is taken over; one without a pid yet is being made. */
function holderIsGone() {
  let pid;
  try {
    pid = Number(fs.readFileSync(path.join(LOCK_DIR, 'pid'), 'utf8'));
  } catch {
    try {
      return Date.now() - fs.statSync(LOCK_DIR).mtimeMs > 5_000;
    } catch {
      return false; // released meanwhile: try again
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === 'ESRCH';
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'scripts/build-server.mjs')) {
  ensureServerBuild({ force: process.argv.includes('--force') });
}
