/** What the reference layer writes to the audit log (see platform/audit/audit-actions.ts). */
export const REFERENCE_AUDIT_ACTIONS = ['reference.party_status.import'] as const;

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    reference: (typeof REFERENCE_AUDIT_ACTIONS)[number];
  }
}
