import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { defaultCycleSettings, settingsOf } from './cycle-settings.ts';
import { TEST_CYCLE_SETTINGS } from '../test-fixtures.ts';

/**
 * Cycles as data: public configuration, changed only by the secretariat with the version it read; bad input is a
 * 400 that changes nothing; the work plan's clusters come from the reference data; groups set by hand.
 */
const P = '/api/v1/review/cycles';
let t: TestApp;
let sec: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'cfg-sec', ['secretariat'], null);
  await addUser(t, 'cfg-officer', ['officer'], 'FRA');
  sec = await login(t.app, 'cfg-sec');
  officer = await login(t.app, 'cfg-officer');
});
afterAll(() => t.close());

const newCycle = (code: string, extra: Record<string, unknown> = {}) => ({ code, title: `Cycle ${code}`, instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], startYear: 2027, ...extra });
async function create(code: string, extra: Record<string, unknown> = {}) {
  const res = await as(t.app, sec, 'POST', P, newCycle(code, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const phases = [
  { phase: 1, clusters: ['criminalization-jurisdiction', 'international-cooperation'], yearOffset: 0, years: 2 },
  { phase: 2, clusters: ['law-enforcement-judicial', 'prevention-assistance-protection'], yearOffset: 2, years: 2 },
];

describe('cycle settings', () => {
  it('the defaults have the test fixtures’ shape, with the draw’s cap of 3; a stored document missing a field gets its default', () => {
    expect(Object.keys(defaultCycleSettings).sort()).toEqual(Object.keys(TEST_CYCLE_SETTINGS).sort());
    expect(defaultCycleSettings).toMatchObject({ ...TEST_CYCLE_SETTINGS, cap: 3 });
    expect(settingsOf({ settings: { cap: 2, deadlines: { answersMonths: 9 } } })).toMatchObject({ cap: 2, allowMutual: false, deadlines: { answersMonths: 9, focalPointDays: 14 } });
  });
});

describe('creating and reading cycles', () => {
  it('the secretariat creates a cycle with the default settings; anyone reads it and the list', async () => {
    const c = await create('C-2027');
    expect(c).toMatchObject({ code: 'C-2027', mainInstrument: 'UNTOC', status: 'configuring', version: 1, settings: defaultCycleSettings, plan: [], groups: [] });
    const read = await as(t.app, null, 'GET', `${P}/${c.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(c.id);
    const list = (await as(t.app, null, 'GET', P)).json().items;
    expect(list.map((x: { code: string }) => x.code)).toContain('C-2027');
  });

  it('says which States UNTOC articles 8 and 9 are reviewed for: parties to UNTOC not parties to UNCAC, in ISO3 order', async () => {
    const c = await create('C-ART89');
    const arts = c.conditionalArticles.filter((a: { instrument: string }) => a.instrument === 'UNTOC').map((a: { article: number }) => a.article);
    expect(arts).toEqual([8, 9]);
    const states: string[] = c.conditionalArticles[0].states;
    expect(states).toEqual([...states].sort());
    expect(states).not.toContain('FRA'); // party to UNCAC
    const db = t.database.db;
    for (const iso3 of states.slice(0, 5)) {
      const uncac = await db.selectFrom('party_status').select('status').where('iso3', '=', iso3).where('instrument_code', '=', 'UNCAC').executeTakeFirst();
      expect(uncac?.status).not.toBe('party');
    }
  });

  it('bad input is a 400 naming the field and creates nothing; a duplicate code is a 409; only the secretariat may create', async () => {
    const before = await t.database.db.selectFrom('review_cycles').select('id').execute();
    for (const bad of [
      newCycle('x'), newCycle('C-BAD', { startYear: 1999 }), newCycle('C-BAD', { instruments: ['NOPE'] }), newCycle('C-BAD', { title: 'ok\u0000' }),
      newCycle('C-BAD', { settings: { ...defaultCycleSettings, cap: 0 } }), newCycle('C-BAD', { instruments: ['TIP'] }), { ...newCycle('C-BAD'), extra: 1 },
    ]) {
      const res = await as(t.app, sec, 'POST', P, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.issues.length).toBeGreaterThan(0);
    }
    expect(await t.database.db.selectFrom('review_cycles').select('id').execute()).toHaveLength(before.length);
    await create('C-DUP');
    expect((await as(t.app, sec, 'POST', P, newCycle('C-DUP'))).statusCode).toBe(409);
    expect((await as(t.app, officer, 'POST', P, newCycle('C-OFF'))).statusCode).toBe(403);
    expect((await as(t.app, null, 'POST', P, newCycle('C-ANON'))).statusCode).toBe(401);
    expect((await as(t.app, null, 'GET', `${P}/not-a-uuid`)).statusCode).toBe(400);
    expect((await as(t.app, null, 'GET', `${P}/00000000-0000-0000-0000-000000000000`)).statusCode).toBe(404);
  });
});

describe('changing a cycle with the version read', () => {
  it('a partial change of the settings keeps the rest; a stale version is a 409 that changes nothing', async () => {
    const c = await create('C-PATCH');
    const res = await as(t.app, sec, 'PATCH', `${P}/${c.id}`, { version: 1, title: 'Second cycle', settings: { cap: 4, deadlines: { answersMonths: 8 } } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, title: 'Second cycle', settings: { cap: 4, allowMutual: false, deadlines: { answersMonths: 8, feedbackMonths: 6 } } });
    const stale = await as(t.app, sec, 'PATCH', `${P}/${c.id}`, { version: 1, title: 'Lost change' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].path).toBe('body.expectedVersion');
    expect((await as(t.app, null, 'GET', `${P}/${c.id}`)).json()).toMatchObject({ title: 'Second cycle', version: 2 });
    const bad = await as(t.app, sec, 'PATCH', `${P}/${c.id}`, { version: 2, settings: { deadlines: { answersMonths: 0 } } });
    expect(bad.statusCode).toBe(400);
    expect((await as(t.app, sec, 'PATCH', `${P}/${c.id}`, { version: 2, instruments: ['TIP'] })).statusCode).toBe(400);
    expect((await as(t.app, null, 'GET', `${P}/${c.id}`)).json()).toMatchObject({ version: 2, settings: { deadlines: { answersMonths: 8 } } });
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', c.id).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['review.cycle.created', 'review.cycle.updated']));
  });

  it('the work plan: phases with clusters from the reference data and their years; unknown clusters, gaps and overlaps are 400s', async () => {
    const c = await create('C-PLAN');
    const res = await as(t.app, sec, 'PUT', `${P}/${c.id}/plan`, { version: 1, phases });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json().plan;
    expect(plan.map((p: { phase: number; fromYear: number; toYear: number }) => [p.phase, p.fromYear, p.toYear])).toEqual([[1, 2027, 2028], [2, 2029, 2030]]);
    expect(plan[0].clusters[0]).toMatchObject({ code: 'criminalization-jurisdiction', names: { en: expect.any(String), ar: expect.any(String) } });
    for (const bad of [
      [{ ...phases[0], clusters: ['no-such-cluster'] }],
      [phases[0], { ...phases[1], phase: 3 }],
      [phases[0], { ...phases[1], yearOffset: 1 }],
      [phases[0], { ...phases[1], clusters: ['international-cooperation'] }],
    ]) {
      const r = await as(t.app, sec, 'PUT', `${P}/${c.id}/plan`, { version: 2, phases: bad });
      expect(r.statusCode, r.body).toBe(400);
    }
    expect((await as(t.app, sec, 'PUT', `${P}/${c.id}/plan`, { version: 1, phases })).statusCode).toBe(409);
    expect((await as(t.app, null, 'GET', `${P}/${c.id}`)).json().plan).toHaveLength(2);
  });

  it('groups set by hand: start years, States in ISO3 order, each State once', async () => {
    const c = await create('C-GROUPS');
    const res = await as(t.app, sec, 'PUT', `${P}/${c.id}/groups`, { version: 1, groups: [{ group: 1, startYear: 2027, states: ['fra', 'DEU'] }, { group: 2, startYear: 2028, states: ['ARG'] }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().groups).toEqual([{ group: 1, startYear: 2027, states: ['DEU', 'FRA'], drawId: null }, { group: 2, startYear: 2028, states: ['ARG'], drawId: null }]);
    expect((await as(t.app, sec, 'PUT', `${P}/${c.id}/groups`, { version: 2, groups: [{ group: 1, startYear: 2027, states: ['FRA'] }, { group: 2, startYear: 2028, states: ['FRA'] }] })).statusCode).toBe(400);
    expect((await as(t.app, sec, 'PUT', `${P}/${c.id}/groups`, { version: 2, groups: [{ group: 1, startYear: 2027, states: ['ZZZ'] }] })).statusCode).toBe(400);
    expect((await as(t.app, sec, 'PUT', `${P}/${c.id}/groups`, { version: 2, groups: [{ group: 2, startYear: 2027, states: [] }] })).statusCode).toBe(400);
    expect((await as(t.app, officer, 'PUT', `${P}/${c.id}/groups`, { version: 2, groups: [{ group: 1, startYear: 2027, states: [] }] })).statusCode).toBe(403);
    expect((await as(t.app, null, 'GET', `${P}/${c.id}`)).json().groups).toHaveLength(2);
  });
});
