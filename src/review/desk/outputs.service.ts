import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from './desk.errors.ts';
import { auditReviewRead, openReview, reviewTransaction } from '../review.access.ts';
import { advanceIfComplete, assertReviewAction } from '../review.transitions.ts';
import type { PublishableOutput, ReviewStepKind } from '../review.vocabulary.ts';
import type { ReviewAction } from '../review.workflow.ts';
import { auditDesk, idOf, iso, listStateFor, nameOf, publicationsOf, stepsOf } from './desk.common.ts';

/**
 * What each reviewing State's focal point submits (feedback, list of observations, summary), the reviewed State's
 * agreement to a list, the summaries, and publication — an explicit act of the reviewed State's focal point, only of
 * a submitted output. After a reviewing State's step the review moves on by itself when nobody is pending any more.
 */

const STEP_ACTION: Record<ReviewStepKind, ReviewAction> = {
  feedback: 'submit_feedback', observations_agreed: 'agree_observations', observations: 'submit_observations', summary: 'submit_summary',
};

export async function takeStep(db: Db, actor: Actor, reviewId: string, input: { step: ReviewStepKind; reviewingState?: string | undefined }) {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, STEP_ACTION[input.step], input.step);
    const s = review.standing;
    let state: string;
    if (input.step === 'observations_agreed') {
      if (!input.reviewingState) throw new ValidationError('Say whose list you agree', [{ path: 'body.reviewingState', message: 'required for observations_agreed' }]);
      state = listStateFor(review, input.reviewingState, 'list of observations');
      const done = await trx.selectFrom('review_steps').select('step').where('review_id', '=', reviewId).where('reviewing_state', '=', state).execute();
      if (done.some((d) => d.step === 'observations_agreed')) throw new ConflictError(`You have already agreed ${state}’s list of observations`);
    } else {
      if (input.reviewingState && input.reviewingState !== s.state) throw new ForbiddenError('A focal point submits their own State’s step');
      state = s.state!;
    }
    if (input.step === 'observations_agreed' || input.step === 'observations') {
      const items = await trx.selectFrom('review_observations').select('id').where('review_id', '=', reviewId).where('reviewing_state', '=', state).limit(1).execute();
      if (items.length === 0) throw new UnprocessableError(`${state}’s list of observations is empty`);
    }
    if (input.step === 'summary') {
      const summary = await trx.selectFrom('review_summaries').select('review_id').where('review_id', '=', reviewId).where('reviewing_state', '=', state).executeTakeFirst();
      if (!summary) throw new UnprocessableError('Write the summary before submitting it');
    }
    await trx.insertInto('review_steps').values({ review_id: reviewId, reviewing_state: state, step: input.step, done_by: idOf(actor), done_by_name: nameOf(actor) }).execute();
    await auditDesk(trx, actor, reviewId, 'review.review.action', { action: STEP_ACTION[input.step], step: input.step, reviewingState: state, from: review.row.stage, to: review.row.stage });
    await advanceIfComplete(trx, reviewId);
    const row = await trx.selectFrom('reviews').select('stage').where('id', '=', reviewId).executeTakeFirstOrThrow();
    const steps = await stepsOf(trx, reviewId);
    return {
      stage: row.stage,
      steps: steps.map((x) => ({ reviewingState: x.reviewing_state, step: x.step, doneAt: iso(x.done_at), doneBy: x.done_by_name })),
    };
  });
}

// ——— summaries ———

