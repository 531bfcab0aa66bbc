import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Policy } from '../src/platform/auth/policy.ts';
import { ROLES, type Role } from '../src/platform/auth/roles.ts';
import type { RegisteredRoute } from '../src/platform/http/authz.ts';
import { createEntry } from '../src/directory/directory.service.ts';
import { draftContentSchema } from '../src/drafting/draft.schema.ts';
import { incomingInput } from '../src/cases/test-fixtures.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../src/platform/http/rate-limits.ts';
import { addUser, as, createTestApp, login, type Session, type TestApp } from './support/app.ts';
import { BAD_CURSORS, BAD_PARAMS, NIL_UUID, deeplyNested, fieldMutations, jsonSchemaOf, sample, setIn, toJsonText, type Mutation } from './support/fuzz.ts';

/**
 * Bad input is never a 5xx and never changes anything — for every registered route, including the next
 * module's: the malformed inputs are generated from each route's own schemas (test/support/fuzz.ts), sent
 * as a user the route's policy admits (so validation and handlers are reached) and anonymously, and every
 * table is compared (row count and checksum) before and after.
 *
 * Not compared: `audit_log` (a refusal by role and each read of confidential material are audited: it
 * legitimately grows), `sessions` and the login throttle's counters, devices and addresses (login bookkeeping), and the migrator's own tables.
 */
const EXCLUDED_TABLES = new Set(['audit_log', 'sessions', 'login_throttle', 'login_devices', 'login_addresses', 'kysely_migration', 'kysely_migration_lock']);
/** Requests per route and session: enough for every field of the largest schemas, bounded for runtime. */
const MAX_PER_ROUTE = 200;
const MAX_ANONYMOUS_NON_PUBLIC = 3;
/** Uploads whose body is a file, not JSON: the body sent with their query-string mutations, and bad files. */
const RAW_BODY: Record<string, { type: string; body: string }> = {
  '/api/v1/imports': { type: 'text/plain', body: 'A note on article 18.' },
  '/api/v1/directory/import': { type: 'text/csv', body: 'iso3,category,subtype,name\nFRA,competent-authority,police,Fuzz\n' },
  '/api/v1/reference/party-status/import': { type: 'text/csv', body: 'iso3,instrument,status\nFRA,UNTOC,party\n' },
  '/api/v1/drafting/drafts/:id/attachments': { type: 'application/pdf', body: '%PDF-1.7\nFuzz attachment\n%%EOF\n' },
  '/api/v1/cases/:id/documents': { type: 'application/pdf', body: '%PDF-1.7\nFuzz case document\n%%EOF\n' },
};
const BAD_FILES = [
  { label: 'NUL in the file', body: Buffer.from('iso3,name\nFRA,a\u0000b\n') },
  { label: 'not UTF-8', body: Buffer.from([0xff, 0xfe, 0xfd, 0x41]) },
  { label: 'impossible date in the file', body: Buffer.from('iso3,instrument,status,signed_on\nFRA,UNTOC,party,0000-01-01\n') },
];
/**
 * Documents a route takes as free JSON and validates in its service (a draft's content is a merge patch):
 * their fields are fuzzed too, from the schema the service applies.
 */
const DOCUMENTS: Record<string, { path: string[]; schema: unknown }> = {
  'POST /api/v1/drafting/drafts': { path: ['content'], schema: draftContentSchema },
  'PATCH /api/v1/drafting/drafts/:id': { path: ['content'], schema: draftContentSchema },
};
/** Who to send as when a route admits several roles: the one that reaches most (owner side, all States). */
const PREFERENCE: Role[] = ['secretariat', 'officer', 'admin', 'focal_point', 'expert', 'practitioner'];

let t: TestApp;
const sessions = new Map<Role, Session>();
/** A session of its own for fuzzing logout (which ends it), opened before the tables are compared. */
let logoutSession: Session;
const ids = { record: '', draft: '', case: '', user: '', savedSearch: '', authority: '', measure: '', notification: '', expert: '' };

/** Rate limits far above the fuzz's volume: every malformed request must reach validation, not a 429. */
const UNLIMITED: RateLimits = {
  perMinute: Object.fromEntries(Object.keys(DEFAULT_RATE_LIMITS.perMinute).map((g) => [g, { anonymous: 1e6, user: 1e6 }])) as RateLimits['perMinute'],
  deniedReads: { max: 1e6, windowMinutes: 1 },
};

