import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { DocumentLocation } from './documents.tables.ts';
import './documents.tables.ts';

/**
 * Content-addressed documents: the bytes are named by their SHA-256, stored once however many uses refer to
 * them (document-refs.ts), and checked against that digest on every read. The metadata (stored_documents)
 * is always in the database; the bytes live in a ContentBackend — the database or the data directory today,
 * an object store tomorrow — chosen by configuration for new documents. Each row says where its bytes are,
 * so changing the setting never strands documents stored before.
 */

export type Conn = Db | Transaction<Database>;

export const sha256Hex = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
export const isSha256 = (s: string) => /^[0-9a-f]{64}$/.test(s);

export interface PutResult {
  sha256: string;
  size: number;
  mediaType: string;
  /** false when the same bytes were stored already (deduplicated). */
  created: boolean;
}

export interface DocumentStore {
  /** Where new documents' bytes go. */
  readonly location: DocumentLocation;
  readonly maxBytes: number;
  /** Stores the bytes (once: the same bytes again only return their digest), in the caller's transaction if any. */
  put(db: Conn, bytes: Buffer, meta: { mediaType: string }): Promise<PutResult>;
  /** The bytes, re-checked against size and digest: a mismatch or missing content throws, never returns. */
  get(db: Conn, sha256: string): Promise<Buffer>;
  has(db: Conn, sha256: string): Promise<boolean>;
  /** Deletes documents no use refers to any longer, and bytes left by writes that never committed. */
  deleteUnreferenced(db: Db): Promise<{ documents: number; orphans: number }>;
}

/** Where bytes are kept. Implementations: database-content.ts, file-content.ts (an object store later). */
export interface ContentBackend {
  readonly location: DocumentLocation;
  write(db: Conn, sha256: string, bytes: Buffer): Promise<void>;
  read(db: Conn, sha256: string): Promise<Buffer | null>;
  remove(db: Conn, sha256: string): Promise<void>;
  /** Digests whose bytes are kept here without a stored_documents row, and stale partial writes removed. */
  orphans(db: Conn): Promise<string[]>;
}

export class DocumentIntegrityError extends AppError {
  constructor(detail = 'it was changed after it was stored') {
    super(409, 'document_integrity', `The stored document does not match its digest: ${detail}`);
  }
}
export class DocumentTooLargeError extends AppError {
  constructor(size: number, max: number) {
    super(413, 'document_too_large', `The file is ${size} bytes; the limit is ${max >= 1024 * 1024 ? `${+(max / 1024 / 1024).toFixed(1)} MB` : `${max} bytes`}`, [{ path: 'body', message: 'too large' }]);
  }
}
export class DocumentNotFoundError extends AppError {
  constructor(sha256: string) {
    super(404, 'not_found', `No stored document ${sha256}`);
  }
}

/** Serialises writes and deletions of one digest (two-key advisory lock space of its own). */
const LOCK_CLASS = 0x0d0c;
export const lockDigest = (trx: Transaction<Database>, sha256: string) =>
  sql`SELECT pg_advisory_xact_lock(${LOCK_CLASS}::int4, hashtext(${sha256}))`.execute(trx);

export class PlatformDocumentStore implements DocumentStore {
  readonly location: DocumentLocation;

  constructor(
    private readonly writeTo: ContentBackend,
    private readonly backends: Partial<Record<DocumentLocation, ContentBackend>>,
    readonly maxBytes: number,
  ) {
    this.location = writeTo.location;
  }

  private backend(location: DocumentLocation): ContentBackend {
    const b = this.backends[location];
    if (!b) throw new DocumentIntegrityError(`its bytes are kept in "${location}", which this process cannot reach`);
    return b;
  }

  async put(db: Conn, bytes: Buffer, meta: { mediaType: string }): Promise<PutResult> {
    if (bytes.length > this.maxBytes) throw new DocumentTooLargeError(bytes.length, this.maxBytes);
    const sha256 = sha256Hex(bytes);
    // The lock is held to the end of the caller's transaction, which adds the reference: a concurrent
    // deleteUnreferenced can neither remove these bytes before the reference commits nor half-remove them.
    return inTransaction(db, async (trx) => {
      await lockDigest(trx, sha256);
      const existing = await trx.selectFrom('stored_documents').select(['location', 'size', 'media_type']).where('sha256', '=', sha256).executeTakeFirst();
      if (existing) {
        // Same bytes again: stored once. Bytes found damaged or missing are written again from these good ones.
        const backend = this.backend(existing.location);
        const kept = await backend.read(trx, sha256);
        if (!kept || !kept.equals(bytes)) await backend.write(trx, sha256, bytes);
        return { sha256, size: bytes.length, mediaType: existing.media_type, created: false };
      }
      await trx.insertInto('stored_documents').values({ sha256, size: bytes.length, media_type: meta.mediaType, location: this.location }).execute();
      await this.writeTo.write(trx, sha256, bytes);
      return { sha256, size: bytes.length, mediaType: meta.mediaType, created: true };
    });
  }

  async get(db: Conn, sha256: string): Promise<Buffer> {
    const row = isSha256(sha256) ? await db.selectFrom('stored_documents').select(['location', 'size']).where('sha256', '=', sha256).executeTakeFirst() : undefined;
    if (!row) throw new DocumentNotFoundError(sha256);
    const bytes = await this.backend(row.location).read(db, sha256);
    if (!bytes) throw new DocumentIntegrityError('its bytes are missing');
    if (bytes.length !== Number(row.size) || sha256Hex(bytes) !== sha256) throw new DocumentIntegrityError();
    return bytes;
  }

  async has(db: Conn, sha256: string): Promise<boolean> {
    if (!isSha256(sha256)) return false;
    return !!(await db.selectFrom('stored_documents').select('sha256').where('sha256', '=', sha256).executeTakeFirst());
  }

  async deleteUnreferenced(db: Db): Promise<{ documents: number; orphans: number }> {
    const candidates = await db.selectFrom('stored_documents as d').select('d.sha256')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('document_refs as r').select('r.id').whereRef('r.sha256', '=', 'd.sha256'))))
      .execute();
    let documents = 0;
    for (const { sha256 } of candidates) {
      // Under the digest's lock and with a fresh look at the references: one added meanwhile keeps the document.
      const gone = await db.transaction().execute(async (trx) => {
        await lockDigest(trx, sha256);
        return trx.deleteFrom('stored_documents').where('sha256', '=', sha256)
          .where(({ not, exists, selectFrom }) => not(exists(selectFrom('document_refs').select('id').where('document_refs.sha256', '=', sha256))))
          .returning('location').executeTakeFirst();
      });
      if (!gone) continue;
      documents++;
      // The bytes go once the row's deletion is committed, and only if no write stored them again since.
      await this.removeIfUnlisted(db, this.backends[gone.location], sha256);
    }
    let orphans = 0;
    for (const backend of Object.values(this.backends)) {
      for (const sha256 of await backend.orphans(db)) if (await this.removeIfUnlisted(db, backend, sha256)) orphans++;
    }
    return { documents, orphans };
  }

  private async removeIfUnlisted(db: Db, backend: ContentBackend | undefined, sha256: string): Promise<boolean> {
    if (!backend) return false;
    return db.transaction().execute(async (trx) => {
      await lockDigest(trx, sha256);
      if (await trx.selectFrom('stored_documents').select('sha256').where('sha256', '=', sha256).executeTakeFirst()) return false;
      await backend.remove(trx, sha256);
      return true;
    });
  }
}
