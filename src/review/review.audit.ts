/**
 * What the review mechanism writes to the audit log (platform/audit/audit-actions.ts). Every read of a review or
 * anything in it is audited (who, which review, what: details.what), and so is every refusal (`read_denied`). The
 * parts of the module (config and draws, questionnaires, participants, desk review, analysis, export) use these.
 */
export const REVIEW_AUDIT_ACTIONS = [
  /** Configuration: a cycle created or changed, its work plan or groups set. */
  'review.cycle.created',
  'review.cycle.updated',
  /** A draw announced (inputs and seed source published), drawn (seed applied), a slot redrawn, a draw cancelled. */
  'review.draw.announced',
  'review.draw.drawn',
  'review.draw.redrawn',
  'review.draw.cancelled',
  /** A review created (from a draw), read (details.what: overview, questionnaire, comments, observations, …), listed. */
  'review.review.created',
  'review.review.read',
  'review.review.listed',
  /** Someone who may not see the review asked for it (or something in it): answered 404. */
  'review.review.read_denied',
  /** A stage change or a step of the review's workflow (details: action, from, to). */
  'review.review.action',
  /** People: nominated by their State, invited by the secretariat, accepted, revoked, invitation expired. */
  'review.participant.nominated',
  'review.participant.invited',
  'review.participant.accepted',
  'review.participant.revoked',
  'review.participant.expired',
  /** Questionnaires: a question set created (a new version), published. */
  'review.questionnaire.created',
  'review.questionnaire.published',
  /** The reviewed State's answers saved; the national consultation recorded. */
  'review.answer.saved',
  'review.consultation.added',
  /** Desk review: a comment, clarification or reply written or sent; observations and summaries written. */
  'review.comment.saved',
  'review.observation.saved',
  'review.observation.deleted',
  'review.summary.saved',
  /** An output published by the reviewed State. */
  'review.output.published',
  /** The secretariat's analysis read; a review's outputs exported as DOCX. */
  'review.analysis.read',
  'review.export.read',
] as const;
export type ReviewAuditAction = (typeof REVIEW_AUDIT_ACTIONS)[number];

/** The audit log's target types. */
export const REVIEW_TARGET = 'review';
export const DRAW_TARGET = 'review_draw';
export const CYCLE_TARGET = 'review_cycle';

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    review: ReviewAuditAction;
  }
}