beforeAll(async () => {
  t = await createTestApp({ config: { rateLimits: UNLIMITED } });
  for (const role of ROLES) {
    const stateBound = ['practitioner', 'officer', 'focal_point', 'expert'].includes(role);
    await addUser(t, `fuzz-${role.replace('_', '-')}`, [role], stateBound ? 'FRA' : null);
  }
  for (const role of ROLES) sessions.set(role, await login(t.app, `fuzz-${role.replace('_', '-')}`));
  logoutSession = await login(t.app, 'fuzz-practitioner');
  ids.user = (await addUser(t, 'fuzz-target', ['practitioner'], 'DEU')).id;
  const sec = sessions.get('secretariat')!;
  const made = async (res: { statusCode: number; body: string; json(): { id: string } }) => {
    if (res.statusCode >= 300) throw new Error(`fuzz setup: ${res.statusCode} ${res.body}`);
    return res.json().id;
  };
  ids.record = await made(await as(t.app, sec, 'POST', '/api/v1/records', { type: 'legislation', title: 'Fuzz law', lang: 'en', states: ['FRA'], details: { lawTitle: 'Fuzz Act' } }));
  ids.draft = await made(await as(t.app, sessions.get('officer')!, 'POST', '/api/v1/drafting/drafts', { content: { title: 'Fuzz draft' } }));
  const caseRes = await as(t.app, sessions.get('officer')!, 'POST', '/api/v1/cases', incomingInput('DEU', { channel: 'post' }));
  ids.case = await made(caseRes);
  ids.savedSearch = await made(await as(t.app, sec, 'POST', '/api/v1/saved-searches', { name: 'Fuzz', query: { q: 'article' } }));
  const db = t.database.db;
  const actor = { kind: 'user' as const, id: NIL_UUID, username: 'fuzz-setup', displayName: 'setup', state: null, roles: ['secretariat' as const], demo: false, language: 'en', csrfToken: '' };
  ids.authority = (await createEntry(db, actor, 'authority', { iso3: 'FRA', category: 'central-authority', subtype: 'ministry-of-justice', name: 'Fuzz CA', functions: ['mla'] })).id;
  ids.measure = (await createEntry(db, actor, 'measure', { iso3: 'FRA', measure: 'bank-records', available: 'yes' })).id;
  ids.notification = (await createEntry(db, actor, 'notification', { iso3: 'FRA', type: 'art18-14', text: 'French', languages: ['fr'] })).id;
  ids.expert = (await createEntry(db, actor, 'expert', { iso3: 'FRA', name: 'Fuzz Expert', email: 'x@example.org' })).id;
});
afterAll(() => t?.close());

/** Real values for path parameters, so that a request is refused for its one bad value only. */
function paramValue(url: string, name: string): string {
  if (name === 'id') {
    if (url.startsWith('/api/v1/records')) return ids.record;
    if (url.startsWith('/api/v1/drafting')) return ids.draft;
    if (url.startsWith('/api/v1/cases')) return ids.case;
    if (url.startsWith('/api/v1/admin/users')) return ids.user;
    if (url.startsWith('/api/v1/saved-searches')) return ids.savedSearch;
    if (url.startsWith('/api/v1/inbox')) return '1';
    const type = (['authorities', 'measures', 'notifications', 'experts'] as const).find((p) => url.startsWith(`/api/v1/directory/${p}/`));
    if (type) return ids[({ authorities: 'authority', measures: 'measure', notifications: 'notification', experts: 'expert' } as const)[type]];
    return NIL_UUID;
  }
  const known: Record<string, string> = { code: 'UNTOC', article: '18', iso3: 'FRA', eid: 'art_1', linkId: '1', version: '1', measure: 'bank-records', sha256: '0'.repeat(64) };
  return known[name] ?? 'x';
}

function sessionFor(policy: Policy): Session | null {
  if (policy.access === 'public') return null;
  if (policy.access === 'authenticated') return sessions.get('secretariat')!;
  const role = PREFERENCE.find((r) => policy.roles.includes(r))!;
  return sessions.get(role)!;
}

interface Call {
  label: string;
  /** A value that may be valid for the field (see Mutation.mayPass): it must only not be a 5xx or change anything. */
  mayPass?: boolean;
  url: string;
  payload?: unknown;
  headers: Record<string, string>;
}

