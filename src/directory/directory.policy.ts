import { sql, type SqlBool } from 'kysely';
import { ALL, definePolicy, NONE, type Column } from '../platform/auth/access.ts';
import { hasRole, type Actor, type Role } from '../platform/auth/roles.ts';
import type { EntryType } from './directory.schemas.ts';

/**
 * Who sees and who changes what in the directory (spec: directory.md, "Behaviour"):
 * * names and functions are public; contact details are for logged-in professionals of any State and the
 *   secretariat (platform operators run the system, they do not need the contacts);
 * * the experts' list (with its contacts) is shared among registered experts only (the secretariat keeps
 *   the list without seeing the contacts);
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

export function whoIs(actor: Actor): string {
  return actor.kind === 'user' ? actor.username : 'anonymous';
}

/** What the rules read of an entry (a row, or a proposed one: its id may be empty). */
export interface EntryAccess {
  id: string;
  iso3: string | null;
  /** The expert's account, for an expert entry. */
  user_id?: unknown;
}

type Col = Column<'iso3' | 'user_id'>;
const EDIT_OWN = 'You may only change the directory entries of your own State';
const EDIT_EXPERT = 'Only the secretariat or the expert concerned may change an expert’s entry';

/** Authorities (with focal points and Firearms points of contact), per-measure records, notifications. */
export const entryPolicy = definePolicy({
  noun: 'entry',
  idOf: (e: EntryAccess) => e.id,
  rules: {
    read: () => true,
    contacts: (actor) => canSeeContacts(actor),
    edit: (actor, e) => hasRole(actor, 'secretariat') || (actor.kind === 'user' && hasRole(actor, 'focal_point') && e.iso3 !== null && actor.state === e.iso3),
  },
  refusals: { read: 'You may not see this entry', contacts: 'Contact details are for logged-in professionals', edit: EDIT_OWN },
  sql: {
    read: () => ALL,
    contacts: (actor) => (canSeeContacts(actor) ? ALL : NONE),
    edit: (actor, col: Col) => {
      if (hasRole(actor, 'secretariat')) return ALL;
      if (actor.kind !== 'user' || !hasRole(actor, 'focal_point') || actor.state === null) return NONE;
      return sql<SqlBool>`${col('iso3')} = ${actor.state}`;
    },
  },
});

/** The experts' list: an expert keeps their own entry, of their own State (they may not move it to another one). */
export const expertPolicy = definePolicy({
  noun: 'expert',
  idOf: (e: EntryAccess) => e.id,
  rules: {
    read: (actor) => hasRole(actor, 'expert', 'secretariat'),
    contacts: (actor) => canSeeExpertContacts(actor),
    edit: (actor, e) => hasRole(actor, 'secretariat') || (actor.kind === 'user' && hasRole(actor, 'expert') && e.user_id === actor.id && e.iso3 === actor.state),
  },
  refusals: { read: 'The experts’ list is shared only among registered experts', contacts: 'Contact details are for registered experts', edit: EDIT_EXPERT },
  sql: {
    read: (actor) => (hasRole(actor, 'expert', 'secretariat') ? ALL : NONE),
    contacts: (actor) => (canSeeExpertContacts(actor) ? ALL : NONE),
    edit: (actor, col: Col) => {
      if (hasRole(actor, 'secretariat')) return ALL;
      if (actor.kind !== 'user' || !hasRole(actor, 'expert')) return NONE;
      return sql<SqlBool>`(${col('user_id')} = ${actor.id} AND ${col('iso3')} IS NOT DISTINCT FROM ${actor.state})`;
    },
  },
});

/** The policy of an entry type; both have the same actions (read, contacts, edit). */
export const policyFor = (type: EntryType) => (type === 'expert' ? expertPolicy : entryPolicy);
