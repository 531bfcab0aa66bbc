import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { createUser } from '../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor, type Role } from '../platform/auth/roles.ts';
import { stateExists } from '../reference/reference.service.ts';
import { entryPolicy, expertPolicy } from './directory.policy.ts';
import { createEntry, getEntry, listExperts } from './directory.service.ts';

/**
 * `can` and the SQL filters of directory entries agree over a matrix of actors × entries (authorities of
 * two States and a regional network; experts with and without an account), and every entry is sent with
 * the policy's permissions, its contact details only where the policy allows them.
 */

let t: TestDatabase;
const actors: [string, Actor][] = [];
const authorityIds: string[] = [];
const expertIds: string[] = [];

async function account(name: string, state: string | null, ...roles: Role[]): Promise<Actor> {
  const u = await createUser(t.db, { username: name, displayName: name, password: 'correct horse battery staple', roles, state }, ANONYMOUS, (s) => stateExists(t.db, s));
  return { kind: 'user', id: u.id, username: name, displayName: name, state, roles, demo: false, language: 'en', csrfToken: '' };
}

beforeAll(async () => {
  t = await createTestDatabase();
  const sec = await account('policy-sec', null, 'secretariat');
  const fraExpert = (await account('policy-expert-fra', 'FRA', 'expert')) as Actor & { kind: 'user' };
  actors.push(
    ['secretariat', sec],
    ['admin', await account('policy-admin', null, 'admin')],
    ['State A focal point', await account('policy-focal-fra', 'FRA', 'focal_point')],
    ['State B practitioner', await account('policy-pract-mex', 'MEX', 'practitioner')],
    ['State A expert', fraExpert],
    ['State B expert', await account('policy-expert-mex', 'MEX', 'expert')],
    ['anonymous', ANONYMOUS],
  );
  for (const iso3 of ['FRA', 'MEX']) {
    authorityIds.push((await createEntry(t.db, sec, 'authority', { iso3, category: 'central-authority', subtype: 'ministry-of-justice', name: `CA ${iso3}`, functions: ['mla'], email: `ca@${iso3}.example` })).id);
  }
  authorityIds.push((await createEntry(t.db, sec, 'authority', { iso3: null, category: 'informal-channel', subtype: 'regional-network', name: 'Regional network' })).id);
  expertIds.push((await createEntry(t.db, sec, 'expert', { iso3: 'FRA', name: 'Expert FRA', userId: fraExpert.id, email: 'e@fra.example' })).id);
  expertIds.push((await createEntry(t.db, sec, 'expert', { iso3: 'MEX', name: 'Expert without account', email: 'e@mex.example' })).id);
}, 120_000);
afterAll(() => t?.drop());

describe('directory policies', () => {
  it('can agrees with the SQL filter for every actor and action', async () => {
    const authorities = await t.db.selectFrom('directory_authorities').selectAll().where('id', 'in', authorityIds).execute();
    const experts = await t.db.selectFrom('directory_experts').selectAll().where('id', 'in', expertIds).execute();
    for (const [who, actor] of actors) {
      for (const action of entryPolicy.actions) {
        const allowed = authorities.filter((r) => entryPolicy.can(actor, action, r)).map((r) => r.id).sort();
        const listed = await t.db.selectFrom('directory_authorities as a').select('a.id').where('a.id', 'in', authorityIds).where(entryPolicy.accessFilter(actor, action, 'a')).orderBy('a.id').execute();
        expect(listed.map((r) => r.id), `${who} ${action} authorities`).toEqual(allowed);
      }
      for (const action of expertPolicy.actions) {
        const allowed = experts.filter((r) => expertPolicy.can(actor, action, r)).map((r) => r.id).sort();
        const listed = await t.db.selectFrom('directory_experts').select('id').where('id', 'in', expertIds).where(expertPolicy.accessFilter(actor, action)).orderBy('id').execute();
        expect(listed.map((r) => r.id), `${who} ${action} experts`).toEqual(allowed);
      }
    }
  });

  it('each entry is sent with the policy’s permissions; contacts only where they are allowed', async () => {
    for (const [who, actor] of actors) {
      for (const id of authorityIds) {
        const row = (await t.db.selectFrom('directory_authorities').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
        const dto = await getEntry(t.db, actor, 'authority', id);
        expect(dto.permissions, who).toEqual(entryPolicy.permissions(actor, row));
        expect(dto.contactsVisible).toBe(dto.permissions.contacts);
        if (row.email) expect(dto.email, who).toBe(dto.permissions.contacts ? row.email : null);
      }
      if (!expertPolicy.can(actor, 'read', { id: '', iso3: null })) {
        await expect(listExperts(t.db, actor)).rejects.toMatchObject({ status: 403 });
        continue;
      }
      for (const e of await listExperts(t.db, actor)) {
        const row = await t.db.selectFrom('directory_experts').selectAll().where('id', '=', e.id).executeTakeFirstOrThrow();
        expect(e.permissions, who).toEqual(expertPolicy.permissions(actor, row));
        expect(e.email, who).toBe(e.permissions.contacts ? row.email : null);
      }
    }
  });

  it('the matrix is not trivial: the focal point edits their own State’s entries only, the expert their own entry only', () => {
    const focal = actors[2]![1];
    const expert = actors[4]![1];
    expect(entryPolicy.can(focal!, 'edit', { id: 'a', iso3: 'FRA' })).toBe(true);
    expect(entryPolicy.can(focal!, 'edit', { id: 'a', iso3: 'MEX' })).toBe(false);
    expect(entryPolicy.can(focal!, 'edit', { id: 'a', iso3: null })).toBe(false);
    expect(expertPolicy.can(expert!, 'edit', { id: 'e', iso3: 'FRA', user_id: (expert as { id: string }).id })).toBe(true);
    expect(expertPolicy.can(expert!, 'edit', { id: 'e', iso3: 'MEX', user_id: (expert as { id: string }).id })).toBe(false);
    expect(expertPolicy.can(expert!, 'edit', { id: 'e', iso3: 'FRA', user_id: null })).toBe(false);
  });
});
