import type { CaseState } from './case.vocabulary.ts';
import type { CasesCasesTable } from './cases.tables.ts';
import { deadlineConfig, periodsFor, type DeadlineConfig, type DeadlinePeriods } from './deadlines.config.ts';

/**
 * The steps of a case that are due now, from configured periods (deadlines.config.ts) and the timeline: each with
 * its due date, whether it is overdue, and the latest explanation of its delay (an explained step is due again at
 * the new estimate). Pure: the same case, timeline and `now` give the same steps.
 *
 *   step           side      running while                                   from                          period
 *   acknowledge    incoming  received, registered, until `acknowledge`       receipt                       acknowledgeDays
 *   decide         incoming  registered, under_review, info_requested        registration                  decideDays
 *   execute        incoming  accepted … partially_executed (not postponed)   the latest acceptance         executeDays (a treaty's own)
 *   answer-query   incoming  each `progress_query` not yet answered          the query                     its dueBy, else answerQueryDays
 *   supply-info    outgoing  sent, after the other side asked for more       the request for information   supplyInfoDays
 *   deadline       both      any open state                                  the case's own deadline       (end of that day, UTC)
 *
 * The clock pauses while additional information is awaited (info_requested, art. 18(16)): a pause that begins
 * before a period ends pushes its end by the pause's length. A postponement (18(25)) pauses the execution period
 * likewise, and while postponed no execution is due. Nothing is due on a closed case; once the request has an
 * outcome (executed, refused, withdrawn, returned, forwarded) only unanswered progress queries remain.
 */
export interface DueStep {
  /** 'acknowledge', 'answer-query', 'decide', 'execute', 'deadline', 'supply-info'… */
  step: string;
  dueAt: string;
  overdue: boolean;
  /** The timeline entry the step comes from (a progress query's seq), when there is one. */
  seq?: number;
  /** The latest explanation of the delay, if one was given; a step explained is due again at its new estimate. */
  explained?: { reason: string; newEstimate: string; at: string };
}

export interface TimelineEntry {
  seq: number;
  type: string;
  from_state: CaseState | null;
  to_state: CaseState | null;
  occurred_at: Date;
  data: Record<string, unknown>;
  due_at: Date | null;
  answers_seq: number | null;
}

export type DeadlineCase = Pick<CasesCasesTable, 'direction' | 'kind' | 'status' | 'deadline' | 'legal_basis' | 'legal_basis_treaty'> & {
  received_at: Date | null;
  sent_at: Date | null;
};

const DAY = 86_400_000;
const ENDED: readonly CaseState[] = ['executed', 'refused', 'withdrawn', 'returned', 'forwarded', 'closed'];
const DECIDING: readonly CaseState[] = ['registered', 'under_review', 'info_requested'];
const EXECUTING: readonly CaseState[] = ['accepted', 'passed', 'assigned', 'in_execution', 'partially_executed'];

/** A date-only value (a deadline, a new estimate) is due at the end of that day, UTC. */
export function endOfDay(date: string): number {
  return Date.parse(`${date.slice(0, 10)}T00:00:00.000Z`) + DAY - 1;
}

/** The instant a step is due at now: its new estimate when explained, else its due date. */
export function effectiveDue(s: DueStep): number {
  return s.explained ? endOfDay(s.explained.newEstimate) : Date.parse(s.dueAt);
}

interface Interval {
  start: number;
  end: number;
}

/** Spans the case spent in the given states (the last one open until now). */
function spansIn(states: readonly CaseState[], timeline: readonly TimelineEntry[], now: number): Interval[] {
  const spans: Interval[] = [];
  let open: number | null = null;
  for (const e of timeline) {
    if (e.to_state === null) continue;
    const t = e.occurred_at.getTime();
    const inside = states.includes(e.to_state);
    if (open !== null && !inside) {
      spans.push({ start: open, end: t });
      open = null;
    } else if (open === null && inside) {
      open = t;
    }
  }
  if (open !== null) spans.push({ start: open, end: Math.max(open, now) });
  return spans;
}

