import { sql, type SqlBool } from 'kysely';
import { ALL, definePolicy, NONE, type Column } from '../platform/auth/access.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { ParticipantRole, ReviewSide } from './review.vocabulary.ts';

/**
 * Who sees and works on a review, in one place (resolution 8/2: everything the mechanism produces is first visible
 * only to the reviewed State, its reviewing States and the secretariat). A person sees a review only while they are
 * an active participant of it (nominated by their State, invited by the secretariat, invitation accepted, not
 * revoked) — their platform role alone gives nothing; the secretariat sees every review. Anyone else gets a 404, word
 * for word as for a review that does not exist. Inside a review: the focal point of a side is the only one who
 * clears and submits a step; governmental experts draft; observers only read. Which step is open now is the
 * workflow's business (review.workflow.ts), not this file's.
 */

/** One person's participation, as the policy needs it (review_participants rows with status 'active'). */
export interface Participation {
  user_id: string;
  state_iso3: string;
  side: ReviewSide;
  role: ParticipantRole;
}

export interface ReviewResource {
  id: string;
  reviewed_iso3: string;
  /** The reviewing States (review_reviewers). */
  reviewers: readonly string[];
  /** Active participations of this review (all of them, or at least the viewer's). */
  participants: readonly Participation[];
}

/** How the viewer stands to a review: their side, State and role in it; the secretariat stands outside both sides. */
export type ReviewStanding =
  | { side: ReviewSide; state: string; role: ParticipantRole }
  | { side: 'secretariat'; state: null; role: 'secretariat' };

export function standingOf(actor: Actor, r: ReviewResource): ReviewStanding | null {
  if (actor.kind !== 'user') return null;
  const mine = r.participants.find((p) => p.user_id === actor.id);
  if (mine) return { side: mine.side, state: mine.state_iso3, role: mine.role };
  if (actor.roles.includes('secretariat')) return { side: 'secretariat', state: null, role: 'secretariat' };
  return null;
}

const byStanding = {
  /** Read the review and everything in it that its side may read. */
  view: (s: ReviewStanding | null) => s !== null,
  /** Write drafts: answers, comments, replies, observations, summaries (which ones, and when, the workflow says). */
  draft: (s: ReviewStanding | null) => s !== null && (s.role === 'focal_point' || s.role === 'expert'),
  /** Clear and submit a step of one's side (answers, feedback, a list of observations, a summary, publication). */
  submit: (s: ReviewStanding | null) => s !== null && s.role === 'focal_point',
  /** The secretariat's acts: invitations, stage changes, exceptional redraws. */
  manage: (s: ReviewStanding | null) => s !== null && s.side === 'secretariat',
};
export type ReviewPolicyAction = keyof typeof byStanding;

const isSecretariat = (actor: Actor) => actor.kind === 'user' && actor.roles.includes('secretariat');

// ——— the same rules in SQL, on reviews ———

type Col = Column<'id'>;
function participantSql(actor: Actor, col: Col, roles: readonly ParticipantRole[]) {
  if (actor.kind !== 'user') return NONE;
  // IN rather than a correlated EXISTS: an unqualified "id" inside the subquery would be the participant's own id.
  return sql<SqlBool>`${col('id')} IN (SELECT p.review_id FROM review_participants p WHERE p.user_id = ${actor.id}::uuid
    AND p.status = 'active' AND p.role = ANY(${sql.val(roles)}::text[]))`;
}
function viewSql(actor: Actor, col: Col) {
  if (actor.kind !== 'user') return NONE;
  if (actor.roles.includes('secretariat')) return ALL;
  return participantSql(actor, col, ['focal_point', 'expert', 'observer']);
}

export const reviewPolicy = definePolicy({
  noun: 'review',
  idOf: (r: ReviewResource) => r.id,
  conceal: 'view',
  rules: {
    ...(Object.fromEntries(Object.entries(byStanding).map(([a, f]) => [a, (actor: Actor, r: ReviewResource) => f(standingOf(actor, r))])) as {
      [K in ReviewPolicyAction]: (actor: Actor, r: ReviewResource) => boolean;
    }),
    // The secretariat's acts follow the platform role, even for a secretariat member who also takes part in a review
    // (the SQL rule below says the same), so that `can` and `accessFilter` agree.
    manage: (actor: Actor) => isSecretariat(actor),
  },
  refusals: {
    view: 'You may not see this review',
    draft: 'Only the focal point and the governmental experts of a State in this review may write here',
    submit: 'Only the focal point of your State in this review may clear and submit this step',
    manage: 'Only the secretariat may do this',
  },
  sql: {
    view: viewSql,
    draft: (actor, col) => participantSql(actor, col, ['focal_point', 'expert']),
    submit: (actor, col) => participantSql(actor, col, ['focal_point']),
    manage: (actor) => (isSecretariat(actor) ? ALL : NONE),
  },
});
