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

export function viewerFor(actor: Actor): Viewer {
  if (actor.kind !== 'user') return { level: 'public', state: null };
  if (hasRole(actor, 'secretariat', 'admin')) return { level: 'all', state: actor.state };
  return { level: 'member', state: actor.state };
}

export function canSee(actor: Actor, r: { access: Access; access_state: string | null }): boolean {
  const v = viewerFor(actor);
  if (r.access === 'public' || v.level === 'all') return true;
  if (v.level === 'public') return false;
  return r.access === 'practitioners' || r.access_state === v.state;
}

/** May the actor add (or keep) a record concerning `states`: the secretariat, or a focal point of one of them. */
export function canEdit(actor: Actor, states: string[]): boolean {
  if (hasRole(actor, 'secretariat')) return true;
  return actor.kind === 'user' && hasRole(actor, 'focal_point') && actor.state !== null && states.includes(actor.state);
}

export interface OwnedRecord {
  states: string[];
  owner_state: string | null;
}

/**
 * The State that owns a record: the one that created it; for a record of the secretariat, the State it
 * concerns when it concerns only one (its focal point looks after it); otherwise none (the secretariat's).
 */
export function ownerStateOf(r: OwnedRecord): string | null {
  return r.owner_state ?? (r.states.length === 1 ? r.states[0]! : null);
}

/** Content (text, details, links, translations, provisions): the secretariat, or a focal point of a State the record concerns. */
export function canEditContent(actor: Actor, r: OwnedRecord): boolean {
  return canEdit(actor, r.states);
}

/** Access, the list of States, retiring: the secretariat, or a focal point of the owning State. */
export function canManage(actor: Actor, r: OwnedRecord): boolean {
  if (hasRole(actor, 'secretariat')) return true;
  const owner = ownerStateOf(r);
  return actor.kind === 'user' && canEditContent(actor, r) && owner !== null && owner === actor.state;
}

/** A focal point restricts a record only to their own State (the secretariat to any). */
export function mayRestrictTo(actor: Actor, accessState: string | undefined | null): boolean {
  return !accessState || hasRole(actor, 'secretariat') || (actor.kind === 'user' && hasRole(actor, 'focal_point') && actor.state === accessState);
}
