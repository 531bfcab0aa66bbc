/**
 * The deadlines of one review, as a pure function of what happened (resolution 8/2 as run, ../shared/spec/review.md):
 * each State appoints its focal point within 2 weeks of the review's start and its governmental experts within 4
 * weeks; the reviewed State answers within 6 months of the questionnaire opening; each reviewing State gives its
 * feedback within 6 months of receiving the answers; a request for clarification is answered by its own due date.
 * The figures come from the cycle's settings (`deadlineSettings`); dates are calendar dates (YYYY-MM-DD, UTC).
 */

export interface DeadlineSettings {
  focalPointDays: number;
  expertsDays: number;
  answersMonths: number;
  feedbackMonths: number;
  invitationDays: number;
}

export const DEFAULT_DEADLINES: DeadlineSettings = { focalPointDays: 14, expertsDays: 28, answersMonths: 6, feedbackMonths: 6, invitationDays: 10 };

/** The deadlines of a cycle's settings document (review_cycles.settings), defaults for what it does not say. */
export function deadlineSettings(settings: unknown): DeadlineSettings {
  const d = (settings as { deadlines?: Partial<Record<keyof DeadlineSettings, unknown>> } | null)?.deadlines ?? {};
  const num = (k: keyof DeadlineSettings) => (typeof d[k] === 'number' && Number.isInteger(d[k]) && (d[k] as number) > 0 ? (d[k] as number) : DEFAULT_DEADLINES[k]);
  return { focalPointDays: num('focalPointDays'), expertsDays: num('expertsDays'), answersMonths: num('answersMonths'), feedbackMonths: num('feedbackMonths'), invitationDays: num('invitationDays') };
}

export type DeadlineStep = 'focal_point' | 'experts' | 'answers' | 'feedback' | 'clarification';

export interface DeadlineFacts {
  startedOn: string;
  reviewed: string;
  /** The reviewing States. */
  reviewers: readonly string[];
  /** Nominated people not revoked or expired, by State and role. */
  nominated: ReadonlyArray<{ state: string; role: string }>;
  /** When the questionnaire opened (the open_questionnaire transition), if it did. */
  questionnaireOpenedOn: string | null;
  answersSubmittedOn: string | null;
  /** Reviewing States that submitted their feedback. */
  feedbackDone: readonly string[];
  /** Requests for clarification sent to the reviewed State, with their due date. */
  clarifications: ReadonlyArray<{ dueOn: string; answered: boolean }>;
  /** Whether the review is completed (nothing is overdue any more then). */
  completed: boolean;
}

export interface Deadline {
  step: DeadlineStep;
  state: string | null;
  dueOn: string;
  done: boolean;
  overdue: boolean;
}

/** YYYY-MM-DD of a date, in UTC. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

function parse(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

export function addDays(day: string, days: number): string {
  const d = parse(day);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDay(d);
}

/** The same day n months later, or the month's last day when it has no such day (31 August + 6 months = 28/29 February). */
export function addMonths(day: string, months: number): string {
  const d = parse(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return isoDay(target);
}

/**
 * Every deadline of the review, in the order the steps come (focal points, experts, answers, feedback,
 * clarifications); the States of a step in the order: reviewed State, then reviewing States as given. A step is
 * overdue when it is not done and its day has passed (`today` after `dueOn`).
 */
export function reviewDeadlines(f: DeadlineFacts, s: DeadlineSettings, today: string): Deadline[] {
  const states = [f.reviewed, ...f.reviewers];
  const has = (state: string, role: string) => f.nominated.some((n) => n.state === state && n.role === role);
  const row = (step: DeadlineStep, state: string | null, dueOn: string, done: boolean): Deadline =>
    ({ step, state, dueOn, done, overdue: !done && !f.completed && today > dueOn });
  const out: Deadline[] = [
    ...states.map((st) => row('focal_point', st, addDays(f.startedOn, s.focalPointDays), has(st, 'focal_point'))),
    ...states.map((st) => row('experts', st, addDays(f.startedOn, s.expertsDays), has(st, 'expert'))),
  ];
  if (f.questionnaireOpenedOn) out.push(row('answers', f.reviewed, addMonths(f.questionnaireOpenedOn, s.answersMonths), f.answersSubmittedOn !== null));
  if (f.answersSubmittedOn) {
    const due = addMonths(f.answersSubmittedOn, s.feedbackMonths);
    for (const st of f.reviewers) out.push(row('feedback', st, due, f.feedbackDone.includes(st)));
  }
  for (const c of [...f.clarifications].sort((a, b) => a.dueOn.localeCompare(b.dueOn))) out.push(row('clarification', f.reviewed, c.dueOn, c.answered));
  return out;
}
