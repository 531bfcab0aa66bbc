import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { ForbiddenError, ValidationError } from '../../platform/http/errors.ts';
import type { LoadedReview } from '../review.access.ts';
import { REVIEW_TARGET, type ReviewAuditAction } from '../review.audit.ts';

/** What the desk review's services share: the viewer's State, the reviewing State a write is for, audit, dates. */
export type Conn = Db | Transaction<Database>;
export type Trx = Transaction<Database>;

export const nameOf = (actor: Actor) => (actor.kind === 'user' ? actor.displayName : 'Palermo');
export const idOf = (actor: Actor) => (actor.kind === 'user' ? actor.id : null);
export const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : d);

/** Today as YYYY-MM-DD (UTC), for due dates. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The reviewing State a drafter works for: their own when on the reviewing side; any reviewing State of the review for the reviewed side. */
export function listStateFor(review: LoadedReview, requested: string, what: string): string {
  if (!review.reviewers.includes(requested)) throw new ValidationError(`${requested} is not a reviewing State of this review`, [{ path: 'body.reviewingState', message: 'must be a reviewing State of this review' }]);
  const s = review.standing;
  if (s.side === 'reviewing' && s.state !== requested) throw new ForbiddenError(`Only ${requested}’s people and the reviewed State write ${requested}’s ${what}`);
  return requested;
}

export async function auditDesk(trx: Conn, actor: Actor, reviewId: string, action: ReviewAuditAction, details: Record<string, unknown>): Promise<void> {
  await audit(trx, { actor: auditActor(actor), action, targetType: REVIEW_TARGET, targetId: reviewId, details });
}

/** Which steps each reviewing State has done (review_steps), with when and by whom. */
export async function stepsOf(db: Conn, reviewId: string) {
  return db.selectFrom('review_steps').selectAll().where('review_id', '=', reviewId).orderBy('done_at').execute();
}
export async function publicationsOf(db: Conn, reviewId: string) {
  return db.selectFrom('review_publications').selectAll().where('review_id', '=', reviewId).orderBy('published_at').execute();
}