/** start + period, pushed by every pause that begins before the (pushed) end. */
function dueAfter(start: number, days: number, pauses: readonly Interval[]): number {
  let due = start + days * DAY;
  for (const p of [...pauses].sort((a, b) => a.start - b.start)) {
    if (p.end <= start || p.start >= due) continue;
    due += p.end - Math.max(p.start, start);
  }
  return due;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The step an explain_delay names, and the progress query it names if any ('answer-query' + seq, or 'answer-query:12'). */
function explainedTarget(e: TimelineEntry): { step: string; seq: number | null } | null {
  const raw = str(e.data.step);
  if (!raw) return null;
  const m = /^(answer-query):(\d+)$/.exec(raw);
  if (m) return { step: m[1]!, seq: Number(m[2]) };
  return { step: raw, seq: typeof e.data.seq === 'number' ? e.data.seq : null };
}

/** The latest explanation of a step that began at `fromSeq` (for a query: the query's seq). */
function explanationOf(step: string, fromSeq: number, querySeq: number | null, timeline: readonly TimelineEntry[]): DueStep['explained'] {
  let found: DueStep['explained'];
  for (const e of timeline) {
    if (e.type !== 'explain_delay' || e.seq <= fromSeq) continue;
    const target = explainedTarget(e);
    if (!target || target.step !== step) continue;
    if (querySeq !== null && target.seq !== null && target.seq !== querySeq) continue;
    const newEstimate = str(e.data.newEstimate);
    if (!newEstimate || Number.isNaN(endOfDay(newEstimate))) continue;
    found = { reason: str(e.data.reason) ?? '', newEstimate: newEstimate.slice(0, 10), at: e.occurred_at.toISOString() };
  }
  return found;
}

const latest = (timeline: readonly TimelineEntry[], pred: (e: TimelineEntry) => boolean): TimelineEntry | undefined => [...timeline].reverse().find(pred);

/** The other side asked for additional information (as the exchange reflects it, or as recorded by hand). */
function asksForInfo(e: TimelineEntry): boolean {
  if (e.type === 'record_counterpart_status') return e.data.status === 'info_requested';
  if (e.type !== 'counterpart_update') return false;
  const d = e.data;
  return [d.type, d.action, d.eventType].includes('request_info') || [d.state, d.toState, d.status].includes('info_requested');
}

export function dueSteps(c: DeadlineCase, timeline: readonly TimelineEntry[], now: Date, config: DeadlineConfig = deadlineConfig()): DueStep[] {
  if (c.status === 'closed') return [];
  const events = [...timeline].sort((a, b) => a.seq - b.seq);
  const at = now.getTime();
  const periods: DeadlinePeriods = periodsFor(config, c.legal_basis, c.legal_basis_treaty);
  const infoPauses = spansIn(['info_requested'], events, at);
  const steps: DueStep[] = [];

  const push = (step: string, due: number, fromSeq: number, seq?: number) => {
    const explained = explanationOf(step, fromSeq, seq ?? null, events);
    const s: DueStep = { step, dueAt: new Date(due).toISOString(), overdue: false, ...(seq !== undefined && { seq }), ...(explained && { explained }) };
    s.overdue = at > effectiveDue(s);
    steps.push(s);
  };

  const created = events.find((e) => e.type === 'created');
  const ended = ENDED.includes(c.status);

  if (c.direction === 'incoming') {
    const receivedAt = c.received_at?.getTime() ?? created?.occurred_at.getTime();
    if ((c.status === 'received' || c.status === 'registered') && receivedAt !== undefined && !events.some((e) => e.type === 'acknowledge')) {
      push('acknowledge', receivedAt + periods.acknowledgeDays * DAY, 0);
    }
    const registered = latest(events, (e) => e.type === 'register');
    if (DECIDING.includes(c.status) && registered) {
      push('decide', dueAfter(registered.occurred_at.getTime(), periods.decideDays, infoPauses), registered.seq);
    }
    const accepted = latest(events, (e) => e.type === 'accept');
    if (EXECUTING.includes(c.status) && accepted) {
      const pauses = [...infoPauses, ...spansIn(['postponed'], events, at)];
      push('execute', dueAfter(accepted.occurred_at.getTime(), periods.executeDays, pauses), accepted.seq);
    }
    const answered = new Set(events.flatMap((e) => {
      // answered on this case, or (requesting side) by the requested side through the exchange
      if (e.type !== 'answer_query' && !(e.type === 'counterpart_update' && e.data.type === 'answer_query')) return [];
      const s = e.answers_seq ?? (typeof e.data.answersSeq === 'number' ? e.data.answersSeq : null);
      return s === null ? [] : [s];
    }));
    for (const q of events) {
      if (q.type !== 'progress_query' || answered.has(q.seq)) continue;
      push('answer-query', q.due_at?.getTime() ?? q.occurred_at.getTime() + periods.answerQueryDays * DAY, q.seq, q.seq);
    }
  } else if (c.status === 'sent') {
    const asked = latest(events, asksForInfo);
    if (asked && !events.some((e) => e.type === 'supply_info' && e.seq > asked.seq)) {
      push('supply-info', asked.occurred_at.getTime() + periods.supplyInfoDays * DAY, asked.seq);
    }
  }

  if (c.deadline && !ended) {
    const set = latest(events, (e) => e.type === 'set_deadline');
    push('deadline', endOfDay(c.deadline), set?.seq ?? 0);
  }

  return steps.sort((a, b) => effectiveDue(a) - effectiveDue(b) || a.step.localeCompare(b.step) || (a.seq ?? 0) - (b.seq ?? 0));
}

/** The earliest due date among the steps, an explained one at its new estimate (stored as cases_cases.next_due_at), or null. */
export function nextDueAt(steps: readonly DueStep[]): Date | null {
  const times = steps.map(effectiveDue).filter((t) => !Number.isNaN(t));
  return times.length ? new Date(Math.min(...times)) : null;
}

/**
 * When a progress query recorded at `at` is to be answered: by the date the query gives (end of that day), else
 * after the configured period (answerQueryDays, a treaty's own if the case rests on one). core's case-effects
 * stores it as the query's due_at; dueSteps reads it back.
 */
export function answerQueryDueAt(c: Pick<DeadlineCase, 'legal_basis' | 'legal_basis_treaty'>, at: Date, dueBy?: string | null, config: DeadlineConfig = deadlineConfig()): Date {
  if (dueBy) return new Date(endOfDay(dueBy));
  return new Date(at.getTime() + periodsFor(config, c.legal_basis, c.legal_basis_treaty).answerQueryDays * DAY);
}

/** The steps overdue now (the work queue's "overdue" filter and the overdue notices). */
export const overdueSteps = (steps: readonly DueStep[]): DueStep[] => steps.filter((s) => s.overdue);
