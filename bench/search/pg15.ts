import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway Debian PostgreSQL 15 server on loopback, as .ci/run starts one: initdb in a temporary
 * directory, pg_ctl start, and pg_ctl stop + removal when the benchmark ends (also on Ctrl-C).
 */

const PGBIN = '/usr/lib/postgresql/15/bin';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

function asPostgres(cmd: string, args: string[]) {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stdout}${r.stderr}`);
}

export interface Pg15Server {
  url: string;
  stop(): void;
}

export async function startPg15(dir?: string): Promise<Pg15Server> {
  if (!fs.existsSync(`${PGBIN}/postgres`)) throw new Error(`No PostgreSQL 15 at ${PGBIN} (apt-get install postgresql-15)`);
  const root = process.getuid?.() === 0;
  if (root && spawnSync('id', ['postgres']).status !== 0) spawnSync('useradd', ['--system', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
  const base = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-bench-pg15-'));
  const data = path.join(base, 'data');
  const pwFile = path.join(base, 'pw');
  fs.mkdirSync(base, { recursive: true });
  if (root) spawnSync('chown', ['postgres', base]);
  fs.chmodSync(base, 0o700);
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    fs.writeFileSync(pwFile, `${crypto.randomBytes(18).toString('base64url')}\n`, { mode: 0o644 });
    if (root) spawnSync('chown', ['postgres', pwFile]);
    asPostgres(`${PGBIN}/initdb`, ['-D', data, '-U', 'palermo', `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  const password = fs.readFileSync(pwFile, 'utf8').trim();
  const port = await freePort();
  asPostgres(`${PGBIN}/pg_ctl`, ['-D', data, '-l', path.join(base, 'server.log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=''`, 'start']);
  let stopped = false;
  return {
    url: `postgres://palermo:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        asPostgres(`${PGBIN}/pg_ctl`, ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        if (!dir) fs.rmSync(base, { recursive: true, force: true });
      }
    },
  };
}
