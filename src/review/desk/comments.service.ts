import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditReviewRead, openReview, reviewTransaction, type LoadedReview } from '../review.access.ts';
import type { ReviewCommentsTable } from '../review.tables.ts';
import { assertReviewAction } from '../review.transitions.ts';
import { addDays, auditDesk, idOf, iso, nameOf, today, type Conn, type Trx } from './desk.common.ts';
import type { CommentDto } from './desk.schemas.ts';

/**
 * The desk review's conversation (resolution 8/2: reviewers comment per question, ask for clarification, the
 * reviewed State replies). Experts and focal points draft; a draft is seen only by its author's State and the
 * secretariat; the focal point of that State alone sends it (then both reviewing States and the reviewed State see
 * it). A sent clarification is answered by a sent reply; one past its due date without one is overdue.
 */
type CommentRow = Selectable<ReviewCommentsTable>;
type Standing = LoadedReview['standing'];

const DEFAULT_CLARIFICATION_DAYS = 30;

function visibleTo(s: Standing, c: CommentRow): boolean {
  if (c.status !== 'draft') return true;
  return s.side === 'secretariat' || c.author_state === s.state;
}

function toDto(s: Standing, c: CommentRow, answered: Set<string>, now: string): CommentDto {
  const ownDraft = c.status === 'draft' && s.state !== null && c.author_state === s.state;
  return {
    id: c.id, reviewingState: c.reviewing_state, questionId: c.question_id, parentId: c.parent_id, kind: c.kind, body: c.body,
    dueOn: c.due_on, status: c.status,
    overdue: c.kind === 'clarification' && c.status === 'sent' && !answered.has(c.id) && c.due_on !== null && c.due_on < now,
    author: { name: c.author_name, state: c.author_state },
    createdAt: iso(c.created_at), sentAt: c.sent_at ? iso(c.sent_at) : null,
    canEdit: ownDraft && (s.role === 'focal_point' || s.role === 'expert'),
    canSend: ownDraft && s.role === 'focal_point',
  };
}

/** The threads of a review the viewer may see (drafts of the other side left out), audited as a read. */
export async function listThreads(db: Db, actor: Actor, reviewId: string, filter: { question?: string; state?: string }) {
  const review = await openReview(db, actor, reviewId, 'view', 'comments');
  await auditReviewRead(db, actor, reviewId, 'comments', { ...filter });
  let q = db.selectFrom('review_comments').selectAll().where('review_id', '=', reviewId);
  if (filter.state) q = q.where('reviewing_state', '=', filter.state);
  const rows = (await q.orderBy('created_at').orderBy('id').execute()).filter((c) => visibleTo(review.standing, c));
  const answered = new Set(rows.filter((c) => c.kind === 'reply' && c.status !== 'draft' && c.parent_id).map((c) => c.parent_id!));
  const byId = new Map(rows.map((c) => [c.id, c]));
  const rootOf = (c: CommentRow): CommentRow => { let r = c; const seen = new Set<string>(); while (r.parent_id && byId.has(r.parent_id) && !seen.has(r.id)) { seen.add(r.id); r = byId.get(r.parent_id)!; } return r; };
  const now = today();
  const threads = new Map<string, { root: CommentDto; replies: CommentDto[] }>();
  for (const c of rows) {
    const root = rootOf(c);
    if (filter.question && root.question_id !== filter.question) continue;
    if (root.id === c.id) threads.set(c.id, { root: toDto(review.standing, c, answered, now), replies: [] });
    else threads.get(root.id)?.replies.push(toDto(review.standing, c, answered, now));
  }
  return { threads: [...threads.values()] };
}

async function commentIn(trx: Conn, review: LoadedReview, cid: string): Promise<CommentRow> {
  const c = await trx.selectFrom('review_comments').selectAll().where('id', '=', cid).where('review_id', '=', review.id).executeTakeFirst();
  // Someone else's draft is as absent as a comment that does not exist.
  if (!c || !visibleTo(review.standing, c)) throw new NotFoundError(`No comment ${cid}`);
  return c;
}

async function assertQuestionOfReview(trx: Trx, review: LoadedReview, questionId: string) {
  const q = await trx.selectFrom('review_questions').select('set_id').where('id', '=', questionId).executeTakeFirst();
  if (!q || !review.row.question_set_ids.includes(q.set_id)) {
    throw new ValidationError('That question is not in this review’s questionnaire', [{ path: 'body.questionId', message: 'must be a question of this review' }]);
  }
}

async function clarificationDays(trx: Trx, cycleId: string): Promise<number> {
  const c = await trx.selectFrom('review_cycles').select('settings').where('id', '=', cycleId).executeTakeFirst();
  const days = (c?.settings as { deadlines?: { clarificationDays?: unknown } } | undefined)?.deadlines?.clarificationDays;
  return typeof days === 'number' && days > 0 ? days : DEFAULT_CLARIFICATION_DAYS;
}

