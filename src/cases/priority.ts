import type { CaseKind, CaseState, PriorityLevel } from './case.vocabulary.ts';
import { TERMINAL_STATES } from './case.workflow.ts';
import type { PriorityInputs, PriorityOverride } from './cases.tables.ts';

/**
 * A case's priority (res. 8/1: prioritise requests by urgency, seriousness of the offence and type of
 * assistance), computed from what the case says and explained factor by factor, so the work queue can sort on the
 * score and the UI can say "which factor added what". Pure: the same case and the same `today` give the same answer.
 *
 * The score is the sum of the factors' points (one table below, WEIGHTS). Levels from the score:
 *   urgent ≥ 60   two strong urgency factors together (custody and a deadline this week; evidence lost within a week
 *                 in a serious case) — act today;
 *   high   ≥ 35   one strong urgency factor, or serious crime with several aggravating factors;
 *   normal ≥ 10   a serious crime (art. 2(b)) or some other factor known;
 *   low    < 10   nothing known that makes it pressing (the officer may still override, with a reason).
 */
export interface PriorityFactor {
  /** Stable code: 'deadline', 'custody', 'evidence-loss', 'max-penalty', 'ocg', 'victims', 'assistance-type'. */
  factor: string;
  points: number;
  /** Parameters for the explanation's text (days left, years, measure code…). */
  detail?: Record<string, string | number | boolean>;
}

export interface Priority {
  score: number;
  level: PriorityLevel;
  factors: PriorityFactor[];
  /** The case is closed: it asks nothing more of anyone, so nothing makes it pressing and no override counts. */
  closed?: boolean;
}

export interface PriorityCase {
  kind: CaseKind;
  measures: readonly string[];
  deadline: string | null;
  priority_inputs: PriorityInputs;
  /** The persons concerned: one marked in custody counts as custody even if the input was not ticked. */
  persons?: readonly { inCustody?: boolean }[];
  /** A closed case has no priority (a deadline or a custody flag left on it must not keep it at the top of a queue). */
  status?: CaseState;
}

/** Level thresholds, highest first: the first whose minimum the score reaches. */
export const PRIORITY_THRESHOLDS: readonly { level: PriorityLevel; min: number }[] = [
  { level: 'urgent', min: 60 },
  { level: 'high', min: 35 },
  { level: 'normal', min: 10 },
  { level: 'low', min: Number.NEGATIVE_INFINITY },
];

/** Points by "days left at most" (first matching row); a date already passed counts as 0 days left. */
type Steps = readonly { withinDays: number; points: number }[];

/**
 * The weights, in one place. Urgency weighs most (a missed date cannot be made up), seriousness next, the type
 * of assistance adds what its nature makes urgent whatever the case.
 */
export const WEIGHTS = {
  urgency: {
    // The case's own deadline (a trial date, a limitation period, a hearing): closer is more. Beyond 90 days a
    // deadline does not change today's order of work.
    deadline: [
      { withinDays: 7, points: 40 },
      { withinDays: 14, points: 30 },
      { withinDays: 30, points: 20 },
      { withinDays: 90, points: 10 },
    ] satisfies Steps,
    // A person deprived of liberty for this request: liberty is at stake and provisional arrest runs on short
    // statutory periods (art. 16(9); treaties: 40–60 days).
    custody: 30,
    // Evidence that may be lost (traffic data kept only for a retention period): closer loss date is more.
    evidenceLoss: [
      { withinDays: 7, points: 35 },
      { withinDays: 30, points: 25 },
      { withinDays: 90, points: 15 },
    ] satisfies Steps,
    // At risk, but the date is unknown or far: some urgency all the same (preservation is cheap, loss is final).
    evidenceLossUndated: 10,
  },
  seriousness: {
    // Maximum penalty in years: art. 2(b) "serious crime" is ≥ 4 years; graver crimes weigh more.
    maxPenalty: [
      { minYears: 20, points: 20 },
      { minYears: 10, points: 15 },
      { minYears: 4, points: 10 },
    ],
    // An organised criminal group (art. 2(a)): the Convention's very object; such groups move people and assets fast.
    organisedCriminalGroup: 10,
    // Victims identified (trafficking, smuggling): more with their number.
    victims: [
      { minCount: 10, points: 20 },
      { minCount: 2, points: 15 },
      { minCount: 1, points: 10 },
    ],
  },
  // Types of assistance urgent by nature (only the largest counts: one request is one urgency).
  assistanceType: {
    // extradition of a person held: provisional-arrest periods run
    extraditionWithCustody: 15,
    measures: {
      // electronic data disappear at the end of retention periods; preservation is the first step of every e-request
      'e-evidence-preservation': 15,
      'e-evidence-real-time-traffic': 15,
      // assets move within hours once their holder learns of the investigation
      freezing: 15,
      'search-and-seizure': 10,
      'e-evidence-traffic': 10,
      'e-evidence-content': 10,
      'e-evidence-subscriber': 5,
      'controlled-delivery': 10,
    } as Readonly<Record<string, number>>,
  },
} as const;

