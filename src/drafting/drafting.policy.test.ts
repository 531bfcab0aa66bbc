import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { ANONYMOUS, type Actor, type Role } from '../platform/auth/roles.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { endShare, shareDraft } from './consultation.service.ts';
import { createDraft, getDraft, listDrafts } from './drafting.service.ts';
import { draftPolicy, type DraftResource } from './drafting.policy.ts';

/**
 * `can` and the SQL filters of drafts agree over a matrix of actors × drafts (owner side, consultation
 * shares active and ended, a finalised draft), and the permissions each draft is sent with are the policy's.
 */

const user = (n: number, state: string | null, ...roles: Role[]): Actor => ({
  kind: 'user', id: `00000000-0000-0000-0000-0000000000${String(n).padStart(2, '0')}`, username: `u${n}`, displayName: `User ${n}`, state, roles, demo: false, language: 'en', csrfToken: '',
});
const fraOfficer = user(3, 'FRA', 'officer');
const fraPractitioner = user(4, 'FRA', 'practitioner');
const mexOfficer = user(6, 'MEX', 'officer');
const mexPractitioner = user(7, 'MEX', 'practitioner');
const ACTORS: [string, Actor][] = [
  ['secretariat', user(1, null, 'secretariat')],
  ['admin', user(2, null, 'admin')],
  ['State A officer', fraOfficer],
  ['State A practitioner (author)', fraPractitioner],
  ['State A practitioner (colleague)', user(5, 'FRA', 'practitioner')],
  ['State A focal point', user(9, 'FRA', 'focal_point')],
  ['State B officer (consulted)', mexOfficer],
  ['State B practitioner', mexPractitioner],
  ['State C officer', user(8, 'CHN', 'officer')],
  ['anonymous', ANONYMOUS],
];

let t: TestDatabase;
const ids: string[] = [];

async function draft(by: Actor, requested: string | null, opts: { share?: boolean; endShare?: boolean; finalise?: boolean } = {}) {
  const d = await createDraft(t.db, by, { title: `Draft ${ids.length}`, requested: { state: requested } });
  if (opts.share) await shareDraft(t.db, by, d.id, '');
  if (opts.endShare) await endShare(t.db, by, d.id);
  if (opts.finalise) {
    // finalised as the workflow would leave it (finalising itself is tested with the workflow)
    const u = by as Actor & { kind: 'user' };
    await t.db.updateTable('drafting_drafts').set({ status: 'finalised', finalised_at: new Date(), finalised_by: u.id, finalised_by_name: u.displayName }).where('id', '=', d.id).execute();
  }
  ids.push(d.id);
}

async function resources(): Promise<DraftResource[]> {
  const rows = await t.db.selectFrom('drafting_drafts').select(['id', 'owner_state', 'created_by', 'status']).where('id', 'in', ids).execute();
  const shares = await t.db.selectFrom('drafting_shares').select(['draft_id', 'state_iso3']).where('draft_id', 'in', ids).where('ended_at', 'is', null).execute();
  return rows.map((r) => ({ ...r, shares: shares.filter((s) => s.draft_id === r.id).map((s) => s.state_iso3) }));
}

beforeAll(async () => {
  t = await createTestDatabase();
  await draft(fraPractitioner, 'MEX', { share: true });
  await draft(fraPractitioner, null);
  await draft(fraOfficer, 'MEX', { share: true, endShare: true });
  await draft(fraOfficer, 'MEX', { share: true, finalise: true });
  await draft(fraOfficer, 'CHN');
  await draft(mexOfficer, 'FRA', { share: true });
  await draft(mexPractitioner, 'FRA');
}, 120_000);
afterAll(() => t?.drop());

describe('draft policy', () => {
  it.each(ACTORS)('%s: can agrees with the SQL filter for every action', async (_, actor) => {
    const drafts = await resources();
    for (const action of draftPolicy.actions) {
      const allowed = drafts.filter((d) => draftPolicy.can(actor, action, d)).map((d) => d.id).sort();
      const listed = await t.db.selectFrom('drafting_drafts as d').select('d.id').where('d.id', 'in', ids).where(draftPolicy.accessFilter(actor, action, 'd')).orderBy('d.id').execute();
      expect(listed.map((r) => r.id), action).toEqual(allowed);
    }
  });

  it.each(ACTORS)('%s: each draft comes with the policy’s permissions, or does not exist (404)', async (_, actor) => {
    for (const d of await resources()) {
      if (draftPolicy.can(actor, 'view', d)) {
        expect((await getDraft(t.db, actor, d.id)).permissions).toEqual(draftPolicy.permissions(actor, d));
      } else {
        await expect(getDraft(t.db, actor, d.id)).rejects.toThrow(NotFoundError);
      }
    }
  });

  it('"my drafts" lists the owner side’s drafts: all of the State’s for an officer, their own for a practitioner', async () => {
    const mine = async (a: Actor) => (await listDrafts(t.db, a, { limit: 50, offset: 0 })).items.map((i) => i.id).filter((id) => ids.includes(id)).sort();
    expect(await mine(fraOfficer)).toEqual([ids[0], ids[1], ids[2], ids[3], ids[4]].sort());
    expect(await mine(fraPractitioner)).toEqual([ids[0], ids[1]].sort());
    expect(await mine(mexOfficer)).toEqual([ids[5], ids[6]].sort());
  });

  it('the consulted State reads and comments on an actively shared draft, nothing more; a finalised draft is no longer edited', async () => {
    const [shared, , ended, finalised] = await resources().then((rs) => ids.map((id) => rs.find((r) => r.id === id)!));
    expect(draftPolicy.permissions(mexOfficer, shared!)).toEqual({ view: true, comment: true, prepare: false, share: false, edit: false, attach: false });
    expect(draftPolicy.explain(mexOfficer, 'edit', shared!)).toMatchObject({ allowed: false, status: 403 });
    expect(draftPolicy.explain(mexOfficer, 'view', ended!)).toMatchObject({ allowed: false, status: 404 });
    expect(draftPolicy.permissions(fraOfficer, finalised!)).toEqual({ view: true, comment: true, prepare: true, share: true, edit: false, attach: false });
    expect(draftPolicy.permissions(fraOfficer, shared!)).toMatchObject({ edit: true, attach: true });
  });
});
