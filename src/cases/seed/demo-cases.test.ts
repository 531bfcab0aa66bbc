import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { ensureDemoAccounts } from '../../platform/auth/demo-accounts.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { replay } from '../case.workflow.ts';
import { loadDemoCases } from './demo-cases.ts';
import { demoCases } from './demo-data.ts';
import { DEMO_EXCHANGES } from './demo-exchanges.ts';
import { computeStats } from '../stats/stats.service.ts';
import { statsQuery } from '../stats/stats.schemas.ts';

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
    expect(await loadDemoCases(t.db, { today: TODAY })).toEqual({ added: expected.length + DEMO_EXCHANGES.length });
    const cases = await t.db.selectFrom('cases_cases').selectAll().execute();
    expect(cases).toHaveLength(expected.length + 2 * DEMO_EXCHANGES.length); // an exchanged request is a case on each side
    const events = await t.db.selectFrom('cases_events').selectAll().orderBy('case_id').orderBy('seq').execute();
    for (const c of cases) {
      const timeline = events.filter((e) => e.case_id === c.id);
      expect(replay(timeline), c.reference).toBe(c.status);
      expect(timeline[0]!.occurred_at.getTime()).toBeLessThanOrEqual(Date.now()); // nothing dated in the future
    }
    const before = { cases: cases.length, events: events.length };
    expect(await loadDemoCases(t.db, { today: TODAY })).toEqual({ added: 0 });
    const after = {
      cases: (await t.db.selectFrom('cases_cases').select('id').execute()).length,
      events: (await t.db.selectFrom('cases_events').select('id').execute()).length,
    };
    expect(after).toEqual(before);
  });

  it('exchanges some FRA ↔ CHN requests through the platform: both sides, delivered and retrieved, status reaching the requesting side', async () => {
    const byRef = async (owner: string, reference: string) => t.db.selectFrom('cases_cases').selectAll().where('owner_state', '=', owner).where('reference', '=', reference).executeTakeFirstOrThrow();
    const types = async (id: string) => (await t.db.selectFrom('cases_events').select(['type', 'data']).where('case_id', '=', id).orderBy('seq').execute());

    const fraOut = await byRef('FRA', 'FRA-DEMO-XCH-001');
    expect(fraOut).toMatchObject({ direction: 'outgoing', status: 'sent', transmission: 'retrieved', channel: 'platform', counterpart_status: 'under_review' });
    const chnIn = (await t.db.selectFrom('cases_cases').selectAll().where('id', '=', fraOut.counterpart_case_id!).executeTakeFirstOrThrow());
    expect(chnIn).toMatchObject({ owner_state: 'CHN', direction: 'incoming', status: 'under_review', counterpart_reference: 'FRA-DEMO-XCH-001' });
    const evidences = (await types(fraOut.id)).filter((e) => e.type === 'evidence').map((e) => e.data.evidence ?? e.data.type);
    expect(evidences.length).toBeGreaterThanOrEqual(2); // delivered, retrieved (and the submission's acceptance)
    expect((await types(chnIn.id)).map((e) => e.type)).toEqual(expect.arrayContaining(['created', 'acknowledge', 'register', 'start_review', 'progress_query', 'answer_query']));

    const executed = await byRef('CHN', 'CHN-DEMO-XCH-002');
    expect(executed).toMatchObject({ status: 'sent', counterpart_status: 'executed' });
    expect(await t.db.selectFrom('cases_cases').select('status').where('id', '=', executed.counterpart_case_id!).executeTakeFirstOrThrow()).toEqual({ status: 'executed' });
    // the extradition request is delivered but not opened yet
    expect(await byRef('FRA', 'FRA-DEMO-XCH-002')).toMatchObject({ transmission: 'delivered' });
    for (const row of [fraOut, chnIn, executed]) {
      const timeline = await t.db.selectFrom('cases_events').selectAll().where('case_id', '=', row.id).orderBy('seq').execute();
      expect(replay(timeline), row.reference).toBe((await byRef(row.owner_state, row.reference)).status);
    }
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

      // and what the statistics page shows for that State's officer
      for (const by of ['kind', 'legal-basis', 'direction']) {
        const stats = await computeStats(t.db, state, statsQuery.parse({ by }));
        expect(stats.groups.filter((g) => g.count >= 5).length, `${state} by ${by}`).toBeGreaterThanOrEqual(1);
      }
      const all = await computeStats(t.db, state, statsQuery.parse({}));
      expect(all.conventionShare!, state).toBeGreaterThan(0.4); // mostly the Convention, not only
      expect(all.conventionShare!, state).toBeLessThan(1);
      expect(all.total.totalDays.n, state).toBeGreaterThanOrEqual(5);
      expect(all.total.totalDays.p90!, state).toBeGreaterThan(all.total.totalDays.median!);
    }
  });
});
