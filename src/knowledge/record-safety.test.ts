import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';

/**
 * Issue #9 items 5, 8, 9: concurrent edits of a record, what a focal point of another State may do to a
 * shared record, and which versions of a record each reader sees.
 */

let t: TestApp;
let sec: Session;
let focalMex: Session;
let focalFra: Session;
let pracFra: Session;
let officerMex: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sec', ['secretariat'], null);
  await addUser(t, 'focal-mex', ['focal_point'], 'MEX');
  await addUser(t, 'focal-fra', ['focal_point'], 'FRA');
  await addUser(t, 'prac-fra', ['practitioner'], 'FRA');
  await addUser(t, 'officer-mex', ['officer'], 'MEX');
  sec = await login(t.app, 'sec');
  focalMex = await login(t.app, 'focal-mex');
  focalFra = await login(t.app, 'focal-fra');
  pracFra = await login(t.app, 'prac-fra');
  officerMex = await login(t.app, 'officer-mex');
});
afterAll(() => t.close());

const guide = (extra: Record<string, unknown> = {}) => ({ type: 'guide', title: 'Guía de cooperación', lang: 'es', fullText: 'texto', ...extra });
const create = async (who: Session, body: Record<string, unknown>) => {
  const res = await as(t.app, who, 'POST', '/api/v1/records', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; workId: string; version: number };
};
/** Everything a refused request could have written about a record. */
const stateOf = async (id: string) => ({
  record: await t.database.db.selectFrom('knowledge_records').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  versions: await t.database.db.selectFrom('knowledge_record_versions').select(['version', 'access']).where('record_id', '=', id).orderBy('version').execute(),
});
const recordCount = async () => (await t.database.db.selectFrom('knowledge_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

describe('knowledge records: optimistic concurrency (item 5)', () => {
  it('an edit must say which version it read', async () => {
    const { id } = await create(sec, guide({ states: ['MEX'] }));
    const before = await stateOf(id);
    const res = await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { title: 'Otra' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('body.expectedVersion');
    const retire = await as(t.app, sec, 'POST', `/api/v1/records/${id}/retire`, { reason: 'duplicate' });
    expect(retire.statusCode).toBe(400);
    expect(await stateOf(id)).toEqual(before);
  });

  it('of three concurrent edits of the same version exactly one wins; the others get 409 and write nothing', async () => {
    const { id } = await create(sec, guide({ states: ['MEX'] }));
    const results = await Promise.all(
      ['Uno', 'Dos', 'Tres'].map((title) => as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { title, expectedVersion: 1 })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    for (const lost of results.filter((r) => r.statusCode === 409)) {
      expect(lost.json().error.code).toBe('conflict');
      expect(lost.json().error.issues).toEqual([{ path: 'body.expectedVersion', message: expect.stringContaining('the current version is 2') }]);
    }
    const now = await stateOf(id);
    expect(now.record).toMatchObject({ version: 2, title: winner.title });
    expect(now.versions.map((v) => v.version)).toEqual([1, 2]);
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', id).where('action', '=', 'knowledge.update').execute();
    expect(audited).toHaveLength(1);
  });

  it('a stale retire is a 409 and leaves the record in search', async () => {
    const { id } = await create(sec, guide({ states: ['MEX'] }));
    expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { title: 'Nueva', expectedVersion: 1 })).statusCode).toBe(200);
    const stale = await as(t.app, sec, 'POST', `/api/v1/records/${id}/retire`, { reason: 'duplicate', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect((await stateOf(id)).record.retired_at).toBeNull();
    expect(await t.database.db.selectFrom('knowledge_search').select('record_id').where('record_id', '=', id).executeTakeFirst()).toBeDefined();
  });
});

describe('knowledge records: a State changes only what it owns (item 8)', () => {
  it('a focal point of a State the record is shared with edits its content, not its access, its States or its life', async () => {
    const { id } = await create(focalMex, guide({ states: ['MEX', 'FRA'] }));
    const before = await stateOf(id);
    const attempts = [
      ['PATCH', `/api/v1/records/${id}`, { access: 'state', accessState: 'FRA', expectedVersion: 1 }],
      ['PATCH', `/api/v1/records/${id}`, { access: 'practitioners', expectedVersion: 1 }],
      ['PATCH', `/api/v1/records/${id}`, { states: ['FRA'], expectedVersion: 1 }],
      ['PATCH', `/api/v1/records/${id}`, { states: ['FRA', 'MEX', 'GTM'], expectedVersion: 1 }],
      ['POST', `/api/v1/records/${id}/retire`, { reason: 'not ours', expectedVersion: 1 }],
    ] as const;
    for (const [method, url, body] of attempts) {
      const res = await as(t.app, focalFra, method, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
    }
    expect(await stateOf(id)).toEqual(before);
    // Content stays theirs to improve, and sending the access and States unchanged is no change of them.
    const edit = await as(t.app, focalFra, 'PATCH', `/api/v1/records/${id}`, { title: 'Guide de coopération', states: ['FRA', 'MEX'], access: 'public', expectedVersion: 1 });
    expect(edit.statusCode, edit.body).toBe(200);
    // The owning State and the secretariat manage it.
    expect((await as(t.app, focalMex, 'PATCH', `/api/v1/records/${id}`, { access: 'state', accessState: 'MEX', expectedVersion: 2 })).statusCode).toBe(200);
    expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { access: 'public', expectedVersion: 3 })).statusCode).toBe(200);
    expect((await as(t.app, null, 'GET', `/api/v1/records/${id}`)).json().ownerState).toBe('MEX');
  });

  it('a focal point restricts a record only to their own State', async () => {
    const res = await as(t.app, focalMex, 'POST', '/api/v1/records', guide({ states: ['MEX', 'FRA'], access: 'state', accessState: 'FRA' }));
    expect(res.statusCode).toBe(403);
  });

  it('a secretariat record concerning one State is looked after by that State; shared with another, it stays so', async () => {
    const { id } = await create(sec, guide({ states: ['FRA'] }));
    const shared = await as(t.app, focalFra, 'PATCH', `/api/v1/records/${id}`, { states: ['FRA', 'MEX'], expectedVersion: 1 });
    expect(shared.statusCode, shared.body).toBe(200);
    expect((await as(t.app, focalMex, 'PATCH', `/api/v1/records/${id}`, { states: ['MEX'], expectedVersion: 2 })).statusCode).toBe(403);
    expect((await as(t.app, focalFra, 'POST', `/api/v1/records/${id}/retire`, { reason: 'superseded', expectedVersion: 2 })).statusCode).toBe(200);
    expect(shared.json().ownerState).toBe('FRA');
  });

  it('a language version joins only a work the author may read and edit; an unknown and an unreadable work get the same answer', async () => {
    const mexOnly = await create(focalMex, guide({ states: ['MEX'], access: 'state', accessState: 'MEX' }));
    const mexPublic = await create(focalMex, guide({ states: ['MEX'] }));
    const before = { mexOnly: await stateOf(mexOnly.id), mexPublic: await stateOf(mexPublic.id), records: await recordCount() };
    const attach = (workId: string) => as(t.app, focalFra, 'POST', '/api/v1/records', { type: 'guide', title: 'Guide', lang: 'fr', states: ['FRA'], workId });
    const unreadable = await attach(mexOnly.workId);
    const notEditable = await attach(mexPublic.workId);
    const unknown = await attach('11111111-1111-4111-8111-111111111111');
    expect(unknown.statusCode).toBe(404);
    expect(unreadable.statusCode).toBe(404);
    expect(unreadable.body).toBe(unknown.body);
    expect(notEditable.body).toBe(unknown.body);
    expect({ mexOnly: await stateOf(mexOnly.id), mexPublic: await stateOf(mexPublic.id), records: await recordCount() }).toEqual(before);
    // Nor by moving an existing record of theirs into that work.
    const own = await create(focalFra, guide({ states: ['FRA'], lang: 'fr', title: 'Guide' }));
    const moved = await as(t.app, focalFra, 'PATCH', `/api/v1/records/${own.id}`, { workId: mexOnly.workId, expectedVersion: 1 });
    expect(moved.statusCode).toBe(404);
    expect(moved.body).toBe(unknown.body);
    expect((await stateOf(own.id)).record).toMatchObject({ work_id: own.workId, version: 1 });
    // The owner adds one to their own work.
    expect((await as(t.app, focalMex, 'POST', '/api/v1/records', { type: 'guide', title: 'Guide', lang: 'en', states: ['MEX'], workId: mexOnly.workId })).statusCode).toBe(201);
  });
});

describe('knowledge records: versions under the access they had (item 9)', () => {
  it('a State-only record made public shows the public only its public versions', async () => {
    const { id } = await create(sec, guide({ states: ['MEX'], access: 'state', accessState: 'MEX', fullText: 'nota interna: fuente confidencial' }));
    expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { access: 'practitioners', expectedVersion: 1 })).statusCode).toBe(200);
    expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { access: 'public', fullText: 'texto público', expectedVersion: 2 })).statusCode).toBe(200);
    const seen = async (who: Session | null) => {
      const res = await as(t.app, who, 'GET', `/api/v1/records/${id}/versions`);
      expect(res.statusCode).toBe(200);
      return { versions: res.json().items.map((v: { version: number }) => v.version), total: res.json().total, body: res.body };
    };
    const anonymous = await seen(null);
    expect(anonymous).toMatchObject({ versions: [3], total: 1 });
    expect(anonymous.body).not.toContain('confidencial');
    expect(await seen(pracFra)).toMatchObject({ versions: [3, 2], total: 2 });
    expect(await seen(officerMex)).toMatchObject({ versions: [3, 2, 1], total: 3 });
    expect(await seen(sec)).toMatchObject({ versions: [3, 2, 1], total: 3 });
    const audited = await t.database.db.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'knowledge.versions.read').where('target_id', '=', id).execute();
    expect(audited.map((a) => a.actor_username).sort()).toEqual(['officer-mex', 'sec']);
  });

  it('pages the versions, newest first, with the total and the cursor of the next page', async () => {
    const { id } = await create(sec, guide({ states: ['MEX'] }));
    for (let v = 1; v < 5; v++) expect((await as(t.app, sec, 'PATCH', `/api/v1/records/${id}`, { title: `Edición ${v}`, expectedVersion: v })).statusCode).toBe(200);
    const page = async (qs: string) => (await as(t.app, null, 'GET', `/api/v1/records/${id}/versions?${qs}`)).json();
    const first = await page('limit=2');
    expect([first.items.map((v: { version: number }) => v.version), first.total, first.next]).toEqual([[5, 4], 5, 4]);
    const second = await page(`limit=2&before=${first.next}`);
    expect([second.items.map((v: { version: number }) => v.version), second.next]).toEqual([[3, 2], 2]);
    const last = await page(`limit=2&before=${second.next}`);
    expect([last.items.map((v: { version: number }) => v.version), last.next]).toEqual([[1], null]);
    expect((await as(t.app, null, 'GET', `/api/v1/records/${id}/versions?limit=1000`)).statusCode).toBe(400);
    expect((await page('')).items).toHaveLength(5);
  });
});
