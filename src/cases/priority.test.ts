import { describe, expect, it } from 'vitest';
import type { PriorityInputs } from './cases.tables.ts';
import { computePriority, daysUntil, effectiveLevel, levelOf, type PriorityCase } from './priority.ts';

const TODAY = new Date('2026-12-02T10:00:00Z');

const mla = (over: Partial<PriorityCase> = {}, inputs: PriorityInputs = {}): PriorityCase => ({
  kind: 'mla',
  measures: ['taking-evidence'],
  deadline: null,
  ...over,
  priority_inputs: { ...over.priority_inputs, ...inputs },
});

const pointsOf = (c: PriorityCase) => Object.fromEntries(computePriority(c, TODAY).factors.map((f) => [f.factor, f.points]));

describe('priority: each factor adds its points, and says so', () => {
  it.each([
    ['nothing known', mla(), {}, 0, 'low'],
    ['deadline in 3 days', mla({ deadline: '2026-12-05' }), { deadline: 40 }, 40, 'high'],
    ['deadline today', mla({ deadline: '2026-12-02' }), { deadline: 40 }, 40, 'high'],
    ['deadline passed', mla({ deadline: '2026-11-20' }), { deadline: 40 }, 40, 'high'],
    ['deadline in 10 days', mla({ deadline: '2026-12-12' }), { deadline: 30 }, 30, 'normal'],
    ['deadline in 25 days', mla({ deadline: '2026-12-27' }), { deadline: 20 }, 20, 'normal'],
    ['deadline in 60 days', mla({ deadline: '2027-01-31' }), { deadline: 10 }, 10, 'normal'],
    ['deadline in a year', mla({ deadline: '2027-12-02' }), {}, 0, 'low'],
    ['person in custody', mla({}, { personInCustody: true }), { custody: 30 }, 30, 'normal'],
    ['evidence lost in 5 days', mla({}, { evidenceAtRisk: true, evidenceLossDate: '2026-12-07' }), { 'evidence-loss': 35 }, 35, 'high'],
    ['evidence lost in 20 days', mla({}, { evidenceAtRisk: true, evidenceLossDate: '2026-12-22' }), { 'evidence-loss': 25 }, 25, 'normal'],
    ['evidence lost in 80 days', mla({}, { evidenceLossDate: '2027-02-20' }), { 'evidence-loss': 15 }, 15, 'normal'],
    ['evidence lost in a year', mla({}, { evidenceAtRisk: true, evidenceLossDate: '2027-12-01' }), { 'evidence-loss': 10 }, 10, 'normal'],
    ['evidence at risk, no date', mla({}, { evidenceAtRisk: true }), { 'evidence-loss': 10 }, 10, 'normal'],
    ['3 years: not a serious crime', mla({}, { maxPenaltyYears: 3 }), {}, 0, 'low'],
    ['4 years: serious crime (art. 2(b))', mla({}, { maxPenaltyYears: 4 }), { 'max-penalty': 10 }, 10, 'normal'],
    ['12 years', mla({}, { maxPenaltyYears: 12 }), { 'max-penalty': 15 }, 15, 'normal'],
    ['life (99 years)', mla({}, { maxPenaltyYears: 99 }), { 'max-penalty': 20 }, 20, 'normal'],
    ['organised criminal group', mla({}, { organisedCriminalGroup: true }), { ocg: 10 }, 10, 'normal'],
    ['one victim', mla({}, { victims: 1 }), { victims: 10 }, 10, 'normal'],
    ['five victims', mla({}, { victims: 5 }), { victims: 15 }, 15, 'normal'],
    ['forty victims', mla({}, { victims: 40 }), { victims: 20 }, 20, 'normal'],
    ['no victims', mla({}, { victims: 0 }), {}, 0, 'low'],
    ['e-evidence preservation', mla({ measures: ['taking-evidence', 'e-evidence-preservation'] }), { 'assistance-type': 15 }, 15, 'normal'],
    ['freezing', mla({ measures: ['freezing', 'bank-records'] }), { 'assistance-type': 15 }, 15, 'normal'],
    ['subscriber data', mla({ measures: ['e-evidence-subscriber'] }), { 'assistance-type': 5 }, 5, 'low'],
    ['extradition, not in custody', mla({ kind: 'extradition', measures: ['extradition'] }), {}, 0, 'low'],
    ['a person listed in custody', mla({ persons: [{ inCustody: false }, { inCustody: true }] }), { custody: 30 }, 30, 'normal'],
    ['extradition of a person listed in custody', mla({ kind: 'extradition', measures: ['extradition'], persons: [{ inCustody: true }] }), { custody: 30, 'assistance-type': 15 }, 45, 'high'],
    ['extradition with custody', mla({ kind: 'extradition', measures: ['extradition'] }, { personInCustody: true }), { custody: 30, 'assistance-type': 15 }, 45, 'high'],
  ])('%s', (_name, c, points, score, level) => {
    const p = computePriority(c, TODAY);
    expect(pointsOf(c)).toEqual(points);
    expect(p.score).toBe(score);
    expect(p.level).toBe(level);
  });

  it('adds up urgency, seriousness and type: extradition of a trafficker held, with a hearing this week, is urgent', () => {
    const p = computePriority(
      mla({ kind: 'extradition', measures: ['extradition'], deadline: '2026-12-08' }, { personInCustody: true, maxPenaltyYears: 15, organisedCriminalGroup: true, victims: 12 }),
      TODAY,
    );
    expect(p.factors).toEqual([
      { factor: 'deadline', points: 40, detail: { daysLeft: 6, date: '2026-12-08' } },
      { factor: 'custody', points: 30 },
      { factor: 'max-penalty', points: 15, detail: { years: 15, serious: true } },
      { factor: 'ocg', points: 10 },
      { factor: 'victims', points: 20, detail: { count: 12 } },
      { factor: 'assistance-type', points: 15, detail: { measure: 'extradition-with-custody' } },
    ]);
    expect(p.score).toBe(130);
    expect(p.level).toBe('urgent');
  });

  it('counts only the most urgent type of assistance once', () => {
    const p = computePriority(mla({ measures: ['search-and-seizure', 'e-evidence-preservation', 'freezing'] }), TODAY);
    expect(p.factors).toEqual([{ factor: 'assistance-type', points: 15, detail: { measure: 'e-evidence-preservation' } }]);
  });

  it('explains days left with the date, negative once passed', () => {
    const p = computePriority(mla({ deadline: '2026-11-30' }, { evidenceLossDate: '2026-12-09' }), TODAY);
    expect(p.factors.find((f) => f.factor === 'deadline')?.detail).toEqual({ daysLeft: -2, date: '2026-11-30' });
    expect(p.factors.find((f) => f.factor === 'evidence-loss')?.detail).toEqual({ daysLeft: 7, date: '2026-12-09' });
  });

  it('grows as the deadline nears: the same case scores more each week', () => {
    const c = mla({ deadline: '2027-02-15' }, { maxPenaltyYears: 8 });
    const scores = ['2026-11-01', '2026-12-20', '2027-01-20', '2027-02-05', '2027-02-14'].map((d) => computePriority(c, new Date(`${d}T08:00:00Z`)).score);
    expect(scores).toEqual([10, 20, 30, 40, 50]);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('is deterministic for a given day, whatever the hour', () => {
    const c = mla({ deadline: '2026-12-09' }, { evidenceLossDate: '2026-12-31' });
    expect(computePriority(c, new Date('2026-12-02T00:00:00Z'))).toEqual(computePriority(c, new Date('2026-12-02T23:59:59Z')));
  });

  it('ignores a malformed date rather than failing', () => {
    expect(computePriority(mla({ deadline: 'not a date' }, { evidenceLossDate: 'soon' }), TODAY).factors).toEqual([]);
  });
});

describe('priority levels and the override', () => {
  it.each([[0, 'low'], [9, 'low'], [10, 'normal'], [34, 'normal'], [35, 'high'], [59, 'high'], [60, 'urgent'], [500, 'urgent']] as const)('score %i is %s', (score, level) => {
    expect(levelOf(score)).toBe(level);
  });

  it('the officer’s override wins over the computed level, and only while there is one', () => {
    const computed = computePriority(mla({}, { personInCustody: true }), TODAY);
    expect(effectiveLevel(computed, null)).toBe('normal');
    expect(effectiveLevel(computed, { level: 'urgent', reason: 'minister asked', by: { id: 'u', name: 'Officer' }, at: '2026-12-02' })).toBe('urgent');
  });

  it('a closed case has no priority: no factor counts and no override wins', () => {
    const pressing = mla({ deadline: '2026-12-03' }, { personInCustody: true, evidenceLossDate: '2026-12-04' });
    expect(computePriority(pressing, TODAY).level).toBe('urgent');
    for (const status of ['closed'] as const) {
      const closed = computePriority({ ...pressing, status }, TODAY);
      expect(closed).toMatchObject({ score: 0, level: 'low', factors: [], closed: true });
      expect(effectiveLevel(closed, { level: 'urgent', reason: 'kept by hand', by: { id: 'u', name: 'Officer' }, at: '2026-12-02' })).toBe('low');
    }
    // any state before closing keeps its priority
    expect(computePriority({ ...pressing, status: 'executed' }, TODAY).level).toBe('urgent');
  });

  it('counts days by calendar date in UTC', () => {
    expect(daysUntil('2026-12-03', new Date('2026-12-02T23:59:00Z'))).toBe(1);
    expect(daysUntil('2026-12-01', new Date('2026-12-02T00:01:00Z'))).toBe(-1);
  });
});
