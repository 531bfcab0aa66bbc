import fc from 'fast-check';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import type { Database } from '../platform/db/database.ts';
import { AppError } from '../platform/http/errors.ts';
import { allowedActions } from '../platform/workflow/index.ts';
import { everyStateAction } from '../platform/workflow/testing.ts';
import { CASE_STATES, type CaseState } from './case.vocabulary.ts';
import { CASE_ACTIONS, PAUSED_STATES, caseMachine, replay, type CaseAction } from './case.workflow.ts';
import { createCase, recordEvent, type CaseRow, type RecordableEvent } from './cases.service.ts';
import { casePeople, caseIn, eventFor, incomingInput, outgoingInput, pathTo, walkTo, type CasePeople } from './test-fixtures.ts';

/**
 * The machine, exercised through the service on a real database: every state × action pair (generated from the
 * machine, so a transition added to it is tested at once), and random action sequences (fast-check): the case
 * never reaches a state the machine does not define, the stored state is what its timeline replays to, and the
 * paused time is exactly the time spent in paused states — never negative.
 */
let t: TestDatabase;
let p: CasePeople;
/** One case in each state, incoming ones with a progress query and a consultation recorded first. */
const inState = new Map<CaseState, CaseRow>();
const ROLLBACK = new Error('rollback');

beforeAll(async () => {
  t = await createTestDatabase();
  p = await casePeople(t.db);
  for (const state of CASE_STATES) {
    if (['preparing', 'ready', 'sent'].includes(state)) {
      inState.set(state, await caseIn(t.db, p.deuOfficer, state));
    } else {
      const c = await caseIn(t.db, p.deuOfficer, 'received');
      await walkTo(t.db, p.deuOfficer, c.id, ['progress_query', 'consult']);
      const path = pathTo(state).filter((a) => a !== 'consult');
      inState.set(state, await walkTo(t.db, p.deuOfficer, c.id, path));
    }
  }
}, 300_000);
afterAll(() => t.drop());

/** Runs `fn` in a transaction that is always rolled back: each pair starts from the same case. */
async function rolledBack(fn: (trx: Transaction<Database>) => Promise<void>) {
  await expect(t.db.transaction().execute(async (trx) => {
    await fn(trx);
    throw ROLLBACK;
  })).rejects.toBe(ROLLBACK);
}

function bodyFor(action: CaseAction, history: readonly { seq: number; type: string }[]): RecordableEvent {
  const body = eventFor(action);
  if (body.type === 'answer_query') body.answersSeq = history.find((e) => e.type === 'progress_query')?.seq ?? 1;
  return body;
}

describe('every state × action, from the machine', () => {
  for (const { state, action, defined } of everyStateAction(caseMachine)) {
    it(`${state} × ${action}: ${defined ? (defined.to ? `allowed, to ${defined.to}` : 'allowed, keeps the state') : 'refused (409)'}`, async () => {
      const c = inState.get(state)!;
      expect(c.status).toBe(state);
      const history = await t.db.selectFrom('cases_events').select(['seq', 'type']).where('case_id', '=', c.id).orderBy('seq').execute();
      const listed = allowedActions(caseMachine, p.deuOfficer, c, { side: 'officer', history: history.map((h) => ({ action: h.type })) }).find((a) => a.action === action)!;
      expect(listed.allowed).toBe(!!defined);
      await rolledBack(async (trx) => {
        if (!defined) {
          const e = await recordEvent(trx, p.deuOfficer, c.id, bodyFor(action, history)).then(() => null, (err: unknown) => err);
          expect(e).toBeInstanceOf(AppError);
          expect((e as AppError).status).toBe(409);
          expect((e as AppError).message).toContain(`The case is ${state}: "${action}" is not possible in that state`);
          return;
        }
        const { case: after, entry } = await recordEvent(trx, p.deuOfficer, c.id, bodyFor(action, history));
        expect(after.status).toBe(defined.to ?? state);
        expect(after.version).toBe(c.version + 1);
        expect(entry).toMatchObject({ type: action, seq: history.length + 1, from_state: defined.to ? state : null, to_state: defined.to ?? null });
      });
    });
  }
});

/** The paused time a timeline implies: from each entry into a paused state to the next transition out of it. */
function pausedSecondsOf(events: readonly { from_state: string | null; to_state: string | null; occurred_at: Date }[]): number {
  let since: Date | null = null;
  let total = 0;
  for (const e of events) {
    if (e.to_state === null) continue;
    const paused = PAUSED_STATES.includes(e.to_state as CaseState);
    if (paused && !since) since = e.occurred_at;
    else if (!paused && since) {
      total += Math.floor((e.occurred_at.getTime() - since.getTime()) / 1000);
      since = null;
    }
  }
  return total;
}

describe('random action sequences (fast-check)', () => {
  it('the case stays in the machine’s states, replays to its stored state, and its paused time is the time spent paused', async () => {
    const step = fc.record({ action: fc.constantFrom(...CASE_ACTIONS), minutes: fc.integer({ min: 1, max: 60 * 24 * 20 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('incoming' as const, 'outgoing' as const), fc.array(step, { minLength: 1, maxLength: 14 }), async (direction, steps) => {
        await rolledBack(async (trx) => {
          let at = new Date('2026-01-05T09:00:00Z');
          const input = direction === 'incoming' ? incomingInput('FRA') : outgoingInput('FRA');
          let c = await createCase(trx, p.deuOfficer, input, { occurredAt: at });
          for (const s of steps) {
            at = new Date(at.getTime() + s.minutes * 60_000);
            const history = await trx.selectFrom('cases_events').select(['seq', 'type']).where('case_id', '=', c.id).orderBy('seq').execute();
            const defined = caseMachine.find(c.status, s.action);
            const r = await recordEvent(trx, p.deuOfficer, c.id, bodyFor(s.action, history), { occurredAt: at, ...(s.action === 'send' && { side: 'system' }) })
              .then((x) => x, (e: unknown) => e as AppError);
            if (r instanceof AppError) {
              // refused: either the machine does not define it here, or a guard on its history (consult first, a query to answer)
              if (!defined) expect(r.status).toBe(409);
              else expect([409, 422]).toContain(r.status);
              if (defined) expect(['refuse', 'postpone', 'answer_query']).toContain(s.action);
            } else {
              expect(defined).toBeDefined();
              c = r.case;
            }
            expect(CASE_STATES).toContain(c.status);
          }
          const events = await trx.selectFrom('cases_events').selectAll().where('case_id', '=', c.id).orderBy('seq').execute();
          const stored = await trx.selectFrom('cases_cases').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
          expect(replay(events)).toBe(stored.status);
          expect(Number(stored.paused_seconds)).toBeGreaterThanOrEqual(0);
          expect(Number(stored.paused_seconds)).toBe(pausedSecondsOf(events));
          expect(stored.paused_since !== null).toBe(PAUSED_STATES.includes(stored.status));
          expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
        });
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
