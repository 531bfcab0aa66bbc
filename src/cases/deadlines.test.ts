import { describe, expect, it } from 'vitest';
import type { CaseState } from './case.vocabulary.ts';
import { DEFAULT_DEADLINES, parseDeadlineConfig } from './deadlines.config.ts';
import { answerQueryDueAt, dueSteps, nextDueAt, type DeadlineCase, type TimelineEntry } from './deadlines.ts';

/** A timeline written as [day offset from 2026-01-01, type, to state?, data?]. */
type Row = [number, string, CaseState?, Record<string, unknown>?, { dueDay?: number; answers?: number }?];
const DAY0 = Date.parse('2026-01-01T09:00:00Z');
const day = (n: number) => new Date(DAY0 + n * 86_400_000);
const iso = (n: number) => day(n).toISOString();

function timeline(rows: Row[]): TimelineEntry[] {
  let state: CaseState | null = null;
  return rows.map(([d, type, to, data, extra], i) => {
    const e: TimelineEntry = {
      seq: i + 1,
      type,
      from_state: to ? state : null,
      to_state: to ?? null,
      occurred_at: day(d),
      data: data ?? {},
      due_at: extra?.dueDay !== undefined ? day(extra.dueDay) : null,
      answers_seq: extra?.answers ?? null,
    };
    if (to) state = to;
    return e;
  });
}

const incoming = (status: CaseState, over: Partial<DeadlineCase> = {}): DeadlineCase => ({
  direction: 'incoming', kind: 'mla', status, deadline: null, legal_basis: 'convention', legal_basis_treaty: null,
  received_at: day(0), sent_at: null, ...over,
});
const steps = (c: DeadlineCase, rows: Row[], now: number, config = DEFAULT_DEADLINES) =>
  dueSteps(c, timeline(rows), day(now), config).map((s) => ({ step: s.step, due: s.dueAt, overdue: s.overdue, ...(s.seq && { seq: s.seq }), ...(s.explained && { explained: s.explained.newEstimate }) }));

const RECEIVED: Row = [0, 'created', 'received'];

describe('due steps of an incoming request', () => {
  it('acknowledge within 7 days of receipt, until acknowledged', () => {
    expect(steps(incoming('received'), [RECEIVED], 3)).toEqual([{ step: 'acknowledge', due: iso(7), overdue: false }]);
    expect(steps(incoming('received'), [RECEIVED], 8)).toEqual([{ step: 'acknowledge', due: iso(7), overdue: true }]);
    expect(steps(incoming('received'), [RECEIVED, [2, 'acknowledge']], 8)).toEqual([]);
  });

  it('decide within 30 days of registration; execute within 90 of acceptance', () => {
    const reg: Row[] = [RECEIVED, [1, 'acknowledge'], [5, 'register', 'registered'], [6, 'start_review', 'under_review']];
    expect(steps(incoming('under_review'), reg, 20)).toEqual([{ step: 'decide', due: iso(35), overdue: false }]);
    expect(steps(incoming('under_review'), reg, 36)).toEqual([{ step: 'decide', due: iso(35), overdue: true }]);
    const acc: Row[] = [...reg, [40, 'accept', 'accepted'], [41, 'pass_to_executing', 'passed']];
    expect(steps(incoming('passed'), acc, 100)).toEqual([{ step: 'execute', due: iso(130), overdue: false }]);
    expect(steps(incoming('passed'), acc, 131)).toEqual([{ step: 'execute', due: iso(130), overdue: true }]);
  });

  it('a pause for additional information extends the running period by its length', () => {
    const rows: Row[] = [RECEIVED, [1, 'acknowledge'], [5, 'register', 'registered'], [6, 'start_review', 'under_review'],
      [10, 'request_info', 'info_requested'], [22, 'supply_info', 'under_review']];
    // 30 days from day 5, plus the 12 days paused
    expect(steps(incoming('under_review'), rows, 40)).toEqual([{ step: 'decide', due: iso(47), overdue: false }]);
    // while still paused, the end keeps moving: never overdue while waiting on the requesting State
    const waiting = rows.slice(0, 5);
    expect(steps(incoming('info_requested'), waiting, 60)).toEqual([{ step: 'decide', due: iso(85), overdue: false }]);
  });

  it('a pause that starts after the period ended does not clear the delay', () => {
    const rows: Row[] = [RECEIVED, [1, 'acknowledge'], [5, 'register', 'registered'], [6, 'start_review', 'under_review'],
      [50, 'request_info', 'info_requested'], [60, 'supply_info', 'under_review']];
    expect(steps(incoming('under_review'), rows, 61)).toEqual([{ step: 'decide', due: iso(35), overdue: true }]);
  });

  it('postponement pauses execution, and nothing is due while postponed', () => {
    const rows: Row[] = [RECEIVED, [1, 'acknowledge'], [2, 'register', 'registered'], [3, 'start_review', 'under_review'], [10, 'accept', 'accepted'],
      [11, 'pass_to_executing', 'passed'], [12, 'start_execution', 'in_execution'], [20, 'consult'], [30, 'postpone', 'postponed']];
    expect(steps(incoming('postponed'), rows, 200)).toEqual([]);
    rows.push([70, 'resume', 'in_execution']);
    expect(steps(incoming('in_execution'), rows, 120)).toEqual([{ step: 'execute', due: iso(140), overdue: false }]);
  });

  it('an unanswered progress query is a step until an answer names it (18(24))', () => {
    const rows: Row[] = [RECEIVED, [1, 'acknowledge'], [2, 'register', 'registered'], [3, 'start_review', 'under_review'],
      [4, 'progress_query'], [6, 'progress_query', undefined, {}, { dueDay: 10 }]];
    const s = steps(incoming('under_review'), rows, 19);
    expect(s).toEqual([
      { step: 'answer-query', due: iso(10), overdue: true, seq: 6 },
      { step: 'answer-query', due: iso(18), overdue: true, seq: 5 },
      { step: 'decide', due: iso(32), overdue: false },
    ]);
    rows.push([19, 'answer_query', undefined, { answersSeq: 6 }, { answers: 6 }]);
    expect(steps(incoming('under_review'), rows, 19).map((x) => x.seq ?? x.step)).toEqual([5, 'decide']);
    // the answer may be recorded only in the event's data
    rows.push([19, 'answer_query', undefined, { answersSeq: 5 }]);
    expect(steps(incoming('under_review'), rows, 19).map((x) => x.step)).toEqual(['decide']);
  });

  it('once the request has an outcome only unanswered queries remain; a closed case has nothing due', () => {
    const rows: Row[] = [RECEIVED, [1, 'progress_query'], [2, 'consult'], [3, 'refuse', 'refused', { ground: 'dual-criminality' }]];
    expect(steps(incoming('refused', { deadline: '2026-01-10' }), rows, 30)).toEqual([{ step: 'answer-query', due: iso(15), overdue: true, seq: 2 }]);
    rows.push([31, 'close', 'closed']);
    expect(steps(incoming('closed', { deadline: '2026-01-10' }), rows, 40)).toEqual([]);
  });

  it('uses the creation entry when the receipt date is missing', () => {
    expect(steps(incoming('received', { received_at: null }), [[2, 'created', 'received']], 3)).toEqual([{ step: 'acknowledge', due: iso(9), overdue: false }]);
  });
});

