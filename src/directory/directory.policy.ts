import { hasRole, type Actor, type Role } from '../platform/auth/roles.ts';
import type { EntryType } from './directory.schemas.ts';

/**
 * Who sees and who changes what in the directory (spec: directory.md, "Behaviour"):
 * * names and functions are public; contact details are for logged-in professionals of any State and the
 *   secretariat (platform operators run the system, they do not need the contacts);
 * * the experts' list (with its contacts) is shared among registered experts only;
 * * a State's focal point changes its own State's entries; an expert their own entry, of their own State;
 *   the secretariat changes all of them.
 */

export const CONTACT_ROLES: readonly Role[] = ['practitioner', 'officer', 'focal_point', 'expert', 'secretariat'];
export const EDITOR_ROLES: readonly Role[] = ['focal_point', 'secretariat'];

export function canSeeContacts(actor: Actor): boolean {
  return hasRole(actor, ...CONTACT_ROLES);
}

export function canSeeExpertContacts(actor: Actor): boolean {
  return hasRole(actor, 'expert');
}

/** May `actor` change an entry of `type` that belongs to `iso3` (null: not a State's, e.g. a regional network)? */
export function canEdit(actor: Actor, type: EntryType, iso3: string | null, entry?: { userId?: unknown }): boolean {
  if (actor.kind !== 'user') return false;
  if (hasRole(actor, 'secretariat')) return true;
  // An expert keeps their own entry, of their own State: they may not move it to another one.
  if (type === 'expert') return hasRole(actor, 'expert') && entry !== undefined && entry.userId === actor.id && iso3 === actor.state;
  return hasRole(actor, 'focal_point') && iso3 !== null && actor.state === iso3;
}

export function whoIs(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : 'anonymous';
}
