import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addUser, as, createTestApp, login, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import type { TestDatabase } from '../../../test/support/database.ts';
import { loadConfig, type Config } from '../config.ts';
import { buildPalermoApp } from '../../app/server.ts';
import { DEFAULT_RATE_LIMITS, LIMITED_ROUTES, type RateLimits } from './rate-limits.ts';

/** Rate limits (issue #9 item 11), proved on an app whose limits are small; the defaults are checked for coverage. */

const SMALL: RateLimits = {
  perMinute: {
    ...DEFAULT_RATE_LIMITS.perMinute,
    login: { anonymous: 4, user: 4 },
    search: { anonymous: 3, user: 5 },
    export: { anonymous: 2, user: 2 },
  },
  deniedReads: { max: 3, windowMinutes: 10 },
};

let t: TestApp; // default limits: the whole suite runs with these
let db: TestDatabase;
let small: FastifyInstance;
const closers: Array<() => Promise<void>> = [];

async function appWith(config: Partial<Config>): Promise<FastifyInstance> {
  const { app } = await buildPalermoApp({ db: db.db, config: { ...loadConfig({}), dataDir: '/nonexistent', ...config } }, { web: false });
  await app.ready();
  closers.push(() => app.close());
  return app;
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.database;
  small = await appWith({ rateLimits: SMALL });
  await addUser(t, 'limits-one', ['practitioner'], 'FRA');
  await addUser(t, 'limits-two', ['practitioner'], 'FRA');
});
afterAll(async () => {
  for (const close of closers) await close();
  await t.close();
});

const get = (app: FastifyInstance, url: string, from: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, remoteAddress: from, headers });

function expectTooMany(res: Awaited<ReturnType<typeof get>>, windowSeconds = 60) {
  expect(res.statusCode, res.body).toBe(429);
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(windowSeconds);
  expect(res.json()).toEqual({ error: { code: 'too_many_requests', message: expect.stringMatching(/try again in \d+ (seconds?|minutes)/), issues: [] } });
}

describe('the table of limits', () => {
  it('names only routes that exist, so a renamed route cannot silently lose its limit', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    for (const route of Object.keys(LIMITED_ROUTES)) expect(registered, route).toContain(route);
  });

  it('default limits are not reached by ordinary use: 30 searches in a row from one address all answer', async () => {
    for (let i = 0; i < 30; i++) expect((await get(t.app, `/api/v1/search?q=extradition${i}`, '10.20.0.1')).statusCode).toBe(200);
  });
});

describe('anonymous requests are limited per address', () => {
  it('the search beyond the limit gets 429 with Retry-After; another address is unaffected', async () => {
    for (let i = 0; i < SMALL.perMinute.search.anonymous; i++) expect((await get(small, '/api/v1/search?q=a', '10.21.0.1')).statusCode).toBe(200);
    expectTooMany(await get(small, '/api/v1/search?q=a', '10.21.0.1'));
    expect((await get(small, '/api/v1/search?q=a', '10.21.0.2')).statusCode).toBe(200);
  });

  it('exports are limited too', async () => {
    for (let i = 0; i < SMALL.perMinute.export.anonymous; i++) expect((await get(small, '/api/v1/export', '10.21.1.1')).statusCode).toBe(200);
    expectTooMany(await get(small, '/api/v1/export', '10.21.1.1'));
  });
});

describe('logged-in requests are limited per account', () => {
  it('one account over its limit does not affect another account at the same address', async () => {
    const one = await small.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'limits-one', password: TEST_PASSWORD }, remoteAddress: '10.22.0.1' });
    const two = await small.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'limits-two', password: TEST_PASSWORD }, remoteAddress: '10.22.0.1' });
    const cookie = (r: typeof one) => `palermo_session=${r.cookies.find((c) => c.name === 'palermo_session')!.value}`;
    for (let i = 0; i < SMALL.perMinute.export.user; i++) expect((await get(small, '/api/v1/export', '10.22.0.1', { cookie: cookie(one) })).statusCode).toBe(200);
    expectTooMany(await get(small, '/api/v1/export', '10.22.0.1', { cookie: cookie(one) }));
    expect((await get(small, '/api/v1/export', '10.22.0.1', { cookie: cookie(two) })).statusCode).toBe(200);
  });
});

describe('the login is limited per address', () => {
  it('beyond the limit even the right password waits; another address logs in', async () => {
    const post = (from: string) =>
      small.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'limits-two', password: TEST_PASSWORD }, remoteAddress: from });
    for (let i = 0; i < SMALL.perMinute.login.anonymous; i++) expect((await post('10.23.0.1')).statusCode).toBe(200);
    expectTooMany(await post('10.23.0.1'));
    expect((await post('10.23.0.2')).statusCode).toBe(200);
  });
});

