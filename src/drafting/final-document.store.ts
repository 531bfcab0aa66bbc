import { createHash } from 'node:crypto';
import type { Language } from '../platform/i18n/languages.ts';
import { AppError } from '../platform/http/errors.ts';
import type { Conn } from './drafting.repository.ts';
import './drafting.tables.ts';

/**
 * The finalised request's document, kept exactly as it was generated when the draft was finalised, with its
 * SHA-256 (table drafting_final_documents, migration 0010). Only `putDocument` and `getDocument` (and the
 * bytes-free `documentInfo`) touch it, so that issue #10 can move the bytes onto a platform document store by
 * replacing this file alone. The digest is checked on every read: bytes that no longer match it are refused.
 */

export interface NewDocument {
  draftId: string;
  draftVersion: number;
  fileName: string;
  mediaType: string;
  language: Language;
  bytes: Buffer;
  storedBy: { id: string; name: string };
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

export class DocumentIntegrityError extends AppError {
  constructor() {
    super(409, 'document_integrity', 'The stored document does not match its digest: it was changed after it was stored');
  }
}

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Stores the document (in the caller's transaction: the finalisation's). */
export async function putDocument(db: Conn, doc: NewDocument): Promise<DocumentInfo> {
  const row = await db
    .insertInto('drafting_final_documents')
    .values({
      draft_id: doc.draftId,
      draft_version: doc.draftVersion,
      file_name: doc.fileName,
      media_type: doc.mediaType,
      language: doc.language,
      bytes: doc.bytes,
      size: doc.bytes.length,
      sha256: sha256Hex(doc.bytes),
      stored_by: doc.storedBy.id,
      stored_by_name: doc.storedBy.name,
    })
    .returning(INFO_COLUMNS)
    .executeTakeFirstOrThrow();
  return infoOf(row);
}

/** What is stored for the draft, without the bytes (for the draft's DTO); null when nothing is. */
export async function documentInfo(db: Conn, draftId: string): Promise<DocumentInfo | null> {
  const row = await db.selectFrom('drafting_final_documents').select(INFO_COLUMNS).where('draft_id', '=', draftId).executeTakeFirst();
  return row ? infoOf(row) : null;
}

/** The stored bytes, checked against their size and digest; null when nothing is stored. */
export async function getDocument(db: Conn, draftId: string): Promise<StoredDocument | null> {
  const row = await db.selectFrom('drafting_final_documents').select([...INFO_COLUMNS, 'bytes']).where('draft_id', '=', draftId).executeTakeFirst();
  if (!row) return null;
  if (row.bytes.length !== row.size || sha256Hex(row.bytes) !== row.sha256) throw new DocumentIntegrityError();
  return { ...infoOf(row), bytes: row.bytes };
}

const INFO_COLUMNS = ['file_name', 'media_type', 'language', 'size', 'sha256', 'draft_version', 'stored_at', 'stored_by', 'stored_by_name'] as const;

function infoOf(r: { file_name: string; media_type: string; language: string; size: number; sha256: string; draft_version: number; stored_at: Date; stored_by: string; stored_by_name: string }): DocumentInfo {
  return {
    fileName: r.file_name,
    mediaType: r.media_type,
    language: r.language as Language,
    size: r.size,
    sha256: r.sha256,
    draftVersion: r.draft_version,
    storedAt: r.stored_at,
    storedBy: { id: r.stored_by, name: r.stored_by_name },
  };
}
