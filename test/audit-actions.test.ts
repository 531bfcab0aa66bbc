import { describe, expect, it } from 'vitest';
import { PLATFORM_AUDIT_ACTIONS, type AuditAction } from '../src/platform/audit/audit-actions.ts';
import { REFERENCE_AUDIT_ACTIONS } from '../src/reference/reference.audit.ts';
import { KNOWLEDGE_AUDIT_ACTIONS } from '../src/knowledge/knowledge.audit.ts';
import { DIRECTORY_AUDIT_ACTIONS } from '../src/directory/directory.audit.ts';
import { DRAFTING_AUDIT_ACTIONS } from '../src/drafting/drafting.audit.ts';

/**
 * The audit log's vocabulary is one typed list made of each module's own. TypeScript checks every
 * `audit(…)` call against it (`npx tsc` fails on the @ts-expect-error below if an unknown action compiled).
 */
const LISTS: Record<string, readonly string[]> = {
  platform: PLATFORM_AUDIT_ACTIONS,
  reference: REFERENCE_AUDIT_ACTIONS,
  knowledge: KNOWLEDGE_AUDIT_ACTIONS,
  directory: DIRECTORY_AUDIT_ACTIONS,
  drafting: DRAFTING_AUDIT_ACTIONS,
};

describe('typed audit actions', () => {
  it('an action nobody declared does not compile', () => {
    const declared: AuditAction = 'directory.expert.confirm';
    // @ts-expect-error — a typo is not an action
    const typo: AuditAction = 'drafting.udpate';
    // @ts-expect-error — nor is a module's action another module did not declare
    const undeclared: AuditAction = 'cases.read';
    expect([declared, typo, undeclared]).toHaveLength(3);
  });

  it('each module writes only under its own prefix, and no action is declared twice', () => {
    const all = Object.values(LISTS).flat();
    expect(new Set(all).size).toBe(all.length);
    for (const [module, actions] of Object.entries(LISTS)) {
      for (const a of actions) expect(a).toMatch(module === 'platform' ? /^(auth|access|user|platform)\.[a-z.-]+$/ : new RegExp(`^${module}\\.[a-z_.-]+$`));
    }
    // every change of every kind of directory entry, spelt out
    expect(DIRECTORY_AUDIT_ACTIONS).toEqual(expect.arrayContaining(['directory.authority.create', 'directory.measure.update', 'directory.notification.retire', 'directory.expert.confirm']));
  });
});
