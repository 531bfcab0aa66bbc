import { sql, type SqlBool } from 'kysely';
import { definePolicy, NONE, type Column } from '../platform/auth/access.ts';
import type { Actor } from '../platform/auth/roles.ts';
import type { CaseSide } from './case.workflow.ts';

/**
 * Who sees and works on a case, in one place. A case belongs to one State (owner_state): its central
 * authority's officers see and handle all of the State's cases; a practitioner of that State (a prosecutor, an
 * executing authority's officer) sees only the cases they are assigned to. Nobody else — another State, the
 * secretariat, an unassigned practitioner — learns that the case exists: every refusal to them is a 404, word
 * for word as for a case that does not exist (art. 18(20): the request and its contents stay confidential).
 * What may be done with the case in its current state is the workflow's `actions` (case.workflow.ts), not this.
 */
export interface CaseResource {
  id: string;
  owner_state: string;
  assignees: readonly string[];
}

/** How the actor stands to the case (the machine's `side`), or null: the case does not exist for them. */
export function sideOf(actor: Actor, c: CaseResource): Exclude<CaseSide, 'system'> | null {
  if (actor.kind !== 'user' || !actor.state || actor.state !== c.owner_state) return null;
  if (actor.roles.includes('officer')) return 'officer';
  if (actor.roles.includes('practitioner') && c.assignees.includes(actor.id)) return 'assigned';
  return null;
}

const bySide = {
  /** Read the case, its timeline, documents and messages. */
  view: (side: CaseSide | null) => side !== null,
  /** Work on it: record events, add documents (which events, the machine says). */
  act: (side: CaseSide | null) => side !== null,
  /** The central authority's decisions about the case itself: assignees, priority override, registration. */
  manage: (side: CaseSide | null) => side === 'officer',
};
export type CasePolicyAction = keyof typeof bySide;

// ——— the same rules in SQL, on cases_cases ———

type Col = Column<'id' | 'owner_state' | 'assignees'>;

function viewSql(actor: Actor, col: Col) {
  if (actor.kind !== 'user' || !actor.state) return NONE;
  if (actor.roles.includes('officer')) return sql<SqlBool>`${col('owner_state')} = ${actor.state}`;
  if (actor.roles.includes('practitioner')) return sql<SqlBool>`(${col('owner_state')} = ${actor.state} AND ${actor.id}::uuid = ANY(${col('assignees')}))`;
  return NONE;
}
function manageSql(actor: Actor, col: Col) {
  if (actor.kind !== 'user' || !actor.state || !actor.roles.includes('officer')) return NONE;
  return sql<SqlBool>`${col('owner_state')} = ${actor.state}`;
}

export const casePolicy = definePolicy({
  noun: 'case',
  idOf: (c: CaseResource) => c.id,
  conceal: 'view',
  rules: Object.fromEntries(Object.entries(bySide).map(([a, f]) => [a, (actor: Actor, c: CaseResource) => f(sideOf(actor, c))])) as {
    [K in CasePolicyAction]: (actor: Actor, c: CaseResource) => boolean;
  },
  refusals: {
    view: 'You may not see this case',
    act: 'You may not work on this case',
    manage: 'Only an officer of the central authority holding this case may do this',
  },
  sql: { view: viewSql, act: viewSql, manage: manageSql },
});
