import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { casePeople, createIncoming, incomingInput, outgoingInput, type CasePeople } from './test-fixtures.ts';

/**
 * A State sees only its own cases (art. 18(20)): a third State's officer, the secretariat and an unassigned
 * practitioner of the same State get, on every core route, the same 404 as for a case that does not exist, and
 * lists show them nothing; every read and every refusal is audited. Bad input to every core route is a 400 that
 * changes nothing.
 */
const P = '/api/v1/cases';
let t: TestApp;
let p: CasePeople;
const s: Record<string, Session> = {};
let caseId = '';
const RANDOM = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

beforeAll(async () => {
  t = await createTestApp();
  p = await casePeople(t.database.db, 'conf');
  for (const k of Object.keys(p) as (keyof CasePeople)[]) s[k] = await login(t.app, p[k].username);
  caseId = (await createIncoming(t.database.db, p.deuOfficer, { title: 'Confidential matter', assignees: [p.deuPractitioner.id] })).id;
});
afterAll(() => t.close());

/** Every core route that names a case, with a body that would be valid for someone allowed. */
const caseRoutes = (id: string) => [
  { method: 'GET' as const, url: `${P}/${id}` },
  { method: 'POST' as const, url: `${P}/${id}/events`, payload: { type: 'note', note: 'Looking' } },
  { method: 'POST' as const, url: `${P}/${id}/events`, payload: { type: 'register' } },
];

/** Rows and a checksum of each table the core writes: bad input must leave them as they were. */
async function snapshot() {
  const r = await sql<{ t: string; n: string; h: string }>`
    SELECT 'cases' AS t, count(*)::text AS n, coalesce(md5(string_agg(c::text, '' ORDER BY id)), '') AS h FROM cases_cases c
    UNION ALL SELECT 'events', count(*)::text, coalesce(md5(string_agg(e::text, '' ORDER BY id)), '') FROM cases_events e
    UNION ALL SELECT 'counters', count(*)::text, coalesce(md5(string_agg(r::text, '' ORDER BY state_iso3, year)), '') FROM cases_reference_counters r
    UNION ALL SELECT 'transitions', count(*)::text, '' FROM workflow_transitions
    UNION ALL SELECT 'notifications', count(*)::text, '' FROM notifications`.execute(t.database.db);
  return r.rows;
}

describe('a case exists only for its holding side', () => {
  for (const who of ['gbrOfficer', 'secretariat', 'fraOtherPractitioner', 'deuOfficer'] as const) {
    it(`${who}: ${who === 'deuOfficer' ? 'the holder sees it' : 'refused on every route, word for word as for a random id'}`, async () => {
      // the FRA practitioner is of the requesting State, DEU holds the case: FRA people are all outsiders here
      for (const r of caseRoutes(caseId)) {
        const res = await as(t.app, s[who]!, r.method, r.url, r.payload);
        if (who === 'deuOfficer') {
          expect(res.statusCode, res.body).toBeLessThan(300);
          continue;
        }
        const random = await as(t.app, s[who]!, r.method, r.url.replace(caseId, RANDOM), r.payload);
        // the secretariat is refused by role (403) before any case is looked at; the others get the concealing 404
        expect(res.statusCode).toBe(who === 'secretariat' ? 403 : 404);
        expect(random.statusCode).toBe(res.statusCode);
        expect(res.body.replace(caseId, '<id>')).toBe(random.body.replace(RANDOM, '<id>'));
      }
      if (who !== 'deuOfficer') {
        const list = await as(t.app, s[who]!, 'GET', `${P}?q=Confidential`);
        if (who === 'secretariat') expect(list.statusCode).toBe(403);
        else expect(list.json()).toMatchObject({ items: [], total: 0 });
      }
    });
  }

  it('an assigned practitioner of the holding State sees it; the same practitioner unassigned does not', async () => {
    expect((await as(t.app, s.deuPractitioner!, 'GET', `${P}/${caseId}`)).statusCode).toBe(200);
    const other = await createIncoming(t.database.db, p.deuOfficer, { title: 'Not assigned' });
    expect((await as(t.app, s.deuPractitioner!, 'GET', `${P}/${other.id}`)).statusCode).toBe(404);
    const mine = (await as(t.app, s.deuPractitioner!, 'GET', `${P}?queue=all`)).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([caseId]);
  });

  it('every read is audited (the case, lists), and so is every refusal', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
    await as(t.app, s.deuOfficer!, 'GET', `${P}/${caseId}`);
    await as(t.app, s.deuOfficer!, 'GET', `${P}?direction=incoming`);
    await as(t.app, s.gbrOfficer!, 'GET', `${P}/${caseId}`);
    const entries = await t.database.db.selectFrom('audit_log').selectAll().where('id', '>', before?.id ?? 0).orderBy('id').execute();
    const of = (action: string) => entries.filter((e) => e.action === action);
    expect(of('cases.case.read')).toEqual([expect.objectContaining({ actor_username: p.deuOfficer.username, target_id: caseId, outcome: 'success' })]);
    expect(of('cases.case.listed')).toEqual([expect.objectContaining({ actor_username: p.deuOfficer.username, details: expect.objectContaining({ returned: expect.any(Number) }) })]);
    expect(of('cases.case.read_denied')).toEqual([expect.objectContaining({ actor_username: p.gbrOfficer.username, target_id: caseId, outcome: 'denied' })]);
  });
});

