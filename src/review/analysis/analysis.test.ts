import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { computeAnalysis } from './analysis.service.ts';
import { seedAnalysis, type AnalysisSeed } from './analysis.fixtures.ts';

/**
 * The secretariat's analysis on seeded reviews: the counts by article, cluster, instrument, group and TA category
 * equal what was inserted (written out here by hand), unsubmitted lists and answers are not counted, rows come in
 * the fixed order of their keys; only the secretariat reads it (audited); the CSV tables; the progress of a cycle.
 */
let t: TestApp;
let seed: AnalysisSeed;
let sec: Session;
let officer: Session;

beforeAll(async () => {
  t = await createTestApp();
  seed = await seedAnalysis(t.database.db);
  await addUser(t, 'an-sec', ['secretariat'], null);
  await addUser(t, 'an-officer', ['officer', 'focal_point'], 'MEX');
  sec = await login(t.app, 'an-sec');
  officer = await login(t.app, 'an-officer');
});
afterAll(async () => t?.close());

const c = (gap: number, good_practice: number, suggestion: number, ta_need: number, ta_answered: number) => ({ gap, good_practice, suggestion, ta_need, ta_answered });
const counts = (r: Record<string, unknown>) => c(r.gap as number, r.good_practice as number, r.suggestion as number, r.ta_need as number, r.ta_answered as number);

describe('the analysis of one cycle', () => {
  it('counts submitted lists and submitted answers only, by article, cluster, instrument and regional group', async () => {
    const a = await computeAnalysis(t.database.db, { cycle: seed.cycleId, lang: 'en' });
    // ESP's unsubmitted gap on MEX, ITA's unsubmitted answer and the other cycle's gap are not in these figures
    expect(a.total).toEqual(c(2, 3, 2, 3, 2));
    expect(a.basis).toEqual({ reviews: 3, lists: 4, answeredReviews: 1 });
    expect(a.byArticle.map((r) => [`${r.instrument} ${r.article}`, counts(r)])).toEqual([
      ['UNTOC 5', c(1, 1, 0, 0, 2)],
      ['UNTOC 6', c(1, 0, 0, 0, 0)],
      ['UNTOC 10', c(0, 0, 1, 0, 0)],
      ['UNTOC 13', c(0, 0, 0, 1, 0)],
      ['UNTOC 16', c(0, 1, 0, 0, 0)],
      ['UNTOC 18', c(1, 1, 0, 1, 0)],
      ['UNTOC 23', c(0, 0, 0, 1, 0)],
      ['TIP 3', c(0, 0, 1, 0, 0)],
    ]);
    expect(a.byArticle.find((r) => r.instrument === 'UNTOC' && r.article === 18)!.cluster).toBe('international-cooperation');
    const byCluster = Object.fromEntries(a.byCluster.map((r) => [r.code, counts(r)]));
    expect(byCluster['criminalization-jurisdiction']).toEqual(c(1, 1, 2, 1, 2));
    expect(byCluster['international-cooperation']).toEqual(c(1, 2, 0, 2, 0));
    expect(byCluster['law-enforcement-judicial']).toEqual(c(0, 0, 0, 0, 0));
    expect(a.byInstrument.map((r) => [r.code, counts(r)])).toEqual([
      ['UNTOC', c(2, 3, 1, 3, 2)], ['TIP', c(0, 0, 1, 0, 0)], ['SOM', c(0, 0, 0, 0, 0)], ['FIR', c(0, 0, 0, 0, 0)],
    ]);
    expect(a.byGroup.map((r) => [r.code, counts(r)])).toEqual([
      ['african', c(1, 2, 0, 2, 0)],
      ['asia-pacific', c(0, 0, 0, 0, 0)],
      ['eastern-european', c(0, 0, 0, 0, 0)],
      ['latin-american-caribbean', c(1, 1, 1, 1, 0)],
      ['weog', c(0, 0, 0, 0, 2)],
      ['none', c(0, 0, 1, 0, 0)],
    ]);
  });

  it('gives TA needs by category × group in the fixed order, from lists and from answers', async () => {
    const a = await computeAnalysis(t.database.db, { cycle: seed.cycleId, lang: 'en' });
    expect(a.taNeeds).toHaveLength(8 * 6);
    expect(a.taNeeds.slice(0, 6).map((r) => r.group)).toEqual(['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog', 'none']);
    expect(a.taNeeds.filter((r) => r.observations + r.answers > 0).map((r) => [r.category, r.group, r.observations, r.answers])).toEqual([
      ['legislative_assistance', 'african', 1, 0],
      ['institution_building', 'weog', 0, 1],
      ['capacity_building', 'latin-american-caribbean', 1, 0],
      ['capacity_building', 'weog', 0, 1],
      ['other', 'african', 1, 0],
    ]);
  });

  it('lists the good practices and challenges per article with cycle and cluster, naming no State', async () => {
    const a = await computeAnalysis(t.database.db, { cycle: seed.cycleId, lang: 'en' });
    expect(a.texts.map((x) => `${x.instrument} ${x.article} ${x.kind}`)).toEqual([
      'UNTOC 5 good_practice', 'UNTOC 5 gap', 'UNTOC 6 gap', 'UNTOC 16 good_practice', 'UNTOC 18 good_practice', 'UNTOC 18 gap',
    ]);
    expect(a.texts[0]).toMatchObject({ text: 'Specialised prosecutors handle organized crime cases from the start.', cluster: 'criminalization-jurisdiction' });
    expect(a.texts.every((x) => x.cycle.length > 0)).toBe(true);
    expect(a.texts.some((x) => x.text.includes('ESP draft'))).toBe(false);
    expect(JSON.stringify(a)).not.toMatch(/"(MEX|KEN|BRA|NGA|DEU|EUU)"/);
  });

  it('filters by instrument, cluster, group and cycle', async () => {
    const db = t.database.db;
    expect((await computeAnalysis(db, { cycle: seed.cycleId, instrument: 'TIP', lang: 'en' })).total).toEqual(c(0, 0, 1, 0, 0));
    expect((await computeAnalysis(db, { cycle: seed.cycleId, cluster: 'international-cooperation', lang: 'en' })).total).toEqual(c(1, 2, 0, 2, 0));
    expect((await computeAnalysis(db, { cycle: seed.cycleId, group: 'none', lang: 'en' })).total).toEqual(c(0, 0, 1, 0, 0));
    expect((await computeAnalysis(db, { cycle: seed.otherCycleId, lang: 'en' })).total).toEqual(c(1, 0, 0, 0, 0));
    // both cycles (and whatever other test files left: at least both)
    expect((await computeAnalysis(db, { lang: 'en' })).total.gap).toBeGreaterThanOrEqual(3);
  });
});