describe('the case’s own deadline', () => {
  it('is due at the end of its day, on either side; none without one', () => {
    const c = incoming('received', { deadline: '2026-01-05' });
    const rows: Row[] = [RECEIVED, [0, 'acknowledge']];
    expect(steps(c, rows, 4)).toEqual([{ step: 'deadline', due: '2026-01-05T23:59:59.999Z', overdue: false }]);
    expect(dueSteps(c, timeline(rows), new Date('2026-01-05T23:00:00Z'), DEFAULT_DEADLINES)[0]?.overdue).toBe(false);
    expect(dueSteps(c, timeline(rows), new Date('2026-01-06T00:00:00Z'), DEFAULT_DEADLINES)[0]?.overdue).toBe(true);
    expect(steps(incoming('received'), rows, 4)).toEqual([]);
    const out: DeadlineCase = { ...c, direction: 'outgoing', status: 'sent', received_at: null, sent_at: day(0) };
    expect(steps(out, [[0, 'created', 'preparing'], [0, 'submit', 'ready'], [0, 'send', 'sent']], 10).map((s) => [s.step, s.overdue])).toEqual([['deadline', true]]);
  });
});

describe('explained delays', () => {
  const base: Row[] = [RECEIVED, [1, 'acknowledge'], [5, 'register', 'registered'], [6, 'start_review', 'under_review']];

  it('an explained step is due again at the new estimate, then overdue again after it', () => {
    const rows: Row[] = [...base, [36, 'explain_delay', undefined, { step: 'decide', reason: 'translation pending', newEstimate: '2026-02-20' }]];
    const s = dueSteps(incoming('under_review'), timeline(rows), day(40), DEFAULT_DEADLINES);
    expect(s).toEqual([{ step: 'decide', dueAt: iso(35), overdue: false, explained: { reason: 'translation pending', newEstimate: '2026-02-20', at: iso(36) } }]);
    expect(nextDueAt(s)?.toISOString()).toBe('2026-02-20T23:59:59.999Z');
    expect(steps(incoming('under_review'), rows, 51)).toEqual([{ step: 'decide', due: iso(35), overdue: true, explained: '2026-02-20' }]);
  });

  it('the latest explanation counts, and one for another step does not', () => {
    const rows: Row[] = [...base,
      [36, 'explain_delay', undefined, { step: 'decide', reason: 'a', newEstimate: '2026-02-20' }],
      [52, 'explain_delay', undefined, { step: 'decide', reason: 'b', newEstimate: '2026-03-15' }],
      [53, 'explain_delay', undefined, { step: 'execute', reason: 'c', newEstimate: '2026-12-31' }]];
    expect(steps(incoming('under_review'), rows, 60)).toEqual([{ step: 'decide', due: iso(35), overdue: false, explained: '2026-03-15' }]);
  });

  it('an explanation names one progress query, by seq or as answer-query:seq; without one it covers the queries before it', () => {
    const rows: Row[] = [...base, [7, 'progress_query'], [8, 'progress_query'], [30, 'explain_delay', undefined, { step: 'answer-query:6', reason: 'r', newEstimate: '2026-03-01' }]];
    expect(steps(incoming('under_review'), rows, 30).filter((s) => s.step === 'answer-query')).toEqual([
      { step: 'answer-query', due: iso(21), overdue: true, seq: 5 },
      { step: 'answer-query', due: iso(22), overdue: false, seq: 6, explained: '2026-03-01' },
    ]);
    rows.push([31, 'explain_delay', undefined, { step: 'answer-query', reason: 'both', newEstimate: '2026-03-02' }]);
    expect(steps(incoming('under_review'), rows, 31).filter((s) => s.step === 'answer-query').map((s) => s.explained)).toEqual(['2026-03-02', '2026-03-02']);
  });

  it('a new deadline forgets the explanation of the old one', () => {
    const c = incoming('under_review', { deadline: '2026-03-01' });
    const rows: Row[] = [...base, [20, 'set_deadline', undefined, { deadline: '2026-01-15' }],
      [21, 'explain_delay', undefined, { step: 'deadline', reason: 'r', newEstimate: '2026-02-01' }], [22, 'set_deadline', undefined, { deadline: '2026-03-01' }]];
    expect(steps(c, rows, 23).find((s) => s.step === 'deadline')).toEqual({ step: 'deadline', due: '2026-03-01T23:59:59.999Z', overdue: false });
  });
});

