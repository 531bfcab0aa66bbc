import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/http/errors.ts';
import {
  acceptMediaType, addDocument, DocumentIntegrityError, DocumentTooLargeError, documentStore, listDocuments, MEDIA_TYPES,
  type DocumentRef, type DocumentStore,
} from '../platform/documents/documents.ts';
import type { CaseDocumentRole } from './case.vocabulary.ts';
import { CASE_TARGET } from './cases.audit.ts';
import { appendTimeline, assertCaseAccess } from './cases.service.ts';
import { caseDocumentDto, groupDocuments, latestIds, lineageOf, type Lineage } from './documents.dto.ts';

/**
 * The documents of a case — the request, its translations, supplementary information, execution results —
 * kept on the platform document store (content-addressed, digest re-checked on every read) as uses owned by
 * 'cases' with the case's id and the document's role. A new version names the one it `replaces`; a translation
 * names the document it is a `translationOf`. Access is the case's (core's assertCaseAccess: anyone not on the
 * holding side gets the same 404 as for a case that does not exist); every read and every addition is audited,
 * and each addition is a 'document_added' entry on the timeline with its digest, so both sides can prove what
 * was sent.
 */

type Trx = Transaction<Database>;
const OWNER = 'cases';
const keyOf = (caseId: string, role: string) => ({ ownerModule: OWNER, entityId: caseId, role });

/** What a case's documents come as: documents, scans, spreadsheets and plain text. */
export const CASE_DOCUMENT_TYPES = [
  MEDIA_TYPES.pdf, MEDIA_TYPES.docx, MEDIA_TYPES.odt, MEDIA_TYPES.xlsx, MEDIA_TYPES.png, MEDIA_TYPES.jpeg, MEDIA_TYPES.tiff, MEDIA_TYPES.text,
] as const;

export { groupDocuments, type CaseDocumentDto, type CaseDocumentGroup } from './documents.dto.ts';

const caseDocuments = (db: Db | Trx, caseId: string) => listDocuments(db, { ownerModule: OWNER, entityId: caseId });

/** The case's documents, grouped by document with versions and translations. Audited. */
export async function listCaseDocuments(db: Db, actor: Actor, caseId: string) {
  await assertCaseAccess(db, actor, caseId, 'view');
  const refs = await caseDocuments(db, caseId);
  await audit(db, { actor: auditActor(actor), action: 'cases.document.read', targetType: CASE_TARGET, targetId: caseId, details: { what: 'list', count: refs.length } });
  return { items: groupDocuments(refs) };
}

/** One document's bytes, checked against their digest (a mismatch is a 409, audited, never served). Audited. */
export async function getCaseDocument(db: Db, actor: Actor, caseId: string, documentId: string) {
  await assertCaseAccess(db, actor, caseId, 'view');
  const refs = await caseDocuments(db, caseId);
  const ref = refs.find((r) => r.id === documentId);
  if (!ref) throw new NotFoundError(`Case ${caseId} has no document ${documentId}`);
  const details = { what: 'document', documentId, sha256: ref.sha256 };
  try {
    const bytes = await documentStore().get(db, ref.sha256);
    await audit(db, { actor: auditActor(actor), action: 'cases.document.read', targetType: CASE_TARGET, targetId: caseId, details });
    return { ...caseDocumentDto(ref, latestIds(refs).has(ref.id)), bytes };
  } catch (err) {
    if (err instanceof DocumentIntegrityError) {
      await audit(db, { actor: auditActor(actor), action: 'cases.document.read', targetType: CASE_TARGET, targetId: caseId, outcome: 'failure', details: { ...details, reason: 'digest-mismatch' } });
    }
    throw err;
  }
}

export interface NewCaseDocument {
  bytes: Buffer;
  /** The Content-Type the client sent; the bytes must agree with it. */
  declaredType: string | undefined;
  fileName: string;
  role?: CaseDocumentRole;
  language?: string;
  title?: string;
  /** A document of this case that this one is a new version of (it must be that document's current version). */
  replaces?: string;
  /** A document of this case that this one translates (the language is then required). */
  translationOf?: string;
}

const badQuery = (field: string, message: string) => new ValidationError(message, [{ path: `querystring.${field}`, message }]);

/** Where the new document stands: its series, version number and links, its role and language by default. */
function lineageForNew(refs: readonly DocumentRef[], input: NewCaseDocument): { lineage: Lineage; role: string; language: string | null } {
  if (input.replaces && input.translationOf) throw badQuery('translationOf', 'A document is either a new version (replaces) or a new translation (translationOf), not both');
  if (input.replaces) {
    const old = refs.find((r) => r.id === input.replaces);
    if (!old) throw badQuery('replaces', `This case has no document ${input.replaces}`);
    const l = lineageOf(old);
    const newer = refs.filter((r) => lineageOf(r).series === l.series && lineageOf(r).version > l.version);
    if (newer.length) throw new ConflictError(`Document ${old.fileName} version ${l.version} was already replaced (version ${l.version + newer.length} is the current one): replace the current version`);
    return {
      lineage: { series: l.series, version: l.version + 1, replaces: old.id, translationOf: l.translationOf },
      role: input.role ?? old.role,
      language: input.language ?? old.language,
    };
  }
  if (input.translationOf) {
    const original = refs.find((r) => r.id === input.translationOf);
    if (!original) throw badQuery('translationOf', `This case has no document ${input.translationOf}`);
    if (!input.language) throw badQuery('language', 'Say which language the translation is in');
    if (input.language === original.language) throw badQuery('language', `The document is already in ${input.language}`);
    return { lineage: { series: randomUUID(), version: 1, replaces: null, translationOf: original.id }, role: input.role ?? 'translation', language: input.language };
  }
  return { lineage: { series: randomUUID(), version: 1, replaces: null, translationOf: null }, role: input.role ?? 'other', language: input.language ?? null };
}

