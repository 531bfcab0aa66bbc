import { ConflictError } from '../http/errors.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Conn, DocumentStore } from './document-store.ts';
import { sanitiseFileName } from './file-names.ts';

/**
 * Uses of stored documents: which module's entity holds which file, in which role ('final-request',
 * 'attachment', …), under which name and language, added by whom. The same bytes may serve several uses
 * (stored once); a document no use refers to is removed by DocumentStore.deleteUnreferenced. Modules keep
 * their own rules (who may add, when) and reach the rows only through these functions.
 */

export interface DocumentRef {
  id: string;
  sha256: string;
  size: number;
  mediaType: string;
  ownerModule: string;
  entityId: string;
  role: string;
  fileName: string;
  language: string | null;
  title: string;
  details: Record<string, unknown>;
  addedBy: { id: string; name: string; state: string | null };
  addedAt: Date;
}

export interface RefKey {
  ownerModule: string;
  entityId: string;
  role?: string;
}

export interface NewDocument {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  language?: string | null;
  title?: string;
  details?: Record<string, unknown>;
  addedBy: { id: string; name: string; state: string | null };
}

/** Stores the bytes (deduplicated) and records the use, in one transaction (the caller's, if any). */
export function addDocument(db: Conn, store: DocumentStore, key: Required<RefKey>, doc: NewDocument): Promise<DocumentRef> {
  return inTransaction(db, async (trx) => {
    const put = await store.put(trx, doc.bytes, { mediaType: doc.mediaType });
    const row = await trx.insertInto('document_refs')
      .values({
        sha256: put.sha256,
        owner_module: key.ownerModule,
        entity_id: key.entityId,
        role: key.role,
        file_name: sanitiseFileName(doc.fileName),
        language: doc.language ?? null,
        title: doc.title ?? '',
        details: doc.details ?? {},
        added_by: doc.addedBy.id,
        added_by_name: doc.addedBy.name,
        added_by_state: doc.addedBy.state,
      })
      .onConflict((oc) => oc.columns(['owner_module', 'entity_id', 'role', 'sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) throw new ConflictError(`This file (SHA-256 ${put.sha256}) is already there`);
    return (await findRefById(trx, row.id))!;
  });
}

function refs(db: Conn) {
  return db.selectFrom('document_refs as r').innerJoin('stored_documents as d', 'd.sha256', 'r.sha256').select([
    'r.id', 'r.sha256', 'd.size', 'd.media_type', 'r.owner_module', 'r.entity_id', 'r.role', 'r.file_name', 'r.language', 'r.title', 'r.details',
    'r.added_by', 'r.added_by_name', 'r.added_by_state', 'r.added_at',
  ]);
}
type RefRow = Awaited<ReturnType<ReturnType<typeof refs>['executeTakeFirstOrThrow']>>;

const refOf = (r: RefRow): DocumentRef => ({
  id: r.id,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  ownerModule: r.owner_module,
  entityId: r.entity_id,
  role: r.role,
  fileName: r.file_name,
  language: r.language,
  title: r.title,
  details: r.details,
  addedBy: { id: r.added_by, name: r.added_by_name, state: r.added_by_state },
  addedAt: r.added_at,
});

async function findRefById(db: Conn, id: string): Promise<DocumentRef | null> {
  const r = await refs(db).where('r.id', '=', id).executeTakeFirst();
  return r ? refOf(r) : null;
}

/** The entity's documents (in one role, or all), oldest first. */
export async function listDocuments(db: Conn, key: RefKey): Promise<DocumentRef[]> {
  let q = refs(db).where('r.owner_module', '=', key.ownerModule).where('r.entity_id', '=', key.entityId);
  if (key.role) q = q.where('r.role', '=', key.role);
  return (await q.orderBy('r.added_at').orderBy('r.id').execute()).map(refOf);
}

export async function findDocument(db: Conn, key: Required<RefKey>, sha256: string): Promise<DocumentRef | null> {
  const r = await refs(db).where('r.owner_module', '=', key.ownerModule).where('r.entity_id', '=', key.entityId).where('r.role', '=', key.role)
    .where('r.sha256', '=', sha256).executeTakeFirst();
  return r ? refOf(r) : null;
}

/** Ends one use; the bytes stay until deleteUnreferenced finds no use left. True when there was one. */
export async function removeDocument(db: Conn, key: Required<RefKey>, sha256: string): Promise<boolean> {
  const r = await db.deleteFrom('document_refs').where('owner_module', '=', key.ownerModule).where('entity_id', '=', key.entityId)
    .where('role', '=', key.role).where('sha256', '=', sha256).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
