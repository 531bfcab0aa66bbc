import type { Transaction } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database } from '../../platform/db/database.ts';
import { addDocument, documentStore, listDocuments, type DocumentRef } from '../../platform/documents/documents.ts';
import { appendTimeline } from '../cases.service.ts';
import type { Attachment } from './envelope.ts';

/**
 * A case's documents as the exchange needs them: the attachments of an envelope (digest and size of each file of
 * the case; the copy onto the other side's case is documents.service.ts copyCaseDocuments), and the finalised
 * request DOCX as the first document of a case opened from a draft (by the platform, in the hand-off's
 * transaction, so not through addCaseDocument, which checks a person's access and opens its own). Documents of a case are stored
 * uses of the platform document store (owner module 'cases', the case's id, the document's role; the lineage in
 * `details`, as documents.service.ts keeps it), each added with its 'document_added' timeline entry.
 */

type Trx = Transaction<Database>;
const OWNER = 'cases';

export async function caseDocuments(trx: Trx, caseId: string): Promise<DocumentRef[]> {
  return listDocuments(trx, { ownerModule: OWNER, entityId: caseId });
}

export function attachmentOf(r: DocumentRef): Attachment {
  return { sha256: r.sha256, size: r.size, mediaType: r.mediaType, fileName: r.fileName, role: r.role, language: r.language };
}

async function noteAdded(trx: Trx, actor: Actor, caseId: string, r: DocumentRef, extra: Record<string, unknown> = {}) {
  await appendTimeline(trx, actor, caseId, {
    type: 'document_added',
    data: { documentId: r.id, sha256: r.sha256, size: r.size, role: r.role, fileName: r.fileName, language: r.language, ...extra },
  });
}

/** The finalised request DOCX as the case's first document (role 'request'). */
export async function addRequestDocument(
  trx: Trx, actor: Actor, caseId: string,
  doc: { bytes: Buffer; mediaType: string; fileName: string; language: string | null; draftId: string; draftVersion: number },
  by: { id: string; name: string; state: string | null },
): Promise<DocumentRef> {
  const ref = await addDocument(trx, documentStore(), { ownerModule: OWNER, entityId: caseId, role: 'request' }, {
    bytes: doc.bytes, mediaType: doc.mediaType, fileName: doc.fileName, language: doc.language, title: '',
    details: { version: 1, fromDraft: { draftId: doc.draftId, draftVersion: doc.draftVersion } },
    addedBy: by,
  });
  await noteAdded(trx, actor, caseId, ref, { fromDraft: doc.draftId });
  return ref;
}
