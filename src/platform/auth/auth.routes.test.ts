import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, TEST_PASSWORD, type TestApp } from '../../../test/support/app.ts';
import { THROTTLE } from './accounts.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'officer-fra', ['officer', 'practitioner'], 'FRA');
  await addUser(t, 'admin-one', ['admin'], null);
});
afterAll(() => t.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as never, headers });

describe('login, session, logout', () => {
  it('logs in, sets an httpOnly SameSite cookie, and /me tells who it is', async () => {
    const res = await post('/api/v1/auth/login', { username: 'Officer-FRA', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'palermo_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json().user).toMatchObject({ username: 'officer-fra', state: 'FRA', roles: ['officer', 'practitioner'] });
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `palermo_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ authenticated: true, user: { username: 'officer-fra' } });
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
  });

  it('stores only a hash of the session token', async () => {
    const s = await login(t.app, 'officer-fra');
    const raw = s.cookie.split('=')[1]!;
    const rows = await t.database.db.selectFrom('sessions').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === raw)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('anonymous /me says not authenticated', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).json()).toEqual({ authenticated: false });
  });

  it('a wrong password or unknown user gets the same 401, and both are audited', async () => {
    const wrong = await post('/api/v1/auth/login', { username: 'admin-one', password: 'not the password' });
    const unknown = await post('/api/v1/auth/login', { username: 'nobody-here', password: 'whatever it is' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
    const failures = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'auth.login').where('outcome', '=', 'failure').execute();
    // the typed name of an account that does not exist may be a password: it is not kept
    expect(failures.map((f) => f.details.username)).toEqual(expect.arrayContaining(['admin-one', '(unknown account)']));
    expect(JSON.stringify(failures)).not.toContain('nobody-here');
  });

  it('rejects a malformed login body with the field named', async () => {
    const res = await post('/api/v1/auth/login', { username: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['body.username', 'body.password']));
    const notJson = await post('/api/v1/auth/login', '{"username":', { 'content-type': 'application/json' });
    expect(notJson.statusCode).toBe(400);
  });

  it('refuses an oversized body with 413 and a clear message', async () => {
    const res = await post('/api/v1/auth/login', { username: 'x', password: 'y'.repeat(1_100_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/larger than the limit/);
  });

  it('logout ends the session', async () => {
    const s = await login(t.app, 'officer-fra');
    expect((await as(t.app, s, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await as(t.app, s, 'GET', '/api/v1/me')).json()).toEqual({ authenticated: false });
  });
});

describe('CSRF and cross-site requests', () => {
  it('refuses a state-changing request from a session without the CSRF header', async () => {
    const s = await login(t.app, 'admin-one');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/users',
      headers: { cookie: s.cookie },
      payload: { username: 'csrf-victim', displayName: 'x', password: 'a long enough password', roles: [] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toMatch(/x-csrf-token/);
    expect(await t.database.db.selectFrom('users').select('id').where('username', '=', 'csrf-victim').executeTakeFirst()).toBeUndefined();
    const wrong = await as(t.app, { ...s, csrf: 'forged' }, 'POST', '/api/v1/auth/logout');
    expect(wrong.statusCode).toBe(403);
  });

  it('refuses a request whose Origin is another site', async () => {
    const res = await post('/api/v1/auth/login', { username: 'admin-one', password: TEST_PASSWORD }, { origin: 'https://evil.example', host: 'palermo.example' });
    expect(res.statusCode).toBe(403);
    const same = await post('/api/v1/auth/login', { username: 'admin-one', password: TEST_PASSWORD }, { origin: 'https://palermo.example', host: 'palermo.example' });
    expect(same.statusCode).toBe(200);
  });
});

describe('login throttling', () => {
  it(`after ${THROTTLE.pair.free} failures from one address, the next attempt there waits, even with the right password`, async () => {
    await addUser(t, 'throttled', ['practitioner'], 'ITA');
    for (let i = 0; i < THROTTLE.pair.free; i++) {
      expect((await post('/api/v1/auth/login', { username: 'throttled', password: `wrong ${i}` })).statusCode).toBe(401);
    }
    const res = await post('/api/v1/auth/login', { username: 'throttled', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json().error).toMatchObject({ code: 'too_many_requests', message: 'Too many failed logins; try again in 1 second' });
    // another user is not affected
    expect((await post('/api/v1/auth/login', { username: 'officer-fra', password: TEST_PASSWORD })).statusCode).toBe(200);
  });
});

describe('account administration', () => {
  it('an administrator creates an account, changes its roles, disables it; each step is audited', async () => {
    const admin = await login(t.app, 'admin-one');
    const created = await as(t.app, admin, 'POST', '/api/v1/admin/users', {
      username: 'new-focal',
      displayName: 'New focal point',
      password: 'a long enough password',
      roles: ['focal_point'],
      state: 'mex',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'new-focal', state: 'MEX', roles: ['focal_point'] });
    const id = created.json().id as string;
    const focal = await login(t.app, 'new-focal', 'a long enough password');

    const roles = await as(t.app, admin, 'PATCH', `/api/v1/admin/users/${id}`, { roles: ['focal_point', 'practitioner'] });
    expect(roles.json().roles).toEqual(['focal_point', 'practitioner']);
    const disabled = await as(t.app, admin, 'PATCH', `/api/v1/admin/users/${id}`, { disabled: true });
    expect(disabled.json().disabled).toBe(true);
    // disabling ends the person's sessions and refuses new logins
    expect((await as(t.app, focal, 'GET', '/api/v1/me')).json()).toEqual({ authenticated: false });
    expect((await post('/api/v1/auth/login', { username: 'new-focal', password: 'a long enough password' })).statusCode).toBe(401);

    const log = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', id).orderBy('seq').execute();
    expect(log.map((l) => l.action)).toEqual(['user.create', 'user.roles', 'user.disable']);
    expect(log[1]!.details).toMatchObject({ from: ['focal_point'], to: ['focal_point', 'practitioner'] });
  });

  it('rejects bad account input with the field named, and creates nothing', async () => {
    const admin = await login(t.app, 'admin-one');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ username: 'ok-name', displayName: 'x', password: 'short', roles: [] }, 'password'],
      [{ username: 'ok-name', displayName: 'x', password: 'a long enough password', roles: ['officer'] }, 'state'],
      [{ username: 'ok-name', displayName: 'x', password: 'a long enough password', roles: ['officer'], state: 'ZZZ' }, 'state'],
      [{ username: 'ok-name', displayName: 'x', password: 'a long enough password', roles: ['king'] }, 'body.roles.0'],
      [{ username: 'Bad Name!', displayName: 'x', password: 'a long enough password', roles: [] }, 'username'],
      [{ username: 'ok-name', displayName: 'x', password: 'a long enough password', roles: [], state: 'FRANCE' }, 'body.state'],
    ];
    for (const [payload, path] of cases) {
      const res = await as(t.app, admin, 'POST', '/api/v1/admin/users', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.issues[0].path).toBe(path);
    }
    expect(await t.database.db.selectFrom('users').select('id').where('username', '=', 'ok-name').executeTakeFirst()).toBeUndefined();
    const dup = await as(t.app, admin, 'POST', '/api/v1/admin/users', { username: 'admin-one', displayName: 'x', password: 'a long enough password', roles: [] });
    expect(dup.statusCode).toBe(409);
  });

  it('stores passwords as Argon2id hashes', async () => {
    const row = await t.database.db.selectFrom('users').select('password_hash').where('username', '=', 'admin-one').executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });
});
