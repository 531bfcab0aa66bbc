import { ForbiddenError } from '../http/errors.ts';
import type { Actor } from './roles.ts';

/**
 * Record-level scoping for State-owned data: the one place that says whether an actor may read or
 * change what belongs to a State. Services call these before touching such records.
 */

/** The States whose own records the actor may see, or 'all' for the secretariat and operators. */
export function readableStates(actor: Actor): 'all' | string[] {
  if (actor.kind !== 'user') return [];
  if (actor.roles.includes('secretariat') || actor.roles.includes('admin')) return 'all';
  return actor.state ? [actor.state] : [];
}

export function assertOwnState(actor: Actor, iso3: string, what: string): void {
  if (actor.kind === 'user' && actor.state === iso3) return;
  throw new ForbiddenError(`You may only ${what} of your own State`);
}
