import { describe, expect, it } from 'vitest';
import { activeSeconds, durations, pausedIntervals, PAUSED_STATES, STAGES } from './stages.ts';
import { CASE_STATES } from '../case.vocabulary.ts';

const D = 86_400_000;
const at = (d: number) => new Date(Date.UTC(2025, 0, 1) + d * D);
const tl = (...xs: Array<[string | null, number]>) => xs.map(([to_state, d]) => ({ to_state, occurred_at: at(d) }));

describe('processing time from a timeline, paused time excluded', () => {
  it('the paused states are the machine’s, and every stage names real states', async () => {
    const machine = await import('../case.workflow.ts').catch(() => null); // the contract's machine may not load yet
    if (machine) expect([...PAUSED_STATES]).toEqual([...machine.PAUSED_STATES]);
    for (const s of Object.values(STAGES)) for (const x of [...s.from, ...s.to]) expect(CASE_STATES).toContain(x);
  });

  it('a pause inside a span is taken out; one outside it, or overlapping its edge, only for its overlap', () => {
    const p = [[at(5).getTime(), at(25).getTime()]] as const;
    expect(activeSeconds(at(0), at(45), p)).toBe(25 * 86400);
    expect(activeSeconds(at(30), at(45), p)).toBe(15 * 86400);
    expect(activeSeconds(at(10), at(30), p)).toBe(5 * 86400);
    expect(activeSeconds(at(10), at(5), p)).toBeNull();
    expect(activeSeconds(null, at(5), p)).toBeNull();
  });

  it('two pauses, and one still open that runs to now', () => {
    const events = tl(['received', 0], ['under_review', 1], ['info_requested', 2], [null, 3], ['under_review', 4], ['info_requested', 6]);
    expect(pausedIntervals(events, at(10).getTime())).toEqual([[at(2).getTime(), at(4).getTime()], [at(6).getTime(), at(10).getTime()]]);
  });

  it('stages start at the first entry of their state and end at the first entry of an end state after it', () => {
    const events = tl(['received', 0], ['registered', 2], ['under_review', 2], ['info_requested', 4], ['under_review', 14], ['refused', 20], ['closed', 21]);
    const d = durations({ direction: 'incoming', received_at: at(0), sent_at: null, closed_at: at(21) }, events);
    expect(d.total).toBe(11 * 86400);
    expect(d.stages).toEqual({ registration: 2 * 86400, review: 8 * 86400, transfer: null, execution: null, preparation: null });
  });

  it('an outgoing case: sent → closed, and its preparation; the row’s dates win over the timeline’s', () => {
    const events = tl(['preparing', 0], ['ready', 1], ['sent', 3], ['closed', 33]);
    const d = durations({ direction: 'outgoing', received_at: null, sent_at: at(3), closed_at: null }, events);
    expect(d.total).toBe(30 * 86400);
    expect(d.stages.preparation).toBe(3 * 86400);
    expect(durations({ direction: 'outgoing', received_at: null, sent_at: at(13), closed_at: null }, events).total).toBe(20 * 86400);
  });
});