describe('repeated denied reads of confidential material', () => {
  it('after the threshold of refusals the next read gets 429 and writes no audit entry; another person is unaffected', async () => {
    const auditCount = async () => Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const one = await login(small, 'limits-one');
    const two = await login(small, 'limits-two');
    const someDraft = () => `/api/v1/drafting/drafts/${crypto.randomUUID()}`;
    for (let i = 0; i < SMALL.deniedReads.max; i++) expect((await as(small, one, 'GET', someDraft())).statusCode).toBe(404);
    const before = await auditCount();
    const window = SMALL.deniedReads.windowMinutes * 60;
    expectTooMany(await as(small, one, 'GET', someDraft()), window);
    expect(await auditCount()).toBe(before);
    // the refusals counted on drafts also hold on the other audited routes
    expectTooMany(await as(small, one, 'GET', '/api/v1/directory/authorities/00000000-0000-0000-0000-000000000000'), window);
    // another person is not affected, nor this person's use of routes that read nothing confidential
    expect((await as(small, two, 'GET', someDraft())).statusCode).toBe(404);
    expect((await as(small, one, 'GET', '/api/v1/me/notifications')).statusCode).toBe(200);
  });
});

describe('repeated refusals by role', () => {
  it('are bounded like denied reads: past the threshold 429 and no new audit entry, on any route', async () => {
    const auditCount = async () => Number((await db.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    await addUser(t, 'limits-three', ['practitioner'], 'FRA');
    const three = await login(small, 'limits-three');
    for (let i = 0; i < SMALL.deniedReads.max; i++) expect((await as(small, three, 'GET', '/api/v1/admin/users')).statusCode).toBe(403);
    const before = await auditCount();
    expectTooMany(await as(small, three, 'GET', '/api/v1/admin/users'), SMALL.deniedReads.windowMinutes * 60);
    expect(await auditCount()).toBe(before);
  });
});

describe('PALERMO_TRUST_PROXY: the address the throttle sees', () => {
  const fail = (app: FastifyInstance, from: string, forwardedFor: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'limits-one', password: 'not the password' },
      remoteAddress: from,
      headers: { 'x-forwarded-for': forwardedFor },
    });

  it('by default X-Forwarded-For is ignored: a client cannot escape the throttle by inventing addresses', async () => {
    for (let i = 0; i < 5; i++) expect((await fail(t.app, '10.30.0.1', `203.0.113.${i}`)).statusCode).toBe(401);
    expect((await fail(t.app, '10.30.0.1', '203.0.113.99')).statusCode).toBe(429);
  });

  for (const [setting, trustProxy] of [
    ['1', 1],
    ['10.31.0.0/16', ['10.31.0.0/16']],
  ] as const) {
    it(`with PALERMO_TRUST_PROXY=${setting} the forwarded address is the client's`, async () => {
      expect(loadConfig({ PALERMO_TRUST_PROXY: setting }).trustProxy).toEqual(trustProxy);
      const behindProxy = await appWith({ trustProxy: loadConfig({ PALERMO_TRUST_PROXY: setting }).trustProxy });
      const proxy = '10.31.0.1';
      const attacker = setting === '1' ? '198.51.100.1' : '198.51.100.2';
      for (let i = 0; i < 5; i++) expect((await fail(behindProxy, proxy, attacker)).statusCode).toBe(401);
      expect((await fail(behindProxy, proxy, attacker)).statusCode).toBe(429);
      // another client behind the same proxy is a different address
      const other = await behindProxy.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'limits-one', password: TEST_PASSWORD },
        remoteAddress: proxy,
        headers: { 'x-forwarded-for': setting === '1' ? '198.51.100.77' : '198.51.100.78' },
      });
      expect(other.statusCode).toBe(200);
      const last = await db.db.selectFrom('audit_log').select('ip').where('action', '=', 'auth.login').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last.ip).toBe(setting === '1' ? '198.51.100.77' : '198.51.100.78');
    });
  }

  it('an unreadable setting stops the start with a message naming it', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ PALERMO_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ PALERMO_TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ PALERMO_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ PALERMO_TRUST_PROXY: '10.0.0.1, fd00::/8' }).trustProxy).toEqual(['10.0.0.1', 'fd00::/8']);
    for (const bad of ['proxy.example', '10.0.0.0/33', '10.0.0.1,,nonsense']) {
      expect(() => loadConfig({ PALERMO_TRUST_PROXY: bad })).toThrow(/PALERMO_TRUST_PROXY/);
    }
  });
});
