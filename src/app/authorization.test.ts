import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLIC } from '../platform/auth/policy.ts';
import { ROLES, type Role } from '../platform/auth/roles.ts';
import { buildPalermoApp } from './server.ts';
import { loadConfig } from '../platform/config.ts';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import type { Expect, ModuleAuthz, RouteCall } from '../../test/support/authz.ts';
import { casesAuthz } from '../cases/cases.authz.ts';
import { directoryAuthz } from '../directory/directory.authz.ts';
import { draftingAuthz } from '../drafting/drafting.authz.ts';
import { notificationsAuthz } from '../platform/notifications/notifications.authz.ts';
import { reviewAuthz } from '../review/review.authz.ts';

/**
 * Who may call what in the composed application: the specification, written independently of the policies in
 * the code. Every registered route must appear here, so adding a route without deciding who may call it fails.
 * A module with many routes keeps its part in its own `<module>.authz.ts`, listed here.
 */
const MODULES: ModuleAuthz[] = [directoryAuthz, draftingAuthz, notificationsAuthz, casesAuthz, reviewAuthz];
const PLATFORM_AND_KNOWLEDGE: Record<string, Expect> = {
  'GET /api/health': 'public',
  'GET /api/v1/me': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'authenticated',
  'GET /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users': ['admin'],
  'PATCH /api/v1/admin/users/:id': ['admin'],
  'GET /api/v1/admin/audit': ['admin'],
  'GET /api/v1/admin/audit/verify': ['admin'],
  'GET /api/v1/admin/jobs': ['admin'],
  'GET /api/v1/instruments': 'public',
  'GET /api/v1/instruments/:code': 'public',
  'GET /api/v1/instruments/:code/articles/:article': 'public',
  'GET /api/v1/clusters': 'public',
  'GET /api/v1/regional-groups': 'public',
  'GET /api/v1/states': 'public',
  'GET /api/v1/states/:iso3': 'public',
  'GET /api/v1/states/:iso3/party-status/history': 'public',
  'POST /api/v1/reference/party-status/import': ['secretariat', 'admin'],
  'GET /api/v1/search': 'public',
  'GET /api/v1/records/:id': 'public',
  'GET /api/v1/records/:id/versions': 'public',
  'POST /api/v1/records': ['secretariat', 'focal_point'],
  'PATCH /api/v1/records/:id': ['secretariat', 'focal_point'],
  'POST /api/v1/records/:id/retire': ['secretariat', 'focal_point'],
  'POST /api/v1/records/:id/translations': ['secretariat', 'focal_point'],
  'POST /api/v1/records/:id/links/:linkId/review': ['secretariat', 'focal_point'],
  'POST /api/v1/imports': ['secretariat'],
  'GET /api/v1/records/:id/provisions': 'public',
  'PUT /api/v1/records/:id/provisions/:eid': ['secretariat', 'focal_point'],
  'POST /api/v1/records/:id/provisions/:eid/repeal': ['secretariat', 'focal_point'],
  'GET /api/v1/licence': 'public',
  'GET /api/v1/export': 'public',
  'GET /api/v1/feed': 'public',
  'GET /api/v1/saved-searches': 'authenticated',
  'POST /api/v1/saved-searches': 'authenticated',
  'DELETE /api/v1/saved-searches/:id': 'authenticated',
};
const EXPECTED: Record<string, Expect> = Object.assign({}, PLATFORM_AND_KNOWLEDGE, ...MODULES.map((m) => m.expected));
const moduleOf = (route: string) => MODULES.find((m) => route in m.expected);
const isDocs = (url: string) => url.startsWith('/api/docs');

type Who = 'anonymous' | Role;
const WHO: Who[] = ['anonymous', ...ROLES];

let t: TestApp;
const sessions = new Map<Who, Session | null>();
let targetUserId = '';
let recordId = '';
let counter = 0;

