import { sql, type SqlBool } from 'kysely';
import { ALL, definePolicy, NONE, type Column } from '../platform/auth/access.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { hasRole } from '../platform/auth/roles.ts';
import type { Viewer } from './search/search-provider.ts';
import type { Access } from './knowledge.tables.ts';

/**
 * Who sees and who edits knowledge records. Public records are for everyone; "practitioners" records
 * for any logged-in professional; a State-restricted record for that State's people only. The
 * secretariat curates everything. A focal point edits the content of the records that concern their
 * own State, but a record shared by several States belongs to the State that created it: only that
 * State's focal point (or the secretariat) changes who may read it, which States it concerns, or retires it.
 */

/** What the rules read of a record (a row of knowledge_records, or of its versions for `read`). */
export interface RecordAccess {
  id: string;
  access: Access;
  access_state: string | null;
  states: string[];
  owner_state: string | null;
}

/** The search provider's form of the read rule (an external engine applies it to its own index). */
export function viewerFor(actor: Actor): Viewer {
  if (actor.kind !== 'user') return { level: 'public', state: null };
  if (hasRole(actor, 'secretariat', 'admin')) return { level: 'all', state: actor.state };
  return { level: 'member', state: actor.state };
}

function canSee(actor: Actor, r: { access: Access; access_state: string | null }): boolean {
  const v = viewerFor(actor);
  if (r.access === 'public' || v.level === 'all') return true;
  if (v.level === 'public') return false;
  return r.access === 'practitioners' || (v.state !== null && r.access_state === v.state);
}

/** May the actor add (or keep) a record concerning `states`: the secretariat, or a focal point of one of them. */
export function mayWriteFor(actor: Actor, states: readonly string[]): boolean {
  if (hasRole(actor, 'secretariat')) return true;
  return actor.kind === 'user' && hasRole(actor, 'focal_point') && actor.state !== null && states.includes(actor.state);
}

/**
 * The State that owns a record: the one that created it; for a record of the secretariat, the State it
 * concerns when it concerns only one (its focal point looks after it); otherwise none (the secretariat's).
 */
export function ownerStateOf(r: { states: string[]; owner_state: string | null }): string | null {
  return r.owner_state ?? (r.states.length === 1 ? r.states[0]! : null);
}

/** Access, the list of States, retiring: the secretariat, or a focal point of the owning State. */
function mayManage(actor: Actor, r: RecordAccess): boolean {
  if (hasRole(actor, 'secretariat')) return true;
  const owner = ownerStateOf(r);
  return actor.kind === 'user' && mayWriteFor(actor, r.states) && owner !== null && owner === actor.state;
}

/** A focal point restricts a record only to their own State (the secretariat to any). */
export function mayRestrictTo(actor: Actor, accessState: string | undefined | null): boolean {
  return !accessState || hasRole(actor, 'secretariat') || (actor.kind === 'user' && hasRole(actor, 'focal_point') && actor.state === accessState);
}

// ——— the same rules in SQL ———

type Col = Column<'access' | 'access_state' | 'states' | 'owner_state'>;

function readSql(actor: Actor, col: Col) {
  const v = viewerFor(actor);
  if (v.level === 'all') return ALL;
  if (v.level === 'public') return sql<SqlBool>`${col('access')} = 'public'`;
  if (v.state === null) return sql<SqlBool>`${col('access')} IN ('public', 'practitioners')`;
  return sql<SqlBool>`(${col('access')} IN ('public', 'practitioners') OR ${col('access_state')} = ${v.state})`;
}

function writeSql(actor: Actor, col: Col) {
  if (hasRole(actor, 'secretariat')) return ALL;
  if (actor.kind !== 'user' || !hasRole(actor, 'focal_point') || actor.state === null) return NONE;
  return sql<SqlBool>`${actor.state} = ANY(${col('states')})`;
}

function manageSql(actor: Actor, col: Col) {
  if (hasRole(actor, 'secretariat')) return ALL;
  if (actor.kind !== 'user' || !hasRole(actor, 'focal_point') || actor.state === null) return NONE;
  const owner = sql`COALESCE(${col('owner_state')}, CASE WHEN cardinality(${col('states')}) = 1 THEN (${col('states')})[1] END)`;
  return sql<SqlBool>`(${actor.state} = ANY(${col('states')}) AND ${owner} = ${actor.state})`;
}

const MANAGE = 'Only the secretariat, or the State that owns this record, may change who may read it, which States it concerns, or retire it';

export const recordPolicy = definePolicy({
  noun: 'record',
  idOf: (r: RecordAccess) => r.id,
  conceal: 'read',
  rules: {
    read: (actor, r) => canSee(actor, r),
    /** Content (text, details, links, translations, provisions): the secretariat, or a focal point of a State the record concerns. */
    edit: (actor, r) => mayWriteFor(actor, r.states),
    manage: mayManage,
    retire: mayManage,
  },
  refusals: {
    read: 'You may not read this record',
    edit: 'Only the secretariat, or a focal point for a record concerning their own State, may edit it',
    manage: MANAGE,
    retire: MANAGE,
  },
  sql: { read: readSql, edit: writeSql, manage: manageSql, retire: manageSql },
});

export type RecordAction = (typeof recordPolicy.actions)[number];
