import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { ANONYMOUS, type Actor, type Role } from '../platform/auth/roles.ts';
import { recordPolicy } from './knowledge.policy.ts';
import { recordInput } from './knowledge.schemas.ts';
import { createRecord } from './records.service.ts';
import { search } from './search.service.ts';

/**
 * `can` and the SQL filters of knowledge records agree: for every actor of the matrix and every action,
 * the rows a list selects are exactly those `can` allows — and search returns exactly the readable ones.
 */

const user = (id: string, state: string | null, ...roles: Role[]): Actor => ({
  kind: 'user', id: `00000000-0000-0000-0000-00000000000${id}`, username: `u${id}`, displayName: `u${id}`, state, roles, demo: false, language: 'en', csrfToken: '',
});
const ACTORS: [string, Actor][] = [
  ['secretariat', user('1', null, 'secretariat')],
  ['admin', user('2', null, 'admin')],
  ['State A focal point', user('3', 'FRA', 'focal_point')],
  ['State B practitioner', user('4', 'MEX', 'practitioner')],
  ['State B focal point', user('5', 'MEX', 'focal_point')],
  ['stateless officer', user('6', null, 'officer')],
  ['anonymous', ANONYMOUS],
];

let t: TestDatabase;
const ids: string[] = [];
const WORD = 'zanzibarquux';

beforeAll(async () => {
  t = await createTestDatabase();
  const sec = ACTORS[0]![1];
  const accesses = [{ access: 'public' }, { access: 'practitioners' }, { access: 'state', accessState: 'FRA' }, { access: 'state', accessState: 'MEX' }];
  const statesList = [['FRA'], ['MEX'], ['FRA', 'MEX'], []];
  for (const a of accesses) {
    for (const states of statesList) {
      for (const owner of [null, 'FRA', 'MEX']) {
        const r = await createRecord(t.db, sec, recordInput.parse({ type: 'guide', title: `Guide ${WORD} ${ids.length}`, lang: 'en', states, ...a }));
        if (owner) await t.db.updateTable('knowledge_records').set({ owner_state: owner }).where('id', '=', r.id).execute();
        ids.push(r.id);
      }
    }
  }
}, 120_000);
afterAll(() => t?.drop());

describe('knowledge record policy: can agrees with the SQL filter', () => {
  it.each(ACTORS)('%s', async (_, actor) => {
    const rows = await t.db.selectFrom('knowledge_records').selectAll().where('id', 'in', ids).execute();
    for (const action of recordPolicy.actions) {
      const allowed = rows.filter((r) => recordPolicy.can(actor, action, r)).map((r) => r.id).sort();
      const listed = await t.db.selectFrom('knowledge_records as r').select('r.id').where('r.id', 'in', ids).where(recordPolicy.accessFilter(actor, action, 'r')).orderBy('r.id').execute();
      expect(listed.map((r) => r.id), action).toEqual(allowed);
    }
    // Search applies the same read rule (through the provider's viewer) to its index.
    const readable = rows.filter((r) => recordPolicy.can(actor, 'read', r)).map((r) => r.id).sort();
    const hits = await search(t.db, actor, { q: WORD, filters: {}, sort: 'date', limit: 100 });
    expect(hits.items.map((h) => h.id).sort()).toEqual(readable);
  });

  it('the matrix is not trivial: each action allows some pairs and refuses others', async () => {
    const rows = await t.db.selectFrom('knowledge_records').selectAll().where('id', 'in', ids).execute();
    for (const action of recordPolicy.actions) {
      const verdicts = ACTORS.flatMap(([, a]) => rows.map((r) => recordPolicy.can(a, action, r)));
      expect(new Set(verdicts), action).toEqual(new Set([true, false]));
    }
    // A focal point of one of several States edits the content but manages only what their State owns.
    const shared = rows.find((r) => r.states.length === 2 && r.owner_state === 'MEX' && r.access === 'public')!;
    expect(recordPolicy.permissions(ACTORS[2]![1], shared)).toEqual({ read: true, edit: true, manage: false, retire: false });
    expect(recordPolicy.permissions(ACTORS[4]![1], shared)).toEqual({ read: true, edit: true, manage: true, retire: true });
  });
});

describe('each record is sent with the viewer’s permissions', () => {
  it('the API answers with the policy’s permissions for the reader, created, edited and read', async () => {
    const { addUser, as, createTestApp, login } = await import('../../test/support/app.ts');
    const app = await createTestApp();
    try {
      await addUser(app, 'perm-focal-mex', ['focal_point'], 'MEX');
      await addUser(app, 'perm-focal-fra', ['focal_point'], 'FRA');
      const mex = await login(app.app, 'perm-focal-mex');
      const fra = await login(app.app, 'perm-focal-fra');
      const created = await as(app.app, mex, 'POST', '/api/v1/records', { type: 'guide', title: 'Shared guide', lang: 'en', states: ['MEX', 'FRA'] });
      expect(created.json().permissions).toEqual({ read: true, edit: true, manage: true, retire: true });
      const id = created.json().id;
      expect((await as(app.app, fra, 'GET', `/api/v1/records/${id}`)).json().permissions).toEqual({ read: true, edit: true, manage: false, retire: false });
      expect((await as(app.app, null, 'GET', `/api/v1/records/${id}`)).json().permissions).toEqual({ read: true, edit: false, manage: false, retire: false });
      const edited = await as(app.app, fra, 'PATCH', `/api/v1/records/${id}`, { title: 'Shared guide, revised', expectedVersion: 1 });
      expect(edited.json().permissions).toEqual({ read: true, edit: true, manage: false, retire: false });
    } finally {
      await app.close();
    }
  }, 120_000);
});
