import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError, ConflictError } from '../../platform/http/errors.ts';
import type { RedrawRequest, ReviewerDrawResult } from '../draw/draw.types.ts';
import { RedrawError } from '../draw/reviewers.ts';
import { DRAW_TARGET, REVIEW_TARGET } from '../review.audit.ts';
import type { redrawBody } from './draws.schemas.ts';
import { computeResult, findDraw, hashOf, REDRAW_LIMIT, redrawRequest, redrawsOf, type DrawRow } from './draws.service.ts';

/**
 * A redraw, recorded by the secretariat at the meeting: the reviewed State or one of its reviewers asks for the next
 * selection for one slot. At most REDRAW_LIMIT per requesting State per review, then only as a recorded exception.
 * The new result is recomputed from inputs + seed + all redraws (pure) and stored; reviews already created from the
 * draw for that State get the new reviewer, and the replaced State's people lose access (revoked) — one transaction.
 */

const unprocessable = (path: string, message: string) => new AppError(422, 'unprocessable', message, [{ path: `body.${path}`, message }]);

export async function recordRedraw(trx: Transaction<Database>, actor: Actor, id: string, body: z.infer<typeof redrawBody>): Promise<DrawRow> {
  const draw = await findDraw(trx, id, { forUpdate: true });
  if (draw.kind !== 'reviewers') throw new ConflictError('Only a reviewers’ draw has slots to redraw');
  if (draw.status !== 'drawn' || draw.seed === null) throw new ConflictError(`Draw ${id} is ${draw.status}: only a drawn draw can be redrawn`);
  const current = draw.result as ReviewerDrawResult;
  const pair = current.pairs.find((p) => p.reviewed === body.reviewed);
  if (!pair) throw unprocessable('reviewed', `${body.reviewed} is not a reviewed State of this draw`);
  const holder = pair.reviewers.find((r) => r.slot === body.slot && r.state === body.replaced);
  if (!holder) throw unprocessable('replaced', `${body.replaced} does not hold the ${body.slot} slot of ${body.reviewed}’s review`);
  if (body.requestedByState !== body.reviewed && !pair.reviewers.some((r) => r.state === body.requestedByState)) {
    throw unprocessable('requestedByState', `${body.requestedByState} may not ask for this redraw: only ${body.reviewed} or one of its reviewers may`);
  }
  const previous = await redrawsOf(trx, id);
  const asked = previous.filter((r) => r.reviewed_iso3 === body.reviewed && r.requested_by_state === body.requestedByState).length;
  if (asked >= REDRAW_LIMIT && !body.exceptional) {
    throw unprocessable('exceptional', `${body.requestedByState} has asked for ${asked} redraws for ${body.reviewed}’s review; the limit is ${REDRAW_LIMIT} — a further one only as an exception with its reason`);
  }
  const request: RedrawRequest = { reviewed: body.reviewed, slot: body.slot, replaced: body.replaced, requestedBy: body.requestedByState, ...(body.exceptional ? { exceptional: true } : {}) };
  const all = [...previous.map(redrawRequest), request];
  let result: ReviewerDrawResult;
  try {
    result = computeResult('reviewers', draw.inputs, draw.seed, all) as ReviewerDrawResult;
  } catch (err) {
    if (err instanceof RedrawError) throw unprocessable(err.code === 'limit' ? 'exceptional' : err.code === 'not-in-review' ? 'requestedByState' : 'replaced', err.message);
    throw err;
  }
  const after = result.pairs.find((p) => p.reviewed === body.reviewed)?.reviewers ?? [];
  const before = new Set(pair.reviewers.map((r) => r.state));
  const applied = result.redraws?.at(-1);
  const newcomer = applied ? (applied.drawn ? { state: applied.drawn } : undefined) : after.find((r) => !before.has(r.state) && r.slot === body.slot);
  const seq = previous.length + 1;
  await trx.insertInto('review_redraws').values({
    draw_id: id, seq, reviewed_iso3: body.reviewed, slot: body.slot, replaced_iso3: body.replaced, new_iso3: newcomer?.state ?? null,
    requested_by_state: body.requestedByState, requested_by_name: body.requestedByName, requested_by: null,
    recorded_by: actor.kind === 'user' ? actor.id : null, reason: body.reason, exceptional: body.exceptional, exception_reason: body.exceptionReason ?? null,
  }).execute();
  const row = await trx.updateTable('review_draws').set({ result: JSON.stringify(result), result_sha256: hashOf(result), version: draw.version + 1 })
    .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  await applyToReviews(trx, actor, id, body.reviewed, after);
  await audit(trx, {
    actor: auditActor(actor), action: 'review.draw.redrawn', targetType: DRAW_TARGET, targetId: id,
    details: { seq, ...request, new: newcomer?.state ?? null, requestedByName: body.requestedByName, reason: body.reason, exceptionReason: body.exceptionReason ?? null, resultSha256: row.result_sha256 },
  });
  return row;
}

/** Reviews created from this draw for the reviewed State take the new reviewers; people of a State no longer reviewing lose access. */
async function applyToReviews(trx: Transaction<Database>, actor: Actor, drawId: string, reviewed: string, reviewers: ReviewerDrawResult['pairs'][number]['reviewers']) {
  const reviews = await trx.selectFrom('reviews').select(['id']).where('draw_id', '=', drawId).where('reviewed_iso3', '=', reviewed).forUpdate().execute();
  const keep = new Set(reviewers.map((r) => r.state));
  for (const review of reviews) {
    const had = await trx.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', review.id).execute();
    const gone = had.map((h) => h.state_iso3).filter((s) => !keep.has(s));
    if (gone.length) await trx.deleteFrom('review_reviewers').where('review_id', '=', review.id).where('state_iso3', 'in', gone).execute();
    const present = new Set(had.map((h) => h.state_iso3));
    const added = reviewers.filter((r) => !present.has(r.state));
    if (added.length) {
      await trx.insertInto('review_reviewers').values(added.map((r) => ({ review_id: review.id, state_iso3: r.state, slot: r.slot, instruments: r.instruments }))).execute();
    }
    if (!gone.length) continue;
    const revoked = await trx.updateTable('review_participants').set({ status: 'revoked', revoked_at: new Date() })
      .where('review_id', '=', review.id).where('state_iso3', 'in', gone).where('side', '=', 'reviewing').where('status', 'in', ['nominated', 'invited', 'active'])
      .returning(['id', 'state_iso3']).execute();
    for (const p of revoked) {
      await audit(trx, {
        actor: auditActor(actor), action: 'review.participant.revoked', targetType: REVIEW_TARGET, targetId: review.id,
        details: { participant: p.id, state: p.state_iso3, because: 'redraw', draw: drawId },
      });
    }
  }
}
