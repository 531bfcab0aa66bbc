import { createHash, randomBytes } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import type { Localized } from '../../platform/i18n/languages.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { auditReviewRead, loadReviewResource, openReview, refuse } from '../review.access.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import type { ReviewParticipantsTable } from '../review.tables.ts';
import type { ParticipantRole } from '../review.vocabulary.ts';
import { addDays, deadlineSettings, isoDay } from './deadlines.ts';
import { invitationNotice } from './reviews.notices.ts';
import * as repo from './reviews.repository.ts';
import { langOf } from './reviews.service.ts';

/**
 * The people of a review (resolution 8/2 as run): each State nominates its own people by note verbale (its focal
 * point within 2 weeks, its experts within 4); the secretariat invites them with a link that expires (10 days); a
 * nominee becomes a participant — and sees the review — only by accepting with an account of their State. A
 * nominator (a platform focal point or officer of a State in the review) is not a participant: they see which
 * reviews their State takes part in and what is still to nominate, nothing of the review's content.
 */
type Conn = Db | Transaction<Database>;
type Row = Selectable<ReviewParticipantsTable>;

const NOMINATORS = ['focal_point', 'officer'] as const;
const isSecretariat = (a: Actor): boolean => a.kind === 'user' && a.roles.includes('secretariat');
const isNominatorOf = (a: Actor, state: string) => a.kind === 'user' && a.state === state && NOMINATORS.some((r) => a.roles.includes(r));
export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export function participantDto(p: Row, stateName: string, showEmail: boolean) {
  return {
    id: p.id, state: p.state_iso3, stateName, side: p.side, role: p.role, name: p.name, email: showEmail ? p.email : null, status: p.status,
    noteVerbaleRef: p.note_verbale_ref, nominatedAt: p.nominated_at.toISOString(), invitedAt: p.invited_at?.toISOString() ?? null,
    invitationExpiresAt: p.invitation_expires_at?.toISOString() ?? null, acceptedAt: p.accepted_at?.toISOString() ?? null, hasAccount: p.user_id !== null,
  };
}

/**
 * The review for someone acting on its people as a State: the secretariat, or a nominator of a State in the review.
 * Anyone else gets the same 404 as for a review that does not exist (audited).
 */
async function reviewForNominator(db: Conn, actor: Actor, id: string, what: string) {
  const r = await loadReviewResource(db, id, { forUpdate: true });
  const states = r ? [r.reviewed_iso3, ...r.reviewers] : [];
  if (!r || !(isSecretariat(actor) || states.some((s) => isNominatorOf(actor, s)))) {
    return refuse(db, { actor: auditActor(actor), action: 'review.review.read_denied', targetType: REVIEW_TARGET, targetId: id, outcome: 'denied', details: { action: 'nominate', what } }, new NotFoundError(`No review ${id}`));
  }
  return { ...r, states };
}

export interface Nomination {
  state: string;
  role: ParticipantRole;
  name: string;
  email?: string;
  username?: string;
  noteVerbaleRef: string;
}

/** POST /reviews/{id}/nominations: a State nominates one of its own people (the secretariat may on its behalf). */
export async function nominate(trx: Transaction<Database>, actor: Actor, reviewId: string, n: Nomination) {
  const state = n.state.toUpperCase();
  const r = await reviewForNominator(trx, actor, reviewId, 'nomination');
  if (!r.states.includes(state)) throw new ValidationError(`${state} takes no part in this review`, [{ path: 'body.state', message: `one of ${r.states.join(', ')}` }]);
  if (!isSecretariat(actor) && !isNominatorOf(actor, state)) throw new ForbiddenError('A State nominates only its own people');
  let userId: string | null = null;
  if (n.username) {
    const u = await trx.selectFrom('users').select(['id', 'state_iso3']).where('username', '=', n.username).where('disabled_at', 'is', null).executeTakeFirst();
    if (!u || u.state_iso3 !== state) throw new ValidationError(`No account "${n.username}" of ${state}`, [{ path: 'body.username', message: `an existing account of ${state}` }]);
    userId = u.id;
  }
  if (n.role === 'focal_point') {
    const fp = await trx.selectFrom('review_participants').select('id').where('review_id', '=', reviewId).where('state_iso3', '=', state)
      .where('role', '=', 'focal_point').where('status', 'in', ['nominated', 'invited', 'active']).executeTakeFirst();
    if (fp) throw new ConflictError(`${state} already has a focal point in this review; revoke that nomination first`);
  }
  const row = await trx.insertInto('review_participants').values({
    review_id: reviewId, state_iso3: state, side: state === r.reviewed_iso3 ? 'reviewed' : 'reviewing', role: n.role, user_id: userId,
    name: n.name.trim(), email: n.email ?? null, note_verbale_ref: n.noteVerbaleRef.trim(), nominated_by: actor.kind === 'user' ? actor.id : null,
  }).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.participant.nominated', targetType: REVIEW_TARGET, targetId: reviewId, details: { participant: row.id, state, role: n.role, noteVerbaleRef: row.note_verbale_ref } });
  const names = await repo.stateNames(trx, [state], langOf(actor));
  return participantDto(row, names.get(state)!, true);
}

