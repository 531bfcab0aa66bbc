import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../config.ts';
import { palermo } from '../../../test/support/cli.ts';
import { DataDirBusyError, openEmbedded, readLock } from './embedded-server.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-serve-'));
fs.chmodSync(dataDir, 0o755);
const env = { PALERMO_DATA_DIR: dataDir, DATABASE_URL: '', PALERMO_DEMO: '' };
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `palermo serve` as `npm start` does and resolves with its output once it prints its URL. */
function serve(): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  const child = spawn(process.execPath, [path.join(ROOT_DIR, 'bin/palermo.js'), 'serve', '--demo-default', '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /Web UI: +(http:\/\/\S+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, output: () => out, url: m[1]! });
      }
    });
    child.on('exit', () => reject(new Error(`serve exited:\n${out}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code))));
}

describe('npm start on the embedded database', () => {
  let firstPasswords = '';

  it('initialises the database, creates demo accounts and serves the API', async () => {
    const s = await serve();
    expect(s.output()).toMatch(/DEMO MODE/);
    expect(s.output()).toMatch(/demo-officer-fra +demo-\S+/);
    firstPasswords = fs.readFileSync(path.join(dataDir, 'demo-accounts.txt'), 'utf8');
    const health = await fetch(`${s.url}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok' });
    const states = await (await fetch(`${s.url}/api/v1/states?lang=zh`)).json();
    expect(states.total).toBe(198);

    // A second server on the same directory is refused; a CLI command shares the running one.
    const second = palermo(['serve', '--port', '0'], env);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/in use by another palermo process \(pid \d+, palermo serve/);
    const list = palermo(['users', 'list'], env);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/demo-officer-fra +FRA/);
    await expect(openEmbedded(dataDir, { purpose: 'test', share: false })).rejects.toBeInstanceOf(DataDirBusyError);

    // Ctrl-C stops the app and then the database, cleanly.
    const pgPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    s.child.kill('SIGINT');
    expect(await exited(s.child)).toBe(0);
    expect(s.output()).toMatch(/Stopped; the database was shut down cleanly/);
    expect(readLock(dataDir)).toBeNull();
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(() => process.kill(pgPid, 0)).toThrow();
  });

  it('starting again keeps all data and does not recreate demo accounts', async () => {
    const s = await serve();
    expect(s.output()).not.toMatch(/DEMO MODE — demo accounts were created/);
    expect(s.output()).toMatch(/Demo accounts and their passwords: .*demo-accounts\.txt/);
    const user = /demo-admin +(\S+)/.exec(firstPasswords)![1]!;
    const login = await fetch(`${s.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-admin', password: user }),
    });
    expect(login.status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await exited(s.child)).toBe(0);
  });

  it('survives its connections being cut and PostgreSQL being killed: requests get 503, then work again', async () => {
    const s = await serve();
    const lock = readLock(dataDir)!;
    const creds = JSON.parse(fs.readFileSync(path.join(dataDir, 'pg-credentials.json'), 'utf8'));
    const admin = new pg.Client({ host: '127.0.0.1', port: lock.port, user: creds.user, password: creds.password, database: 'postgres' });
    await admin.connect();
    const statuses: number[] = [];
    const burst = () =>
      Promise.all(
        ['/api/v1/states?lang=fr', '/api/health', '/api/v1/search?q=extradition', '/api/v1/instruments'].flatMap((u) =>
          [1, 2, 3].map(() => fetch(`${s.url}${u}`).then((r) => (statuses.push(r.status), r.status))),
        ),
      );
    try {
      // An operator (or a failover) terminates the application's connections, busy or idle, again and again.
      for (let round = 0; round < 6; round++) {
        const pending = burst();
        await new Promise((r) => setTimeout(r, 5 + round * 4));
        await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'palermo' AND pid <> pg_backend_pid()`);
        await pending;
      }
    } finally {
      await admin.end();
    }
    expect(s.child.exitCode).toBeNull();
    expect(statuses.filter((x) => x !== 200 && x !== 503)).toEqual([]);
    expect(await burst()).toEqual(Array(12).fill(200));

    // PostgreSQL itself dies: the owner starts it again on the same port, and requests recover.
    const pgPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pgPid, 'SIGKILL');
    const deadline = Date.now() + 30_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      const codes = await burst();
      recovered = codes.every((c) => c === 200);
      if (!recovered) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(true);
    expect(statuses.filter((x) => x !== 200 && x !== 503)).toEqual([]);
    expect(s.child.exitCode).toBeNull();
    expect(s.output()).toMatch(/PostgreSQL stopped unexpectedly \(killed by SIGKILL\); restarting it on port \d+/);
    expect(readLock(dataDir)?.port).toBe(lock.port);
    // Other palermo commands still find the server through the lock file.
    expect(palermo(['users', 'list'], env).status).toBe(0);

    s.child.kill('SIGINT');
    expect(await exited(s.child)).toBe(0);
    expect(s.output()).toMatch(/Stopped; the database was shut down cleanly/);
  });

  it('a CLI command starts the embedded server for its own duration when nothing runs', () => {
    const r = palermo(['users', 'list', '--json'], env);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((u: { username: string }) => u.username)).toContain('demo-admin');
    expect(readLock(dataDir)).toBeNull();
  });

  it('recovers from a lock left by a process that died', async () => {
    fs.writeFileSync(path.join(dataDir, 'palermo.lock'), JSON.stringify({ pid: 2 ** 22 + 17, port: 1, purpose: 'ghost', startedAt: '' }));
    const h = await openEmbedded(dataDir, { purpose: 'test', share: false });
    expect(h.owner).toBe(true);
    await h.stop();
  });
});
