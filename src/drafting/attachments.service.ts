import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { ConflictError, NotFoundError } from '../platform/http/errors.ts';
import {
  acceptMediaType, addDocument, DocumentIntegrityError, DocumentTooLargeError, documentStore, findDocument, listDocuments, MEDIA_TYPES, removeDocument,
  type DocumentRef,
} from '../platform/documents/documents.ts';
import { load, me, read, TARGET } from './draft-loading.ts';
import * as repo from './drafting.repository.ts';

/**
 * Supporting files of a draft (court order, translation, evidence list…), kept as stored documents of the
 * platform (content-addressed, digest checked on read) referenced as the draft's 'attachment's. Access is the
 * draft's (draft-loading.ts): the owner side adds and removes while the draft is not finalised; a State the
 * draft is shared with reads; anyone else gets 404. Every read, change and refusal is audited.
 */

const KEY = (draftId: string) => ({ ownerModule: 'drafting', entityId: draftId, role: 'attachment' });

/** What a request's supporting documents come as: documents, scans and plain text. */
export const ATTACHMENT_TYPES = [
  MEDIA_TYPES.pdf, MEDIA_TYPES.docx, MEDIA_TYPES.odt, MEDIA_TYPES.xlsx, MEDIA_TYPES.png, MEDIA_TYPES.jpeg, MEDIA_TYPES.tiff, MEDIA_TYPES.text,
] as const;

export function attachmentDto(r: DocumentRef) {
  return {
    sha256: r.sha256,
    size: r.size,
    mediaType: r.mediaType,
    fileName: r.fileName,
    language: r.language,
    title: r.title,
    addedBy: r.addedBy,
    addedAt: r.addedAt.toISOString(),
  };
}
export type AttachmentDto = ReturnType<typeof attachmentDto>;

export async function listAttachments(db: Db, actor: Actor, id: string) {
  await read(db, actor, id, 'attachments', { consultation: true });
  return { items: (await listDocuments(db, KEY(id))).map(attachmentDto) };
}

/** One attachment's bytes, checked against their digest: a mismatch is refused (409), audited, never served. */
export async function getAttachment(db: Db, actor: Actor, id: string, sha256: string) {
  await read(db, actor, id, 'attachment', { consultation: true, details: { sha256 } });
  const ref = await findDocument(db, KEY(id), sha256);
  if (!ref) throw new NotFoundError(`Draft ${id} has no attachment ${sha256}`);
  try {
    return { ...attachmentDto(ref), bytes: await documentStore().get(db, sha256) };
  } catch (err) {
    if (err instanceof DocumentIntegrityError) {
      await audit(db, { actor: auditActor(actor), action: 'drafting.attachment', targetType: TARGET, targetId: id, outcome: 'failure', details: { sha256, reason: 'digest-mismatch' } });
    }
    throw err;
  }
}

export interface NewAttachment {
  bytes: Buffer;
  /** The Content-Type the client sent; the bytes must agree with it. */
  declaredType: string | undefined;
  fileName: string;
  language?: string;
  title?: string;
}

export async function addAttachment(db: Db, actor: Actor, id: string, input: NewAttachment) {
  const u = me(actor);
  await load(db, actor, id, 'attach');
  const store = documentStore();
  if (input.bytes.length > store.maxBytes) throw new DocumentTooLargeError(input.bytes.length, store.maxBytes);
  const mediaType = acceptMediaType(input.bytes, input.declaredType, ATTACHMENT_TYPES);
  const done = await inTransaction(db, async (trx) => {
    const finalised = await finalisedDraft(trx, id);
    if (finalised) return { finalised, ref: null };
    const ref = await addDocument(trx, store, KEY(id), {
      bytes: input.bytes, mediaType, fileName: input.fileName, language: input.language ?? null, title: input.title ?? '',
      addedBy: { id: u.id, name: u.displayName, state: u.state },
    });
    await audit(trx, { actor: auditActor(actor), action: 'drafting.attach', targetType: TARGET, targetId: id, details: { sha256: ref.sha256, size: ref.size, mediaType, fileName: ref.fileName } });
    return { finalised: null, ref };
  });
  if (done.ref === null) throw await refuseFinalised(db, actor, id, 'attach', done.finalised);
  return attachmentDto(done.ref);
}

export async function deleteAttachment(db: Db, actor: Actor, id: string, sha256: string): Promise<void> {
  await load(db, actor, id, 'detach');
  const finalised = await inTransaction(db, async (trx) => {
    const f = await finalisedDraft(trx, id);
    if (f) return f;
    if (!(await removeDocument(trx, KEY(id), sha256))) throw new NotFoundError(`Draft ${id} has no attachment ${sha256}`);
    await audit(trx, { actor: auditActor(actor), action: 'drafting.detach', targetType: TARGET, targetId: id, details: { sha256 } });
    return null;
  });
  if (finalised) throw await refuseFinalised(db, actor, id, 'detach', finalised);
}

/**
 * The draft's reference if it is finalised, else null — with the draft locked against a concurrent finalising
 * for the rest of the transaction, so that what is finalised is what was attached.
 */
async function finalisedDraft(trx: repo.Conn, id: string): Promise<string | null> {
  const draft = await repo.findDraft(trx, id, { forUpdate: true });
  return draft?.status === 'finalised' ? draft.reference : null;
}

/** A finalised draft no longer changes: 409, and the refusal audited (after the transaction, so it stays on record). */
async function refuseFinalised(db: Db, actor: Actor, id: string, what: 'attach' | 'detach', reference: string) {
  await audit(db, { actor: auditActor(actor), action: `drafting.${what}`, targetType: TARGET, targetId: id, outcome: 'denied', details: { reason: 'finalised' } });
  return new ConflictError(`Draft ${reference} is finalised: its attachments can no longer change; duplicate it to write a new one`);
}