const DAY = 86_400_000;

/** Whole days from `today` to the date (negative when passed), by calendar date in UTC. */
export function daysUntil(date: string, today: Date): number {
  const target = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((target - start) / DAY);
}

function stepPoints(steps: Steps, daysLeft: number): number {
  const left = Math.max(0, daysLeft);
  return steps.find((s) => left <= s.withinDays)?.points ?? 0;
}

const validDate = (d: string | null | undefined): d is string => typeof d === 'string' && !Number.isNaN(Date.parse(`${d.slice(0, 10)}T00:00:00Z`));

export function computePriority(c: PriorityCase, today: Date): Priority {
  if (c.status !== undefined && TERMINAL_STATES.includes(c.status)) return { score: 0, level: 'low', factors: [], closed: true };
  const inputs = c.priority_inputs ?? {};
  const factors: PriorityFactor[] = [];
  const add = (factor: string, points: number, detail?: PriorityFactor['detail']) => {
    if (points > 0) factors.push({ factor, points, ...(detail && { detail }) });
  };

  // urgency
  if (validDate(c.deadline)) {
    const daysLeft = daysUntil(c.deadline, today);
    add('deadline', stepPoints(WEIGHTS.urgency.deadline, daysLeft), { daysLeft, date: c.deadline.slice(0, 10) });
  }
  const inCustody = !!inputs.personInCustody || (c.persons ?? []).some((p) => p.inCustody === true);
  if (inCustody) add('custody', WEIGHTS.urgency.custody);
  if (inputs.evidenceAtRisk || validDate(inputs.evidenceLossDate)) {
    if (validDate(inputs.evidenceLossDate)) {
      const daysLeft = daysUntil(inputs.evidenceLossDate, today);
      const points = stepPoints(WEIGHTS.urgency.evidenceLoss, daysLeft) || WEIGHTS.urgency.evidenceLossUndated;
      add('evidence-loss', points, { daysLeft, date: inputs.evidenceLossDate.slice(0, 10) });
    } else {
      add('evidence-loss', WEIGHTS.urgency.evidenceLossUndated);
    }
  }

  // seriousness
  const years = inputs.maxPenaltyYears;
  if (typeof years === 'number' && Number.isFinite(years)) {
    const row = WEIGHTS.seriousness.maxPenalty.find((r) => years >= r.minYears);
    add('max-penalty', row?.points ?? 0, { years, serious: years >= 4 });
  }
  if (inputs.organisedCriminalGroup) add('ocg', WEIGHTS.seriousness.organisedCriminalGroup);
  const victims = inputs.victims;
  if (typeof victims === 'number' && victims > 0) {
    const row = WEIGHTS.seriousness.victims.find((r) => victims >= r.minCount);
    add('victims', row?.points ?? 0, { count: victims });
  }

  // type of assistance: the single most urgent one
  const candidates: { measure: string; points: number }[] = c.measures
    .filter((m) => Object.hasOwn(WEIGHTS.assistanceType.measures, m))
    .map((m) => ({ measure: m, points: WEIGHTS.assistanceType.measures[m] ?? 0 }));
  if (c.kind === 'extradition' && inCustody) {
    candidates.push({ measure: 'extradition-with-custody', points: WEIGHTS.assistanceType.extraditionWithCustody });
  }
  const top = candidates.sort((a, b) => b.points - a.points || a.measure.localeCompare(b.measure))[0];
  if (top) add('assistance-type', top.points, { measure: top.measure });

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return { score, level: levelOf(score), factors };
}

export function levelOf(score: number): PriorityLevel {
  return PRIORITY_THRESHOLDS.find((t) => score >= t.min)?.level ?? 'low';
}

/** The level shown and sorted on: the officer's override when there is one, else the computed level. */
export function effectiveLevel(computed: Priority, override: PriorityOverride | null): PriorityLevel {
  if (computed.closed) return computed.level;
  return override?.level ?? computed.level;
}
