import type { RedrawRequest, ReviewerDrawInputs, ReviewerDrawResult } from './draw.types.ts';

/**
 * STUB (contract) — owner: helper draw. The reviewers' draw: a pure function of the published inputs, the seed and
 * the redraws asked for (in order). docs/DRAW.md states the algorithm.
 */
export function drawReviewers(_inputs: ReviewerDrawInputs, _seed: string, _redraws: readonly RedrawRequest[] = []): ReviewerDrawResult {
  throw new Error('drawReviewers: not built yet');
}