/**
 * Adds a document (or a new version, or a translation) to the case: stored with its digest, audited, and written
 * to the timeline with the digest, in one transaction. The officers and the practitioners assigned may add.
 */
export async function addCaseDocument(db: Db, actor: Actor, caseId: string, input: NewCaseDocument) {
  if (actor.kind !== 'user') throw new NotFoundError(`No case ${caseId}`);
  await assertCaseAccess(db, actor, caseId, 'act');
  const store = documentStore();
  if (input.bytes.length > store.maxBytes) throw new DocumentTooLargeError(input.bytes.length, store.maxBytes);
  const mediaType = acceptMediaType(input.bytes, input.declaredType, CASE_DOCUMENT_TYPES);
  return inTransaction(db, async (trx) => {
    await lockDocuments(trx, caseId);
    const refs = await caseDocuments(trx, caseId);
    const { lineage, role, language } = lineageForNew(refs, input);
    const ref = await addDocument(trx, store, keyOf(caseId, role), {
      bytes: input.bytes, mediaType, fileName: input.fileName, language, title: input.title ?? '',
      details: { ...lineage },
      addedBy: { id: actor.id, name: actor.displayName, state: actor.state },
    });
    await recordAddition(trx, actor, caseId, ref);
    return caseDocumentDto(ref, true);
  });
}

/** Only one addition per case at a time: two new versions of one document must not both become version 2. */
async function lockDocuments(trx: Trx, caseId: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`cases.documents:${caseId}`}))`.execute(trx);
}

/** The audit entry and the timeline entry of an added document (the digest in both). */
async function recordAddition(trx: Trx, actor: Actor, caseId: string, ref: DocumentRef) {
  const l = lineageOf(ref);
  const data = {
    documentId: ref.id, sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType, role: ref.role, fileName: ref.fileName, language: ref.language,
    version: l.version, series: l.series, replaces: l.replaces, translationOf: l.translationOf, ...(l.copiedFrom && { copiedFrom: l.copiedFrom }),
  };
  await audit(trx, { actor: auditActor(actor), action: 'cases.document.added', targetType: CASE_TARGET, targetId: caseId, details: data });
  await appendTimeline(trx, actor, caseId, { type: 'document_added', note: ref.title || ref.fileName, data });
}

/**
 * Copies a case's documents to another case with the same bytes and digests, versions and translations kept
 * (ids mapped to the copies), each copy saying where it came from and written to the target's timeline. Exchange
 * calls it when it delivers an outgoing case as an incoming one; running it again copies only what is new.
 * Returns the copies, oldest first, with the source document's id.
 */
export async function copyCaseDocuments(trx: Trx, store: DocumentStore, fromCaseId: string, toCaseId: string, actor: Actor) {
  await lockDocuments(trx, toCaseId);
  const source = await caseDocuments(trx, fromCaseId);
  const target = await caseDocuments(trx, toCaseId);
  // source id → copy id, source series → copy series (from an earlier run too, so a second run copies only what is new)
  const idMap = new Map<string, string>();
  const seriesMap = new Map<string, string>();
  for (const t of target) {
    const from = lineageOf(t).copiedFrom;
    const original = source.find((r) => r.id === from?.documentId);
    if (from?.caseId !== fromCaseId || !original) continue;
    idMap.set(original.id, t.id);
    seriesMap.set(lineageOf(original).series, lineageOf(t).series);
  }
  const copies: { from: string; document: ReturnType<typeof caseDocumentDto> }[] = [];
  for (const r of source) {
    if (idMap.has(r.id)) continue;
    const l = lineageOf(r);
    const mapped = (id: string | null) => (id === null ? null : (idMap.get(id) ?? null));
    const series = seriesMap.get(l.series) ?? randomUUID();
    seriesMap.set(l.series, series);
    const bytes = await store.get(trx, r.sha256);
    const ref = await addDocument(trx, store, keyOf(toCaseId, r.role), {
      bytes, mediaType: r.mediaType, fileName: r.fileName, language: r.language, title: r.title, addedBy: r.addedBy,
      details: { series, version: l.version, replaces: mapped(l.replaces), translationOf: mapped(l.translationOf), copiedFrom: { caseId: fromCaseId, documentId: r.id } },
    });
    idMap.set(r.id, ref.id);
    await recordAddition(trx, actor, toCaseId, ref);
    copies.push({ from: r.id, document: caseDocumentDto(ref, false) });
  }
  const latest = latestIds(await caseDocuments(trx, toCaseId));
  return copies.map((c) => ({ from: c.from, document: { ...c.document, latest: latest.has(c.document.id) } }));
}
