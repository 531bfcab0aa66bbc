import type { Actor } from '../platform/auth/roles.ts';
import { AppError } from '../platform/http/errors.ts';
import { OUTCOME_STATES, PAUSED_STATES, type CaseState } from './case.workflow.ts';
import type { CaseAuthority, PriorityOverride } from './cases.tables.ts';
import type { CaseRow, TimelineRow } from './cases.repository.ts';
import { answerQueryDueAt } from './deadlines.ts';
import type { CaseEventBody } from './cases.schemas.ts';

/**
 * What an event does to the case row besides its state, and what its timeline entry keeps: the clock (paused
 * while additional information is awaited, 18(16)), dates, outcome and refusal ground, the authority a request
 * is forwarded or passed to, the requested side's reported status, priority override, deadline, assignees.
 * Pure: cases.service.ts writes the result in the event's transaction.
 */

/** `send` is POST /cases/{id}/send (exchange/), which records it through the same recordEvent. */
export type SendEvent = { type: 'send'; note?: string; expectedVersion?: number };
export type RecordableEvent = CaseEventBody | SendEvent;

export interface Effects {
  /** Columns of cases_cases to write with the event. */
  set: Record<string, unknown>;
  note: string;
  data: Record<string, unknown>;
  dueAt: Date | null;
  answersSeq: number | null;
  /** People newly assigned (told by notice). */
  newlyAssigned: string[];
}

const unprocessable = (path: string, message: string) => new AppError(422, 'unprocessable', message, [{ path: `body.${path}`, message }]);

/** The clock: entering a paused state starts a pause; leaving one adds its length (never negative) to the total. */
export function clock(row: Pick<CaseRow, 'paused_since' | 'paused_seconds'>, to: CaseState, at: Date): Record<string, unknown> {
  const paused = PAUSED_STATES.includes(to);
  if (paused && !row.paused_since) return { paused_since: at };
  if (!paused && row.paused_since) {
    const seconds = Math.max(0, Math.floor((at.getTime() - row.paused_since.getTime()) / 1000));
    return { paused_since: null, paused_seconds: String(BigInt(row.paused_seconds) + BigInt(seconds)) };
  }
  return {};
}

function outcomeOf(body: RecordableEvent, to: CaseState): string | null {
  if (!OUTCOME_STATES.includes(to)) return null;
  if (to === 'executed') return body.type === 'execute' && body.partial ? 'partially-executed' : 'executed';
  return to;
}

/** The timeline's data: the event's own fields, without its type, note and version. */
function dataOf(body: RecordableEvent): Record<string, unknown> {
  const { type: _t, note: _n, expectedVersion: _v, ...rest } = body as RecordableEvent & Record<string, unknown>;
  return rest;
}

export function effectsOf(row: CaseRow, history: readonly TimelineRow[], body: RecordableEvent, to: CaseState | undefined, actor: Actor, at: Date): Effects {
  const set: Record<string, unknown> = {};
  const data = dataOf(body);
  let note = body.note?.trim() ?? '';
  let dueAt: Date | null = null;
  let answersSeq: number | null = null;
  let newlyAssigned: string[] = [];

  if (to) {
    Object.assign(set, clock(row, to, at));
    const outcome = outcomeOf(body, to);
    if (outcome) set.outcome = outcome;
    if (to === 'closed') set.closed_at = at;
    if (to === 'sent' && !row.sent_at) set.sent_at = at;
  }

  switch (body.type) {
    case 'refuse':
      set.refusal_ground = body.ground;
      if (!note) note = body.reasons?.trim() ?? '';
      // the timeline keeps that an excluded ground was confirmed (art. 18(22) warning overridden knowingly)
      if (body.confirmExcludedGround) data.confirmedExcludedGround = true;
      break;
    case 'forward':
    case 'pass_to_executing': {
      const authority: CaseAuthority = { role: body.type === 'forward' ? 'competent' : 'executing', name: body.authority!.name.trim(), entryId: body.authority?.entryId ?? null };
      set.authorities = JSON.stringify([...row.authorities, authority]);
      break;
    }
    case 'record_counterpart_status':
      set.counterpart_status = body.status?.trim();
      break;
    case 'progress_query':
      // the requesting side's date, else the configured period (deadlines.config.ts; treaty-specific where set)
      dueAt = answerQueryDueAt(row, at, body.dueBy);
      break;
    case 'answer_query': {
      const query = history.find((e) => e.seq === body.answersSeq);
      if (!query || query.type !== 'progress_query') throw unprocessable('answersSeq', `Entry ${body.answersSeq} of the timeline is not a progress query`);
      if (history.some((e) => e.type === 'answer_query' && e.answers_seq === body.answersSeq)) throw unprocessable('answersSeq', `The progress query ${body.answersSeq} is answered already`);
      answersSeq = body.answersSeq;
      break;
    }
    case 'set_priority': {
      const override: PriorityOverride | null = body.level
        ? { level: body.level, reason: body.reason!.trim(), by: { id: actor.kind === 'user' ? actor.id : 'platform', name: actor.kind === 'user' ? actor.displayName : 'Palermo' }, at: at.toISOString() }
        : null;
      set.priority_override = override ? JSON.stringify(override) : null;
      if (!note) note = body.reason?.trim() ?? '';
      break;
    }
    case 'set_deadline':
      set.deadline = body.deadline;
      set.deadline_reason = body.deadline ? body.reason?.trim() || null : null;
      if (body.deadline && !body.reason?.trim()) throw unprocessable('reason', 'Give the deadline’s reason');
      if (!note) note = body.reason?.trim() ?? '';
      break;
    case 'set_assignees': {
      const ids = [...new Set(body.userIds)];
      newlyAssigned = ids.filter((id) => !row.assignees.includes(id));
      set.assignees = ids;
      data.added = newlyAssigned;
      data.removed = row.assignees.filter((id) => !ids.includes(id));
      break;
    }
    case 'explain_delay':
      if (!note) note = body.reason?.trim() ?? '';
      break;
    default:
      break;
  }
  return { set, note, data, dueAt, answersSeq, newlyAssigned };
}
