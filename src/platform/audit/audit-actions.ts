/**
 * The audit log's vocabulary. Every action written to the log is a member of a typed list, so a typo or
 * an action nobody declared does not compile. Each module declares its own list (a const array) and adds
 * it to `AuditActionRegistry` by declaration merging — the same way modules add their tables to
 * `Database` — so the platform names no domain module:
 *
 *   export const CASES_AUDIT_ACTIONS = ['cases.open', 'cases.read'] as const;
 *   declare module '../platform/audit/audit-actions.ts' {
 *     interface AuditActionRegistry { cases: (typeof CASES_AUDIT_ACTIONS)[number] }
 *   }
 */

export const PLATFORM_AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'access.denied',
  'user.create',
  'user.roles',
  'user.disable',
  'user.enable',
  'platform.backup',
  'platform.restore',
] as const;

export interface AuditActionRegistry {
  platform: (typeof PLATFORM_AUDIT_ACTIONS)[number];
}

/** Any declared action of any module. */
export type AuditAction = AuditActionRegistry[keyof AuditActionRegistry];
