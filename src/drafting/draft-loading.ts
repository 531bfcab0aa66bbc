import type { Db } from '../platform/db/database.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor, UserActor } from '../platform/auth/roles.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../platform/http/errors.ts';
import { draftPolicy, sideOf, type DraftAccess, type DraftAction } from './drafting.policy.ts';
import * as repo from './drafting.repository.ts';
import type { DraftStep } from './drafting.audit.ts';
import { draftContentSchema, type DraftContent } from './draft.schema.ts';

/**
 * Loading a draft for an actor, shared by the drafting services: who the actor is as a drafter, and the
 * draft only if they may see it (drafting.policy.ts), every refusal and read audited.
 */

export const TARGET = 'drafting_draft';

export function me(actor: Actor): UserActor & { state: string } {
  if (actor.kind !== 'user') throw new UnauthenticatedError();
  if (!actor.state) throw new ForbiddenError('Drafts belong to a State; your account has none');
  return actor as UserActor & { state: string };
}
export const by = (u: UserActor) => ({ id: u.id, name: u.displayName });

/** Stored content, read through the schema (fills any field added since it was saved). */
export const contentOf = (row: { content: unknown }): DraftContent => draftContentSchema.parse(row.content);


export interface Loaded {
  draft: repo.DraftRow;
  shares: repo.ShareRow[];
  access: DraftAccess;
}

/**
 * The draft if the actor may do `action` with it (by default: see it with `consultation`, work on it as
 * the requesting side without). Anyone who may not see it gets the same 404 as for a draft that does not
 * exist (its existence must not leak); the refusal is audited. A consultation reader is refused (403)
 * where only the owner side may act — they already know the draft exists.
 */
export async function load(db: Db, actor: Actor, id: string, what: DraftStep, opts: { consultation?: boolean; action?: DraftAction } = {}): Promise<Loaded> {
  const draft = await repo.findDraft(db, id);
  const shares = draft ? await repo.activeShares(db, id) : [];
  if (!draft) {
    await audit(db, { actor: auditActor(actor), action: `drafting.${what}`, targetType: TARGET, targetId: id, outcome: 'denied' });
    throw new NotFoundError(`No draft ${id}`);
  }
  const resource = { ...draft, shares: shares.map((s) => s.state_iso3) };
  const verdict = draftPolicy.explain(actor, opts.action ?? (opts.consultation ? 'view' : 'prepare'), resource);
  const access = sideOf(actor, resource);
  if (!verdict.allowed || !access) {
    await audit(db, { actor: auditActor(actor), action: `drafting.${what}`, targetType: TARGET, targetId: id, outcome: 'denied', ...(access && { details: { access } }) });
    if (verdict.allowed || verdict.status === 404) throw new NotFoundError(`No draft ${id}`);
    throw new ForbiddenError(verdict.reason);
  }
  return { draft, shares, access };
}

/** A read of the draft or something derived from it: allowed, and audited as a read. */
export async function read(db: Db, actor: Actor, id: string, what: string, opts: { consultation?: boolean; details?: Record<string, unknown> } = {}) {
  const l = await load(db, actor, id, 'read', opts);
  await audit(db, { actor: auditActor(actor), action: 'drafting.read', targetType: TARGET, targetId: id, details: { what, access: l.access, ...opts.details } });
  return l;
}
