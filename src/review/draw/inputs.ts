import type { EligibilityState } from '../../reference/reference.service.ts';
import type { GroupDrawInputs, ReviewerDrawInputs } from './draw.types.ts';

/**
 * STUB (contract) — owner: helper draw. Builds a draw's published inputs from the reference data
 * (reference.service drawEligibility) and the rules: pooling of entities outside the five groups, unknown statuses.
 */
export interface ReviewerRules {
  instrument: string;
  instruments: string[];
  cap: number;
  mutual: boolean;
  maxReviewers: number;
  /** Entities outside the five regional groups → the pool (group code) they are drawn in. */
  pooling: Record<string, string>;
  asOf: string;
}
export function reviewerInputs(_states: readonly EligibilityState[], _rules: ReviewerRules): ReviewerDrawInputs {
  throw new Error('reviewerInputs: not built yet');
}
export function groupInputs(_states: readonly EligibilityState[], _rules: { instrument: string; groups: number; pooling: Record<string, string>; asOf: string }): GroupDrawInputs {
  throw new Error('groupInputs: not built yet');
}
