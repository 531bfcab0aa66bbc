import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { assertAllowed, transition } from '../platform/workflow/index.ts';
import * as repo from './drafting.repository.ts';
import type { CommentAudience } from './drafting.tables.ts';
import { tellComment, tellShared } from './consultation.notices.ts';
import { by, load, me, read, TARGET } from './draft-loading.ts';
import { sideOf } from './drafting.policy.ts';
import { draftCtx, draftMachine } from './draft.workflow.ts';

/**
 * Informal consultation: a draft shared read-only with the requested State's central authority, whose
 * comments stay with the draft; internal notes of the requesting side never reach the requested State.
 * Sharing and ending a share move the draft between "draft" and "shared" (draft.workflow.ts), and the
 * consultation closes when the draft is finalised.
 */

export async function shareDraft(db: Db, actor: Actor, id: string, note: string) {
  const u = me(actor);
  const { draft, shares, access } = await load(db, actor, id, 'share');
  const ctx = draftCtx(access, shares);
  assertAllowed(draftMachine, actor, draft, ctx, 'share'); // 409 if shared already, 400 without a requested State
  const state = draft.requested_state!;
  return inTransaction(db, async (trx) => {
    // the share first: of two concurrent shares, the second then meets the unique index (a 409 naming it)
    const s = await repo.insertShare(trx, { draft_id: id, state_iso3: state, note, shared_by: u.id, shared_by_name: u.displayName });
    await transition(trx, draftMachine, { entity: draft, action: 'share', actor, ctx, reason: note || null });
    await audit(trx, { actor: auditActor(actor), action: 'drafting.share', targetType: TARGET, targetId: id, details: { state } });
    await tellShared(trx, draft, shares.map((x) => x.state_iso3), u);
    return shareDto(s);
  });
}

export async function endShare(db: Db, actor: Actor, id: string) {
  const u = me(actor);
  const { draft, shares, access } = await load(db, actor, id, 'unshare');
  const ctx = draftCtx(access, shares);
  assertAllowed(draftMachine, actor, draft, ctx, 'unshare'); // 409 unless shared
  await inTransaction(db, async (trx) => {
    await transition(trx, draftMachine, { entity: draft, action: 'unshare', actor, ctx });
    const ended = await repo.endShares(trx, id, by(u));
    await audit(trx, { actor: auditActor(actor), action: 'drafting.unshare', targetType: TARGET, targetId: id, details: { states: ended.map((s) => s.state_iso3) } });
  });
}

export async function listComments(db: Db, actor: Actor, id: string) {
  const { access } = await read(db, actor, id, 'comments', { consultation: true });
  // Internal notes of the requesting side never reach the requested State.
  const rows = await repo.listComments(db, id, access === 'consultation' ? 'consultation' : undefined);
  return { items: rows.map(commentDto) };
}

export async function addComment(db: Db, actor: Actor, id: string, input: { body: string; path?: string; audience?: CommentAudience }) {
  const u = me(actor);
  const { draft, shares, access } = await load(db, actor, id, 'comment', { consultation: true });
  assertAllowed(draftMachine, actor, draft, draftCtx(access, shares), 'comment');
  const audience: CommentAudience = access === 'consultation' ? 'consultation' : (input.audience ?? 'internal');
  return inTransaction(db, async (trx) => {
    // Asked again on the row locked against a concurrent finalise or unshare: once the consultation is
    // closed, no comment of the consulted State gets in, whatever it read a moment before.
    const now = (await repo.findDraft(trx, id, { forUpdate: true }))!;
    const open = await repo.activeShares(trx, id);
    assertAllowed(draftMachine, actor, now, draftCtx(sideOf(actor, { ...now, shares: open.map((o) => o.state_iso3) }), open), 'comment');
    const c = await repo.insertComment(trx, { draft_id: id, author_id: u.id, author_name: u.displayName, author_state: u.state, audience, body: input.body, path: input.path ?? null, version: now.version });
    await audit(trx, { actor: auditActor(actor), action: 'drafting.comment', targetType: TARGET, targetId: id, details: { comment: c.id, audience, access } });
    if (audience === 'consultation') await tellComment(trx, draft, shares.map((x) => x.state_iso3), u, access === 'consultation');
    return commentDto(c);
  });
}

export function shareDto(s: repo.ShareRow) {
  return { id: s.id, state: s.state_iso3, note: s.note, sharedAt: s.shared_at.toISOString(), sharedBy: { id: s.shared_by, name: s.shared_by_name } };
}

export function commentDto(c: repo.CommentRow) {
  return {
    id: c.id,
    body: c.body,
    path: c.path,
    audience: c.audience,
    author: { id: c.author_id, name: c.author_name, state: c.author_state },
    version: c.version,
    createdAt: c.created_at.toISOString(),
  };
}
