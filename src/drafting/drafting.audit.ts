/** What the request writer writes to the audit log (see platform/audit/audit-actions.ts). */

/** What a drafter asks to do with a draft; a refusal is audited as `drafting.<step>`. */
export const DRAFT_STEPS = ['read', 'update', 'share', 'unshare', 'comment', 'finalise', 'attach', 'detach'] as const;
export type DraftStep = (typeof DRAFT_STEPS)[number];

export const DRAFTING_AUDIT_ACTIONS = [
  ...DRAFT_STEPS.map((step) => `drafting.${step}` as const),
  'drafting.create',
  'drafting.duplicate',
  'drafting.list',
  'drafting.final-document',
  /** An attachment whose stored bytes no longer match their digest (refused, never served). */
  'drafting.attachment',
] as const;

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    drafting: (typeof DRAFTING_AUDIT_ACTIONS)[number];
  }
}
