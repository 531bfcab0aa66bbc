/** What the knowledge portal writes to the audit log (see platform/audit/audit-actions.ts). */
export const KNOWLEDGE_AUDIT_ACTIONS = [
  'knowledge.create',
  'knowledge.read',
  'knowledge.update',
  'knowledge.retire',
  'knowledge.versions.read',
  'knowledge.translate',
  'knowledge.link.verify',
  'knowledge.link.reject',
  'knowledge.provision.set',
  'knowledge.provision.repeal',
  'knowledge.import',
  'knowledge.bulk-create',
  'knowledge.search-rebuild',
  'knowledge.search-reorganize',
] as const;

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    knowledge: (typeof KNOWLEDGE_AUDIT_ACTIONS)[number];
  }
}
