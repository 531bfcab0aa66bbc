import { sql, type SqlBool } from 'kysely';
import { definePolicy, NONE, type Column } from '../platform/auth/access.ts';
import type { Actor } from '../platform/auth/roles.ts';

/**
 * Who sees and does what with a draft, in one place.
 *
 * Owner side (the requesting State): an officer of the central authority sees every draft of the State —
 * the central authority answers for every request its State sends, and reviews and finalises what
 * prosecutors and investigators prepare; a practitioner sees the drafts they created, not colleagues'
 * (a prosecutor's draft concerns their own investigation).
 * Consultation: officers of a State with whom the draft is actively shared (the requested central
 * authority, art. 18(13)) may read it and comment, nothing more.
 * Nobody else learns that the draft exists: every refusal to them is a 404.
 * Moving a draft through its life (finalising) is the workflow's `actions`, not a permission here.
 */
export type DraftAccess = 'owner' | 'consultation';

/** What the rules read of a draft: its row, and the States it is actively shared with. */
export interface DraftResource {
  id: string;
  owner_state: string;
  created_by: string;
  status: string;
  shares: readonly string[];
}

function isOwnerSide(actor: Actor, d: { owner_state: string; created_by: string }): boolean {
  if (actor.kind !== 'user' || actor.state !== d.owner_state) return false;
  if (actor.roles.includes('officer')) return true;
  return actor.roles.includes('practitioner') && d.created_by === actor.id;
}

/** The side the actor is on, or null: the draft does not exist for them. */
export function sideOf(actor: Actor, d: DraftResource): DraftAccess | null {
  if (isOwnerSide(actor, d)) return 'owner';
  if (actor.kind === 'user' && actor.roles.includes('officer') && actor.state && actor.state !== d.owner_state && d.shares.includes(actor.state)) {
    return 'consultation';
  }
  return null;
}

/**
 * Each right follows from the side and the draft's status; `draftPolicy` applies these to an actor, and
 * `draftPermissions` to a side already established (the draft DTO), so both say the same.
 */
const bySide = {
  view: (side: DraftAccess | null) => side !== null,
  comment: (side: DraftAccess | null) => side !== null,
  /** The requesting side's work on it: versions, comparisons, checks, documents, duplicating. */
  prepare: (side: DraftAccess | null) => side === 'owner',
  share: (side: DraftAccess | null) => side === 'owner',
  // a draft stays editable while it is shared for consultation (draft.workflow.ts), until it is finalised
  edit: (side: DraftAccess | null, d: { status: string }) => side === 'owner' && d.status !== 'finalised',
  attach: (side: DraftAccess | null, d: { status: string }) => side === 'owner' && d.status !== 'finalised',
};
type DraftAction = keyof typeof bySide;

// ——— the same rules in SQL, on drafting_drafts ———

type Col = Column<'id' | 'owner_state' | 'created_by' | 'status'>;

function ownerSql(actor: Actor, col: Col) {
  if (actor.kind !== 'user' || !actor.state) return NONE;
  if (actor.roles.includes('officer')) return sql<SqlBool>`${col('owner_state')} = ${actor.state}`;
  if (actor.roles.includes('practitioner')) return sql<SqlBool>`(${col('owner_state')} = ${actor.state} AND ${col('created_by')} = ${actor.id})`;
  return NONE;
}

function consultationSql(actor: Actor, col: Col) {
  if (actor.kind !== 'user' || !actor.state || !actor.roles.includes('officer')) return NONE;
  return sql<SqlBool>`(${col('owner_state')} <> ${actor.state} AND EXISTS (
    SELECT 1 FROM drafting_shares sh WHERE sh.draft_id = ${col('id')} AND sh.ended_at IS NULL AND sh.state_iso3 = ${actor.state}))`;
}

const viewSql = (actor: Actor, col: Col) => sql<SqlBool>`(${ownerSql(actor, col)} OR ${consultationSql(actor, col)})`;
const openSql = (actor: Actor, col: Col) => sql<SqlBool>`(${ownerSql(actor, col)} AND ${col('status')} <> 'finalised')`;

const OWNER_ONLY = 'This draft is shared with your State for consultation: you may read it and comment, nothing more';
const OPEN_ONLY = 'Only the requesting side changes a draft, and only until it is finalised; duplicate it to write a new one';

export const draftPolicy = definePolicy({
  noun: 'draft',
  idOf: (d: DraftResource) => d.id,
  conceal: 'view',
  rules: Object.fromEntries(Object.entries(bySide).map(([a, f]) => [a, (actor: Actor, d: DraftResource) => f(sideOf(actor, d), d)])) as {
    [K in DraftAction]: (actor: Actor, d: DraftResource) => boolean;
  },
  refusals: { view: 'You may not see this draft', comment: 'You may not comment on this draft', prepare: OWNER_ONLY, share: OWNER_ONLY, edit: OPEN_ONLY, attach: OPEN_ONLY },
  sql: { view: viewSql, comment: viewSql, prepare: ownerSql, share: ownerSql, edit: openSql, attach: openSql },
});

/** The viewer's permissions on a draft whose side is already known (the draft DTO). */
export function draftPermissions(side: DraftAccess, d: { status: string }) {
  return Object.fromEntries(Object.entries(bySide).map(([a, f]) => [a, f(side, d)])) as { [K in DraftAction]: boolean };
}

export type { DraftAction };
