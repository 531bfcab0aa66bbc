import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from './seed/demo-directory.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let fraCa: string;
let mexCa: string;
let mexNotification: string;
let mexMeasure: string;

const get = (who: Session | null, url: string) => as(t.app, who, 'GET', url);

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  const users: Array<[string, Parameters<typeof addUser>[2], string | null]> = [
    ['fp-fra', ['focal_point'], 'FRA'],
    ['fp-mex', ['focal_point'], 'MEX'],
    ['prac-deu', ['practitioner'], 'DEU'],
    ['off-nga', ['officer'], 'NGA'],
    ['exp-egy', ['expert'], 'EGY'],
    ['exp-fra', ['expert'], 'FRA'],
    ['sec', ['secretariat'], null],
    ['adm', ['admin'], null],
  ];
  for (const [name, roles, state] of users) {
    await addUser(t, name, roles, state);
    s[name] = await login(t.app, name);
  }
  const fra = (await get(s.sec!, '/api/v1/directory/states/FRA')).json();
  fraCa = fra.part1[0].id;
  const mex = (await get(s.sec!, '/api/v1/directory/states/MEX')).json();
  mexCa = mex.part1[0].id;
  mexNotification = mex.notifications[0].id;
  mexMeasure = mex.measures[0].id;
});
afterAll(() => t.close());

