import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { postgresBinaries } from './postgres-binaries.ts';
import { startPostgres } from './postgres-process.ts';

/**
 * A real PostgreSQL server run from the npm-shipped binaries, in `<dataDir>/pg`.
 *
 * One process owns a data directory at a time: it holds `<dataDir>/palermo.lock` (pid and port).
 * Another palermo process on the same directory does not start a second server: it connects to the
 * owner's server (CLI commands) or refuses (a second `serve`). PostgreSQL's own postmaster.pid guards
 * the cluster directory as a second line of defence.
 */

/** A problem starting the embedded server that the operator can act on; shown without a stack trace. */
export class EmbeddedServerError extends Error {}

const DATABASE_NAME = 'palermo';
const SUPERUSER = 'palermo';

export interface LockInfo {
  pid: number;
  port: number;
  purpose: string;
  startedAt: string;
}

export interface EmbeddedHandle {
  /** Connection string of the application database. */
  url: string;
  /** Connection string of the maintenance database (to create/drop databases in tests). */
  adminUrl: string;
  /** true when this process started the server and must stop it. */
  owner: boolean;
  lock: LockInfo;
  stop(): Promise<void>;
}

function credentialsFile(dataDir: string): string {
  return path.join(dataDir, 'pg-credentials.json');
}

function lockFile(dataDir: string): string {
  return path.join(dataDir, 'palermo.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
    return isAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/** Takes the lock atomically (O_EXCL); a lock left by a dead process is removed first. */
function tryTakeLock(dataDir: string, purpose: string): boolean {
  const file = lockFile(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600);
      const info: LockInfo = { pid: process.pid, port: 0, purpose, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (readLock(dataDir)) return false;
      fs.rmSync(file, { force: true });
    }
  }
  return false;
}

function writeLockPort(dataDir: string, port: number, purpose: string): LockInfo {
  const info: LockInfo = { pid: process.pid, port, purpose, startedAt: new Date().toISOString() };
  fs.writeFileSync(lockFile(dataDir), JSON.stringify(info), { mode: 0o600 });
  return info;
}

function releaseLock(dataDir: string): void {
  const info = (() => {
    try {
      return JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
    } catch {
      return null;
    }
  })();
  if (info?.pid === process.pid) fs.rmSync(lockFile(dataDir), { force: true });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

interface Credentials {
  user: string;
  password: string;
}

function readCredentials(dataDir: string): Credentials {
  return JSON.parse(fs.readFileSync(credentialsFile(dataDir), 'utf8')) as Credentials;
}

function urlFor(creds: Credentials, port: number, db: string): string {
  return `postgres://${encodeURIComponent(creds.user)}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/${db}`;
}

/** PostgreSQL refuses to run as root: run it as the `postgres` OS user, creating it if needed. */
function runAsIds(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => {
    const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) } : null;
  };
  let ids = lookup();
  if (!ids) {
    spawnSync('groupadd', ['--system', 'postgres']);
    spawnSync('useradd', ['--system', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    ids = lookup();
  }
  if (!ids) throw new EmbeddedServerError('Running as root, PostgreSQL needs a "postgres" OS user, and creating one failed.');
  return ids;
}

/** Whether the OS user `ids` can reach and use `target` (checked by asking the system, as that user). */
function reachable(ids: { uid?: number; gid?: number }, target: string, mode: '-x' | '-w'): boolean {
  if (ids.uid === undefined) return true;
  return spawnSync('test', [mode, target], { uid: ids.uid, gid: ids.gid }).status === 0;
}

/**
 * The binaries live in node_modules, which the `postgres` user may not reach (a checkout under /root):
 * then run a copy from a world-readable cache directory instead.
 */
async function usableBinaries(ids: { uid?: number; gid?: number }) {
  const bins = await postgresBinaries();
  if (reachable(ids, bins.postgres, '-x')) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'x';
  const cache = path.join(os.tmpdir(), `palermo-postgres-${version}`);
  if (!fs.existsSync(path.join(cache, 'bin', 'postgres'))) {
    fs.rmSync(`${cache}.tmp`, { recursive: true, force: true });
    fs.cpSync(nativeDir, `${cache}.tmp`, { recursive: true, verbatimSymlinks: true });
    fs.renameSync(`${cache}.tmp`, cache);
  }
  const copied = {
    postgres: path.join(cache, 'bin', 'postgres'),
    initdb: path.join(cache, 'bin', 'initdb'),
    pg_ctl: path.join(cache, 'bin', 'pg_ctl'),
  };
  if (!reachable(ids, copied.postgres, '-x')) throw new EmbeddedServerError(`The postgres user cannot run ${copied.postgres}`);
  return copied;
}

function chownTree(dir: string, ids: { uid?: number; gid?: number }): void {
  if (ids.uid === undefined || ids.gid === undefined) return;
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, ids);
    else fs.chownSync(p, ids.uid, ids.gid);
  }
}

