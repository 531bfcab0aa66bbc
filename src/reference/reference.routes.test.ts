import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('instruments, articles, clusters', () => {
  it('lists the six instruments with names in the requested language', async () => {
    const res = await get('/api/v1/instruments?lang=fr');
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { code: string }) => i.code)).toEqual(['UNTOC', 'TIP', 'SOM', 'FIR', 'UNCAC', 'DRUG1988']);
    expect(items[0].name).toBe('Convention des Nations Unies contre la criminalité transnationale organisée');
    expect(items[1]).toMatchObject({ kind: 'protocol', parent: 'UNTOC' });
  });

  it('gives an instrument with its articles and their cluster', async () => {
    const res = await get('/api/v1/instruments/untoc?lang=zh');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toBe('联合国打击跨国有组织犯罪公约');
    expect(body.articles).toHaveLength(41);
    const a18 = body.articles.find((a: { article: number }) => a.article === 18);
    expect(a18).toMatchObject({ eid: 'art_18', title: 'Mutual legal assistance', titleLanguage: 'en', cluster: { code: 'international-cooperation' } });
    expect(a18.cluster.name).toBe('国际合作、司法协助和没收');
    const a9 = body.articles.find((a: { article: number }) => a.article === 9);
    expect(a9.reviewedOnlyIfNotPartyTo).toBe('UNCAC');
  });

  it('groups UNCAC articles by chapter', async () => {
    const body = (await get('/api/v1/instruments/UNCAC')).json();
    expect(body.articles.find((a: { article: number }) => a.article === 1)).toMatchObject({ chapter: 'I', chapterTitle: 'General provisions' });
  });

  it('gives one article, and 404 for one that does not exist', async () => {
    const ok = await get('/api/v1/instruments/TIP/articles/3?lang=en');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ instrument: 'TIP', article: 3, cluster: { code: 'criminalization-jurisdiction' }, instrumentShortName: 'Trafficking in Persons Protocol' });
    const missing = await get('/api/v1/instruments/TIP/articles/99');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('TIP has no article 99');
    expect((await get('/api/v1/instruments/NOPE')).statusCode).toBe(404);
  });

  it('lists the four clusters with their articles per instrument', async () => {
    const items = (await get('/api/v1/clusters?lang=ru')).json().items;
    expect(items.map((c: { code: string }) => c.code)).toEqual([
      'criminalization-jurisdiction',
      'prevention-assistance-protection',
      'law-enforcement-judicial',
      'international-cooperation',
    ]);
    const coop = items[3];
    expect(coop.name).toBe('Международное сотрудничество, взаимная правовая помощь и конфискация');
    expect(coop.articles.filter((a: { instrument: string }) => a.instrument === 'UNTOC').map((a: { article: number }) => a.article)).toEqual([12, 13, 14, 16, 17, 18, 21]);
  });
});

