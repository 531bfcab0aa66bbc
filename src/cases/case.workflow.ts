import type { Actor } from '../platform/auth/roles.ts';
import { allowedActions, defineMachine, priorAction, relationship, type Guard, type TransitionDef } from '../platform/workflow/index.ts';
import { CASE_STATES, EXCLUDED_GROUNDS, REFUSAL_GROUNDS, type CaseState, type RefusalGround } from './case.vocabulary.ts';
import type { CasesCasesTable } from './cases.tables.ts';

/**
 * A request's life, as one machine (platform/workflow) for both directions: what may happen to a case in each
 * state, and for whom. The API refuses what it does not allow (409 naming the allowed actions), sends each viewer
 * its `actions`, the UI shows exactly those, `GET /api/v1/cases/workflow` publishes it, and the tests walk every
 * state × action. Spec: ../shared/spec/cases.md "Status workflow".
 *
 * Outgoing (the requesting State):  preparing ⇄ ready ──send──▶ sent ──close──▶ closed;  withdraw ▶ withdrawn ▶ closed
 *   (once sent, the requested side's progress arrives as `counterpart_status`; the outgoing state stays `sent`)
 * Incoming (the requested State):
 *   received ─register─▶ registered ─start_review─▶ under_review ─accept─▶ accepted ─pass_to_executing─▶ passed
 *     ─assign─▶ assigned ─start_execution─▶ in_execution ─report_partial─▶ partially_executed ─execute─▶ executed ─close─▶ closed
 *   received | registered | under_review ─return_incomplete─▶ returned;   received | registered ─forward─▶ forwarded
 *   under_review | accepted ─request_info─▶ info_requested (clock paused) ─supply_info─▶ under_review
 *   passed … partially_executed ─postpone─▶ postponed ─resume─▶ in_execution      (postpone only after `consult`, 18(26))
 *   received … postponed ─refuse─▶ refused   (only after `consult`; with a ground and reasons, 18(21), 18(23))
 *   any open state ─withdraw─▶ withdrawn (the requesting State withdrew the request)
 * Events that keep the state (note, consult, progress_query, answer_query, explain_delay, set_priority…) are
 * actions too: the machine says where and for whom they are allowed, and each is a timeline entry.
 */

export { CASE_STATES, type CaseState };

/** States in which a case is finished for its holder (no step is due any more). */
export const TERMINAL_STATES: readonly CaseState[] = ['closed'];
/** States that end the request's handling, before closing (the outcome is known). */
export const OUTCOME_STATES: readonly CaseState[] = ['executed', 'refused', 'withdrawn', 'returned', 'forwarded'];
/** While in these, the processing clock is paused (18(16): waiting for the requesting State). */
export const PAUSED_STATES: readonly CaseState[] = ['info_requested'];

const OUT_OPEN = ['preparing', 'ready', 'sent'] as const satisfies readonly CaseState[];
const IN_BEFORE_DECISION = ['received', 'registered', 'under_review', 'info_requested', 'accepted'] as const satisfies readonly CaseState[];
const IN_EXECUTION = ['passed', 'assigned', 'in_execution', 'partially_executed'] as const satisfies readonly CaseState[];
const IN_OPEN = [...IN_BEFORE_DECISION, ...IN_EXECUTION, 'postponed'] as const satisfies readonly CaseState[];
const IN_ENDED = ['executed', 'refused', 'withdrawn', 'returned', 'forwarded'] as const satisfies readonly CaseState[];
const ANY = CASE_STATES;
const NOT_CLOSED = CASE_STATES.filter((s) => s !== 'closed');

