import type { Actor } from '../platform/auth/roles.ts';
import { hasRole } from '../platform/auth/roles.ts';
import type { Viewer } from './search/search-provider.ts';
import type { Access } from './knowledge.tables.ts';

/**
 * Who sees and who edits knowledge records. Public records are for everyone; "practitioners" records
 * for any logged-in professional; a State-restricted record for that State's people only. The
 * secretariat curates everything; a focal point edits the records that concern their own State.
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

export function canEdit(actor: Actor, states: string[]): boolean {
  if (hasRole(actor, 'secretariat')) return true;
  return actor.kind === 'user' && hasRole(actor, 'focal_point') && actor.state !== null && states.includes(actor.state);
}
