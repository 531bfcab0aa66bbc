import { defineMachine, relationship, type Guard } from '../platform/workflow/index.ts';
import type { ReviewStanding } from './review.policy.ts';
import type { ReviewRow } from './review.access.ts';
import { REVIEW_STAGES, type ReviewStage } from './review.vocabulary.ts';

/**
 * The life of one review as one machine (platform/workflow): the API's actions, the UI's buttons, the diagram and
 * the tests all come from here. The review moves through stages (nominating → answering → desk review → observations
 * → summary → completed); inside a stage, the steps each side takes (save an answer, comment, submit feedback, agree
 * a list, publish) are actions that keep the stage, so the machine also says who may take them and when.
 *
 * Rules (resolution 8/2, ../shared/spec/review.md): only a focal point clears and submits a step of their side
 * (review.policy.ts `submit`); experts draft; observers read; the secretariat opens and closes stages. A stage
 * closes only when every reviewing State has done its part (ctx.pending…), and the part that does the last step
 * may move the review on itself (the service calls `advance` as the platform after a step).
 */

export type ReviewAction =
  | 'open_questionnaire' | 'save_answer' | 'submit_answers'
  | 'comment' | 'submit_feedback' | 'begin_observations'
  | 'draft_observation' | 'agree_observations' | 'submit_observations' | 'begin_summary'
  | 'draft_summary' | 'submit_summary' | 'complete'
  | 'publish';

/** What the guards need besides the review: the viewer's standing and where each reviewing State is. */
export interface ReviewCtx {
  standing: ReviewStanding | null;
  /** The reviewed State has an active focal point. */
  reviewedFocalPoint: boolean;
  /** Questions of the review's questionnaire without an answer (submit_answers needs 0). */
  unanswered: number;
  /** Reviewing States that have not yet submitted feedback / their list of observations / their summary. */
  pendingFeedback: readonly string[];
  pendingObservations: readonly string[];
  pendingSummaries: readonly string[];
  /** Reviewing States whose list of observations the reviewed State has not yet agreed. */
  unagreedObservations: readonly string[];
  /** The acting system (the platform moving a review on after the last step) passes every role guard. */
  system?: boolean;
}

type G = Guard<ReviewRow, ReviewCtx>;
const sys = (ctx: ReviewCtx) => ctx.system === true;
const side = (ctx: ReviewCtx) => ctx.standing?.side ?? null;
const roleIn = (ctx: ReviewCtx, ...roles: string[]) => ctx.standing !== null && roles.includes(ctx.standing.role);

const secretariat: G = relationship('the secretariat', (_a, _e, c) => sys(c) || side(c) === 'secretariat', 'Only the secretariat may move the review to its next stage');
const reviewedDrafter: G = relationship('the reviewed State’s focal point or experts', (_a, _e, c) => side(c) === 'reviewed' && roleIn(c, 'focal_point', 'expert'), 'Only the reviewed State’s focal point and experts answer the questionnaire');
const reviewedFocalPoint: G = relationship('the reviewed State’s focal point', (_a, _e, c) => side(c) === 'reviewed' && roleIn(c, 'focal_point'), 'Only the reviewed State’s focal point may clear and submit this');
const reviewingFocalPoint: G = relationship('a reviewing State’s focal point', (_a, _e, c) => side(c) === 'reviewing' && roleIn(c, 'focal_point'), 'Only the focal point of a reviewing State may clear and submit this');
const eitherDrafter: G = relationship('a focal point or expert of either side', (_a, _e, c) => (side(c) === 'reviewed' || side(c) === 'reviewing') && roleIn(c, 'focal_point', 'expert'), 'Only the focal points and experts of the States in this review may write here');
const reviewingDrafter: G = relationship('a reviewing State’s focal point or experts', (_a, _e, c) => side(c) === 'reviewing' && roleIn(c, 'focal_point', 'expert'), 'Only the reviewing States’ focal points and experts write the summary');