async function participantOf(db: Conn, reviewId: string, pid: string): Promise<Row> {
  const p = await db.selectFrom('review_participants').selectAll().where('id', '=', pid).where('review_id', '=', reviewId).forUpdate().executeTakeFirst();
  if (!p) throw new NotFoundError(`No participant ${pid} in this review`);
  return p;
}

/** POST /reviews/{id}/participants/{pid}/invite: a fresh link (its SHA-256 stored), valid the cycle's invitationDays; the named account is told. */
export async function invite(trx: Transaction<Database>, actor: Actor, reviewId: string, pid: string, now = new Date()) {
  const r = await openReview(trx, actor, reviewId, 'manage', 'invitation', { forUpdate: true });
  const p = await participantOf(trx, reviewId, pid);
  if (p.status === 'active' || p.status === 'revoked') throw new ConflictError(`This person is ${p.status}; only a nominated, invited or expired nomination can be (re-)invited`);
  const days = deadlineSettings((await repo.cycleOf(trx, r.row.cycle_id)).settings).invitationDays;
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + days * 86_400_000);
  const row = await trx.updateTable('review_participants').set({ status: 'invited', invitation_token_hash: tokenHash(token), invited_by: actor.kind === 'user' ? actor.id : null, invited_at: now, invitation_expires_at: expires })
    .where('id', '=', pid).returningAll().executeTakeFirstOrThrow();
  const link = `/review-invitations/${token}`;
  if (row.user_id) {
    const st = await trx.selectFrom('states').select('names').where('iso3', '=', r.reviewed_iso3).executeTakeFirstOrThrow();
    await invitationNotice.send(trx, row.user_id, { reviewed: st.names as Localized, role: row.role, expiresOn: isoDay(expires) }, link);
  }
  await audit(trx, { actor: auditActor(actor), action: 'review.participant.invited', targetType: REVIEW_TARGET, targetId: reviewId, details: { participant: pid, expiresAt: expires.toISOString() } });
  const names = await repo.stateNames(trx, [row.state_iso3], langOf(actor));
  return { participant: participantDto(row, names.get(row.state_iso3)!, true), token, link, expiresAt: expires.toISOString() };
}

/**
 * POST /review/invitations/accept: the signed-in person becomes an active participant. The account must be of the
 * participant's State (and the named account, if one was named); an expired link is refused with what to do.
 */
export async function accept(trx: Transaction<Database>, actor: Actor, token: string, now = new Date()) {
  if (actor.kind !== 'user') throw new ForbiddenError('Sign in to accept an invitation');
  const p = await trx.selectFrom('review_participants').selectAll().where('invitation_token_hash', '=', tokenHash(token)).forUpdate().executeTakeFirst();
  if (!p || p.status === 'revoked') throw new NotFoundError('This invitation link is not valid (it may have been replaced by a newer one or withdrawn)');
  if (p.status === 'expired' || (p.status === 'invited' && p.invitation_expires_at !== null && p.invitation_expires_at <= now)) {
    throw new AppError(410, 'invitation-expired', `This invitation expired on ${isoDay(p.invitation_expires_at ?? now)}. Ask the secretariat to invite you again: a new link will be sent.`);
  }
  if (p.status !== 'invited') throw new ConflictError('This invitation has already been accepted');
  if (actor.state !== p.state_iso3) throw new ForbiddenError(`This invitation is for a person of ${p.state_iso3}; sign in with an account of that State`);
  if (p.user_id && p.user_id !== actor.id) throw new ForbiddenError('This invitation was sent to another account; sign in with the account it names');
  const row = await trx.updateTable('review_participants').set({ status: 'active', user_id: actor.id, accepted_at: now, invitation_token_hash: null })
    .where('id', '=', p.id).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.participant.accepted', targetType: REVIEW_TARGET, targetId: p.review_id, details: { participant: p.id } });
  const names = await repo.stateNames(trx, [row.state_iso3], langOf(actor));
  return { reviewId: p.review_id, participant: participantDto(row, names.get(row.state_iso3)!, true) };
}

/** POST /reviews/{id}/participants/{pid}/revoke: the secretariat, or a nominator of the person's own State. */
export async function revoke(trx: Transaction<Database>, actor: Actor, reviewId: string, pid: string, reason: string | null) {
  await reviewForNominator(trx, actor, reviewId, 'revocation');
  const p = await participantOf(trx, reviewId, pid);
  if (!isSecretariat(actor) && !isNominatorOf(actor, p.state_iso3)) throw new ForbiddenError('Only the secretariat or the person’s own State may revoke a participation');
  if (p.status === 'revoked') throw new ConflictError('This participation is already revoked');
  const row = await trx.updateTable('review_participants').set({ status: 'revoked', revoked_at: new Date(), invitation_token_hash: null })
    .where('id', '=', pid).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.participant.revoked', targetType: REVIEW_TARGET, targetId: reviewId, details: { participant: pid, reason } });
  const names = await repo.stateNames(trx, [row.state_iso3], langOf(actor));
  return participantDto(row, names.get(row.state_iso3)!, true);
}

