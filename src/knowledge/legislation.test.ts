import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
let focalMex: Session;
let focalGtm: Session;
let lawId = '';

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'focal-mex', ['focal_point'], 'MEX');
  await addUser(t, 'focal-gtm', ['focal_point'], 'GTM');
  focalMex = await login(t.app, 'focal-mex');
  focalGtm = await login(t.app, 'focal-gtm');
  lawId = (await as(t.app, focalMex, 'POST', '/api/v1/records', {
    type: 'legislation', lang: 'es', title: 'Ley General para Prevenir, Sancionar y Erradicar los Delitos en Materia de Trata de Personas',
    states: ['MEX'], details: { lawTitle: 'Ley General en Materia de Trata de Personas', enactedOn: '2012-06-14' },
    links: [{ predicate: 'implements', instrument: 'TIP', article: 3 }],
  })).json().id;
});
afterAll(() => t.close());

const put = (eid: string, body: Record<string, unknown>, who = focalMex) => as(t.app, who, 'PUT', `/api/v1/records/${lawId}/provisions/${eid}`, body);
const at = async (date: string) => (await as(t.app, null, 'GET', `/api/v1/records/${lawId}/provisions?at=${date}`)).json().items.map((p: { eid: string; text: string }) => `${p.eid}: ${p.text}`);

describe('legislation per provision, as it stood on a date', () => {
  it('keeps every wording with its period, and shows the law on any date', async () => {
    expect((await put('art_10', { heading: 'Artículo 10', text: 'Pena de 5 a 15 años.', validFrom: '2012-06-15' })).statusCode).toBe(204);
    expect((await put('art_13', { text: 'Explotación sexual.', validFrom: '2012-06-15' })).statusCode).toBe(204);
    expect((await put('art_10', { text: 'Pena de 10 a 20 años.', validFrom: '2014-03-19', change: 'reforma DOF 19-03-2014' })).statusCode).toBe(204);
    expect((await as(t.app, focalMex, 'POST', `/api/v1/records/${lawId}/provisions/art_13/repeal`, { on: '2020-01-01', change: 'decreto X' })).statusCode).toBe(204);

    expect(await at('2011-01-01')).toEqual([]);
    expect(await at('2013-01-01')).toEqual(['art_10: Pena de 5 a 15 años.', 'art_13: Explotación sexual.']);
    expect(await at('2014-03-19')).toEqual(['art_10: Pena de 10 a 20 años.', 'art_13: Explotación sexual.']);
    expect(await at('2021-01-01')).toEqual(['art_10: Pena de 10 a 20 años.']);

    const history = (await as(t.app, null, 'GET', `/api/v1/records/${lawId}/provisions?history=true`)).json().items;
    expect(history.map((p: { eid: string; validFrom: string; validTo: string | null; change: string }) => [p.eid, p.validFrom, p.validTo, p.change])).toEqual([
      ['art_10', '2012-06-15', '2014-03-19', 'enacted'],
      ['art_10', '2014-03-19', null, 'reforma DOF 19-03-2014'],
      ['art_13', '2012-06-15', '2020-01-01', 'enacted; repealed by decreto X on 2020-01-01'],
    ]);
  });

  it('searches the wording in force', async () => {
    const r = (await as(t.app, null, 'GET', '/api/v1/search?q=pena')).json();
    expect(r.items.map((i: { id: string }) => i.id)).toEqual([lawId]);
  });

  it('refuses an amendment dated before the wording in force, a bad provision id, and another State’s focal point', async () => {
    const early = await put('art_10', { text: 'x', validFrom: '2013-01-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.issues[0].path).toBe('body.validFrom');
    expect((await put('article ten', { text: 'x', validFrom: '2030-01-01' })).json().error.issues[0].path).toBe('params.eid');
    expect((await put('art_11', { text: 'x', validFrom: '2030-01-01' }, focalGtm)).statusCode).toBe(403);
  });
});