describe('States', () => {
  it('lists all 198 entities by default, named in the requested language', async () => {
    const body = (await get('/api/v1/states?lang=ar')).json();
    expect(body.total).toBe(198);
    expect(body.items.find((s: { iso3: string }) => s.iso3 === 'FRA').name).toBe('فرنسا');
  });

  it('filters by regional group and party status together', async () => {
    const body = (await get('/api/v1/states?group=african&party=TIP')).json();
    expect(body.items.length).toBeGreaterThan(30);
    for (const s of body.items) {
      expect(s.regionalGroup.code).toBe('african');
      expect(s.partyStatus.TIP).toBe('party');
    }
    expect(body.items.some((s: { iso3: string }) => s.iso3 === 'NGA')).toBe(true);
    // States whose TIP status is not loaded are not listed, and the answer says how many there are.
    expect(body.unknownStatus).toMatchObject({ instrument: 'TIP' });
    expect(body.unknownStatus.count).toBeGreaterThan(0);
    expect(body.unknownStatus.note).toMatch(/not loaded.*not mean.*not a party/i);
  });

  it('finds the not-loaded statuses when asked, and never calls them "none"', async () => {
    const body = (await get('/api/v1/states?party=FIR&status=unknown')).json();
    expect(body.total).toBeGreaterThan(0);
    for (const s of body.items) expect(s.partyStatus.FIR).toBe('unknown');
  });

  it('filters by legal-system family, matching mixed systems too', async () => {
    const body = (await get('/api/v1/states?legal=muslim')).json();
    const codes = body.items.map((s: { iso3: string }) => s.iso3);
    expect(codes).toContain('DZA'); // mixed:civil+muslim
    for (const s of body.items) expect(s.legalFamilies).toContain('muslim');
  });

  it('lists the entities outside the five regional groups with group=none', async () => {
    const codes = (await get('/api/v1/states?group=none')).json().items.map((s: { iso3: string }) => s.iso3).sort();
    expect(codes).toEqual(['COK', 'EUU', 'NIU', 'VAT']);
  });

  it('searches names in any language', async () => {
    const zh = (await get('/api/v1/states?q=' + encodeURIComponent('法国'))).json();
    expect(zh.items.map((s: { iso3: string }) => s.iso3)).toEqual(['FRA']);
    const ru = (await get('/api/v1/states?q=' + encodeURIComponent('Герман'))).json();
    expect(ru.items.map((s: { iso3: string }) => s.iso3)).toEqual(['DEU']);
    const pct = (await get('/api/v1/states?q=' + encodeURIComponent('%'))).json();
    expect(pct.total).toBe(0);
  });

  it('gives one State’s profile with party status per instrument, saying when status is not loaded', async () => {
    const res = await get('/api/v1/states/som?lang=es');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ iso3: 'SOM', name: 'Somalia', regionalGroup: { code: 'african' } });
    const untoc = body.partyStatus.find((p: { instrument: string }) => p.instrument === 'UNTOC');
    expect(untoc).toMatchObject({ status: 'unknown', known: false });
    expect(untoc.note).toMatch(/not loaded/);
    const drug = body.partyStatus.find((p: { instrument: string }) => p.instrument === 'DRUG1988');
    expect(drug.status).toBe('unknown');
    const fra = (await get('/api/v1/states/FRA')).json();
    expect(fra.partyStatus.find((p: { instrument: string }) => p.instrument === 'UNTOC')).toMatchObject({ status: 'party', known: true });
    expect(fra.partyStatus.find((p: { instrument: string }) => p.instrument === 'UNTOC').note).toBeUndefined();
  });

  it('keeps the history of a State’s party status', async () => {
    const items = (await get('/api/v1/states/FRA/party-status/history')).json().items;
    expect(items.length).toBe(6);
    expect(items[0]).toMatchObject({ from: null, changedBy: 'seed' });
  });
});

describe('bad input gets 400 (or 404) with the field and the reason', () => {
  const cases: Array<[string, number, string, RegExp]> = [
    ['/api/v1/states?group=martians', 400, 'querystring.group', /one of african/],
    ['/api/v1/states?group=AFRICAN_1', 400, 'querystring.group', /regional group code/],
    ['/api/v1/states?party=XYZ', 400, 'querystring.party', /one of UNTOC/],
    ['/api/v1/states?party=TIP!', 400, 'querystring.party', /instrument code/],
    ['/api/v1/states?legal=roman', 400, 'querystring.legal', /./],
    ['/api/v1/states?status=party', 400, 'querystring.status', /party=/],
    ['/api/v1/states?lang=de', 400, 'querystring.lang', /./],
    ['/api/v1/states?q=' + 'x'.repeat(101), 400, 'querystring.q', /./],
    ['/api/v1/states/12', 400, 'params.iso3', /ISO 3166-1 alpha-3/],
    ['/api/v1/states/FRANCE', 400, 'params.iso3', /ISO 3166-1 alpha-3/],
    ['/api/v1/instruments/UNTOC/articles/abc', 400, 'params.article', /./],
    ['/api/v1/instruments/UNTOC/articles/0', 400, 'params.article', /./],
  ];
  for (const [url, status, path, message] of cases) {
    it(`${url.slice(0, 60)} → ${status} at ${path}`, async () => {
      const res = await get(url);
      expect(res.statusCode).toBe(status);
      const err = res.json().error;
      expect(err.issues[0].path).toBe(path);
      expect(err.issues[0].message).toMatch(message);
      expect(err.message).toBeTruthy();
      expect(res.body).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    });
  }

  it('a well-formed but unknown ISO code is 404', async () => {
    const res = await get('/api/v1/states/XXX');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe('No State with code XXX');
  });

  it('unknown routes are JSON 404s', async () => {
    const res = await get('/api/v1/nowhere');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json().error.code).toBe('not_found');
  });

  it('serves the OpenAPI document and its UI', async () => {
    const json = await get('/api/docs/json');
    expect(json.statusCode).toBe(200);
    expect(Object.keys(json.json().paths)).toEqual(expect.arrayContaining(['/api/v1/states', '/api/v1/states/{iso3}', '/api/v1/auth/login']));
    expect((await get('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('health answers', async () => {
    expect((await get('/api/health')).json()).toEqual({ status: 'ok' });
  });
});
