import type { CaseKind, PriorityLevel } from './case.vocabulary.ts';
import type { PriorityInputs, PriorityOverride } from './cases.tables.ts';

/**
 * STUB (contract only; the rules helper writes the real computation): a case's priority from urgency (deadline,
 * person in custody, evidence at risk), seriousness (maximum penalty, organised criminal group, victims) and the
 * type of assistance, with each factor's contribution so the UI can explain it.
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
}

export interface PriorityCase {
  kind: CaseKind;
  measures: readonly string[];
  deadline: string | null;
  priority_inputs: PriorityInputs;
}

export function computePriority(_c: PriorityCase, _today: Date): Priority {
  return { score: 0, level: 'normal', factors: [] };
}

/** The level shown and sorted on: the officer's override when there is one, else the computed level. */
export function effectiveLevel(computed: Priority, override: PriorityOverride | null): PriorityLevel {
  return override?.level ?? computed.level;
}