export const CASE_ACTIONS = [
  // outgoing
  'submit', 'reopen', 'send', 'record_counterpart_status',
  // incoming: the request's path
  'acknowledge', 'register', 'return_incomplete', 'forward', 'start_review', 'request_info', 'supply_info', 'accept',
  'pass_to_executing', 'assign', 'start_execution', 'report_partial', 'execute', 'postpone', 'resume', 'refuse',
  // both
  'withdraw', 'close',
  // events that keep the state
  'note', 'consult', 'progress_query', 'answer_query', 'explain_delay', 'set_priority', 'set_deadline', 'set_assignees',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * How the viewer stands to the case (cases.policy.ts decides it): an officer of the holding State, a practitioner
 * assigned to it, or the platform itself acting for the other side of an exchange within one instance (exchange/).
 */
export type CaseSide = 'officer' | 'assigned' | 'system';

export interface CaseCtx {
  side: CaseSide | null;
  /** The timeline so far (types are the actions and system events, oldest first). */
  history: readonly { action: string }[];
  /** The event's fields, when transitioning (refusal ground and reasons, executing authority…). */
  body?: Readonly<Record<string, unknown>>;
}

export type CaseEntity = Pick<CasesCasesTable, 'direction' | 'status'> & { id: string; version: number };
type E = CaseEntity;

const officer = relationship<E, CaseCtx>('officer of the holding State', (_a, _c, x) => x.side === 'officer' || x.side === 'system',
  'Only an officer of the central authority holding this case may do this');
const officerOrAssigned = relationship<E, CaseCtx>('officer, or a practitioner assigned', (_a, _c, x) => x.side !== null,
  'Only the central authority’s officers and the practitioners assigned to this case may do this');
const outgoing = relationship<E, CaseCtx>('outgoing case', (_a, c) => c.direction === 'outgoing', 'This is done on the requesting side’s (outgoing) case', 409);
const incoming = relationship<E, CaseCtx>('incoming case', (_a, c) => c.direction === 'incoming', 'This is done on the requested side’s (incoming) case', 409);

/** A body field as text: a string, or the name of an object ({ name, entryId } for an authority). */
const text = (x: CaseCtx, key: string) => {
  const v = x.body?.[key];
  if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') return (v as { name: string }).name.trim();
  return typeof v === 'string' ? v.trim() : '';
};

/** A body field the action cannot do without (422 naming it); checked only when the action is attempted. */
function needs(field: string, message: string): Guard<E, CaseCtx> {
  return {
    name: `${field} given`,
    onTransitionOnly: true,
    check: (_a, _c, x) => (text(x, field) ? null : { status: 422, code: 'missing-fields', message, issues: [{ path: `body.${field}`, message }] }),
  };
}

/** 16(16), 18(26): before refusing or postponing, the requested State consults the requesting State. */
const consulted = priorAction<E, CaseCtx>(['consult'],
  'Consult the requesting State first (arts. 16(16), 18(26)): record the consultation, then refuse or postpone');

/** 18(21), 18(23): a refusal names its ground and gives reasons; 18(22): fiscal matters are no ground. */
const refusalGround: Guard<E, CaseCtx> = {
  name: 'a ground of refusal, with reasons',
  onTransitionOnly: true,
  check: (_a, _c, x) => {
    const ground = text(x, 'ground');
    const issues = [];
    if (!(REFUSAL_GROUNDS as readonly string[]).includes(ground)) issues.push({ path: 'body.ground', message: 'Name the ground of refusal (art. 18(21))' });
    if (text(x, 'reasons').length < 10) issues.push({ path: 'body.reasons', message: 'Give the reasons for the refusal (art. 18(23))' });
    if (issues.length) return { status: 422, code: 'missing-fields', message: 'A refusal names its ground and gives its reasons (arts. 18(21), 18(23))', issues };
    if (EXCLUDED_GROUNDS.includes(ground as RefusalGround) && x.body?.confirmExcludedGround !== true) {
      return {
        status: 422,
        code: 'excluded-ground',
        errorCode: 'excluded_ground',
        message: ground === 'fiscal-matters'
          ? 'Fiscal matters are not a ground for refusal (arts. 18(22), 16(15)). Choose another ground, or confirm (confirmExcludedGround) that you refuse on this ground all the same'
          : 'Bank secrecy is not a ground for refusal (art. 18(8)). Choose another ground, or confirm (confirmExcludedGround) that you refuse on this ground all the same',
        issues: [{ path: 'body.ground', message: 'Excluded by the Convention' }],
      };
    }
    return null;
  },
};

type T = TransitionDef<CaseState, CaseAction, E, CaseCtx>;
const tr = (action: CaseAction, from: readonly CaseState[], to: CaseState | undefined, guards: Guard<E, CaseCtx>[]): T => ({ action, from, ...(to && { to }), guards });

export const caseMachine = defineMachine<CaseState, CaseAction, E, CaseCtx>({
  entityType: 'cases_case',
  label: 'case',
  table: 'cases_cases',
  stateColumn: 'status',
  states: CASE_STATES,
  initial: 'received',
  transitions: [
    tr('submit', ['preparing'], 'ready', [officerOrAssigned, outgoing]),
    tr('reopen', ['ready'], 'preparing', [officerOrAssigned, outgoing]),
    tr('send', ['ready'], 'sent', [officer, outgoing]),
    tr('record_counterpart_status', ['sent'], undefined, [officer, outgoing, needs('status', 'Say what the requested State reported')]),
    // the requesting side answers a request for additional information (18(16)); through the platform it reaches the requested side's case
    tr('supply_info', ['sent'], undefined, [officer, outgoing, needs('note', 'Write the additional information, or say what is attached')]),

    tr('acknowledge', ['received', 'registered'], undefined, [officer, incoming]),
    tr('register', ['received'], 'registered', [officer, incoming]),
    tr('return_incomplete', ['received', 'registered', 'under_review'], 'returned', [officer, incoming, needs('note', 'Say what is missing from the request')]),
    tr('forward', ['received', 'registered'], 'forwarded', [officer, incoming, needs('authority', 'Name the competent authority the request is forwarded to')]),
    tr('start_review', ['registered'], 'under_review', [officer, incoming]),
    tr('request_info', ['under_review', 'accepted'], 'info_requested', [officerOrAssigned, incoming, needs('note', 'Say what additional information is needed (art. 18(16))')]),
    tr('supply_info', ['info_requested'], 'under_review', [officerOrAssigned, incoming]),
    tr('accept', ['under_review'], 'accepted', [officer, incoming]),
    tr('pass_to_executing', ['accepted'], 'passed', [officer, incoming, needs('authority', 'Name the executing authority')]),
    tr('assign', ['passed'], 'assigned', [officerOrAssigned, incoming]),
    tr('start_execution', ['passed', 'assigned'], 'in_execution', [officerOrAssigned, incoming]),
    tr('report_partial', ['in_execution'], 'partially_executed', [officerOrAssigned, incoming]),
    tr('execute', ['in_execution', 'partially_executed'], 'executed', [officerOrAssigned, incoming]),
    tr('postpone', [...IN_EXECUTION], 'postponed', [officer, incoming, consulted, needs('note', 'Give the reason for postponing (art. 18(25))')]),
    tr('resume', ['postponed'], 'in_execution', [officer, incoming]),
    tr('refuse', [...IN_BEFORE_DECISION, 'postponed'], 'refused', [officer, incoming, consulted, refusalGround]),

    tr('withdraw', [...OUT_OPEN, ...IN_OPEN], 'withdrawn', [officer]),
    tr('close', ['sent', ...IN_ENDED], 'closed', [officer]), // IN_ENDED holds withdrawn

    tr('note', ANY, undefined, [officerOrAssigned, needs('note', 'Write the note')]),
    tr('consult', [...IN_OPEN], undefined, [officer, incoming, needs('note', 'Say when and how the requesting State was consulted, and what it answered')]),
    tr('progress_query', ['sent', ...IN_OPEN], undefined, [officer]),
    tr('answer_query', [...IN_OPEN, ...IN_ENDED], undefined, [officerOrAssigned, incoming, needs('note', 'Write the answer')]),
    tr('explain_delay', NOT_CLOSED, undefined, [officerOrAssigned, needs('reason', 'Say why the step is late'), needs('newEstimate', 'Give a new estimated date')]),
    tr('set_priority', NOT_CLOSED, undefined, [officer, needs('reason', 'Say why you override the computed priority')]),
    tr('set_deadline', NOT_CLOSED, undefined, [officer]),
    tr('set_assignees', NOT_CLOSED, undefined, [officer]),
  ],
  stateOf: (c) => c.status,
  idOf: (c) => c.id,
  versionOf: (c) => c.version,
});

/** The first state of a new case: an outgoing request is being prepared; an incoming one has been received. */
export const initialState = (direction: 'incoming' | 'outgoing'): CaseState => (direction === 'outgoing' ? 'preparing' : 'received');

/** What this viewer may do with the case now (the DTO's `actions`). */
export function caseActions(actor: Actor, c: E, ctx: CaseCtx) {
  return allowedActions(caseMachine, actor, c, ctx);
}

/** Does the action change the state (a transition) or only add to the timeline? */
export const changesState = (state: CaseState, action: CaseAction): boolean => caseMachine.find(state, action)?.to !== undefined;

/**
 * Replays a timeline to the state it leads to: each transition must start where the previous one ended and be
 * one the machine defines. The tests use it to show the stored state is what the timeline says.
 */
export function replay(events: readonly { type: string; from_state: string | null; to_state: string | null }[]): CaseState {
  let state: CaseState | null = null;
  for (const e of events) {
    if (e.to_state === null) continue;
    if (state === null) {
      state = e.to_state as CaseState; // creation: received (incoming) or preparing (outgoing)
      continue;
    }
    const t = caseMachine.find(state, e.type as CaseAction);
    if (e.from_state !== state || !t || t.to !== e.to_state) {
      throw new Error(`Timeline does not replay: ${e.type} from ${e.from_state ?? '∅'} to ${e.to_state} while the case was ${state}`);
    }
    state = e.to_state as CaseState;
  }
  if (state === null) throw new Error('Timeline has no creation event');
  return state;
}
