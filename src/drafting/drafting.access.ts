import type { Actor } from '../platform/auth/roles.ts';

/**
 * Who sees a draft, in one place.
 *
 * Owner side (the requesting State): an officer of the central authority sees every draft of the State —
 * the central authority answers for every request its State sends, and reviews and finalises what
 * prosecutors and investigators prepare; a practitioner sees the drafts they created, not colleagues'
 * (a prosecutor's draft concerns their own investigation).
 * Consultation: officers of a State with whom the draft is actively shared (the requested central
 * authority, art. 18(13)) may read it and comment, nothing more.
 * Nobody else learns that the draft exists: the service answers 404.
 */
export type DraftAccess = 'owner' | 'consultation';

export interface DraftOwnership {
  owner_state: string;
  created_by: string;
}

export function ownerAccess(actor: Actor, d: DraftOwnership): boolean {
  if (actor.kind !== 'user' || actor.state !== d.owner_state) return false;
  if (actor.roles.includes('officer')) return true;
  return actor.roles.includes('practitioner') && d.created_by === actor.id;
}

export function accessTo(actor: Actor, d: DraftOwnership, activeShareStates: readonly string[]): DraftAccess | null {
  if (ownerAccess(actor, d)) return 'owner';
  if (actor.kind === 'user' && actor.roles.includes('officer') && actor.state && actor.state !== d.owner_state && activeShareStates.includes(actor.state)) {
    return 'consultation';
  }
  return null;
}

/** Which drafts a list shows the actor on the owner side: the State's, or only their own; null = none. */
export function listScope(actor: Actor): { ownerState: string; createdBy?: string } | null {
  if (actor.kind !== 'user' || !actor.state) return null;
  if (actor.roles.includes('officer')) return { ownerState: actor.state };
  if (actor.roles.includes('practitioner')) return { ownerState: actor.state, createdBy: actor.id };
  return null;
}