/** The requests for one route: its schema's field mutations, whole-part mutations, cursors, bad ids and files. */
function callsFor(route: RegisteredRoute): Call[] {
  const schema = (route.schema ?? {}) as { params?: unknown; querystring?: unknown; body?: unknown };
  const paramsSchema = jsonSchemaOf(schema.params);
  const querySchema = jsonSchemaOf(schema.querystring);
  const bodySchema = jsonSchemaOf(schema.body);
  const paramNames = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = Object.fromEntries(paramNames.map((n) => [n, paramValue(route.url, n)]));
  const query = (querySchema ? sample(querySchema) : {}) as Record<string, unknown>;
  const raw = route.method === 'POST' ? RAW_BODY[route.url] : undefined; // a file upload's URL may also have a GET (a list)
  const body = bodySchema ? sample(bodySchema) : route.method === 'GET' || route.method === 'DELETE' ? undefined : {};

  const mutations: Mutation[] = [];
  if (paramsSchema) mutations.push(...fieldMutations('params', paramsSchema));
  for (const n of paramNames) for (const v of BAD_PARAMS) mutations.push({ label: `params.${n}: ${JSON.stringify(v)}`, part: 'params', path: [n], value: v });
  if (querySchema) mutations.push(...fieldMutations('querystring', querySchema));
  if (querySchema?.properties?.cursor) {
    for (const c of BAD_CURSORS) mutations.push({ label: `cursor: ${c.label}`, part: 'querystring', path: [], value: { ...query, cursor: c.value, ...(c.sort ? { sort: c.sort } : {}) } });
  }
  if (!raw && route.method !== 'GET' && route.method !== 'DELETE') {
    if (bodySchema) {
      mutations.push(...fieldMutations('body', bodySchema));
      const doc = DOCUMENTS[`${route.method} ${route.url}`];
      if (doc) mutations.push(...fieldMutations('body', jsonSchemaOf(doc.schema)!, 3, doc.path));
      for (const [label, value] of [['body is text', 'x'], ['body is a list', []], ['body is a number', 7]] as const) mutations.push({ label, part: 'body', path: [], value });
    }
    // Whatever a route does with its body (or without one), these never pass the edge.
    mutations.push({ label: 'body nested 5,000 deep', part: 'body', path: [], value: deeplyNested() });
    mutations.push({ label: 'NUL in an unknown body field', part: 'body', path: [], value: { ...(body as object), ['zz\u0000']: 'x\u0000' } });
  }

  const calls: Call[] = mutations.map((m) => {
    const p = m.part === 'params' ? (setIn(params, m.path, m.value) as Record<string, unknown>) : params;
    const q = m.part === 'querystring' ? (setIn(query, m.path, m.value) as Record<string, unknown>) : query;
    const b = m.part === 'body' ? setIn(body, m.path, m.value) : body;
    const call: Call = { label: m.label, mayPass: m.mayPass, url: urlOf(route.url, p, q), headers: {} };
    if (raw) {
      call.payload = raw.body;
      call.headers['content-type'] = raw.type;
    } else if (b !== undefined) {
      call.payload = toJsonText(b);
      call.headers['content-type'] = 'application/json';
    }
    return call;
  });
  if (raw) for (const f of BAD_FILES) calls.push({ label: f.label, url: urlOf(route.url, params, { ...query, fileName: 'fuzz.txt', source: 'fuzz source' }), payload: f.body, headers: { 'content-type': raw.type } });
  // Spread evenly over the fields when there are more than the bound.
  if (calls.length <= MAX_PER_ROUTE) return calls;
  const step = calls.length / MAX_PER_ROUTE;
  return Array.from({ length: MAX_PER_ROUTE }, (_, i) => calls[Math.floor(i * step)]!);
}

function urlOf(pattern: string, params: Record<string, unknown>, query: Record<string, unknown>): string {
  const path = pattern.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(String(params[n])));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) qs.append(k, typeof item === 'object' ? JSON.stringify(item) : String(item));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

/** Every table's row count and a checksum of its rows (order-independent). */
async function snapshot(): Promise<Record<string, string>> {
  const db = t.database.db;
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (EXCLUDED_TABLES.has(name)) continue;
    const r = await sql<{ n: string; sum: string | null }>`
      SELECT count(*)::text AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS sum FROM ${sql.table(name)} x`.execute(db);
    out[name] = `${r.rows[0]!.n} rows, ${r.rows[0]!.sum ?? '-'}`;
  }
  return out;
}

const isDocs = (url: string) => url.startsWith('/api/docs');

describe('fuzzing every route with malformed input', () => {
  it('never answers 5xx, never lets a value reach the database unchecked, and changes no table', { timeout: 300_000 }, async () => {
    const before = await snapshot();
    const routes = t.routes.filter((r) => r.method !== 'HEAD' && !isDocs(r.url) && r.url !== '/*');
    // Logout ends the session it is sent with: last, with a session of its own.
    routes.sort((a, b) => Number(a.url.endsWith('/logout')) - Number(b.url.endsWith('/logout')));
    const problems: string[] = [];
    let sent = 0;
    const started = Date.now();
    for (const route of routes) {
      const calls = callsFor(route);
      if (process.env.FUZZ_DEBUG) console.log(route.method, route.url, calls.length);
      const authorised = route.url.endsWith('/logout') ? logoutSession : sessionFor(route.policy);
      const who: [string, Session | null, Call[]][] = [['anonymous', null, route.policy.access === 'public' ? calls : calls.slice(0, MAX_ANONYMOUS_NON_PUBLIC)]];
      if (authorised) who.push([authorised.username, authorised, calls]);
      for (const [name, session, list] of who) {
        for (const c of list) {
          const res = await as(t.app, session, route.method as 'GET', c.url, c.payload, c.headers);
          sent++;
          const code = (() => { try { return (res.json() as { error?: { code?: string } }).error?.code; } catch { return undefined; } })();
          if (res.statusCode >= 500 || code === 'invalid_value' || (res.statusCode < 400 && !c.mayPass)) {
            problems.push(`${route.method} ${c.url.slice(0, 160)} as ${name} [${c.label}] → ${res.statusCode} ${res.body.slice(0, 160)}`);
          }
        }
      }
    }
    const after = await snapshot();
    console.log(`fuzz: ${sent} requests over ${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(problems, problems.join('\n')).toEqual([]);
    expect(after).toEqual(before);
  });
});