export async function listSummaries(db: Db, actor: Actor, reviewId: string) {
  const review = await openReview(db, actor, reviewId, 'view', 'summaries');
  await auditReviewRead(db, actor, reviewId, 'summaries');
  const [rows, steps, pubs] = await Promise.all([
    db.selectFrom('review_summaries').selectAll().where('review_id', '=', reviewId).execute(), stepsOf(db, reviewId), publicationsOf(db, reviewId),
  ]);
  const s = review.standing;
  const summaries = review.reviewers.map((state) => {
    const r = rows.find((x) => x.reviewing_state === state);
    const sub = steps.find((x) => x.reviewing_state === state && x.step === 'summary');
    const pub = pubs.find((x) => x.reviewing_state === state && x.output === 'summary');
    // A summary in the making is its own State's (and the secretariat's) until its focal point submits it.
    const visible = !!sub || s.side === 'secretariat' || s.state === state;
    return {
      reviewingState: state,
      text: r && visible ? r.text : null,
      version: r?.version ?? 0,
      updatedBy: r && visible ? r.updated_by_name : null,
      updatedAt: r && visible ? iso(r.updated_at) : null,
      submitted: sub ? { at: iso(sub.done_at), by: sub.done_by_name } : null,
      published: pub ? { at: iso(pub.published_at), by: pub.published_by_name } : null,
    };
  });
  return { summaries };
}

export async function saveSummary(db: Db, actor: Actor, reviewId: string, state: string, input: { text: string; version?: number | undefined }) {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'draft_summary', 'summary');
    if (!review.reviewers.includes(state)) throw new NotFoundError(`${state} is not a reviewing State of this review`);
    if (review.standing.state !== state) throw new ForbiddenError(`Only ${state}’s focal point and experts write its summary`);
    const submitted = await trx.selectFrom('review_steps').select('step').where('review_id', '=', reviewId).where('reviewing_state', '=', state).where('step', '=', 'summary').executeTakeFirst();
    if (submitted) throw new ConflictError('This summary has been submitted: it no longer changes');
    const current = await trx.selectFrom('review_summaries').selectAll().where('review_id', '=', reviewId).where('reviewing_state', '=', state).forUpdate().executeTakeFirst();
    if (current && input.version !== undefined && input.version !== current.version) {
      throw new ConflictError(`Someone changed this summary since you read it (version ${current.version}, you sent ${input.version}): reload it`);
    }
    if (!current && input.version !== undefined && input.version !== 0) throw new ConflictError('This summary does not exist yet: send no version to create it');
    const values = { text: input.text, updated_by: idOf(actor), updated_by_name: nameOf(actor), updated_at: new Date() };
    const row = current
      ? await trx.updateTable('review_summaries').set({ ...values, version: current.version + 1 }).where('review_id', '=', reviewId).where('reviewing_state', '=', state).returningAll().executeTakeFirstOrThrow()
      : await trx.insertInto('review_summaries').values({ review_id: reviewId, reviewing_state: state, ...values }).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.summary.saved', { reviewingState: state, version: row.version });
    return { reviewingState: state, text: row.text, version: row.version, updatedBy: row.updated_by_name, updatedAt: iso(row.updated_at), submitted: null, published: null };
  });
}

// ——— publication ———

export async function publish(db: Db, actor: Actor, reviewId: string, input: { output: PublishableOutput; reviewingState: string }) {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'publish', 'publication');
    if (!review.reviewers.includes(input.reviewingState)) throw new ValidationError(`${input.reviewingState} is not a reviewing State of this review`, [{ path: 'body.reviewingState', message: 'must be a reviewing State of this review' }]);
    const step = input.output === 'observations' ? 'observations' : 'summary';
    const submitted = await trx.selectFrom('review_steps').select('step').where('review_id', '=', reviewId).where('reviewing_state', '=', input.reviewingState).where('step', '=', step).executeTakeFirst();
    if (!submitted) throw new ConflictError(`${input.reviewingState}’s ${input.output === 'observations' ? 'list of observations' : 'summary'} has not been submitted: only a submitted output is published`);
    const already = await trx.selectFrom('review_publications').select('output').where('review_id', '=', reviewId).where('output', '=', input.output).where('reviewing_state', '=', input.reviewingState).executeTakeFirst();
    if (already) throw new ConflictError('This output is already published');
    const row = await trx.insertInto('review_publications').values({
      review_id: reviewId, output: input.output, reviewing_state: input.reviewingState, published_by: idOf(actor), published_by_name: nameOf(actor),
    }).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.output.published', { output: input.output, reviewingState: input.reviewingState });
    return { output: row.output, reviewingState: row.reviewing_state, publishedAt: iso(row.published_at), publishedBy: row.published_by_name };
  });
}
