import crypto from 'node:crypto';
import type { Db } from '../db/database.ts';
import * as repo from './login-throttle.repository.ts';
import type { ThrottleRule } from './login-throttle.repository.ts';

/**
 * Login throttling. Each attempt is counted — before the password is verified, in one transaction,
 * all or nothing — under several keys, each with a free allowance and then an exponentially growing
 * wait (1 s, 2 s, 4 s … capped at 15 minutes):
 *
 *  * (account, address) — or (account, device) when the browser carries this account's device
 *    cookie: the tight limit. The right password from elsewhere is never slowed by it.
 *  * address alone, across accounts: looser, so one address spraying many accounts slows down.
 *  * account alone, across addresses: looser, so a distributed guess slows down too.
 *
 * The holder of an account is not slowed by what others caused: from a device where the account
 * logged in before only the (account, device) key applies; from an address where it logged in before
 * the account-wide and address-wide keys do not apply. Nothing is ever a hard lock: the wait passes.
 */
const MAX_DELAY_SECONDS = 15 * 60;
export const THROTTLE = {
  pair: { free: 5, maxDelaySeconds: MAX_DELAY_SECONDS, resetMinutes: 24 * 60 },
  address: { free: 30, maxDelaySeconds: MAX_DELAY_SECONDS, resetMinutes: 60 },
  account: { free: 20, maxDelaySeconds: MAX_DELAY_SECONDS, resetMinutes: 60 },
  /** An address counts as known this long after the account last logged in from it. */
  knownAddressDays: 180,
} as const satisfies Record<string, ThrottleRule | number>;

export const DEVICE_COOKIE = 'palermo_device';
export const DEVICE_COOKIE_DAYS = 365;

/** Keys are stored hashed: a typed "user name" may be someone's password. */
const key = (...parts: string[]) => crypto.createHash('sha256').update(parts.join('\u0000')).digest('hex');
export const hashDeviceToken = (token: string) => crypto.createHash('sha256').update(`device\u0000${token}`).digest('hex');

export interface LoginContext {
  username: string;
  ip: string;
  /** The hash of a device cookie that belongs to this very account, if the browser sent one. */
  knownDevice: string | null;
  knownAddress: boolean;
}

interface Keyed {
  key: string;
  rule: ThrottleRule;
}

function keysFor(c: LoginContext): Keyed[] {
  if (c.knownDevice) return [{ key: key('device', c.username, c.knownDevice), rule: THROTTLE.pair }];
  const keys: Keyed[] = [{ key: key('pair', c.username, c.ip), rule: THROTTLE.pair }];
  if (!c.knownAddress) {
    keys.push({ key: key('address', c.ip), rule: THROTTLE.address }, { key: key('account', c.username), rule: THROTTLE.account });
  }
  // One order (bytes, as COLLATE "C") for every writer, so two transactions never wait for each other in a cycle.
  return keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export type Reservation = { ok: true; pairKey: string; looseKeys: string[] } | { ok: false; retryAfterSeconds: number };

/**
 * Counts this attempt under every key, or under none when one of them says "wait"; in the latter
 * case returns how long. Runs before the password is verified, so N parallel guesses see N counts.
 */
export async function reserveAttempt(db: Db, c: LoginContext): Promise<Reservation> {
  const keys = keysFor(c);
  const refusal = new Error('throttled');
  let retryAfterSeconds = 0;
  try {
    await db.transaction().execute(async (trx) => {
      for (const k of keys) {
        if (await repo.countAttempt(trx, k.key, k.rule)) continue;
        retryAfterSeconds = await repo.secondsToWait(trx, k.key, k.rule);
        throw refusal; // roll back the counts already made: a refused attempt counts nowhere
      }
    });
  } catch (err) {
    if (err !== refusal) throw err;
    return { ok: false, retryAfterSeconds };
  }
  return {
    ok: true,
    pairKey: keys.find((k) => k.rule === THROTTLE.pair)!.key,
    looseKeys: keys.filter((k) => k.rule !== THROTTLE.pair).map((k) => k.key),
  };
}

/**
 * After the right password: the (account, address or device) counter starts again, and this attempt
 * is taken back from the looser counters, which therefore count failures. Their failures stay: else
 * a guesser who knows one account's password could wipe the count of an address spraying others.
 */
export async function loginSucceeded(db: Parameters<typeof repo.clearKey>[0], r: Extract<Reservation, { ok: true }>) {
  await repo.lockInOrder(db, [r.pairKey, ...r.looseKeys]);
  await repo.clearKey(db, r.pairKey);
  await repo.uncount(db, r.looseKeys);
  await repo.deleteStaleCounters(db, THROTTLE.pair.resetMinutes);
}