describe('the requesting side', () => {
  const out: DeadlineCase = { direction: 'outgoing', kind: 'mla', status: 'sent', deadline: null, legal_basis: 'convention', legal_basis_treaty: null, received_at: null, sent_at: day(0) };
  const sent: Row[] = [[0, 'created', 'preparing'], [0, 'submit', 'ready'], [1, 'send', 'sent']];

  it('supplies information asked for within 30 days, until it does', () => {
    expect(steps(out, sent, 10)).toEqual([]);
    const asked: Row[] = [...sent, [10, 'counterpart_update', undefined, { type: 'request_info', toState: 'info_requested' }]];
    expect(steps(out, asked, 41)).toEqual([{ step: 'supply-info', due: iso(40), overdue: true }]);
    expect(steps(out, [...asked, [42, 'supply_info', undefined, { note: 'bank statements attached' }]], 43)).toEqual([]);
    const byHand: Row[] = [...sent, [10, 'record_counterpart_status', undefined, { status: 'info_requested' }]];
    expect(steps(out, byHand, 11)).toEqual([{ step: 'supply-info', due: iso(40), overdue: false }]);
  });
});

describe('configuration', () => {
  it('a treaty’s own period replaces the default for cases on that treaty only', () => {
    const config = parseDeadlineConfig({ executeDays: 120, treaties: { ' Medellín  Treaty ': { executeDays: 60 } } });
    const rows: Row[] = [RECEIVED, [1, 'acknowledge'], [2, 'register', 'registered'], [3, 'start_review', 'under_review'], [10, 'accept', 'accepted']];
    expect(steps(incoming('accepted', { legal_basis: 'treaty', legal_basis_treaty: 'medellín treaty' }), rows, 11, config)[0]?.due).toBe(iso(70));
    expect(steps(incoming('accepted', { legal_basis: 'convention', legal_basis_treaty: null }), rows, 11, config)[0]?.due).toBe(iso(130));
    expect(steps(incoming('accepted', { legal_basis: 'treaty', legal_basis_treaty: 'Another treaty' }), rows, 11, config)[0]?.due).toBe(iso(130));
  });

  it('nextDueAt is the earliest step, or null', () => {
    expect(nextDueAt([])).toBeNull();
    const s = dueSteps(incoming('registered', { deadline: '2026-01-03' }), timeline([RECEIVED, [1, 'register', 'registered']]), day(1), DEFAULT_DEADLINES);
    expect(s.map((x) => x.step)).toEqual(['deadline', 'acknowledge', 'decide']);
    expect(nextDueAt(s)?.toISOString()).toBe('2026-01-03T23:59:59.999Z');
  });
});

describe('answerQueryDueAt', () => {
  it('the date the query gives (end of that day), else the configured period, a treaty’s own if any', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    const convention = { legal_basis: 'convention' as const, legal_basis_treaty: null };
    expect(answerQueryDueAt(convention, at, '2026-03-05', DEFAULT_DEADLINES).toISOString()).toBe('2026-03-05T23:59:59.999Z');
    expect(answerQueryDueAt(convention, at, null, DEFAULT_DEADLINES).toISOString()).toBe('2026-03-15T10:00:00.000Z');
    const config = parseDeadlineConfig({ treaties: { 'Treaty X': { answerQueryDays: 7 } } });
    expect(answerQueryDueAt({ legal_basis: 'treaty', legal_basis_treaty: 'Treaty X' }, at, undefined, config).toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });
});
