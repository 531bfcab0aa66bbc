import type { Transaction } from 'kysely';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor } from '../platform/auth/roles.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { allowedActions, assertAllowed, transition, type ActionAvailability } from '../platform/workflow/index.ts';
import { loadReviewResource, openReview, type LoadedReview } from './review.access.ts';
import { REVIEW_TARGET } from './review.audit.ts';
import type { ReviewPolicyAction } from './review.policy.ts';
import * as repo from './review.repository.ts';
import { reviewMachine, type ReviewAction, type ReviewCtx } from './review.workflow.ts';

type Conn = Db | Transaction<Database>;

/** Which policy right each workflow action needs at least (the machine's guards then say more). */
const RIGHT: Record<ReviewAction, ReviewPolicyAction> = {
  open_questionnaire: 'view', save_answer: 'draft', submit_answers: 'submit',
  comment: 'draft', submit_feedback: 'submit', begin_observations: 'view',
  draft_observation: 'draft', agree_observations: 'submit', submit_observations: 'submit', begin_summary: 'view',
  draft_summary: 'draft', submit_summary: 'submit', complete: 'view', publish: 'submit',
};

/** The machine's context for a review as the viewer stands to it. */
export async function reviewContext(db: Conn, r: Pick<LoadedReview, 'row' | 'reviewers' | 'reviewed_iso3'> & { standing: LoadedReview['standing'] | null }, system = false): Promise<ReviewCtx> {
  const [unanswered, steps, fp] = await Promise.all([
    repo.unansweredCount(db, r.row.id, r.row.question_set_ids),
    repo.stepsDone(db, r.row.id),
    repo.hasActiveFocalPoint(db, r.row.id, r.reviewed_iso3),
  ]);
  const done = (step: string) => new Set(steps.filter((s) => s.step === step).map((s) => s.reviewing_state));
  const pending = (step: string) => { const d = done(step); return r.reviewers.filter((s) => !d.has(s)); };
  return {
    standing: r.standing,
    reviewedFocalPoint: fp,
    unanswered,
    pendingFeedback: pending('feedback'),
    pendingObservations: pending('observations'),
    pendingSummaries: pending('summary'),
    unagreedObservations: pending('observations_agreed'),
    system,
  };
}

/** Every action with whether the viewer may take it now and why not (sent with the review as `actions`). */
export async function reviewActions(db: Conn, actor: Actor, r: LoadedReview): Promise<ActionAvailability<ReviewAction>[]> {
  return allowedActions(reviewMachine, actor, r.row, await reviewContext(db, r));
}

/**
 * Opens the review for an action of the workflow, inside the caller's transaction, with the review row locked:
 * the policy right (404 for who may not see it, 403 for who may not write) and the machine's guards (409/422 with
 * the reason). Parts of the module call this before writing anything a step does (an answer, a comment, a list).
 */
export async function assertReviewAction(trx: Transaction<Database>, actor: Actor, reviewId: string, action: ReviewAction, what: string): Promise<{ review: LoadedReview; ctx: ReviewCtx }> {
  const review = await openReview(trx, actor, reviewId, RIGHT[action], what, { forUpdate: true });
  const ctx = await reviewContext(trx, review);
  assertAllowed(reviewMachine, actor, review.row, ctx, action);
  return { review, ctx };
}

/** Takes a stage-changing action (open_questionnaire, submit_answers, begin_observations, …), audited, in the caller's transaction. */
export async function moveReview(trx: Transaction<Database>, actor: Actor, reviewId: string, action: ReviewAction, reason?: string | null): Promise<LoadedReview> {
  const { review, ctx } = await assertReviewAction(trx, actor, reviewId, action, action);
  return applyMove(trx, actor, review, ctx, action, reason ?? null);
}

async function applyMove(trx: Transaction<Database>, actor: Actor, review: LoadedReview, ctx: ReviewCtx, action: ReviewAction, reason: string | null): Promise<LoadedReview> {
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (action === 'open_questionnaire') set.question_set_ids = await repo.latestPublishedSets(trx, review.row.cluster_code, review.row.instruments);
  if (action === 'submit_answers') set.answers_submitted_at = new Date();
  const { row, entry } = await transition(trx, reviewMachine, { entity: review.row, action, actor, ctx, reason, set });
  await audit(trx, {
    actor: auditActor(actor), action: 'review.review.action', targetType: REVIEW_TARGET, targetId: review.id,
    details: { action, from: entry.from_state, to: entry.to_state, system: ctx.system === true },
  });
  return { ...review, row: row as LoadedReview['row'] };
}

/**
 * After a reviewing State's last step (its feedback, list, summary), moves the review on by itself when nothing is
 * pending any more: desk review → observations → summary → completed. Run as the platform (history says so).
 */
export async function advanceIfComplete(trx: Transaction<Database>, reviewId: string): Promise<boolean> {
  const closing: Partial<Record<string, ReviewAction>> = { desk_review: 'begin_observations', observations: 'begin_summary', summary: 'complete' };
  const r = await loadReviewResource(trx, reviewId, { forUpdate: true });
  if (!r) return false;
  const base: LoadedReview = { ...r, standing: { side: 'secretariat', state: null, role: 'secretariat' } };
  const action = closing[base.row.stage];
  if (!action) return false;
  const ctx = await reviewContext(trx, { ...base, standing: null }, true);
  const refusal = reviewMachine.find(base.row.stage, action)?.guards?.map((g) => g.check(ANONYMOUS, base.row, ctx)).find((x) => x);
  if (refusal) return false;
  await applyMove(trx, ANONYMOUS, base, ctx, action, 'every reviewing State has done its part');
  return true;
}