describe('GET /api/v1/review/analysis', () => {
  it('answers the secretariat, with names in the asked language, and audits the read', async () => {
    const res = await as(t.app, sec, 'GET', `/api/v1/review/analysis?cycle=${seed.cycleId}&lang=fr`);
    expect(res.statusCode).toBe(200);
    const a = res.json();
    expect(a.total).toEqual(c(2, 3, 2, 3, 2));
    expect(a.byGroup[0]).toMatchObject({ code: 'african', name: 'États d’Afrique' });
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'review.analysis.read').execute();
    expect(audit.some((e) => (e.details as { cycle?: string }).cycle === seed.cycleId)).toBe(true);
  });

  it('refuses everyone else: 403 for a State officer, 401 for the public', async () => {
    expect((await as(t.app, officer, 'GET', '/api/v1/review/analysis')).statusCode).toBe(403);
    expect((await as(t.app, officer, 'GET', '/api/v1/review/analysis.csv?table=articles')).statusCode).toBe(403);
    expect((await as(t.app, null, 'GET', '/api/v1/review/analysis')).statusCode).toBe(401);
  });

  it('answers bad filters with a 400 and an unknown cycle with a 404', async () => {
    for (const q of ['cycle=nope', 'instrument=untoc%3B', 'group=%27x%27', 'lang=de', `cluster=${'x'.repeat(61)}`]) {
      expect((await as(t.app, sec, 'GET', `/api/v1/review/analysis?${q}`)).statusCode, q).toBe(400);
    }
    expect((await as(t.app, sec, 'GET', '/api/v1/review/analysis?cycle=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('gives each table as CSV in the same order', async () => {
    const res = await as(t.app, sec, 'GET', `/api/v1/review/analysis.csv?cycle=${seed.cycleId}&table=articles`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('review-analysis-articles.csv');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('instrument,article,cluster,gaps_challenges,good_practices,suggestions,ta_needs_observations,ta_needs_answers');
    expect(lines[1]).toBe('UNTOC,5,criminalization-jurisdiction,1,1,0,0,2');
    expect(lines.at(-1)).toBe('TIP,3,criminalization-jurisdiction,0,0,1,0,0');
    const ta = await as(t.app, sec, 'GET', `/api/v1/review/analysis.csv?cycle=${seed.cycleId}&table=ta-needs`);
    expect(ta.body.split('\r\n')).toContain('capacity_building,weog,0,1');
    const texts = await as(t.app, sec, 'GET', `/api/v1/review/analysis.csv?cycle=${seed.cycleId}&table=texts`);
    expect(texts.body).toContain('Specialised prosecutors handle organized crime cases from the start.');
    expect((await as(t.app, sec, 'GET', '/api/v1/review/analysis.csv?table=states')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/review/progress', () => {
  it('counts reviews per stage and per group and phase, and the overdue steps, for any signed-in user', async () => {
    const res = await as(t.app, officer, 'GET', `/api/v1/review/progress?cycle=${seed.cycleId}`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.total).toBe(5);
    expect(p.byStage).toEqual([
      { stage: 'nominating', reviews: 1, overdue: 2 },
      { stage: 'answering', reviews: 0, overdue: 0 },
      { stage: 'desk_review', reviews: 1, overdue: 2 },
      { stage: 'observations', reviews: 2, overdue: 0 },
      { stage: 'summary', reviews: 1, overdue: 0 },
      { stage: 'completed', reviews: 0, overdue: 0 },
    ]);
    expect(p.overdue).toEqual({ focalPoint: 1, answers: 1, feedback: 2 });
    expect(p.byGroupPhase.map((g: { group: number | null; phase: number | null; total: number; overdue: number }) => [g.group, g.phase, g.total, g.overdue])).toEqual([
      [1, 1, 2, 0], [2, 1, 2, 4], [null, 1, 1, 0],
    ]);
    expect(p.byGroupPhase[0].stages.observations).toBe(2);
    expect(JSON.stringify(p)).not.toMatch(/"[A-Z]{3}"/);
  });

  it('is not for the public; an unknown cycle is a 404', async () => {
    expect((await as(t.app, null, 'GET', '/api/v1/review/progress')).statusCode).toBe(401);
    expect((await as(t.app, sec, 'GET', '/api/v1/review/progress?cycle=00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});
