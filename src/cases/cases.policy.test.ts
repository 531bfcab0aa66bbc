import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { ANONYMOUS, type Actor } from '../platform/auth/roles.ts';
import { listCases, getCase } from './cases.service.ts';
import { casePolicy, type CaseResource } from './cases.policy.ts';
import { casePeople, createIncoming, createOutgoing, type CasePeople } from './test-fixtures.ts';

/**
 * `can` and the SQL filter of cases agree over a matrix of actors × cases (both States' officers and
 * practitioners, assigned or not, a third State, the secretariat, anonymous), and each case's permissions are the
 * policy's; getCase refuses exactly those `can` refuses.
 */
let t: TestDatabase;
let p: CasePeople;
let actors: [string, Actor][] = [];
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  p = await casePeople(t.db, 'pol');
  actors = [...Object.entries(p), ['anonymous', ANONYMOUS]];
  ids.push((await createIncoming(t.db, p.deuOfficer)).id);
  ids.push((await createIncoming(t.db, p.deuOfficer, { assignees: [p.deuPractitioner.id] })).id);
  ids.push((await createOutgoing(t.db, p.fraOfficer)).id);
  ids.push((await createOutgoing(t.db, p.fraOfficer, { assignees: [p.fraPractitioner.id, p.fraOfficer.id] })).id);
  ids.push((await createIncoming(t.db, p.fraOfficer, { assignees: [p.fraOtherPractitioner.id] })).id);
});
afterAll(() => t.drop());

async function resources(): Promise<CaseResource[]> {
  return t.db.selectFrom('cases_cases').select(['id', 'owner_state', 'assignees']).where('id', 'in', ids).execute();
}

describe('the case policy: rules and SQL agree', () => {
  it('for every actor × case and action', async () => {
    const cases = await resources();
    for (const [name, actor] of actors) {
      for (const action of casePolicy.actions) {
        const bySql = await t.db.selectFrom('cases_cases').select('id').where('id', 'in', ids).where(casePolicy.accessFilter(actor, action)).execute();
        const byRule = cases.filter((c) => casePolicy.can(actor, action, c)).map((c) => c.id);
        expect(bySql.map((r) => r.id).sort(), `${name} ${action}`).toEqual(byRule.sort());
      }
    }
  });

  it('lists and reads follow the same rule; permissions are the policy’s', async () => {
    const cases = await resources();
    for (const [name, actor] of actors) {
      const visible = cases.filter((c) => casePolicy.can(actor, 'view', c)).map((c) => c.id).sort();
      if (actor.kind === 'user') {
        const listed = await listCases(t.db, actor, { queue: 'all', sort: 'priority', limit: 100 });
        expect(listed.items.map((i) => i.id).filter((id) => ids.includes(id)).sort(), name).toEqual(visible);
      }
      for (const c of cases) {
        const read = await getCase(t.db, actor, c.id).then((d) => d, () => null);
        expect(read !== null, `${name} reads ${c.id}`).toBe(visible.includes(c.id));
        if (read) expect(read.permissions).toEqual(casePolicy.permissions(actor, c));
      }
    }
  });

  it('the holding State’s officers see all its cases; a practitioner only those assigned; nobody else any', () => {
    const c: CaseResource = { id: 'x', owner_state: 'FRA', assignees: [p.fraPractitioner.id] };
    expect(casePolicy.permissions(p.fraOfficer, c)).toEqual({ view: true, act: true, manage: true });
    expect(casePolicy.permissions(p.fraPractitioner, c)).toEqual({ view: true, act: true, manage: false });
    for (const a of [p.fraOtherPractitioner, p.deuOfficer, p.gbrOfficer, p.secretariat, ANONYMOUS]) {
      expect(casePolicy.explain(a, 'view', c)).toMatchObject({ allowed: false, status: 404 });
      expect(casePolicy.explain(a, 'manage', c)).toMatchObject({ allowed: false, status: 404 });
    }
    expect(casePolicy.explain(p.fraPractitioner, 'manage', c)).toMatchObject({ allowed: false, status: 403 });
  });
});
