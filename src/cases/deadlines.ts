import type { CaseState } from './case.vocabulary.ts';
import type { CasesCasesTable } from './cases.tables.ts';

/**
 * STUB (contract only; the rules helper writes the real rules): the steps of a case that are due, from
 * configured periods (acknowledge within N days, answer a progress query within N days, treaty-specific execution
 * periods), with whether each is overdue and whether its delay was explained (reason + new estimate).
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

export function dueSteps(_c: DeadlineCase, _timeline: readonly TimelineEntry[], _now: Date): DueStep[] {
  return [];
}

/** The earliest due date among the steps not explained (stored as cases_cases.next_due_at), or null. */
export function nextDueAt(steps: readonly DueStep[]): Date | null {
  const dates = steps.map((s) => (s.explained ? s.explained.newEstimate : s.dueAt)).sort();
  return dates[0] ? new Date(dates[0]) : null;
}
