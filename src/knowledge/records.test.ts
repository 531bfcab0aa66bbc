import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';

let t: TestApp;
let sec: Session;
let focalMex: Session;
let officerFra: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sec', ['secretariat'], null);
  await addUser(t, 'focal-mex', ['focal_point'], 'MEX');
  await addUser(t, 'officer-fra', ['officer'], 'FRA');
  sec = await login(t.app, 'sec');
  focalMex = await login(t.app, 'focal-mex');
  officerFra = await login(t.app, 'officer-fra');
});
afterAll(() => t.close());

const caseRecord = {
  type: 'case',
  title: 'Fiscalía v. Grupo X',
  lang: 'es',
  states: ['MEX'],
  date: '2021-03-04',
  crimes: ['trafficking-in-persons'],
  links: [{ predicate: 'cites', instrument: 'TIP', article: 3 }],
  details: {
    court: 'Tribunal Colegiado',
    caseNumber: '123/2020',
    stage: 'final',
    participants: [{ role: 'victim', kind: 'natural', gender: 'female', age: 17, nationality: 'GTM' }],
    charges: [{ statute: 'Ley General, art. 10', verdict: 'convicted', sentence: '15 años' }],
    cooperation: [{ kind: 'mla', requesting: 'MEX', requested: 'GTM', legalBasis: { kind: 'convention', instrument: 'UNTOC', article: 18 }, outcome: 'granted' }],
    trafficking: { acts: ['recruitment', 'transportation'], means: ['deception'], purposes: ['sexual-exploitation'], form: 'transnational' },
  },
};

describe('knowledge records', () => {
  it('a focal point adds a case concerning their State; structured fields are validated and kept', async () => {
    const res = await as(t.app, focalMex, 'POST', '/api/v1/records', caseRecord);
    expect(res.statusCode).toBe(201);
    const rec = res.json();
    expect(rec).toMatchObject({ type: 'case', states: ['MEX'], version: 1, createdBy: 'focal-mex' });
    expect(rec.details.trafficking.means).toEqual(['deception']);
    expect(rec.details.participants[0].anonymised).toBe(true);
  });

  it('rejects invalid structured fields with their path, and a focal point of another State', async () => {
    const bad = await as(t.app, focalMex, 'POST', '/api/v1/records', {
      ...caseRecord,
      details: { ...caseRecord.details, trafficking: { acts: ['dancing'], means: [], purposes: [] } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['body.details.trafficking.acts.0', 'body.details.trafficking.purposes']),
    );
    const other = await as(t.app, focalMex, 'POST', '/api/v1/records', { ...caseRecord, states: ['GTM'] });
    expect(other.statusCode).toBe(403);
    const unknownState = await as(t.app, sec, 'POST', '/api/v1/records', { ...caseRecord, states: ['XXX'] });
    expect(unknownState.json().error.issues[0]).toEqual({ path: 'body.states.0', message: 'unknown State XXX' });
  });

  it('an edit changes only what it names, and keeps every previous version', async () => {
    const id = (await as(t.app, sec, 'POST', '/api/v1/records', caseRecord)).json().id;
    const patched = await as(t.app, focalMex, 'PATCH', `/api/v1/records/${id}`, { title: 'Fiscalía v. Grupo X (apelación)', note: 'title fixed', expectedVersion: 1 });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, states: ['MEX'], crimes: ['trafficking-in-persons'], updatedBy: 'focal-mex' });
    const full = (await as(t.app, null, 'GET', `/api/v1/records/${id}`)).json();
    expect(full.links).toHaveLength(1);
    const versions = (await as(t.app, null, 'GET', `/api/v1/records/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([[2, 'title fixed'], [1, 'created']]);
    expect(versions[1].snapshot.title).toBe('Fiscalía v. Grupo X');
  });

  it('keeps translations per field, marked, with the original untouched', async () => {
    const id = (await as(t.app, sec, 'POST', '/api/v1/records', caseRecord)).json().id;
    const tr = await as(t.app, sec, 'POST', `/api/v1/records/${id}/translations`, { field: 'title', lang: 'en', value: 'Prosecutor v. Group X', kind: 'unofficial' });
    expect(tr.statusCode).toBe(204);
    const full = (await as(t.app, null, 'GET', `/api/v1/records/${id}`)).json();
    expect(full.title).toBe('Fiscalía v. Grupo X');
    expect(full.translations).toEqual([expect.objectContaining({ field: 'title', lang: 'en', value: 'Prosecutor v. Group X', kind: 'unofficial', by: 'sec' })]);
  });

  it('links language versions of one work, and refuses an unknown work', async () => {
    const es = (await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', title: 'Guía', lang: 'es', states: ['MEX'] })).json();
    const en = await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', title: 'Guide', lang: 'en', states: ['MEX'], workId: es.workId });
    expect(en.statusCode).toBe(201);
    const full = (await as(t.app, null, 'GET', `/api/v1/records/${es.id}`)).json();
    expect(full.languageVersions).toEqual([{ id: en.json().id, lang: 'en', title: 'Guide' }]);
    const unknown = await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', title: 'x', lang: 'fr', workId: '11111111-1111-4111-8111-111111111111' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.issues[0].path).toBe('body.workId');
  });

  it('a State-restricted record is invisible (404) to others, and reading it is audited', async () => {
    const id = (await as(t.app, sec, 'POST', '/api/v1/records', { type: 'guide', title: 'Note interne', lang: 'fr', states: ['FRA'], access: 'state', accessState: 'FRA' })).json().id;
    expect((await as(t.app, null, 'GET', `/api/v1/records/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, focalMex, 'GET', `/api/v1/records/${id}`)).statusCode).toBe(404);
    expect((await as(t.app, officerFra, 'GET', `/api/v1/records/${id}`)).statusCode).toBe(200);
    const reads = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'knowledge.read').where('target_id', '=', id).execute();
    expect(reads.map((r) => r.actor_username)).toEqual(['officer-fra']);
  });

  it('retiring keeps the record and its history, and an extracted link can be confirmed or rejected', async () => {
    const id = (await as(t.app, sec, 'POST', '/api/v1/records', caseRecord)).json().id;
    const linkId = (await as(t.app, null, 'GET', `/api/v1/records/${id}`)).json().links[0].id;
    const reviewed = await as(t.app, sec, 'POST', `/api/v1/records/${id}/links/${linkId}/review`, { decision: 'reject' });
    expect(reviewed.json()).toMatchObject({ verified: false, rejected: true });
    const retired = await as(t.app, sec, 'POST', `/api/v1/records/${id}/retire`, { reason: 'duplicate of another entry', expectedVersion: 1 });
    expect(retired.json()).toMatchObject({ version: 2, retiredReason: 'duplicate of another entry' });
    expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { title: 'x', expectedVersion: 2 })).statusCode).toBe(400);
  });
});
