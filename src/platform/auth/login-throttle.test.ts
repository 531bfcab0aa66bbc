import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';

/**
 * Login throttling (issue #9 items 6, 7 and 11): attempts are counted atomically before the password is
 * verified; the throttle is per (account, address) with an exponential delay, so nobody can lock
 * another person out, and failed logins for names that are not accounts do not keep the typed text.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const attempt = (username: string, password: string, from: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: from, headers });

async function loginAudit(username: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['outcome', 'details', 'ip'])
    .where('action', '=', 'auth.login')
    .where(sql<boolean>`details->>'username' = ${username}`)
    .execute();
}

describe('counting attempts before verifying (parallel guesses)', () => {
  it('25 simultaneous wrong passwords for one account: only the free 5 are checked, the rest get 429 with Retry-After', async () => {
    await addUser(t, 'parallel-target', ['practitioner'], 'ITA');
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => attempt('parallel-target', `wrong guess ${i}`, '10.0.0.1')));
    const elapsed = (Date.now() - started) / 1000;
    const codes = results.map((r) => r.statusCode);
    expect(codes.every((c) => c === 401 || c === 429)).toBe(true);
    for (const r of results.filter((x) => x.statusCode === 429)) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      expect(r.json().error.code).toBe('too_many_requests');
    }
    // After the free 5, the waits are 1 s, 2 s, 4 s …: within `elapsed` seconds at most log2(elapsed + 1)
    // more attempts can have become due (a loaded machine takes a few seconds for 25 logins).
    const allowed = 5 + Math.floor(Math.log2(elapsed + 1));
    const rows = await loginAudit('parallel-target');
    const verified = rows.filter((r) => r.outcome === 'failure').length;
    expect(verified).toBe(codes.filter((c) => c === 401).length);
    expect(verified).toBeGreaterThanOrEqual(5);
    expect(verified).toBeLessThanOrEqual(allowed);
    expect(rows.filter((r) => r.details.reason === 'throttled').length).toBe(25 - verified);
  });
});

describe('parallel logins, right and wrong, of one account from two addresses', () => {
  it('never fail with a server error (counters are locked in one order)', async () => {
    await addUser(t, 'busy-account', ['practitioner'], 'ITA');
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => attempt('busy-account', i % 2 ? TEST_PASSWORD : `wrong ${i}`, `10.8.0.${i % 3}`)),
    );
    expect(results.map((r) => r.statusCode).filter((c) => ![200, 401, 429].includes(c))).toEqual([]);
    expect(results.some((r) => r.statusCode === 200)).toBe(true);
  });
});

describe('nobody can lock another person out', () => {
  it('an attacker failing 30 times at address A does not stop the user logging in from address B at once', async () => {
    await addUser(t, 'victim-one', ['practitioner'], 'ITA');
    for (let i = 0; i < 30; i++) await attempt('victim-one', `guess ${i}`, '10.1.0.1');
    expect((await attempt('victim-one', TEST_PASSWORD, '10.1.0.2')).statusCode).toBe(200);
  });

  it('the attacker at A is delayed exponentially: the wait grows with each failure made after it', async () => {
    await addUser(t, 'victim-two', ['practitioner'], 'ITA');
    const A = '10.2.0.1';
    for (let i = 0; i < 5; i++) expect((await attempt('victim-two', `guess ${i}`, A)).statusCode).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 4; round++) {
      const refused = await attempt('victim-two', 'guess again', A);
      expect(refused.statusCode).toBe(429);
      waits.push(Number(refused.headers['retry-after']));
      // Let the wait pass (moving the last attempt back in time instead of sleeping), then fail once more.
      await sql`UPDATE login_throttle SET last_at = last_at - make_interval(secs => ${waits.at(-1)! + 1})`.execute(t.database.db);
      expect((await attempt('victim-two', 'guess after waiting', A)).statusCode).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    // Even the right password waits at A, which is the attacker's address …
    expect((await attempt('victim-two', TEST_PASSWORD, A)).statusCode).toBe(429);
    // … but not anywhere else.
    expect((await attempt('victim-two', TEST_PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('30 failures from one address for many accounts do not block a different address', async () => {
    for (let i = 0; i < 30; i++) await attempt(`sprayed-${i}`, 'Summer2026!', '10.3.0.1');
    await addUser(t, 'bystander', ['practitioner'], 'ITA');
    expect((await attempt('bystander', TEST_PASSWORD, '10.3.0.2')).statusCode).toBe(200);
    // and the spraying address itself is now slowed down for any account it tries
    const more = await attempt('bystander', 'another guess', '10.3.0.1');
    expect(more.statusCode).toBe(429);
  });

  it('a distributed guess is slowed per account, but the account holder gets in from a known address or device', async () => {
    await addUser(t, 'distributed', ['practitioner'], 'ITA');
    // The holder has logged in before: from 10.4.9.9, and on a device that kept the cookie.
    const first = await attempt('distributed', TEST_PASSWORD, '10.4.9.9');
    expect(first.statusCode).toBe(200);
    const device = first.cookies.find((c) => c.name === 'palermo_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // Many addresses, each below its own limit, guess the same account.
    for (let a = 0; a < 10; a++) for (let i = 0; i < 4; i++) await attempt('distributed', `guess ${a}-${i}`, `10.4.1.${a}`);
    // A new address without the device is slowed …
    const fresh = await attempt('distributed', TEST_PASSWORD, '10.4.2.1');
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThan(0);
    // … the known address and the known device are not.
    expect((await attempt('distributed', TEST_PASSWORD, '10.4.9.9')).statusCode).toBe(200);
    const onDevice = await attempt('distributed', TEST_PASSWORD, '10.4.3.1', { cookie: `palermo_device=${device!.value}` });
    expect(onDevice.statusCode).toBe(200);
  });

  it('a device cookie of another account, or a forged one, gives no way round the throttle', async () => {
    await addUser(t, 'device-owner', ['practitioner'], 'ITA');
    await addUser(t, 'device-target', ['practitioner'], 'ITA');
    const own = (await attempt('device-owner', TEST_PASSWORD, '10.5.0.1')).cookies.find((c) => c.name === 'palermo_device')!;
    for (let i = 0; i < 5; i++) await attempt('device-target', `guess ${i}`, '10.5.0.2');
    for (const cookie of [`palermo_device=${own.value}`, 'palermo_device=forged-token']) {
      expect((await attempt('device-target', 'one more guess', '10.5.0.2', { cookie })).statusCode).toBe(429);
    }
  });
});

describe('known devices and addresses', () => {
  it('an account keeps only its most recently used devices and addresses (scripts that drop cookies add one per login)', async () => {
    const user = await addUser(t, 'scripted', ['practitioner'], 'ITA');
    for (let i = 0; i < 23; i++) expect((await attempt('scripted', TEST_PASSWORD, `10.7.0.${i}`)).statusCode).toBe(200);
    const count = async (table: 'login_devices' | 'login_addresses') =>
      (await t.database.db.selectFrom(table).select('user_id').where('user_id', '=', user.id).execute()).length;
    expect(await count('login_devices')).toBe(20);
    expect(await count('login_addresses')).toBe(20);
  });
});

describe('housekeeping', () => {
  it('counters untouched for a day are removed at a successful login; recent ones stay', async () => {
    await t.database.db
      .insertInto('login_throttle')
      .values([
        { key: 'stale-counter', attempts: 9, last_at: new Date(Date.now() - 25 * 3600_000) },
        { key: 'recent-counter', attempts: 9, last_at: new Date() },
      ])
      .execute();
    await addUser(t, 'housekeeper', ['practitioner'], 'ITA');
    expect((await attempt('housekeeper', TEST_PASSWORD, '10.9.0.1')).statusCode).toBe(200);
    const keys = (await t.database.db.selectFrom('login_throttle').select('key').execute()).map((r) => r.key);
    expect(keys).toContain('recent-counter');
    expect(keys).not.toContain('stale-counter');
  });
});

describe('what a failed login leaves in the audit log', () => {
  it('a user name that is not an account is not stored as typed (it may be a password)', async () => {
    const typed = 'MySecretPassw0rd!';
    expect((await attempt(typed, 'whatever', '10.6.0.1')).statusCode).toBe(401);
    const rows = await t.database.db.selectFrom('audit_log').select(['details']).where('action', '=', 'auth.login').execute();
    expect(JSON.stringify(rows)).not.toContain(typed.toLowerCase());
    expect(JSON.stringify(rows)).not.toContain(typed);
    const throttle = await t.database.db.selectFrom('login_throttle').select('key').execute();
    expect(JSON.stringify(throttle)).not.toContain(typed.toLowerCase());
  });

  it('an existing account’s failed login still names the account', async () => {
    await addUser(t, 'named-account', ['practitioner'], 'ITA');
    await attempt('named-account', 'wrong password here', '10.6.0.2');
    expect((await loginAudit('named-account')).map((r) => r.details.reason)).toEqual(['wrong password']);
  });
});