/** GET /reviews/{id}/participants: by side (reviewed first), State, role, name; e-mails to the secretariat and the person's own State. */
export async function listParticipants(db: Db, actor: Actor, reviewId: string, lang?: string) {
  const r = await openReview(db, actor, reviewId, 'view', 'participants');
  await auditReviewRead(db, actor, reviewId, 'participants');
  const rows = await db.selectFrom('review_participants').selectAll().where('review_id', '=', reviewId).execute();
  const names = await repo.stateNames(db, rows.map((p) => p.state_iso3), langOf(actor, lang));
  const roleOrder = { focal_point: 0, expert: 1, observer: 2 } as const;
  rows.sort((a, b) => (a.side === b.side ? 0 : a.side === 'reviewed' ? -1 : 1) || a.state_iso3.localeCompare(b.state_iso3) || roleOrder[a.role] - roleOrder[b.role] || a.name.localeCompare(b.name));
  const mine = r.standing.state;
  return { items: rows.map((p) => participantDto(p, names.get(p.state_iso3)!, r.standing.side === 'secretariat' || p.state_iso3 === mine)) };
}

/**
 * GET /review/nominations: for a nominator, the reviews their State takes part in with what is still to nominate
 * and by when, and their State's nominations (the secretariat: every review, for every State). No review content.
 */
export async function nominationsOverview(db: Db, actor: Actor, asked?: string) {
  if (actor.kind !== 'user') throw new ForbiddenError();
  const lang = langOf(actor, asked);
  const secretariat = isSecretariat(actor);
  if (!secretariat && !actor.state) return { items: [] };
  let q = db.selectFrom('reviews as r').innerJoin('review_cycles as c', 'c.id', 'r.cycle_id')
    .select(['r.id', 'r.cycle_id', 'c.code', 'c.title', 'c.settings', 'r.reviewed_iso3', 'r.cluster_code', 'r.started_on']).where('r.stage', '!=', 'completed');
  if (!secretariat) q = q.where((eb) => eb.or([eb('r.reviewed_iso3', '=', actor.state!), eb.exists(eb.selectFrom('review_reviewers as x').select('x.state_iso3').whereRef('x.review_id', '=', 'r.id').where('x.state_iso3', '=', actor.state!))]));
  const reviews = await q.execute();
  const ids = reviews.map((r) => r.id);
  const [reviewers, people, clusters] = await Promise.all([
    ids.length ? db.selectFrom('review_reviewers').select(['review_id', 'state_iso3']).where('review_id', 'in', ids).execute() : [],
    ids.length ? db.selectFrom('review_participants').select(['id', 'review_id', 'state_iso3', 'name', 'role', 'status']).where('review_id', 'in', ids).execute() : [],
    repo.clusterNames(db, lang),
  ]);
  const names = await repo.stateNames(db, reviews.map((r) => r.reviewed_iso3), lang);
  const items = reviews.flatMap((r) => {
    const states = [r.reviewed_iso3, ...reviewers.filter((x) => x.review_id === r.id).map((x) => x.state_iso3).sort()];
    const s = deadlineSettings(r.settings);
    return states.filter((st) => secretariat || st === actor.state).map((st) => {
      const mine = people.filter((p) => p.review_id === r.id && p.state_iso3 === st);
      const live = mine.filter((p) => p.status !== 'revoked' && p.status !== 'expired');
      return {
        reviewId: r.id, cycle: { id: r.cycle_id, code: r.code, title: r.title }, reviewed: { iso3: r.reviewed_iso3, name: names.get(r.reviewed_iso3)! },
        cluster: { code: r.cluster_code, name: clusters.get(r.cluster_code) ?? r.cluster_code }, startedOn: r.started_on, state: st,
        side: st === r.reviewed_iso3 ? 'reviewed' as const : 'reviewing' as const,
        toNominate: (['focal_point', 'expert'] as const).filter((role) => !live.some((p) => p.role === role)),
        focalPointDueOn: addDays(r.started_on, s.focalPointDays), expertsDueOn: addDays(r.started_on, s.expertsDays),
        nominations: mine.map((p) => ({ id: p.id, name: p.name, role: p.role, status: p.status })),
      };
    });
  }).sort((a, b) => a.cycle.code.localeCompare(b.cycle.code) || a.reviewed.name.localeCompare(b.reviewed.name, lang) || a.cluster.code.localeCompare(b.cluster.code) || a.state.localeCompare(b.state));
  return { items };
}
