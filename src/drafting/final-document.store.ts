import type { Language } from '../platform/i18n/languages.ts';
import { addDocument, documentStore, listDocuments, type DocumentRef } from '../platform/documents/documents.ts';
import type { Conn } from './drafting.repository.ts';

export { DocumentIntegrityError, sha256Hex } from '../platform/documents/documents.ts';

/**
 * The finalised request's document, kept exactly as it was generated when the draft was finalised: a stored
 * document of the platform (platform/documents, content-addressed, its SHA-256 checked on every read)
 * referenced as the draft's 'final-request', with the draft version it renders in the reference's details.
 */

const KEY = (draftId: string) => ({ ownerModule: 'drafting', entityId: draftId, role: 'final-request' });

export interface NewDocument {
  draftId: string;
  draftVersion: number;
  fileName: string;
  mediaType: string;
  language: Language;
  bytes: Buffer;
  storedBy: { id: string; name: string; state?: string | null };
}

export interface DocumentInfo {
  fileName: string;
  mediaType: string;
  language: Language;
  size: number;
  /** Lower-case hex. */
  sha256: string;
  draftVersion: number;
  storedAt: Date;
  storedBy: { id: string; name: string };
}

export interface StoredDocument extends DocumentInfo {
  bytes: Buffer;
}

/** Stores the document (in the caller's transaction: the finalisation's). */
export async function putDocument(db: Conn, doc: NewDocument): Promise<DocumentInfo> {
  // Finalised by an officer of the requesting State: the State that added the document.
  const state = doc.storedBy.state ?? (await db.selectFrom('drafting_drafts').select('owner_state').where('id', '=', doc.draftId).executeTakeFirst())?.owner_state ?? null;
  const ref = await addDocument(db, documentStore(), KEY(doc.draftId), {
    bytes: doc.bytes,
    mediaType: doc.mediaType,
    fileName: doc.fileName,
    language: doc.language,
    details: { draftVersion: doc.draftVersion },
    addedBy: { id: doc.storedBy.id, name: doc.storedBy.name, state },
  });
  return infoOf(ref);
}

/** What is stored for the draft, without the bytes (for the draft's DTO); null when nothing is. */
export async function documentInfo(db: Conn, draftId: string): Promise<DocumentInfo | null> {
  const [ref] = await listDocuments(db, KEY(draftId));
  return ref ? infoOf(ref) : null;
}

/** The stored bytes, checked against their size and digest (DocumentIntegrityError otherwise); null when nothing is stored. */
export async function getDocument(db: Conn, draftId: string): Promise<StoredDocument | null> {
  const [ref] = await listDocuments(db, KEY(draftId));
  if (!ref) return null;
  return { ...infoOf(ref), bytes: await documentStore().get(db, ref.sha256) };
}

function infoOf(r: DocumentRef): DocumentInfo {
  return {
    fileName: r.fileName,
    mediaType: r.mediaType,
    language: r.language as Language,
    size: r.size,
    sha256: r.sha256,
    draftVersion: Number(r.details.draftVersion),
    storedAt: r.addedAt,
    storedBy: { id: r.addedBy.id, name: r.addedBy.name },
  };
}