export interface NewComment { kind: CommentRow['kind']; body: string; questionId?: string | undefined; parentId?: string | undefined; dueOn?: string | undefined }

/** A draft: feedback or a clarification by a reviewing State, a reply by the reviewed State (to a sent message). */
export async function createComment(db: Db, actor: Actor, reviewId: string, input: NewComment): Promise<CommentDto> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'comment', 'comments');
    const s = review.standing;
    let reviewingState: string;
    let questionId = input.questionId ?? null;
    let parent: CommentRow | null = null;
    if (input.parentId) {
      parent = await commentIn(trx, review, input.parentId);
      if (parent.status === 'draft') throw new ConflictError('A draft cannot be answered: it has not been sent');
    }
    if (input.kind === 'reply') {
      if (s.side !== 'reviewed') throw new ForbiddenError('Only the reviewed State replies; a reviewing State writes feedback or asks for clarification');
      if (!parent) throw new ValidationError('A reply answers a message', [{ path: 'body.parentId', message: 'required for a reply' }]);
      reviewingState = parent.reviewing_state;
      questionId = parent.question_id;
    } else {
      if (s.side !== 'reviewing') throw new ForbiddenError('Feedback and requests for clarification come from a reviewing State; the reviewed State replies');
      reviewingState = s.state!;
      if (parent) {
        if (parent.reviewing_state !== reviewingState) throw new ForbiddenError('Each reviewing State continues its own conversation');
        questionId = parent.question_id;
      }
    }
    if (questionId && !parent) await assertQuestionOfReview(trx, review, questionId);
    if (input.dueOn && input.kind !== 'clarification') throw new ValidationError('Only a request for clarification has a due date', [{ path: 'body.dueOn', message: 'only for a clarification' }]);
    const dueOn = input.kind === 'clarification' ? input.dueOn ?? addDays(today(), await clarificationDays(trx, review.row.cycle_id)) : null;
    if (dueOn && dueOn < today()) throw new ValidationError('The due date is in the past', [{ path: 'body.dueOn', message: 'must be today or later' }]);
    const row = await trx.insertInto('review_comments').values({
      review_id: reviewId, reviewing_state: reviewingState, question_id: questionId, parent_id: parent?.id ?? null, kind: input.kind,
      body: input.body, due_on: dueOn, author_id: idOf(actor), author_name: nameOf(actor), author_state: s.state,
    }).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.comment.saved', { comment: row.id, kind: row.kind, event: 'drafted', reviewingState });
    return toDto(s, row, new Set(), today());
  });
}

async function ownDraft(trx: Trx, review: LoadedReview, cid: string): Promise<CommentRow> {
  const c = await commentIn(trx, review, cid);
  if (c.author_state !== review.standing.state) throw new ForbiddenError('Only the author’s State changes or sends its drafts');
  if (c.status !== 'draft') throw new ConflictError('This message has been sent: it can no longer change');
  return c;
}

export async function updateComment(db: Db, actor: Actor, reviewId: string, cid: string, patch: { body?: string | undefined; dueOn?: string | undefined }): Promise<CommentDto> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'comment', 'comments');
    const c = await ownDraft(trx, review, cid);
    if (patch.dueOn !== undefined && c.kind !== 'clarification') throw new ValidationError('Only a request for clarification has a due date', [{ path: 'body.dueOn', message: 'only for a clarification' }]);
    if (patch.dueOn !== undefined && patch.dueOn < today()) throw new ValidationError('The due date is in the past', [{ path: 'body.dueOn', message: 'must be today or later' }]);
    const row = await trx.updateTable('review_comments').set({ body: patch.body ?? c.body, due_on: patch.dueOn ?? c.due_on })
      .where('id', '=', cid).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.comment.saved', { comment: cid, kind: c.kind, event: 'edited', reviewingState: c.reviewing_state });
    return toDto(review.standing, row, new Set(), today());
  });
}

/** The focal point of the author's State sends a draft; a sent reply answers the clarification it replies to. */
export async function sendComment(db: Db, actor: Actor, reviewId: string, cid: string): Promise<CommentDto> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'comment', 'comments');
    const c = await ownDraft(trx, review, cid);
    if (review.standing.role !== 'focal_point') throw new ForbiddenError('Only the focal point clears and sends a message of their State');
    const row = await trx.updateTable('review_comments').set({ status: 'sent', sent_at: new Date() }).where('id', '=', cid).returningAll().executeTakeFirstOrThrow();
    if (c.kind === 'reply' && c.parent_id) {
      await trx.updateTable('review_comments').set({ status: 'answered' }).where('id', '=', c.parent_id).where('kind', '=', 'clarification').where('status', '=', 'sent').execute();
    }
    await auditDesk(trx, actor, reviewId, 'review.comment.saved', { comment: cid, kind: c.kind, event: 'sent', reviewingState: c.reviewing_state });
    return toDto(review.standing, row, new Set(), today());
  });
}