function condition(name: string, holds: (c: ReviewCtx) => boolean, message: string, code: string): G {
  return { name, check: (_a, _e, c) => (holds(c) ? null : { status: 409, code, message }) };
}
const hasFocalPoint = condition('the reviewed State has a focal point', (c) => c.reviewedFocalPoint, 'The reviewed State has not appointed its focal point yet', 'no-focal-point');
const allAnswered: G = {
  name: 'every question answered',
  check: (_a, _e, c) => (c.unanswered === 0 ? null : { status: 422, code: 'unanswered', message: `${c.unanswered} question(s) have no answer yet` }),
};
const ownPending = (list: (c: ReviewCtx) => readonly string[], message: string): G =>
  condition('not yet done by this State', (c) => sys(c) || (c.standing?.state != null && list(c).includes(c.standing.state)), message, 'already-done');
const nonePending = (list: (c: ReviewCtx) => readonly string[], message: string): G =>
  { const g = condition('every reviewing State has done it', (c) => list(c).length === 0, message, 'pending'); return { ...g, check: (a, e, c) => { const r = g.check(a, e, c); return r ? { ...r, message: `${message}: ${list(c).join(', ')}` } : null; } }; };

export const reviewMachine = defineMachine<ReviewStage, ReviewAction, ReviewRow, ReviewCtx>({
  entityType: 'review',
  label: 'review',
  table: 'reviews',
  stateColumn: 'stage',
  states: REVIEW_STAGES,
  initial: 'nominating',
  stateOf: (r) => r.stage,
  idOf: (r) => r.id,
  versionOf: (r) => r.version,
  transitions: [
    { action: 'open_questionnaire', from: ['nominating'], to: 'answering', guards: [secretariat, hasFocalPoint] },
    { action: 'save_answer', from: ['answering'], guards: [reviewedDrafter] },
    { action: 'submit_answers', from: ['answering'], to: 'desk_review', guards: [reviewedFocalPoint, allAnswered] },
    { action: 'comment', from: ['desk_review', 'observations'], guards: [eitherDrafter] },
    { action: 'submit_feedback', from: ['desk_review'], guards: [reviewingFocalPoint, ownPending((c) => c.pendingFeedback, 'Your State has already submitted its feedback')] },
    { action: 'begin_observations', from: ['desk_review'], to: 'observations', guards: [secretariat, nonePending((c) => c.pendingFeedback, 'Feedback is still awaited from')] },
    { action: 'draft_observation', from: ['observations'], guards: [eitherDrafter] },
    { action: 'agree_observations', from: ['observations'], guards: [reviewedFocalPoint] },
    {
      action: 'submit_observations', from: ['observations'],
      guards: [reviewingFocalPoint, ownPending((c) => c.pendingObservations, 'Your State has already submitted its list of observations'),
        condition('agreed with the reviewed State', (c) => c.standing?.state == null || !c.unagreedObservations.includes(c.standing.state), 'The reviewed State has not yet agreed your list of observations', 'not-agreed')],
    },
    { action: 'begin_summary', from: ['observations'], to: 'summary', guards: [secretariat, nonePending((c) => c.pendingObservations, 'Lists of observations are still awaited from')] },
    { action: 'draft_summary', from: ['summary'], guards: [reviewingDrafter] },
    { action: 'submit_summary', from: ['summary'], guards: [reviewingFocalPoint, ownPending((c) => c.pendingSummaries, 'Your State has already submitted its summary')] },
    { action: 'complete', from: ['summary'], to: 'completed', guards: [secretariat, nonePending((c) => c.pendingSummaries, 'Summaries are still awaited from')] },
    { action: 'publish', from: ['observations', 'summary', 'completed'], guards: [reviewedFocalPoint] },
  ],
});

/** The stage each stage-moving action leads to, for a service that moves a review on after the last step. */
export const NEXT_STAGE_ACTION: Partial<Record<ReviewStage, ReviewAction>> = {
  nominating: 'open_questionnaire',
  answering: 'submit_answers',
  desk_review: 'begin_observations',
  observations: 'begin_summary',
  summary: 'complete',
};
