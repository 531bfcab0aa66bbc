import { ENTRY_TYPES } from './directory.schemas.ts';

/** What the directory writes to the audit log (see platform/audit/audit-actions.ts). */
export const ENTRY_CHANGES = ['create', 'update', 'retire', 'confirm'] as const;
export type EntryChange = (typeof ENTRY_CHANGES)[number];

export const DIRECTORY_AUDIT_ACTIONS = [
  // every change of every kind of entry: directory.authority.create … directory.expert.confirm
  ...ENTRY_TYPES.flatMap((type) => ENTRY_CHANGES.map((change) => `directory.${type}.${change}` as const)),
  'directory.expert.read',
  'directory.expert.vcard',
  'directory.experts.read',
  'directory.experts.export',
  'directory.import',
] as const;

declare module '../platform/audit/audit-actions.ts' {
  interface AuditActionRegistry {
    directory: (typeof DIRECTORY_AUDIT_ACTIONS)[number];
  }
}
