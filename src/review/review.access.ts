import type { Transaction } from 'kysely';
import { audit, type AuditEvent } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { Database, Db } from '../platform/db/database.ts';
import { NotFoundError } from '../platform/http/errors.ts';
import { REVIEW_TARGET } from './review.audit.ts';
import { reviewPolicy, standingOf, type ReviewPolicyAction, type ReviewResource, type ReviewStanding } from './review.policy.ts';
import type { ReviewsTable } from './review.tables.ts';
import type { Selectable } from 'kysely';

type Conn = Db | Transaction<Database>;
export type ReviewRow = Selectable<ReviewsTable>;
export interface LoadedReview extends ReviewResource {
  row: ReviewRow;
  standing: ReviewStanding;
}

/** The review with what the policy needs (reviewing States, active participants); undefined when there is none. */
export async function loadReviewResource(db: Conn, id: string, opts: { forUpdate?: boolean } = {}): Promise<(ReviewResource & { row: ReviewRow }) | undefined> {
  let q = db.selectFrom('reviews').selectAll().where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  const [reviewers, participants] = await Promise.all([
    db.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', id).orderBy('state_iso3').execute(),
    db.selectFrom('review_participants').select(['user_id', 'state_iso3', 'side', 'role'])
      .where('review_id', '=', id).where('status', '=', 'active').where('user_id', 'is not', null).execute(),
  ]);
  return {
    id: row.id,
    reviewed_iso3: row.reviewed_iso3,
    reviewers: reviewers.map((r) => r.state_iso3),
    participants: participants.map((p) => ({ ...p, user_id: p.user_id! })),
    row,
  };
}

/**
 * The one way every part of the module opens a review for someone: the review if the actor may do `action` with
 * it. A review they may not see — or one that does not exist — is the same 404, and the refusal is audited
 * (`review.review.read_denied`); a 403 (e.g. an observer trying to write) is audited too. `what` names what was
 * asked for (overview, questionnaire, answer, comments, observations, export …) in the audit entry.
 * Pass a transaction with `forUpdate` to lock the review row while changing it.
 */
export async function openReview(db: Conn, actor: Actor, id: string, action: ReviewPolicyAction, what: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedReview> {
  const r = await loadReviewResource(db, id, opts);
  const verdict = r ? reviewPolicy.explain(actor, action, r) : ({ allowed: false, status: 404, reason: '' } as const);
  if (!r || !verdict.allowed) {
    const event: AuditEvent = {
      actor: auditActor(actor), action: 'review.review.read_denied', targetType: REVIEW_TARGET, targetId: id, outcome: 'denied', details: { action, what },
    };
    await audit(db, event);
    try {
      if (!r || verdict.allowed === false && verdict.status === 404) throw new NotFoundError(`No review ${id}`);
      reviewPolicy.assertCan(actor, action, r);
    } catch (e) {
      // Inside a transaction the entry above rolls back with the refusal: reviewTransaction writes it again after.
      if (db.isTransaction) throw Object.assign(e as Error, { [PENDING_AUDIT]: event });
      throw e;
    }
  }
  return { ...r!, standing: standingOf(actor, r!)! };
}

/** Audits a read of a review (or part of it): every access to review material is audited. */
export async function auditReviewRead(db: Conn, actor: Actor, reviewId: string, what: string, details: Record<string, unknown> = {}): Promise<void> {
  await audit(db, { actor: auditActor(actor), action: 'review.review.read', targetType: REVIEW_TARGET, targetId: reviewId, details: { what, ...details } });
}

const PENDING_AUDIT = Symbol('review refusal to audit after the rollback');

/**
 * A transaction for a write to a review: when it ends in a refusal of openReview (404 for who may not see the review,
 * 403 for who may not write), the refusal's audit entry — rolled back with the transaction — is written again
 * outside it, so that every refusal stays audited. Use it instead of `db.transaction()` around assertReviewAction.
 */
export async function reviewTransaction<T>(db: Db | Transaction<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<Database>);
  try {
    return await (db as Db).transaction().execute(fn);
  } catch (e) {
    const pending = (e as { [PENDING_AUDIT]?: AuditEvent })[PENDING_AUDIT];
    if (pending) await audit(db, pending);
    throw e;
  }
}

/** Audits a refusal and throws `error`; inside a transaction the entry is written again after the rollback (reviewTransaction). */
export async function refuse(db: Conn, event: AuditEvent, error: Error): Promise<never> {
  await audit(db, event);
  throw db.isTransaction ? Object.assign(error, { [PENDING_AUDIT]: event }) : error;
}