async function historyCount(): Promise<number> {
  return Number((await t.database.db.selectFrom('directory_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describe('access tiers', () => {
  it('the public sees names and functions, never contact details', async () => {
    const a = (await get(null, `/api/v1/directory/authorities/${fraCa}`)).json();
    expect(a.name).toContain('Ministère de la Justice');
    expect(a.functions).toContain('mla');
    expect(a.part).toBe(1);
    for (const f of ['email', 'phone', 'fax', 'postalAddress', 'website', 'contactPersons']) expect(a[f], f).toBeNull();
    expect(a.contactsVisible).toBe(false);
    const page = (await get(null, '/api/v1/directory/states/FRA')).json();
    expect(page.part1[0].email).toBeNull();
    expect(page.part2.some((x: { name: string }) => x.name.includes('CARIN'))).toBe(true); // networks the State belongs to
    const list = (await get(null, '/api/v1/directory/authorities?state=FRA')).json();
    expect(list.items.every((x: { email: unknown; contactPersons: unknown }) => x.email === null && x.contactPersons === null)).toBe(true);
    const csv = (await get(null, '/api/v1/directory/export?type=authorities&format=csv')).body;
    expect(csv).not.toMatch(/@demo-directory\.example\.org/);
    expect(csv).toContain('Bureau de l’entraide pénale internationale');
    expect((await get(null, `/api/v1/directory/authorities/${fraCa}/vcard`)).statusCode).toBe(401);
  });

  it('practitioners and officers of any State see contacts; platform operators do not', async () => {
    for (const who of ['prac-deu', 'off-nga', 'fp-mex', 'sec']) {
      const a = (await get(s[who]!, `/api/v1/directory/authorities/${fraCa}`)).json();
      expect(a.email, who).toMatch(/@demo-directory\.example\.org$/);
      expect(a.contactPersons[0].name, who).toContain('[FICTITIOUS]');
    }
    expect((await get(s.adm!, `/api/v1/directory/authorities/${fraCa}`)).json().email).toBeNull();
    expect((await get(s['prac-deu']!, '/api/v1/directory/export?type=authorities&format=csv')).body).toMatch(/@demo-directory\.example\.org/);
  });

  it('the experts’ list: experts see each other’s contacts; the secretariat keeps it without them; nobody else sees it', async () => {
    const mine = await as(t.app, s['exp-fra']!, 'POST', '/api/v1/directory/experts', { name: 'Demo Expert FRA [FICTITIOUS]', email: 'fra.expert@example.org', iso3: 'MEX' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().iso3).toBe('FRA'); // an expert's own entry is of their own State
    const list = (await get(s['exp-egy']!, '/api/v1/directory/experts')).json().items;
    const fraExpert = list.find((e: { name: string }) => e.name === 'Demo Expert FRA [FICTITIOUS]');
    expect(fraExpert.email).toBe('fra.expert@example.org');
    const secList = (await get(s.sec!, '/api/v1/directory/experts')).json().items;
    expect(secList.length).toBe(list.length);
    expect(secList.every((e: { email: unknown; phone: unknown }) => e.email === null && e.phone === null)).toBe(true);
    for (const who of ['prac-deu', 'off-nga', 'fp-mex', 'adm']) {
      expect((await get(s[who]!, '/api/v1/directory/experts')).statusCode, who).toBe(403);
      expect((await get(s[who]!, `/api/v1/directory/experts/${fraExpert.id}/vcard`)).statusCode, who).toBe(403);
    }
    expect((await get(null, '/api/v1/directory/experts')).statusCode).toBe(401);
    expect((await get(s['prac-deu']!, '/api/v1/directory/export?type=experts&format=json')).statusCode).toBe(403);
    const card = await get(s['exp-egy']!, `/api/v1/directory/experts/${fraExpert.id}/vcard`);
    expect(card.headers['content-type']).toMatch(/^text\/vcard/);
    expect(card.body).toContain('EMAIL;TYPE=work:fra.expert@example.org');
    // Reading the confidential list is audited.
    const reads = await t.database.db.selectFrom('audit_log').select('actor_username').where('action', '=', 'directory.experts.read').execute();
    expect(reads.map((r) => r.actor_username)).toEqual(expect.arrayContaining(['exp-egy', 'sec']));
    // An expert changes only their own entry.
    const other = list.find((e: { name: string }) => e.name.startsWith('Demo Expert 1'));
    expect((await as(t.app, s['exp-fra']!, 'PATCH', `/api/v1/directory/experts/${other.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await as(t.app, s['exp-fra']!, 'PATCH', `/api/v1/directory/experts/${fraExpert.id}`, { title: 'Judge' })).statusCode).toBe(200);
  });
});

describe('a focal point edits only its own State’s entries', () => {
  it('the MEX focal point changes a MEX entry', async () => {
    const r = await as(t.app, s['fp-mex']!, 'PATCH', `/api/v1/directory/authorities/${mexCa}`, { officeHours: 'Lun–Vie 09:00–18:00' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ officeHours: 'Lun–Vie 09:00–18:00', version: 2, provenance: { type: 'focal-point-update', reference: 'MEX' } });
  });

  it('the FRA focal point cannot change MEX entries through any route, and nothing is written', async () => {
    const fp = s['fp-fra']!;
    const before = await historyCount();
    const fraMeasure = (await get(fp, '/api/v1/directory/measures?state=FRA')).json().items[0];
    const attempts: Array<[string, 'POST' | 'PATCH' | 'PUT', string, unknown]> = [
      ['patch authority', 'PATCH', `/api/v1/directory/authorities/${mexCa}`, { name: 'Hijacked' }],
      ['create authority', 'POST', '/api/v1/directory/authorities', { iso3: 'MEX', category: 'competent-authority', subtype: 'police', name: 'Fake unit' }],
      ['move own entry to MEX', 'PATCH', `/api/v1/directory/authorities/${fraCa}`, { iso3: 'MEX' }],
      ['confirm', 'POST', `/api/v1/directory/authorities/${mexCa}/confirm`, {}],
      ['retire', 'POST', `/api/v1/directory/authorities/${mexCa}/retire`, { reason: 'because' }],
      ['put measure', 'PUT', '/api/v1/directory/states/MEX/measures/bank-records', { available: 'no' }],
      ['new measure', 'PUT', '/api/v1/directory/states/MEX/measures/search-and-seizure', { available: 'no' }],
      ['confirm measure', 'POST', `/api/v1/directory/measures/${mexMeasure}/confirm`, {}],
      ['retire measure', 'POST', `/api/v1/directory/measures/${mexMeasure}/retire`, { reason: 'because' }],
      ['create notification', 'POST', '/api/v1/directory/notifications', { iso3: 'MEX', type: 'art16-5-a', text: 'No', extraditionBasis: 'no' }],
      ['patch notification', 'PATCH', `/api/v1/directory/notifications/${mexNotification}`, { extraditionBasis: 'no' }],
      ['confirm notification', 'POST', `/api/v1/directory/notifications/${mexNotification}/confirm`, {}],
      ['retire notification', 'POST', `/api/v1/directory/notifications/${mexNotification}/retire`, { reason: 'because' }],
      ['import', 'POST', '/api/v1/directory/import?type=authorities', 'iso3,category,subtype,name\nMEX,competent-authority,police,Fake\n'],
    ];
    for (const [what, method, url, payload] of attempts) {
      const headers: Record<string, string> = typeof payload === 'string' ? { 'content-type': 'text/csv' } : {};
      const r = await as(t.app, fp, method, url, payload, headers);
      expect(r.statusCode, `${what}: ${r.body}`).toBe(403);
    }
    // A reference from an own-State record to another State's authority is refused too.
    const cross = await as(t.app, fp, 'PUT', `/api/v1/directory/states/FRA/measures/${fraMeasure.measure}`, { receivingAuthorityId: mexCa });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.issues[0].path).toBe('body.receivingAuthorityId');
    expect(await historyCount()).toBe(before);
    const mex = (await get(s.sec!, `/api/v1/directory/authorities/${mexCa}`)).json();
    expect(mex.name).not.toBe('Hijacked');
    expect(mex.retired).toBe(false);
  });

  it('the secretariat changes any State’s entries', async () => {
    const r = await as(t.app, s.sec!, 'PUT', '/api/v1/directory/states/MEX/measures/search-and-seizure', { available: 'partly', usualExecutionDays: 40 });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ iso3: 'MEX', measure: 'search-and-seizure', available: 'partly', provenance: { type: 'secretariat' } });
  });
});

describe('history of every change', () => {
  it('create, update, confirm and retire each leave a version: who, when, what', async () => {
    const fp = s['fp-fra']!;
    const created = await as(t.app, fp, 'POST', '/api/v1/directory/authorities', {
      iso3: 'FRA', category: 'competent-authority', subtype: 'prosecution-service', name: 'Parquet national financier', functions: ['mla'], email: 'pnf@example.org',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const patched = await as(t.app, fp, 'PATCH', `/api/v1/directory/authorities/${id}`, { email: 'pnf2@example.org', languages: ['fr', 'en'], expectedVersion: 1 });
    expect(patched.json().version).toBe(2);
    // Saying the same again is no change: no new version.
    const same = await as(t.app, fp, 'PATCH', `/api/v1/directory/authorities/${id}`, { email: 'pnf2@example.org' });
    expect(same.json().version).toBe(2);
    const stale = await as(t.app, fp, 'PATCH', `/api/v1/directory/authorities/${id}`, { email: 'late@example.org', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    await as(t.app, fp, 'POST', `/api/v1/directory/authorities/${id}/confirm`, {});
    await as(t.app, fp, 'POST', `/api/v1/directory/authorities/${id}/retire`, { reason: 'merged into another entry' });

    const h = (await get(s['prac-deu']!, `/api/v1/directory/authorities/${id}/history`)).json().items;
    expect(h.map((x: { action: string }) => x.action)).toEqual(['retire', 'confirm', 'update', 'create']);
    expect(h.map((x: { version: number }) => x.version)).toEqual([4, 3, 2, 1]);
    expect(h[2].changedBy).toBe('fp-fra');
    expect(h[2].changes.email).toEqual({ from: 'pnf@example.org', to: 'pnf2@example.org' });
    expect(h[2].changes.languages).toEqual({ from: null, to: ['fr', 'en'] });
    expect(h[1].changes.lastVerified.to).toBe(new Date().toISOString().slice(0, 10));
    // The public sees that something changed, not the contact details or who changed it.
    const pub = (await get(null, `/api/v1/directory/authorities/${id}/history`)).json().items;
    expect(pub[2].changes.email).toEqual({ from: null, to: null, hidden: true });
    expect(pub[2].changedBy).toBeNull();
    // A retired entry is no longer listed, but still readable with its history.
    expect((await get(null, '/api/v1/directory/authorities?state=FRA')).json().items.some((a: { id: string }) => a.id === id)).toBe(false);
    // Each change is in the audit log too.
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', id).execute();
    expect(audited.map((a) => a.action)).toEqual(['directory.authority.create', 'directory.authority.update', 'directory.authority.confirm', 'directory.authority.retire']);
  });

  it('notifications keep their history (the demo CHN art. 18(14) notification was changed once)', async () => {
    const n = (await get(null, '/api/v1/directory/notifications?state=CHN&type=art18-14')).json().items[0];
    expect(n.languages).toEqual(['zh', 'en']);
    expect(n.provenance.type).toBe('note-verbale');
    const h = (await get(null, `/api/v1/directory/notifications/${n.id}/history`)).json().items;
    expect(h[0].changes.languages).toEqual({ from: ['zh'], to: ['zh', 'en'] });
  });
});

describe('stale entries and "confirm still correct"', () => {
  it('the secretariat sees entries not confirmed for 12 months; confirming one removes it', async () => {
    const stale = (await get(s.sec!, '/api/v1/directory/stale')).json();
    const ita = stale.items.find((i: { iso3: string; entryType: string }) => i.iso3 === 'ITA' && i.entryType === 'authority');
    expect(ita.lastVerified).toBeNull();
    expect(stale.items.some((i: { iso3: string }) => i.iso3 === 'EGY')).toBe(true);
    expect(stale.items.some((i: { id: string }) => i.id === fraCa)).toBe(false);
    const confirmed = await as(t.app, s.sec!, 'POST', `/api/v1/directory/authorities/${ita.id}/confirm`, {});
    expect(confirmed.json().lastVerified).toBe(new Date().toISOString().slice(0, 10));
    const after = (await get(s.sec!, '/api/v1/directory/stale')).json();
    expect(after.items.some((i: { id: string }) => i.id === ita.id)).toBe(false);
    expect((await get(s['fp-fra']!, '/api/v1/directory/stale')).statusCode).toBe(403);
  });
});

describe('validation at the edge', () => {
  it('names the field and the problem', async () => {
    const r = await as(t.app, s.sec!, 'POST', '/api/v1/directory/authorities', { iso3: 'FRA', category: 'central-authority', subtype: 'court', name: 'X', email: 'not-an-address', languages: ['French'], channels: ['pigeon'], colour: 'blue' });
    expect(r.statusCode).toBe(400);
    const paths = r.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.languages.0', 'body.channels.0']));
    const art16 = await as(t.app, s.sec!, 'POST', '/api/v1/directory/notifications', { iso3: 'FRA', type: 'art16-5-a', text: 'Missing the answer' });
    expect(art16.statusCode).toBe(400);
    expect(art16.json().error.issues[0].path).toBe('body.extraditionBasis');
    const noState = await as(t.app, s.sec!, 'POST', '/api/v1/directory/authorities', { iso3: 'XXX', category: 'central-authority', subtype: 'court', name: 'X' });
    expect(noState.statusCode).toBe(400);
    expect(noState.json().error.issues[0]).toMatchObject({ path: 'body.iso3', message: '"XXX" is not a known State code' });
  });
});
