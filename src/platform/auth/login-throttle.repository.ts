import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import './accounts.tables.ts';

/** All SQL for login throttling, known devices and known addresses. */

type Conn = Db | Transaction<Database>;

export interface ThrottleRule {
  /** Attempts allowed without any wait. */
  free: number;
  /** The wait never grows past this. */
  maxDelaySeconds: number;
  /** A counter untouched this long starts again from zero. */
  resetMinutes: number;
}

/** The wait before the next attempt once `attempts` have been made: 1 s, 2 s, 4 s … after the free ones. */
const delaySql = (attempts: unknown, rule: ThrottleRule) =>
  sql`make_interval(secs => least(power(2, least(${attempts} - ${rule.free}, 30)), ${rule.maxDelaySeconds}))`;

/**
 * Counts one attempt under `key` unless it must still wait; returns whether it was counted. One
 * statement: the row lock taken by ON CONFLICT makes parallel attempts see each other's counts.
 */
export async function countAttempt(db: Conn, key: string, rule: ThrottleRule): Promise<boolean> {
  const stale = sql<boolean>`t.last_at < now() - make_interval(mins => ${rule.resetMinutes})`;
  const row = await sql<{ attempts: number }>`
    INSERT INTO login_throttle AS t (key, attempts, last_at) VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE
      SET attempts = CASE WHEN ${stale} THEN 1 ELSE t.attempts + 1 END, last_at = now()
      WHERE ${stale} OR t.attempts < ${rule.free} OR now() >= t.last_at + ${delaySql(sql.ref('t.attempts'), rule)}
    RETURNING attempts`.execute(db);
  return row.rows.length > 0;
}

/** Seconds until `key` accepts an attempt again (at least 1). */
export async function secondsToWait(db: Conn, key: string, rule: ThrottleRule): Promise<number> {
  const row = await sql<{ s: number }>`
    SELECT ceil(extract(epoch FROM (t.last_at + ${delaySql(sql.ref('t.attempts'), rule)} - now())))::int AS s
    FROM login_throttle t WHERE t.key = ${key}`.execute(db);
  return Math.max(1, Number(row.rows[0]?.s ?? 1));
}

export function clearKey(db: Conn, key: string) {
  return db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Locks the counters in byte order, the order every writer takes them in, so that no two wait in a cycle. */
export async function lockInOrder(db: Conn, keys: string[]) {
  if (keys.length === 0) return;
  await sql`SELECT key FROM login_throttle WHERE key IN (${sql.join(keys)}) ORDER BY key COLLATE "C" FOR UPDATE`.execute(db);
}

/** Takes back one counted attempt under each key (it was not a failure). */
export async function uncount(db: Conn, keys: string[]) {
  if (keys.length === 0) return;
  await db.deleteFrom('login_throttle').where('key', 'in', keys).where('attempts', '<=', 1).execute();
  await db.updateTable('login_throttle').set({ attempts: sql<number>`attempts - 1` }).where('key', 'in', keys).execute();
}

/**
 * Counters nobody touched for a day or more: housekeeping, so the table does not grow without bound.
 * Rows another login holds are skipped (SKIP LOCKED), so this never waits for, nor blocks, a login.
 */
export function deleteStaleCounters(db: Conn, olderThanMinutes: number) {
  return sql`DELETE FROM login_throttle WHERE key IN (
    SELECT key FROM login_throttle WHERE last_at < now() - make_interval(mins => ${olderThanMinutes}) FOR UPDATE SKIP LOCKED)`.execute(db);
}

export async function deviceOwner(db: Conn, tokenHash: string): Promise<string | null> {
  const row = await db.selectFrom('login_devices').select('user_id').where('token_hash', '=', tokenHash).executeTakeFirst();
  return row?.user_id ?? null;
}

export async function isKnownAddress(db: Conn, userId: string, ip: string, withinDays: number): Promise<boolean> {
  const row = await db
    .selectFrom('login_addresses')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('ip', '=', ip)
    .where('last_at', '>', sql<Date>`now() - make_interval(days => ${withinDays})`)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * How many known devices and addresses an account keeps (the most recently used): scripts that log in
 * without keeping cookies would otherwise add a device at every login.
 */
export const KEPT_PER_ACCOUNT = 20;

export async function rememberAddress(db: Conn, userId: string, ip: string) {
  await db
    .insertInto('login_addresses')
    .values({ user_id: userId, ip })
    .onConflict((oc) => oc.columns(['user_id', 'ip']).doUpdateSet({ last_at: sql<Date>`now()` }))
    .execute();
  await sql`DELETE FROM login_addresses WHERE user_id = ${userId} AND ip NOT IN (
    SELECT ip FROM login_addresses WHERE user_id = ${userId} ORDER BY last_at DESC LIMIT ${KEPT_PER_ACCOUNT})`.execute(db);
}

export async function rememberDevice(db: Conn, tokenHash: string, userId: string) {
  await db
    .insertInto('login_devices')
    .values({ token_hash: tokenHash, user_id: userId })
    .onConflict((oc) => oc.column('token_hash').doUpdateSet({ last_used_at: sql<Date>`now()` }))
    .execute();
  await sql`DELETE FROM login_devices WHERE user_id = ${userId} AND token_hash NOT IN (
    SELECT token_hash FROM login_devices WHERE user_id = ${userId} ORDER BY last_used_at DESC LIMIT ${KEPT_PER_ACCOUNT})`.execute(db);
}
