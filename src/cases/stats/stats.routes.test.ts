import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { executed, insertFixtureCase, loadFixture } from './stats.fixtures.ts';
import { computeStats } from './stats.service.ts';

/**
 * The statistics on a hand-built set (stats.fixtures.ts) whose figures were worked out by hand:
 * FRA's closed totals (days, paused time excluded) 15, 20, 25, 30, 32, 54, 60, 100 — median (30+32)/2 = 31,
 * p90 = 60 + 0.3·40 = 72 (percentile_cont over 8 values: position 0.9·7 = 6.3). Incoming only (no 30):
 * median 32, p90 = 60 + 0.4·40 = 76.
 */
const P = '/api/v1/cases/stats';
let t: TestApp;
let ids: Map<string, string>;
const s: Record<string, Session> = {};
type Group = { keys: Record<string, string | null>; count: number; closed: number; convention: number; outside: number; totalDays: { median: number | null; p90: number | null; n: number }; stages: Record<string, { median: number | null; p90: number | null; n: number }> };

beforeAll(async () => {
  t = await createTestApp();
  ids = await loadFixture(t.database.db);
  const users: Array<[string, Array<'practitioner' | 'officer' | 'secretariat'>, string | null]> = [
    ['fra-officer', ['officer'], 'FRA'], ['fra-prac', ['practitioner'], 'FRA'], ['deu-officer', ['officer'], 'DEU'], ['secretariat', ['secretariat'], null],
  ];
  for (const [name, roles, state] of users) {
    await addUser(t, name, roles, state);
    s[name] = await login(t.app, name);
  }
});
afterAll(() => t.close());

const get = async (who: string, query = '', path = P) => {
  const res = await as(t.app, s[who]!, 'GET', `${path}${query}`);
  return res;
};
const stats = async (who: string, query = '') => {
  const res = await get(who, query);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { state: string; total: Group; conventionShare: number | null; groups: Group[]; by: string[] };
};

