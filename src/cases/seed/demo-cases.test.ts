import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { ensureDemoAccounts } from '../../platform/auth/demo-accounts.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { replay } from '../case.workflow.ts';
import { loadDemoCases } from './demo-cases.ts';
import { demoCases } from './demo-data.ts';

/** The demo cases in a real database: loaded through core's service, idempotent, timelines that replay, statistics worth showing. */

const TODAY = '2026-12-02';
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureDemoAccounts(t.db, (iso3) => stateExists(t.db, iso3));
});
afterAll(() => t.drop());

describe('the demo cases', () => {
  it('load once: every case with a timeline that replays to its state; loading again adds nothing', { timeout: 300_000 }, async () => {
    const expected = demoCases(TODAY);
    expect(await loadDemoCases(t.db, { today: TODAY })).toEqual({ added: expected.length });
    const cases = await t.db.selectFrom('cases_cases').selectAll().execute();
    expect(cases).toHaveLength(expected.length);
    const events = await t.db.selectFrom('cases_events').selectAll().orderBy('case_id').orderBy('seq').execute();
    for (const c of cases) {
      const timeline = events.filter((e) => e.case_id === c.id);
      expect(replay(timeline), c.reference).toBe(c.status);
      expect(timeline[0]!.occurred_at.toISOString() <= `${TODAY}`).toBe(true);
    }
    const before = { cases: cases.length, events: events.length };
    expect(await loadDemoCases(t.db, { today: TODAY })).toEqual({ added: 0 });
    const after = {
      cases: (await t.db.selectFrom('cases_cases').select('id').execute()).length,
      events: (await t.db.selectFrom('cases_events').select('id').execute()).length,
    };
    expect(after).toEqual(before);
  });

  it('gives the demo accounts something to see: practitioners’ assigned cases, open and overdue work, finished cases', async () => {
    const rows = await t.db.selectFrom('cases_cases').selectAll().execute();
    const practitioner = await t.db.selectFrom('users').select('id').where('username', '=', 'demo-practitioner').executeTakeFirstOrThrow();
    expect(rows.filter((c) => c.owner_state === 'NGA' && c.assignees.includes(practitioner.id)).length).toBeGreaterThanOrEqual(3);
    const fra = rows.filter((c) => c.owner_state === 'FRA');
    expect(fra.filter((c) => c.status === 'closed').length).toBeGreaterThanOrEqual(3);
    expect(fra.filter((c) => c.status !== 'closed').length).toBeGreaterThanOrEqual(5);
    expect(new Set(rows.map((c) => c.status)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(rows.filter((c) => c.outcome).map((c) => c.outcome)).size).toBeGreaterThanOrEqual(3);
    const queries = await t.db.selectFrom('cases_events').select(['case_id', 'seq', 'due_at']).where('type', '=', 'progress_query').execute();
    const answers = await t.db.selectFrom('cases_events').select('answers_seq').where('type', '=', 'answer_query').execute();
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(queries.length).toBeGreaterThan(answers.length); // some unanswered
  });

  it('makes statistics worth showing: several groups of five or more cases per demo officer’s State', async () => {
    for (const state of ['FRA', 'CHN']) {
      const groups = async (column: 'kind' | 'legal_basis' | 'direction' | 'channel') =>
        (await t.db.selectFrom('cases_cases').select([column, (e) => e.fn.countAll<string>().as('n')]).where('owner_state', '=', state).groupBy(column).execute())
          .filter((g) => Number(g.n) >= 5).length;
      expect((await groups('direction')) + (await groups('kind')) + (await groups('legal_basis')), state).toBeGreaterThanOrEqual(4);
      const closed = await t.db.selectFrom('cases_cases').select(['received_at', 'closed_at']).where('owner_state', '=', state).where('direction', '=', 'incoming').where('closed_at', 'is not', null).execute();
      expect(closed.length, `${state}: incoming cases closed, for the processing-time median`).toBeGreaterThanOrEqual(5);
      const days = closed.map((c) => (c.closed_at!.getTime() - c.received_at!.getTime()) / 86_400_000);
      expect(new Set(days.map(Math.round)).size).toBeGreaterThanOrEqual(4); // varied durations, not one figure
    }
  });
});
