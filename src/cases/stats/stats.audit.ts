/**
 * What the statistics write to the audit log. Core's cases.audit.ts is the module's list; until it names these,
 * they are declared here (a second declaration of the same action names is harmless: the registry is a union).
 */
export const CASE_STATS_AUDIT_ACTIONS = [
  /** a State's own statistics read (API or CLI) */
  'cases.stats.read',
  /** the CSV export of them */
  'cases.stats.export',
  /** an aggregate table submitted to the secretariat */
  'cases.stats.submit',
  /** the list of submissions read */
  'cases.stats.submissions',
  /** submissions combined across States read */
  'cases.stats.combined',
] as const;

declare module '../../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    casesStats: (typeof CASE_STATS_AUDIT_ACTIONS)[number];
  }
}