describe('a State’s statistics on its own cases', () => {
  it('counts, closed, the Convention’s share, outside the system, processing time median and p90', async () => {
    const r = await stats('fra-officer');
    expect(r.state).toBe('FRA');
    expect(r.total).toMatchObject({ count: 9, closed: 8, convention: 6, outside: 2 });
    expect(r.conventionShare).toBeCloseTo(6 / 9, 4);
    expect(r.total.totalDays).toEqual({ median: 31, p90: 72, n: 8 });
    const incoming = await stats('fra-officer', '?direction=incoming');
    expect(incoming.total.totalDays).toEqual({ median: 32, p90: 76, n: 7 });
  });

  it('paused time is excluded: B waited 20 days for additional information, in its review stage', async () => {
    const f = await t.database.db.selectFrom('cases_stat_facts').selectAll().where('case_id', '=', ids.get('FRA-B')!).executeTakeFirstOrThrow();
    expect(f.total_seconds).toBe(25 * 86400); // 45 days less 20
    expect(f.review_seconds).toBe(9 * 86400); // registered d1 → accepted d30, less 20
    expect(f.registration_seconds).toBe(86400);
    expect(f.execution_seconds).toBe(10 * 86400);
    const o = await t.database.db.selectFrom('cases_stat_facts').selectAll().where('case_id', '=', ids.get('FRA-O')!).executeTakeFirstOrThrow();
    expect(o).toMatchObject({ start_on: '2025-03-04', total_seconds: 30 * 86400, preparation_seconds: 3 * 86400, registration_seconds: null });
  });

  it('per-stage medians and p90s: registration of the eight incoming cases 1,1,1,1,1,2,3,4 days', async () => {
    const r = await stats('fra-officer', '?direction=incoming');
    expect(r.total.stages.registration).toEqual({ median: 1, p90: 3.3, n: 8 });
    expect(r.total.stages.preparation).toEqual({ median: null, p90: null, n: 0 });
  });

  it('grouped by kind, by name order; by measure a case counts once per measure; by regional group of the counterpart', async () => {
    const byKind = await stats('fra-officer', '?by=kind');
    expect(byKind.groups.map((g) => [g.keys.kind, g.count])).toEqual([['extradition', 2], ['mla', 7]]);
    expect(byKind.groups[1]!.totalDays).toEqual({ median: 31, p90: 57, n: 6 });
    // each group gets its own stage figures, not the total's (the total is a statement of its own, stats.service.ts):
    // execution (passed → executed) of the MLA cases A 18, B 10, C 40, F 9, H 54 days; of the extradition I 94
    expect(byKind.groups.map((g) => g.stages.execution)).toEqual([{ median: 94, p90: 94, n: 1 }, { median: 18, p90: 48.4, n: 5 }]);
    const byMeasure = await stats('fra-officer', '?by=measure');
    expect(byMeasure.groups.map((g) => [g.keys.measure, g.count])).toEqual([['bank-records', 1], ['taking-evidence', 8], [null, 1]]);
    expect(byMeasure.total.count).toBe(9);
    // taking evidence: A 18, B 10, C 40, F 9, I 94 → median 18, p90 40 + 0.6·54; bank records: F 9
    expect(byMeasure.groups.map((g) => g.stages.execution)).toEqual([{ median: 9, p90: 9, n: 1 }, { median: 18, p90: 72.4, n: 5 }, { median: 54, p90: 54, n: 1 }]);
    // the total counts each case once: 9, 10, 18, 40, 54, 94 → median (18 + 40)/2, p90 54 + 0.5·40
    expect(byMeasure.total.stages.execution).toEqual({ median: 29, p90: 74, n: 6 });
    const byGroup = await stats('fra-officer', '?by=regional-group');
    expect(byGroup.groups.map((g) => [g.keys['regional-group'], g.count])).toEqual([['african', 3], ['latin-american-caribbean', 2], ['weog', 4]]);
    const two = await stats('fra-officer', '?by=kind,legal-basis');
    expect(two.groups.map((g) => [g.keys.kind, g.keys['legal-basis'], g.count])).toEqual([
      ['extradition', 'convention', 1], ['extradition', 'reciprocity', 1], ['mla', 'convention', 5], ['mla', 'treaty', 2],
    ]);
  });

  it('by crime type, by form of assistance and crime type together, and by one filtered on the other (cases_stat_items)', async () => {
    const byCrime = await stats('fra-officer', '?by=crime-type');
    expect(byCrime.groups.map((g) => [g.keys['crime-type'], g.count])).toEqual([['fraud', 1], ['money-laundering', 7], ['trafficking-in-persons', 1]]);
    expect(byCrime.total.count).toBe(9);
    const both = await stats('fra-officer', '?by=measure,crime-type');
    expect(both.groups.map((g) => [g.keys.measure, g.keys['crime-type'], g.count])).toEqual([
      ['bank-records', 'money-laundering', 1], ['taking-evidence', 'fraud', 1], ['taking-evidence', 'money-laundering', 6],
      ['taking-evidence', 'trafficking-in-persons', 1], [null, 'money-laundering', 1],
    ]);
    const filtered = await stats('fra-officer', '?by=measure&crimeType=fraud&direction=incoming');
    expect(filtered.groups.map((g) => [g.keys.measure, g.count])).toEqual([['taking-evidence', 1]]);
    expect(filtered.total.count).toBe(1);
    const byKindOfMeasure = await stats('fra-officer', '?by=kind,measure&from=2025-03-01&to=2025-03-01');
    expect(byKindOfMeasure.groups.map((g) => [g.keys.kind, g.keys.measure, g.count])).toEqual([
      ['extradition', 'taking-evidence', 2], ['mla', 'bank-records', 1], ['mla', 'taking-evidence', 5], ['mla', null, 1],
    ]);
  });

  it('filters: period, counterpart, regional group, outcome, refusal ground, channel, crime type, legal basis', async () => {
    expect((await stats('fra-officer', '?from=2025-03-02&to=2025-12-31')).total.count).toBe(1); // only O (sent 4 March)
    expect((await stats('fra-officer', '?from=2024-01-01&to=2024-12-31')).total.count).toBe(0);
    expect((await stats('fra-officer', '?counterpart=nga')).total.count).toBe(3);
    expect((await stats('fra-officer', '?regionalGroup=weog')).total.count).toBe(4);
    expect((await stats('fra-officer', '?outcome=refused&refusalGround=dual-criminality')).total.count).toBe(1);
    expect((await stats('fra-officer', '?channel=email')).total.count).toBe(1);
    expect((await stats('fra-officer', '?crimeType=trafficking-in-persons')).total.count).toBe(1);
    expect((await stats('fra-officer', '?legalBasis=convention&kind=mla')).total.count).toBe(5);
    expect((await stats('fra-officer', '?measure=bank-records')).total.count).toBe(1);
    const byMonth = await stats('fra-officer', '?by=month');
    expect(byMonth.groups.map((g) => [g.keys.month, g.count])).toEqual([['2025-03', 9]]);
  });

  it('by month and by year across a year boundary: periods in time order, each case in the month it was received', async () => {
    // NGA's own cases (no other test reads NGA): received 2024-11-21, 2025-02-27 (×2), 2025-03-01 and 2026-03-06
    const ng = (name: string, start: number, measures: string[]) =>
      insertFixtureCase(t.database.db, { name, owner: 'NGA', direction: 'incoming', kind: 'mla', counterpart: 'FRA', legalBasis: 'convention', measures,
        timeline: executed(1, 2, 3, 9, 10).map(([st, a, d]) => [st, a, d + start] as [string, string, number]) });
    for (const [name, start, m] of [['N1', -100, ['taking-evidence']], ['N2', -2, ['bank-records', 'asset-tracing']], ['N3', -2, []], ['N4', 0, ['asset-tracing']], ['N5', 370, ['taking-evidence']]] as const) {
      await ng(name, start, [...m]);
    }
    const byMonth = await computeStats(t.database.db, 'NGA', { by: ['month'] });
    expect(byMonth.groups.map((g) => [g.keys.month, g.count])).toEqual([['2024-11', 1], ['2025-02', 2], ['2025-03', 1], ['2026-03', 1]]);
    const byYear = await computeStats(t.database.db, 'NGA', { by: ['year', 'measure'] });
    expect(byYear.groups.map((g) => [g.keys.year, g.keys.measure, g.count])).toEqual([
      ['2024', 'taking-evidence', 1], ['2025', 'asset-tracing', 2], ['2025', 'bank-records', 1], ['2025', null, 1], ['2026', 'taking-evidence', 1],
    ]);
    expect(byYear.total).toMatchObject({ count: 5, totalDays: { median: 10, p90: 10, n: 5 } });
    const y2025 = await computeStats(t.database.db, 'NGA', { by: ['year'], from: '2025-01-01', to: '2025-12-31' });
    expect(y2025.groups.map((g) => [g.keys.year, g.count])).toEqual([['2025', 3]]);
  });

  it('a State sees only its own cases; the reads are audited', async () => {
    const deu = await stats('deu-officer', '?by=kind');
    expect(deu.state).toBe('DEU');
    expect(deu.total).toMatchObject({ count: 5, closed: 5 });
    expect(deu.total.totalDays).toEqual({ median: 10, p90: 10, n: 5 });
    const entries = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'cases.stats.read').where('actor_state', '=', 'DEU').execute();
    expect(entries.length).toBeGreaterThanOrEqual(1);
    expect(entries[0]!.target_id).toBe('DEU');
  });

  it('a practitioner and the secretariat read no per-case statistics (403)', async () => {
    expect((await get('fra-prac')).statusCode).toBe(403);
    expect((await get('secretariat')).statusCode).toBe(403);
    expect((await get('secretariat', '', `${P}.csv`)).statusCode).toBe(403);
  });

  it('bad query input is a 400 naming the field, and nothing is audited for it', async () => {
    const before = await t.database.db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const [q, field] of [
      ['?by=colour', 'querystring.by'], ['?by=kind,kind', 'querystring.by'], ['?by=kind,year,month', 'querystring.by'], ['?from=2025-02-30', 'querystring.from'],
      ['?from=2025-05-01&to=2025-01-01', 'querystring.to'], ['?counterpart=FR', 'querystring.counterpart'], ['?direction=sideways', 'querystring.direction'],
      ['?measure=%27%3B%20drop', 'querystring.measure'], ['?outcome=lost', 'querystring.outcome'],
    ] as const) {
      const res = await get('fra-officer', q);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.issues.some((i: { path: string }) => i.path.startsWith(field)), `${q}: ${res.body}`).toBe(true);
    }
    const after = await t.database.db.selectFrom('audit_log').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('CSV export: one line per group then the total, the same figures', async () => {
    const res = await get('fra-officer', '.csv?by=kind');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('case-statistics-FRA.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^kind,group_2,count,closed,convention,outside_system,total_days_median,total_days_p90,total_days_n,registration_days_median/);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 8).join(','))).toEqual([
      'extradition,,2,2,1,1,60,92', // D 20, I 100: median 60, p90 20 + 0.9·80 = 92
      'mla,,7,6,5,1,31,57',
      '(total),(total),9,8,6,2,31,72',
    ]);
  });
});

