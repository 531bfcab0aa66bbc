import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';

/**
 * The embedded server's postmaster as a supervised child process. If it dies while we did not ask it to
 * stop (killed by the OOM killer or an operator, a crash), it is started again on the same data directory
 * and the same port: the lock file and the connection strings handed out stay valid, so the application's
 * pool and other palermo commands reconnect on their own; in between, requests get a 503. PostgreSQL's
 * crash recovery replays the WAL, so no committed transaction is lost.
 */

export interface PostgresProcessOptions {
  postgres: string;
  clusterDir: string;
  port: number;
  /** OS user to run as (when we are root). */
  ids: { uid?: number; gid?: number };
  /** A connection string to check that the server accepts connections. */
  readyUrl: string;
  onLog?: (text: string) => void;
  /** One line per event the operator should know about (an unexpected exit and the restart). */
  notice: (line: string) => void;
  /** Builds the error thrown when the first start fails. */
  startError: (message: string) => Error;
}

export interface PostgresProcess {
  /** Fast shutdown (rolls back open transactions, checkpoints, exits); no restart afterwards. */
  stop(): Promise<void>;
  /** The current postmaster's pid (changes with each restart). */
  pid(): number | undefined;
}

const RESTART_DELAYS_MS = [200, 500, 1000, 2000, 5000];

/** PostgreSQL is usually ready 100–200 ms after launch: poll often, as every CLI command waits for it. */
const READY_POLL_MS = 20;

async function waitReady(url: string, child: ChildProcess, fail: (why: string) => Error): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw fail('PostgreSQL exited during start-up');
    const client = new pg.Client({ connectionString: url });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw fail('PostgreSQL did not accept connections within 60 s');
      await new Promise((r) => setTimeout(r, READY_POLL_MS));
    }
  }
}

export async function startPostgres(o: PostgresProcessOptions): Promise<PostgresProcess> {
  let logText = '';
  let stopping = false;
  // Only a server that was up and is not being restarted already is restarted when it exits.
  let state: 'starting' | 'running' | 'restarting' = 'starting';
  let child: ChildProcess;
  let exited: Promise<void>;

  const launch = () => {
    const c = spawn(
      o.postgres,
      ['-D', o.clusterDir, '-p', String(o.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Own process group: a terminal's Ctrl-C reaches only us, and we stop the server after the app.
      { ...o.ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      logText = (logText + text).slice(-20_000);
      o.onLog?.(text);
    };
    c.stdout?.on('data', onData);
    c.stderr?.on('data', onData);
    child = c;
    exited = new Promise<void>((resolve) => c.once('exit', () => resolve()));
    c.once('exit', (code, signal) => {
      if (!stopping && state === 'running' && child === c) void restart(signal ? `killed by ${signal}` : `exit code ${code}`);
    });
    return c;
  };

  const restart = async (why: string) => {
    state = 'restarting';
    o.notice(`PostgreSQL stopped unexpectedly (${why}); restarting it on port ${o.port}.`);
    // Backends of the dead postmaster may hold its shared memory for a moment (they exit as soon as they
    // notice), and the port may linger: the new postmaster refuses to start until then, so try again.
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((r) => setTimeout(r, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]));
      if (stopping) return;
      const c = launch();
      try {
        await waitReady(o.readyUrl, c, (m) => new Error(m));
        o.notice(`PostgreSQL is running again on port ${o.port}.`);
        state = 'running';
        return;
      } catch (err) {
        if (attempt === 4) o.notice(`PostgreSQL does not start again yet (${(err as Error).message}); still trying:\n${logText.slice(-2000)}`);
        if (c.exitCode === null && c.signalCode === null) c.kill('SIGQUIT');
      }
    }
  };

  const first = launch();
  await waitReady(o.readyUrl, first, (m) => o.startError(`${m}:\n${logText}`));
  state = 'running';

  let stopped: Promise<void> | null = null;
  return {
    pid: () => child.pid,
    stop: () => {
      stopped ??= (async () => {
        stopping = true;
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGINT'); // "fast" shutdown
          const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
          await exited;
          clearTimeout(timer);
        }
      })();
      return stopped;
    },
  };
}