function run(cmd: string, args: string[], ids: object): { ok: boolean; output: string } {
  const r = spawnSync(cmd, args, { ...ids, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' } });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

async function initCluster(clusterDir: string, dataDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const { initdb } = await usableBinaries(ids);
  const creds: Credentials = { user: SUPERUSER, password: crypto.randomBytes(24).toString('base64url') };
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  chownTree(clusterDir, ids);
  const pwFile = path.join(os.tmpdir(), `palermo-pw-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  fs.writeFileSync(pwFile, `${creds.password}\n`, { mode: 0o644 });
  try {
    const r = run(
      initdb,
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${creds.user}`, `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C.UTF-8'],
      ids,
    );
    if (!r.ok) throw new EmbeddedServerError(`initdb failed in ${clusterDir}:\n${r.output}`);
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
  fs.writeFileSync(credentialsFile(dataDir), JSON.stringify(creds), { mode: 0o600 });
}

/** A postgres left running by a process that was killed holds postmaster.pid: stop it before starting. */
async function stopOrphan(clusterDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || !isAlive(pid)) return;
  const { pg_ctl } = await usableBinaries(ids);
  run(pg_ctl, ['stop', '-D', clusterDir, '-m', 'fast', '-w', '-t', '30'], ids);
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await client.end();
  }
}

export class DataDirBusyError extends EmbeddedServerError {
  constructor(readonly lock: LockInfo) {
    super(
      `The data directory is in use by another palermo process (pid ${lock.pid}, ${lock.purpose}, since ${lock.startedAt}).`,
    );
  }
}

/**
 * Opens the embedded server for `dataDir`: starts it (initialising on first use) when no other process
 * holds the directory, or returns the running owner's connection when `share` is allowed.
 */
export async function openEmbedded(
  dataDir: string,
  opts: {
    purpose: string;
    share: boolean;
    onLog?: (line: string) => void;
    /** Lines for the operator (a restart of a server that died); standard error by default. */
    notice?: (line: string) => void;
  },
): Promise<EmbeddedHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (!tryTakeLock(dataDir, opts.purpose)) {
    const lock = readLock(dataDir);
    if (!lock) return openEmbedded(dataDir, opts);
    if (!opts.share || lock.port === 0) throw new DataDirBusyError(lock);
    const creds = readCredentials(dataDir);
    return {
      url: urlFor(creds, lock.port, DATABASE_NAME),
      adminUrl: urlFor(creds, lock.port, 'postgres'),
      owner: false,
      lock,
      stop: async () => undefined,
    };
  }

  try {
    const ids = runAsIds();
    const clusterDir = path.join(dataDir, 'pg');
    if (!reachable(ids, dataDir, '-x')) {
      throw new EmbeddedServerError(
        `PostgreSQL runs as the "postgres" user (the server refuses to run as root), and that user cannot reach ${dataDir}. ` +
          'Set PALERMO_DATA_DIR to a directory it can reach (e.g. under /var/lib or /srv), or run Palermo as an ordinary user.',
      );
    }
    if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION')) || !fs.existsSync(credentialsFile(dataDir))) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      await initCluster(clusterDir, dataDir, ids);
    }
    await stopOrphan(clusterDir, ids);
    const { postgres } = await usableBinaries(ids);
    const port = await freePort();
    const creds = readCredentials(dataDir);
    const adminUrl = urlFor(creds, port, 'postgres');
    const server = await startPostgres({
      postgres,
      clusterDir,
      port,
      ids,
      readyUrl: adminUrl,
      onLog: opts.onLog,
      notice: opts.notice ?? ((line) => process.stderr.write(`palermo: ${line}\n`)),
      startError: (message) => new EmbeddedServerError(message),
    });
    try {
      await ensureDatabase(adminUrl);
    } catch (err) {
      await server.stop();
      throw err;
    }
    const lock = writeLockPort(dataDir, port, opts.purpose);

    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= server.stop().then(() => releaseLock(dataDir));
      return stopping;
    };
    return { url: urlFor(creds, port, DATABASE_NAME), adminUrl, owner: true, lock, stop };
  } catch (err) {
    releaseLock(dataDir);
    throw err;
  }
}
