import pg from 'pg';
import { sql, type Transaction } from 'kysely';
import type { Database } from './database.ts';

/**
 * LISTEN on PostgreSQL channels over a dedicated connection, for caches that other processes on the same
 * database must be able to invalidate. A pooled connection cannot LISTEN: the pool hands it to other work and
 * may close it. The connection is application_name 'palermo-listen' so an operator (or a test) can tell it apart.
 *
 * The connection can be cut at any moment (PostgreSQL restarting, failover, pg_terminate_backend). An 'error'
 * without a listener would kill the process (a past defect), so every client has one; the listener then reconnects
 * with a growing delay. While it is not listening, `live` is false: notifications sent meanwhile are lost, so a
 * cache must not trust what it holds until `onLive` has run again (it is called after every successful LISTEN).
 */

export const LISTEN_APPLICATION_NAME = 'palermo-listen';

export interface Listener {
  /** True while LISTEN is in effect on an open connection. */
  readonly live: boolean;
  close(): Promise<void>;
}

export interface ListenOptions {
  url: string;
  /** Every channel is LISTENed on the one connection: a cache fed by several modules' changes needs one. */
  channels: readonly string[];
  onNotify: (channel: string, payload: string) => void;
  /** After each successful LISTEN, first or after a reconnect: what was missed meanwhile is unknown. */
  onLive?: () => void;
  /** When the connection is lost (before reconnecting). */
  onLost?: () => void;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
const MAX_DELAY_MS = 5_000;

export function listen(opts: ListenOptions): Listener {
  const bad = opts.channels.find((c) => !CHANNEL.test(c));
  if (bad !== undefined || opts.channels.length === 0) throw new Error(`Bad channel name "${bad ?? ''}"`);
  let live = false;
  let closed = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let delay = 100;

  const lost = (c: pg.Client) => {
    if (client !== c) return; // already handled ('error' and 'end' both come)
    client = null;
    live = false;
    c.removeAllListeners('notification');
    c.end().catch(() => undefined);
    if (closed) return;
    opts.onLost?.();
    schedule();
  };

  const schedule = () => {
    timer = setTimeout(() => void open(), delay);
    // A listener is never the reason a process stays up (the HTTP server or the CLI's work is).
    timer.unref();
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  };

  const open = async () => {
    timer = null;
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.url, application_name: LISTEN_APPLICATION_NAME });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (msg) => {
      if (opts.channels.includes(msg.channel)) opts.onNotify(msg.channel, msg.payload ?? '');
    });
    try {
      await c.connect();
      (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      for (const channel of opts.channels) await c.query(`LISTEN ${channel}`);
    } catch {
      lost(c);
      return;
    }
    if (closed || client !== c) return;
    live = true;
    delay = 100;
    opts.onLive?.();
  };

  void open();
  return {
    get live() {
      return live;
    },
    close: async () => {
      closed = true;
      live = false;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      if (c) await c.end().catch(() => undefined);
    },
  };
}

/** NOTIFY in the caller's transaction: PostgreSQL delivers it only if, and when, the transaction commits. */
export async function notifyInTransaction(trx: Transaction<Database>, channel: string, payload = ''): Promise<void> {
  await sql`SELECT pg_notify(${channel}, ${payload})`.execute(trx);
}