describe('aggregates submitted to the secretariat', () => {
  type Cell = { keys: Record<string, string | null>; suppressed: boolean; count: number | null; closed: number | null; convention: number | null; outside: number | null; totalDays: { median: number | null; p90: number | null } };
  const body = { from: '2025-01-01', to: '2025-12-31', by: ['kind'] };

  it('only aggregates leave the State, every cell under 5 suppressed (count and times null)', async () => {
    const res = await as(t.app, s['fra-officer']!, 'POST', `${P}/submissions`, body);
    expect(res.statusCode, res.body).toBe(201);
    const sub = res.json() as { state: string; regionalGroup: string; threshold: number; cells: Cell[] };
    expect(sub).toMatchObject({ state: 'FRA', regionalGroup: 'weog', threshold: 5 });
    expect(sub.cells).toEqual([
      // extradition: 2 cases → suppressed entirely
      { keys: { kind: 'extradition' }, suppressed: true, count: null, closed: null, convention: null, outside: null, totalDays: { median: null, p90: null } },
      // mla: 7 cases shown; 1 outside the system is under 5 → null
      { keys: { kind: 'mla' }, suppressed: false, count: 7, closed: 6, convention: 5, outside: null, totalDays: { median: 31, p90: 57 } },
    ]);
    const stored = await t.database.db.selectFrom('cases_stat_submissions').selectAll().where('state_iso3', '=', 'FRA').execute();
    expect(JSON.stringify(stored)).not.toContain(ids.get('FRA-A')!); // no case id, no reference
    expect(JSON.stringify(stored)).not.toContain('FRA-A');
    expect(await as(t.app, s['deu-officer']!, 'POST', `${P}/submissions`, body).then((r) => r.statusCode)).toBe(201);
  });

  it('submissions are append-only', async () => {
    await expect(t.database.db.updateTable('cases_stat_submissions').set({ threshold: 1 }).execute()).rejects.toThrow(/append-only/);
  });

  it('an officer lists its own State’s submissions with cells; the secretariat every State’s metadata, by State code', async () => {
    const own = (await get('fra-officer', '', `${P}/submissions`)).json() as { items: Array<{ state: string; cells?: Cell[] }> };
    expect(own.items.map((i) => i.state)).toEqual(['FRA']);
    expect(own.items[0]!.cells).toHaveLength(2);
    const all = (await get('secretariat', '', `${P}/submissions`)).json() as { items: Array<{ state: string; cells?: Cell[]; cellCount: number }> };
    expect(all.items.map((i) => i.state)).toEqual(['DEU', 'FRA']);
    expect(all.items.every((i) => i.cells === undefined && i.cellCount > 0)).toBe(true);
    expect((await get('fra-prac', '', `${P}/submissions`)).statusCode).toBe(403);
  });

  it('combined across States: sums over unsuppressed cells, the range and weighted median of medians, no per-State figure', async () => {
    const res = await get('secretariat', '?from=2025-01-01&to=2025-12-31&by=kind', `${P}/combined`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as { submissions: number; cells: Array<Record<string, unknown>> };
    expect(c.submissions).toBe(2);
    expect(c.cells).toEqual([
      { regionalGroup: null, keys: { kind: 'extradition' }, states: 0, suppressedStates: 1, count: 0, closed: 0, convention: 0, outside: 0, medianDays: { min: null, max: null, weightedMedianOfMedians: null } },
      { regionalGroup: null, keys: { kind: 'mla' }, states: 2, suppressedStates: 0, count: 12, closed: 11, convention: 10, outside: 0, medianDays: { min: 10, max: 31, weightedMedianOfMedians: 31 } },
    ]);
    expect(res.body).not.toMatch(/"FRA"|"DEU"/);
    const perGroup = (await get('fra-officer', '?from=2025-01-01&to=2025-12-31&by=kind&across=regional-group', `${P}/combined`)).json() as { cells: Array<{ regionalGroup: string }> };
    expect(perGroup.cells.map((x) => x.regionalGroup)).toEqual(['weog', 'weog']);
    const other = (await get('secretariat', '?from=2025-01-01&to=2025-06-30&by=kind', `${P}/combined`)).json() as { submissions: number };
    expect(other.submissions).toBe(0);
  });

  it('bad submissions are a 400 and store nothing', async () => {
    const before = await t.database.db.selectFrom('cases_stat_submissions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    for (const b of [{ ...body, by: [] }, { ...body, by: ['kind', 'kind'] }, { ...body, from: '2025-13-01' }, { ...body, to: '2024-01-01' }, { ...body, by: ['kind', 'year', 'month'] }, { from: '2025-01-01' }]) {
      expect((await as(t.app, s['fra-officer']!, 'POST', `${P}/submissions`, b)).statusCode, JSON.stringify(b)).toBe(400);
    }
    expect((await as(t.app, s['secretariat']!, 'POST', `${P}/submissions`, body)).statusCode).toBe(403);
    const after = await t.database.db.selectFrom('cases_stat_submissions').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
