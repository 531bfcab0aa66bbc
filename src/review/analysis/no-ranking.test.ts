import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { seedAnalysis, type AnalysisSeed } from './analysis.fixtures.ts';
import { csvObjects, findRankings, rankingWords, type Finding } from './no-ranking.ts';

/**
 * No ranking anywhere (resolution 8/2): with several reviews seeded (lists of observations, TA needs, progress),
 * calls EVERY GET route of the review module registered in the composed app — as the secretariat and as
 * participants of both sides — and the CSV and DOCX exports, and fails on any list of States ordered by a figure or
 * any field named like a ranking. The scanner's own test (no-ranking.unit.test.ts) shows it catches a ranked list.
 */
let t: TestApp;
let seed: AnalysisSeed;
const sessions: Record<string, Session> = {};
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'nr-sec', ['secretariat'], null);
  const fp = await addUser(t, 'nr-mex', ['focal_point'], 'MEX');
  const bra = await addUser(t, 'nr-bra', ['expert'], 'BRA');
  seed = await seedAnalysis(t.database.db, { reviewedFocalPoint: fp.id, reviewingExpert: bra.id });
  for (const name of ['nr-sec', 'nr-mex', 'nr-bra']) sessions[name] = await login(t.app, name);
});
afterAll(async () => t?.close());

/** The module's GET routes as registered (path parameters in :name form). */
function reviewGetRoutes(): string[] {
  return [...new Set(t.routes.filter((r) => r.method === 'GET' && /^\/api\/v1\/reviews?(\/|$)/.test(r.url)).map((r) => r.url))].sort();
}

/** URLs to call for one route: ids from the seeded data (or from the module's own lists), queries where a route needs them. */
async function urlsFor(route: string, session: Session): Promise<string[]> {
  const firstId = async (list: string) => {
    const res = await as(t.app, session, 'GET', list);
    const items = res.statusCode === 200 ? (res.json().items as { id: string }[] | undefined) : undefined;
    return items?.[0]?.id ?? MISSING;
  };
  let url = route;
  if (route.startsWith('/api/v1/reviews/:id')) url = route.replace(':id', seed.reviews.MEX);
  else if (route.startsWith('/api/v1/review/cycles/:id')) url = route.replace(':id', seed.cycleId);
  else if (route.startsWith('/api/v1/review/draws/:id')) url = route.replace(':id', await firstId('/api/v1/review/draws'));
  else if (route.startsWith('/api/v1/review/question-sets/:id')) url = route.replace(':id', await firstId('/api/v1/review/question-sets'));
  url = url.replace(/:[A-Za-z]+/g, MISSING);
  if (url.endsWith('/review/analysis.csv')) return ['articles', 'clusters', 'instruments', 'groups', 'ta-needs', 'texts'].map((tb) => `${url}?cycle=${seed.cycleId}&table=${tb}`);
  if (url.endsWith('/review/analysis')) return [url, `${url}?cycle=${seed.cycleId}`];
  if (url.endsWith('/review/progress')) return [url, `${url}?cycle=${seed.cycleId}`];
  if (url.endsWith('/export.docx')) return ['en', 'ar', 'zh'].map((l) => `${url}?lang=${l}&answers=true`);
  if (url === '/api/v1/reviews') return [url, `${url}?cycle=${seed.cycleId}`];
  return [url];
}

async function scan(session: Session) {
  const findings: (Finding & { url: string })[] = [];
  const statuses: Record<string, number> = {};
  for (const route of reviewGetRoutes()) {
    for (const url of await urlsFor(route, session)) {
      const res = await as(t.app, session, 'GET', url);
      statuses[url.replace(/\?.*/, '')] = res.statusCode;
      expect(res.statusCode, `${session.username} GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode !== 200) continue;
      const type = String(res.headers['content-type'] ?? '');
      let found: Finding[] = [];
      if (type.includes('json')) found = findRankings(res.json());
      else if (type.includes('csv')) found = findRankings(csvObjects(res.body));
      else if (type.includes('wordprocessingml')) {
        const text = (await mammoth.extractRawText({ buffer: res.rawPayload })).value;
        found = rankingWords(text).map((w) => ({ path: 'document', problem: `ranking word "${w}"` }));
      }
      findings.push(...found.map((f) => ({ ...f, url })));
    }
  }
  return { findings, statuses };
}

describe('no ranking in any answer of the review module', () => {
  it('covers the module’s routes (the list is read from the composed app)', () => {
    const routes = reviewGetRoutes();
    for (const r of ['/api/v1/review/analysis', '/api/v1/review/analysis.csv', '/api/v1/review/progress', '/api/v1/reviews/:id/export.docx']) expect(routes).toContain(r);
  });

  it('as the secretariat', { timeout: 300_000 }, async () => {
    const { findings, statuses } = await scan(sessions['nr-sec']!);
    expect(findings).toEqual([]);
    expect(statuses['/api/v1/review/analysis']).toBe(200);
    expect(statuses['/api/v1/review/analysis.csv']).toBe(200);
    expect(statuses['/api/v1/review/progress']).toBe(200);
    expect(statuses[`/api/v1/reviews/${seed.reviews.MEX}/export.docx`]).toBe(200);
  });

  for (const who of ['nr-mex', 'nr-bra']) {
    it(`as a participant (${who === 'nr-mex' ? 'the reviewed State’s focal point' : 'a reviewing State’s expert'})`, { timeout: 300_000 }, async () => {
      const { findings, statuses } = await scan(sessions[who]!);
      expect(findings).toEqual([]);
      expect(statuses['/api/v1/review/progress']).toBe(200);
      expect(statuses[`/api/v1/reviews/${seed.reviews.MEX}/export.docx`]).toBe(200);
    });
  }
});
