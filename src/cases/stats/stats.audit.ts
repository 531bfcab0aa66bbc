/**
 * What the statistics write to the audit log: core's cases.audit.ts declares cases.stats.read, .exported, .submitted and
 * .submissions_read; the combination of submissions across States is declared here until cases.audit.ts names it too
 * (a second declaration of the same name is harmless: the registry is a union).
 */
export const CASE_STATS_AUDIT_ACTIONS = [
  /** submissions combined across States read (secretariat or officer) */
  'cases.stats.combined',
] as const;

declare module '../../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    casesStats: (typeof CASE_STATS_AUDIT_ACTIONS)[number];
  }
}