describe('bad input changes nothing', () => {
  const NUL = 'a\u0000b';
  const huge = (n: number, v: unknown) => Array.from({ length: n }, () => v);
  const bad: Array<[string, 'GET' | 'POST', string, unknown?]> = [
    ['NUL in a title', 'POST', P, { ...incomingInput('FRA'), title: NUL }],
    ['an impossible date', 'POST', P, { ...incomingInput('FRA'), receivedAt: '2026-02-30' }],
    ['year 0', 'POST', P, { ...incomingInput('FRA'), deadline: '0000-01-01', deadlineReason: 'x' }],
    ['an unknown kind', 'POST', P, { ...incomingInput('FRA'), kind: 'telepathy' }],
    ['an unknown measure', 'POST', P, { ...incomingInput('FRA'), measures: ['mind-reading'] }],
    ['a huge array of offences', 'POST', P, { ...incomingInput('FRA'), offences: huge(5000, 'Fraud') }],
    ['a huge list of persons', 'POST', P, { ...incomingInput('FRA'), persons: huge(1000, { name: 'X', role: 'suspect' }) }],
    ['a penalty beyond int4', 'POST', P, { ...incomingInput('FRA'), priorityInputs: { maxPenaltyYears: 2147483648 } }],
    ['an unknown field', 'POST', P, { ...outgoingInput('FRA'), secret: true }],
    ['not an ISO3 State', 'POST', P, { ...incomingInput('FRA'), counterpartState: 'France' }],
    ['a deadline without its reason', 'POST', P, { ...incomingInput('FRA'), deadline: '2027-01-01' }],
    ['a treaty basis without the treaty', 'POST', P, { ...incomingInput('FRA'), legalBasis: { type: 'treaty' } }],
    ['an unknown event type', 'POST', `${P}/{id}/events`, { type: 'teleport' }],
    ['NUL in a note', 'POST', `${P}/{id}/events`, { type: 'note', note: NUL }],
    ['an unknown refusal ground', 'POST', `${P}/{id}/events`, { type: 'refuse', ground: 'dislike', reasons: 'Because we do not like it.' }],
    ['an impossible estimate', 'POST', `${P}/{id}/events`, { type: 'explain_delay', step: 'execute', reason: 'x', newEstimate: '2026-13-01' }],
    ['a version beyond int4', 'POST', `${P}/{id}/events`, { type: 'register', expectedVersion: 2147483648 }],
    ['a huge list of assignees', 'POST', `${P}/{id}/events`, { type: 'set_assignees', userIds: huge(500, RANDOM) }],
    ['an unknown priority level', 'POST', `${P}/{id}/events`, { type: 'set_priority', level: 'apocalyptic', reason: 'x' }],
    ['a field of another event', 'POST', `${P}/{id}/events`, { type: 'register', ground: 'other' }],
    ['a case id that is not a UUID', 'GET', `${P}/not-a-uuid`],
    ['an unknown status', 'GET', `${P}?status=received,teleported`],
    ['an unknown sort', 'GET', `${P}?sort=alphabet`],
    ['a limit of 0', 'GET', `${P}?limit=0`],
    ['a limit of 101', 'GET', `${P}?limit=101`],
    ['overdue=maybe', 'GET', `${P}?overdue=maybe`],
    ['a forged cursor', 'GET', `${P}?cursor=${Buffer.from('o:-5').toString('base64url')}`],
  ];
  for (const [label, method, url, payload] of bad) {
    it(`${label}: 400`, async () => {
      const before = await snapshot();
      const res = await as(t.app, s.deuOfficer!, method, url.replace('{id}', caseId), payload);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('invalid_request');
      expect(await snapshot()).toEqual(before);
    });
  }
});
