import { describe, expect, it } from 'vitest';
import { addDays, addMonths, DEFAULT_DEADLINES, deadlineSettings, reviewDeadlines, type DeadlineFacts } from './deadlines.ts';

const base: DeadlineFacts = {
  startedOn: '2026-01-15', reviewed: 'MEX', reviewers: ['PER', 'ESP'], nominated: [], questionnaireOpenedOn: null,
  answersSubmittedOn: null, feedbackDone: [], clarifications: [], completed: false,
};
const pick = (d: ReturnType<typeof reviewDeadlines>, step: string) => d.filter((x) => x.step === step).map((x) => [x.state, x.dueOn, x.done, x.overdue]);

describe('review deadlines', () => {
  it('date arithmetic: days, and months ending on the month’s last day', () => {
    expect(addDays('2026-01-15', 14)).toBe('2026-01-29');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-15', 6)).toBe('2026-09-15');
  });

  it('focal points 2 weeks and experts 4 weeks after the start, for every State; overdue only once the day has passed and not done', () => {
    const d = reviewDeadlines({ ...base, nominated: [{ state: 'MEX', role: 'focal_point' }, { state: 'PER', role: 'expert' }] }, DEFAULT_DEADLINES, '2026-01-29');
    expect(pick(d, 'focal_point')).toEqual([['MEX', '2026-01-29', true, false], ['PER', '2026-01-29', false, false], ['ESP', '2026-01-29', false, false]]);
    const later = reviewDeadlines({ ...base, nominated: [{ state: 'MEX', role: 'focal_point' }] }, DEFAULT_DEADLINES, '2026-01-30');
    expect(pick(later, 'focal_point').map((x) => x[3])).toEqual([false, true, true]);
    expect(pick(later, 'experts')).toEqual([['MEX', '2026-02-12', false, false], ['PER', '2026-02-12', false, false], ['ESP', '2026-02-12', false, false]]);
    expect(pick(later, 'answers')).toEqual([]);
  });

  it('answers 6 months after the questionnaire opened; feedback 6 months after the answers, per reviewing State; clarifications by their day', () => {
    const f = { ...base, questionnaireOpenedOn: '2026-02-01', answersSubmittedOn: '2026-07-20', feedbackDone: ['ESP'], clarifications: [{ dueOn: '2026-09-01', answered: false }, { dueOn: '2026-08-01', answered: true }] };
    const d = reviewDeadlines(f, DEFAULT_DEADLINES, '2026-09-02');
    expect(pick(d, 'answers')).toEqual([['MEX', '2026-08-01', true, false]]);
    expect(pick(d, 'feedback')).toEqual([['PER', '2027-01-20', false, false], ['ESP', '2027-01-20', true, false]]);
    expect(pick(d, 'clarification')).toEqual([['MEX', '2026-08-01', true, false], ['MEX', '2026-09-01', false, true]]);
    expect(reviewDeadlines({ ...f, completed: true }, DEFAULT_DEADLINES, '2030-01-01').some((x) => x.overdue)).toBe(false);
  });

  it('the figures come from the cycle’s settings, defaults for what is missing or not a positive whole number', () => {
    expect(deadlineSettings({ deadlines: { focalPointDays: 7, answersMonths: 3, expertsDays: -1 } })).toEqual({ ...DEFAULT_DEADLINES, focalPointDays: 7, answersMonths: 3 });
    expect(deadlineSettings(null)).toEqual(DEFAULT_DEADLINES);
    const d = reviewDeadlines({ ...base, questionnaireOpenedOn: '2026-02-01' }, deadlineSettings({ deadlines: { focalPointDays: 7, answersMonths: 3 } }), '2026-01-01');
    expect(d[0]!.dueOn).toBe('2026-01-22');
    expect(pick(d, 'answers')[0]![1]).toBe('2026-05-01');
  });
});
