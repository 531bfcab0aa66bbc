import type { CaseState } from '../case.vocabulary.ts';

/**
 * The machine's paused states (case.workflow.ts PAUSED_STATES: waiting for additional information, 18(16)). Kept
 * here as data rather than imported, so that the statistics load without defining the whole machine; stages.test.ts
 * checks the two lists agree.
 */
export const PAUSED_STATES: readonly CaseState[] = ['info_requested'];

/**
 * The stages whose processing time the statistics report, defined on the machine's states (case.workflow.ts), and
 * their durations computed from a case's timeline with paused time taken out. Pure functions: facts.ts feeds them
 * the stored timeline, the tests feed them hand-built ones.
 *
 * A stage runs from the first time the case entered its `from` state to the first time after that it entered one
 * of its `to` states. Time spent in a paused state (info_requested: the requested State waits for the requesting
 * State's additional information, art. 18(16)) inside that span does not count. "First" because a case may pass a
 * state more than once (under_review → info_requested → under_review): the stage is what the requesting State
 * waited, from the first arrival.
 */
export const STAGES = {
  /** incoming: received → registered */
  registration: { from: ['received'], to: ['registered'] },
  /** incoming: registered → the decision on the request (accepted, refused, or returned as incomplete) */
  review: { from: ['registered'], to: ['accepted', 'refused', 'returned'] },
  /** incoming: accepted → passed to the executing authority */
  transfer: { from: ['accepted'], to: ['passed'] },
  /** incoming: passed to the executing authority → executed (the status tracked there included) */
  execution: { from: ['passed'], to: ['executed'] },
  /** outgoing: prepared (created) → sent */
  preparation: { from: ['preparing'], to: ['sent'] },
} as const satisfies Record<string, { from: readonly CaseState[]; to: readonly CaseState[] }>;
export type Stage = keyof typeof STAGES;
export const STAGE_NAMES = Object.keys(STAGES) as Stage[];

/** A timeline entry as the facts need it: transitions carry `to_state`; other events are ignored. */
export interface TimelineEntry {
  to_state: string | null;
  occurred_at: Date;
}

export interface CaseClock {
  direction: 'incoming' | 'outgoing';
  received_at: Date | null;
  sent_at: Date | null;
  closed_at: Date | null;
}

type Interval = readonly [number, number];

/** The spans spent in a paused state; one still open runs to `now`. */
export function pausedIntervals(events: readonly TimelineEntry[], now = Date.now()): Interval[] {
  const out: Interval[] = [];
  let since: number | null = null;
  for (const e of events) {
    if (e.to_state === null) continue;
    const t = e.occurred_at.getTime();
    const paused = (PAUSED_STATES as readonly string[]).includes(e.to_state);
    if (paused && since === null) since = t;
    else if (!paused && since !== null) {
      out.push([since, t]);
      since = null;
    }
  }
  if (since !== null) out.push([since, Math.max(since, now)]);
  return out;
}

/** Seconds from a to b, less the paused time inside; null if either end is missing or b is before a. */
export function activeSeconds(a: Date | number | null, b: Date | number | null, paused: readonly Interval[]): number | null {
  if (a === null || b === null) return null;
  const from = typeof a === 'number' ? a : a.getTime();
  const to = typeof b === 'number' ? b : b.getTime();
  if (to < from) return null;
  let ms = to - from;
  for (const [p, q] of paused) ms -= Math.max(0, Math.min(q, to) - Math.max(p, from));
  return Math.round(ms / 1000);
}

function firstEntry(events: readonly TimelineEntry[], states: readonly string[], after = -Infinity): number | null {
  for (const e of events) {
    const t = e.occurred_at.getTime();
    if (e.to_state !== null && t >= after && states.includes(e.to_state)) return t;
  }
  return null;
}

export interface Durations {
  total: number | null;
  stages: Record<Stage, number | null>;
}

/**
 * The case's processing time: received (incoming) or sent (outgoing) → closed, and each stage, in seconds, paused
 * time excluded. The case row's own dates win over the timeline's (an imported case may carry them without a full
 * timeline); the timeline gives them when the row has none.
 */
export function durations(c: CaseClock, events: readonly TimelineEntry[], now = Date.now()): Durations {
  const sorted = [...events].sort((x, y) => x.occurred_at.getTime() - y.occurred_at.getTime());
  const paused = pausedIntervals(sorted, now);
  const startState = c.direction === 'incoming' ? 'received' : 'sent';
  const start = (c.direction === 'incoming' ? c.received_at : c.sent_at)?.getTime() ?? firstEntry(sorted, [startState]);
  const closed = c.closed_at?.getTime() ?? firstEntry(sorted, ['closed']);
  const stages = {} as Record<Stage, number | null>;
  for (const name of STAGE_NAMES) {
    const def = STAGES[name];
    const relevant = name === 'preparation' ? c.direction === 'outgoing' : c.direction === 'incoming';
    let from = relevant ? firstEntry(sorted, def.from) : null;
    // an incoming case's first state is `received` (its creation entry); the row's received_at is the truth
    if (relevant && name === 'registration' && c.received_at) from = c.received_at.getTime();
    const to = from === null ? null : firstEntry(sorted, def.to, from);
    stages[name] = activeSeconds(from, to, paused);
  }
  return { total: activeSeconds(start, closed, paused), stages };
}