beforeAll(async () => {
  t = await createTestApp();
  sessions.set('anonymous', null);
  for (const role of ROLES) {
    const stateBound = ['practitioner', 'officer', 'focal_point', 'expert'].includes(role);
    await addUser(t, `authz-${role.replace('_', '-')}`, [role], stateBound ? 'FRA' : null);
  }
  targetUserId = (await addUser(t, 'authz-target', ['practitioner'], 'DEU')).id;
  const sec = await login(t.app, 'authz-secretariat');
  recordId = (await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', title: 'Guide', lang: 'en', states: ['FRA'] })).json().id;
  for (const m of MODULES) await m.setup?.(t);
});
afterAll(() => t.close());

function request(route: string): RouteCall {
  const owner = moduleOf(route);
  if (owner) return owner.request(route, ++counter);
  const [method, pattern] = route.split(' ') as [string, string];
  const url = pattern
    .replace(':code', 'UNTOC')
    .replace(':article', '18')
    .replace(':iso3', 'FRA')
    .replace(':id', pattern.startsWith('/api/v1/records') ? recordId : targetUserId)
    .replace(':linkId', '1')
    .replace(':eid', 'art_1')
    .replace('/saved-searches/:id', '/saved-searches/00000000-0000-0000-0000-000000000000')
    .replace('*', 'index.html');
  if (route === 'POST /api/v1/auth/login') return { url, payload: { username: 'authz-target', password: 'correct horse battery staple' } };
  if (route === 'POST /api/v1/admin/users') {
    return { url, payload: { username: `authz-new-${++counter}`, displayName: 'New', password: 'a long enough password', roles: ['practitioner'], state: 'ITA' } };
  }
  if (route === 'PATCH /api/v1/admin/users/:id') return { url, payload: { disabled: false } };
  if (route === 'POST /api/v1/records') return { url, payload: { type: 'guide', title: `Guide ${++counter}`, lang: 'en', states: ['FRA'] } };
  if (route === 'PATCH /api/v1/records/:id') return { url, payload: { title: `Guide, edition ${++counter}` } };
  if (route === 'POST /api/v1/records/:id/retire') return { url, payload: { reason: 'superseded' } };
  if (route === 'POST /api/v1/records/:id/translations') return { url, payload: { field: 'title', lang: 'fr', value: 'Guide', kind: 'unofficial' } };
  if (route === 'POST /api/v1/records/:id/links/:linkId/review') return { url, payload: { decision: 'verify' } };
  if (route === 'PUT /api/v1/records/:id/provisions/:eid') return { url, payload: { text: 'Text', validFrom: `20${10 + (++counter % 80)}-01-01` } };
  if (route === 'POST /api/v1/records/:id/provisions/:eid/repeal') return { url, payload: { on: '2099-01-01' } };
  if (route === 'POST /api/v1/saved-searches') return { url, payload: { name: 'Art. 18', query: { article: 'UNTOC:18' } } };
  if (route === 'POST /api/v1/imports') {
    return { url: `${url}?fileName=note-${++counter}.txt&type=guide`, payload: `A note ${counter} on article 18.`, headers: { 'content-type': 'text/plain' } };
  }
  if (route === 'POST /api/v1/reference/party-status/import') {
    return { url: `${url}?source=authz+test`, payload: 'iso3,instrument,status\nFRA,UNTOC,party\n', headers: { 'content-type': 'text/csv' } };
  }
  return { url: method === 'GET' ? url : url, payload: method === 'GET' ? undefined : {} };
}

describe('authorization: every route × every role', () => {
  it('every registered route has an expected outcome here (and nothing here is unregistered)', () => {
    const registered = t.routes.filter((r) => r.method !== 'HEAD' && !isDocs(r.url)).map((r) => `${r.method} ${r.url}`);
    expect([...new Set(registered)].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('the API documentation routes are public', () => {
    expect(t.routes.filter((r) => isDocs(r.url)).length).toBeGreaterThan(2);
  });

  for (const who of WHO) {
    it(`${who}: each route allows or refuses exactly as specified`, async () => {
      if (who !== 'anonymous') sessions.set(who, await login(t.app, `authz-${who.replace('_', '-')}`));
      const session = sessions.get(who) ?? null;
      // Logout last: it ends the session the other calls use.
      const routes = [...t.routes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`)].sort((a, b) =>
        a.endsWith('/logout') ? 1 : b.endsWith('/logout') ? -1 : 0,
      );
      for (const route of new Set(routes)) {
        const [method] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'];
        const spec: Expect = isDocs(route.split(' ')[1]!) ? 'public' : EXPECTED[route]!;
        const r = request(route);
        const res = await as(t.app, session, method, r.url, r.payload, r.headers);
        const allowed =
          spec === 'public' || (spec === 'authenticated' ? who !== 'anonymous' : who !== 'anonymous' && spec.includes(who));
        const outcome = `${who} ${route} → ${res.statusCode} ${res.body.slice(0, 120)}`;
        if (allowed) {
          // Allowed through the policy: whatever the handler then says, it is not a refusal by role.
          expect([401, 403], outcome).not.toContain(res.statusCode);
          expect(res.statusCode, outcome).toBeLessThan(500);
        } else {
          expect(res.statusCode, outcome).toBe(who === 'anonymous' ? 401 : 403);
        }
      }
    });
  }

  it('refusals are audited', async () => {
    const denied = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'access.denied').execute();
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((d) => d.outcome === 'denied' && d.actor_username?.startsWith('authz-'))).toBe(true);
  });

  it('an app with a route that declares no policy refuses to start', async () => {
    const built = await buildPalermoApp({ db: t.database.db, config: loadConfig({}) }, { web: false });
    expect(() => built.app.get('/api/v1/unguarded', async () => 'oops')).toThrow(/has no policy/);
    built.app.get('/api/v1/guarded', { config: { policy: PUBLIC } }, async () => 'ok');
    await built.app.close();
  });
});
