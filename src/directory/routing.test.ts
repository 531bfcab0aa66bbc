import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { ANONYMOUS, type Actor } from '../platform/auth/roles.ts';
import { importPartyStatus } from '../reference/party-status-import.ts';
import { loadDemoDirectory } from './seed/demo-directory.ts';
import { routeRequest } from './routing.service.ts';

let t: TestApp;
let officer: Session;
const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000000', username: 'test', displayName: 'test', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
const practitioner: Actor = { ...secretariat, state: 'FRA', roles: ['practitioner'] };

beforeAll(async () => {
  t = await createTestApp();
  const first = await loadDemoDirectory(t.database.db);
  expect(first.added).toBeGreaterThan(50);
  await addUser(t, 'route-officer', ['officer'], 'FRA');
  officer = await login(t.app, 'route-officer');
});
afterAll(() => t.close());

describe('routing: who do I send this to?', () => {
  it('loading the demo directory twice adds nothing the second time', async () => {
    expect((await loadDemoDirectory(t.database.db)).added).toBe(0);
  });

  it('FRA → CHN, MLA for bank records: the central authority, its languages and channels, both parties, the measure record', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'fra', to: 'CHN', kind: 'mla', measure: 'bank-records' });
    expect(a.requesting).toMatchObject({ iso3: 'FRA', untoc: 'party' });
    expect(a.requested).toMatchObject({ iso3: 'CHN', untoc: 'party' });
    expect(a.authority?.name).toContain('司法部');
    expect(a.authority?.contacts?.email).toMatch(/example\.org$/);
    expect(a.languages).toEqual(['zh', 'en']);
    expect(a.channels).toEqual(['diplomatic', 'post', 'secure-electronic']);
    expect(a.legalBasis).toMatchObject({ convention: true, code: 'both-parties' });
    expect(a.measure).toMatchObject({ code: 'bank-records', available: 'yes', dualCriminality: 'coercive-only' });
    expect(a.requirements.length).toBeGreaterThan(0);
    expect(a.unknown).not.toContain('languages');
    expect(a.unknown).not.toContain('authority');
  });

  it('FRA → CHN, preservation of electronic data: addressed to the police unit the measure record names, the central authority as channel', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'CHN', kind: 'mla', measure: 'e-evidence-preservation' });
    const police = await t.database.db.selectFrom('directory_authorities').select(['id', 'name']).where('iso3', '=', 'CHN').where('subtype', '=', 'police').executeTakeFirstOrThrow();
    expect(a.addressee).toMatchObject({ id: police.id, name: police.name, source: 'measure', available24x7: true, via: { id: a.authority!.id, name: a.authority!.name } });
    expect(a.addressee!.name).toContain('公安部');
    expect(a.addressee!.via!.name).toContain('司法部');
    expect(a.authority?.name).toContain('司法部'); // the central authority is still named as such
    const anon = await routeRequest(t.database.db, ANONYMOUS, { from: 'FRA', to: 'CHN', kind: 'mla', measure: 'e-evidence-preservation' });
    expect(anon.addressee).toMatchObject({ id: police.id, contacts: null });
  });

  it('MLA for bank records, or no measure at all: the central authority is the addressee, with no other channel', async () => {
    const bank = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'CHN', kind: 'mla', measure: 'bank-records' });
    expect(bank.addressee).toMatchObject({ id: bank.authority!.id, name: bank.authority!.name, source: 'measure', via: null });
    expect(bank.addressee!.contacts?.email).toMatch(/example\.org$/);
    const general = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'CHN', kind: 'mla' });
    expect(general.addressee).toMatchObject({ id: general.authority!.id, source: 'central-authority', via: null });
  });

  it('a receiving authority recorded only by name (CHN → FRA preservation) is the addressee, through the central authority', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'CHN', to: 'FRA', kind: 'mla', measure: 'e-evidence-preservation' });
    expect(a.addressee).toMatchObject({ id: null, name: expect.stringMatching(/^Office central de lutte/), source: 'measure', contacts: null, via: { id: a.authority!.id } });
  });

  it('extradition to CHN: both parties, but CHN notified under art. 16(5)(a) that the Convention is not its legal basis', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'CHN', kind: 'extradition' });
    expect(a.legalBasis).toMatchObject({ convention: false, code: 'extradition-notified-no' });
    expect(a.extraditionNotification).toMatchObject({ basis: 'no' });
  });

  it('extradition to FRA (notified yes) and to NGA (nothing notified)', async () => {
    expect((await routeRequest(t.database.db, practitioner, { from: 'CHN', to: 'FRA', kind: 'extradition' })).legalBasis).toMatchObject({ convention: true, code: 'extradition-notified-yes' });
    const nga = await routeRequest(t.database.db, practitioner, { from: 'CHN', to: 'NGA', kind: 'extradition' });
    expect(nga.legalBasis).toMatchObject({ convention: null, code: 'extradition-not-notified' });
    expect(nga.unknown).toContain('extradition-notification');
  });

  it('says plainly what is unknown: ITA has no languages, no channels recorded and no art. 18(14) entry', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'ITA', kind: 'mla', measure: 'e-evidence-traffic' });
    expect(a.authority).not.toBeNull();
    expect(a.languages).toBeNull();
    expect(a.channels).toBeNull();
    expect(a.measure).toBeNull();
    expect(a.unknown).toEqual(expect.arrayContaining(['languages', 'channels', 'measure:e-evidence-traffic']));
  });

  it('falls back to the art. 18(14) notification for languages when the entry has none', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'MEX', kind: 'mla' });
    expect(a.languages).toEqual(['es']);
  });

  it('unknown party status → convention null with status-unknown; a State with no entry → authority unknown', async () => {
    const a = await routeRequest(t.database.db, practitioner, { from: 'FRA', to: 'IRN', kind: 'mla' });
    expect(a.requested.untoc).toBe('unknown');
    expect(a.legalBasis).toMatchObject({ convention: null, code: 'status-unknown' });
    expect(a.authority).toBeNull();
    expect(a.unknown).toEqual(expect.arrayContaining(['party-status:requested', 'authority', 'languages', 'channels']));
  });

  it('a non-party → the Convention cannot serve (even for extradition with a "yes" notification)', async () => {
    await importPartyStatus(t.database.db, 'iso3,instrument,status\nCOG,UNTOC,signatory\n', { actor: secretariat, defaultSource: 'test' });
    const a = await routeRequest(t.database.db, practitioner, { from: 'COG', to: 'FRA', kind: 'extradition' });
    expect(a.requesting.untoc).toBe('signatory');
    expect(a.legalBasis).toMatchObject({ convention: false, code: 'not-both-parties' });
  });

  it('contacts are null for the public', async () => {
    const a = await routeRequest(t.database.db, ANONYMOUS, { from: 'FRA', to: 'CHN', kind: 'mla' });
    expect(a.authority?.name).toBeTruthy();
    expect(a.authority?.contacts).toBeNull();
  });

  it('over HTTP: the same answer, contacts by login, clear errors for bad input', async () => {
    const anon = await as(t.app, null, 'GET', '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=bank-records');
    expect(anon.statusCode).toBe(200);
    expect(anon.json().authority.contacts).toBeNull();
    const logged = await as(t.app, officer, 'GET', '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=bank-records&lang=fr');
    expect(logged.json().authority.contacts.email).toMatch(/@/);
    expect(logged.json().requested.name).toBe('Chine');
    const preservation = (await as(t.app, null, 'GET', '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=e-evidence-preservation')).json();
    expect(preservation.addressee).toMatchObject({ source: 'measure', contacts: null, via: { id: preservation.authority.id } });
    expect(preservation.addressee.name).toContain('公安部');
    const bad = await as(t.app, null, 'GET', '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=teleportation');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('querystring.measure');
    const missing = await as(t.app, null, 'GET', '/api/v1/directory/route?from=FRA&to=XXX&kind=mla');
    expect(missing.statusCode).toBe(404);
  });
});
