import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/http/errors.ts';
import * as repo from './drafting.repository.ts';
import type { CommentAudience } from './drafting.tables.ts';
import { tellComment, tellShared } from './consultation.notices.ts';
import { by, load, me, read, TARGET } from './draft-loading.ts';

/**
 * Informal consultation: a draft shared read-only with the requested State's central authority, whose
 * comments stay with the draft; internal notes of the requesting side never reach the requested State.
 */

export async function shareDraft(db: Db, actor: Actor, id: string, note: string) {
  const u = me(actor);
  const { draft, shares } = await load(db, actor, id, 'share');
  const state = draft.requested_state;
  if (!state) throw new ValidationError('Choose the requested State before sharing the draft', [{ path: '$.requested.state', message: 'the draft is shared with the requested State’s central authority' }]);
  if (shares.some((s) => s.state_iso3 === state)) throw new ConflictError(`The draft is already shared with ${state}`);
  return inTransaction(db, async (trx) => {
    const s = await repo.insertShare(trx, { draft_id: id, state_iso3: state, note, shared_by: u.id, shared_by_name: u.displayName });
    await audit(trx, { actor: auditActor(actor), action: 'drafting.share', targetType: TARGET, targetId: id, details: { state } });
    await tellShared(trx, draft, shares.map((x) => x.state_iso3), u);
    return shareDto(s);
  });
}

export async function endShare(db: Db, actor: Actor, id: string) {
  const u = me(actor);
  await load(db, actor, id, 'unshare');
  await inTransaction(db, async (trx) => {
    const ended = await repo.endShares(trx, id, by(u));
    if (ended.length === 0) throw new NotFoundError('The draft is not shared');
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
  const audience: CommentAudience = access === 'consultation' ? 'consultation' : (input.audience ?? 'internal');
  return inTransaction(db, async (trx) => {
    const c = await repo.insertComment(trx, { draft_id: id, author_id: u.id, author_name: u.displayName, author_state: u.state, audience, body: input.body, path: input.path ?? null, version: draft.version });
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
