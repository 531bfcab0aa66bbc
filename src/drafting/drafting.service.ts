import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../platform/db/database.ts';
import { inTransaction } from '../platform/db/transaction.ts';
import { writeVersioned } from '../platform/versioned-entity.ts';
import { tryUpdateVersioned } from '../platform/versioning.ts';
import { audit } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { ConflictError, NotFoundError, ValidationError } from '../platform/http/errors.ts';
import type { Language } from '../platform/i18n/languages.ts';
import type { DraftStatus } from './drafting.tables.ts';
import type { RequestKind } from '../reference/measures.ts';
import { draftPermissions, draftPolicy, type DraftAccess } from './drafting.policy.ts';
import { assertAllowed, listTransitions, recordCreation, transition, transitionDto, type ActionAvailability } from '../platform/workflow/index.ts';
import { draftActions, draftCtx, draftMachine, type DraftAction } from './draft.workflow.ts';
import { by, contentOf, load, me, read, TARGET } from './draft-loading.ts';
import { shareDto } from './consultation.service.ts';
import * as repo from './drafting.repository.ts';
import { draftContentSchema, type DraftContent } from './draft.schema.ts';
import { mergePatch } from './merge-patch.ts';
import { compareContent } from './compare.ts';
import { checkDraftContent, type CheckReport } from './checks/index.ts';
import { handOffOf, handOffToCases, pendingCaseDto, type HandOff } from './case-handoff.ts';
import type { DocumentMeta } from './docx/request.ts';
import { getState } from '../reference/reference.service.ts';
import { documentInfo, DocumentIntegrityError, getDocument, putDocument, type DocumentInfo, type StoredDocument } from './final-document.store.ts';

/**
 * The DOCX writers (and the docx library, ~0.1–0.3 s to load) are loaded when a document is first rendered,
 * not when the server or a command starts: most processes never render one.
 */
const docxWriters = {
  request: () => import('./docx/request.ts'),
  summary: () => import('./docx/summary.ts'),
};

/**
 * The request writer's rules: who sees and changes which draft (drafting.policy.ts), optimistic
 * concurrency on every save, a version kept per save, audit of every read and change, checks before
 * finalising, and the hand-off of a finalised draft to the case tracker — all through these functions.
 */

function parseContent(input: unknown, prefix: string): DraftContent {
  const r = draftContentSchema.safeParse(input ?? {});
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
  throw new ValidationError(`The draft content is not valid: ${issues[0]!.path}: ${issues[0]!.message}`, issues);
}

// ---------- DTOs ----------

export function draftDto(
  d: repo.DraftRow,
  shares: repo.ShareRow[],
  access: DraftAccess,
  pendingCase: HandOff | null | undefined,
  finalDocument: DocumentInfo | null,
  actions: ActionAvailability<DraftAction>[],
) {
  return {
    id: d.id,
    reference: d.reference,
    requestingState: d.owner_state,
    requestedState: d.requested_state,
    kind: d.kind,
    title: d.title,
    status: d.status,
    version: d.version,
    content: contentOf(d),
    createdBy: { id: d.created_by, name: d.created_by_name },
    createdAt: d.created_at.toISOString(),
    updatedBy: { id: d.updated_by, name: d.updated_by_name },
    updatedAt: d.updated_at.toISOString(),
    duplicatedFrom: d.duplicated_from,
    finalisedAt: d.finalised_at?.toISOString() ?? null,
    finalisedBy: d.finalised_by ? { id: d.finalised_by, name: d.finalised_by_name ?? '' } : null,
    case: pendingCase ? pendingCaseDto(pendingCase) : null,
    /** The request as finalised, kept byte for byte (GET …/final.docx serves it). */
    finalDocument: finalDocument
      ? { fileName: finalDocument.fileName, mediaType: finalDocument.mediaType, language: finalDocument.language, size: finalDocument.size, sha256: finalDocument.sha256, storedAt: finalDocument.storedAt.toISOString() }
      : null,
    shares: access === 'owner' ? shares.map(shareDto) : [],
    access,
    /** What this viewer may do with the draft (drafting.policy.ts); moving it through its life is `actions`. */
    permissions: draftPermissions(access, d),
    /** What this viewer may do now, from the draft's machine (draft.workflow.ts): the UI shows exactly these. */
    actions,
  };
}
export type DraftDto = ReturnType<typeof draftDto>;

function summaryDto(r: Awaited<ReturnType<typeof repo.listDrafts>>['items'][number]) {
  return {
    id: r.id,
    reference: r.reference,
    requestingState: r.owner_state,
    requestedState: r.requested_state,
    kind: r.kind,
    title: r.title,
    status: r.status,
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
    createdBy: { id: r.created_by, name: r.created_by_name },
    shared: r.shared,
  };
}

// ---------- drafts ----------

export async function createDraft(db: Db, actor: Actor, input: unknown, from?: { duplicatedFrom: string; reference: string }) {
  const u = me(actor);
  const content = parseContent(input, 'body.content');
  return inTransaction(db, async (trx) => {
    const year = new Date().getUTCFullYear();
    const n = await repo.nextReferenceNumber(trx, u.state, year);
    const draft = await repo.insertDraft(trx, {
      reference: `${u.state}-${year}-${String(n).padStart(4, '0')}`,
      owner_state: u.state,
      requested_state: content.requested.state,
      kind: content.kind,
      title: content.title,
      content: content as unknown as Record<string, unknown>,
      duplicated_from: from?.duplicatedFrom ?? null,
      created_by: u.id,
      created_by_name: u.displayName,
      updated_by: u.id,
      updated_by_name: u.displayName,
    });
    await repo.insertVersion(trx, { draft_id: draft.id, version: 1, title: draft.title, content, changed_by: u.id, changed_by_name: u.displayName });
    await recordCreation(trx, draftMachine, { entity: draft, action: from ? 'duplicate' : 'create', actor, reason: from ? `copy of ${from.reference}` : null });
    await audit(trx, {
      actor: auditActor(actor),
      action: from ? 'drafting.duplicate' : 'drafting.create',
      targetType: TARGET,
      targetId: draft.id,
      details: { reference: draft.reference, ...(from && { from: from.duplicatedFrom }) },
    });
    return draftDto(draft, [], 'owner', null, null, draftActions(actor, draft, [], 'owner'));
  });
}

export async function getDraft(db: Db, actor: Actor, id: string) {
  const { draft, shares, access } = await read(db, actor, id, 'draft', { consultation: true });
  const finalised = draft.status === 'finalised';
  return draftDto(draft, shares, access, finalised ? await handOffOf(db, id) : null, finalised ? await documentInfo(db, id) : null, draftActions(actor, draft, shares, access));
}

export async function listDrafts(db: Db, actor: Actor, q: { status?: DraftStatus; kind?: RequestKind; limit: number; offset: number }) {
  const r = await repo.listDrafts(db, { visible: draftPolicy.accessFilter(actor, 'prepare'), ...q });
  await audit(db, { actor: auditActor(actor), action: 'drafting.list', targetType: TARGET, details: { ids: r.items.map((i) => i.id), total: r.total } });
  return { items: r.items.map(summaryDto), total: r.total };
}

export async function listSharedWithMe(db: Db, actor: Actor) {
  const u = me(actor);
  if (!u.roles.includes('officer')) return { items: [] };
  const rows = await repo.listSharedWith(db, u.state);
  await audit(db, { actor: auditActor(actor), action: 'drafting.list', targetType: TARGET, details: { shared: true, ids: rows.map((r) => r.id) } });
  return { items: rows.map(summaryDto) };
}

const topLevelChanges = (before: unknown, after: unknown) =>
  [...new Set(compareContent(before, after).map((c) => /^\$\.([A-Za-z]+)/.exec(c.path)?.[1] ?? c.path))];

export async function patchDraft(db: Db, actor: Actor, id: string, body: { version: number; content: unknown }) {
  const u = me(actor);
  const { draft, shares, access } = await load(db, actor, id, 'update');
  // a finalised draft is refused here (409 naming the state: the wizard then offers to duplicate it)
  assertAllowed(draftMachine, actor, draft, draftCtx(access, shares), 'edit');
  if (body.version !== draft.version) throw staleVersion(draft, body.version);
  const before = contentOf(draft);
  const content = parseContent(mergePatch(before, body.content), 'body.content');
  return inTransaction(db, async (trx) => {
    const values = { content, kind: content.kind, title: content.title, requested_state: content.requested.state, updated_by: u.id, updated_by_name: u.displayName };
    let updated = await writeVersioned(trx, {
      change: repo.contentChange(id, body.version, draft.status, values),
      actor,
      history: (row) => repo.insertVersion(trx, { draft_id: id, version: row.version, title: row.title, content, changed_by: u.id, changed_by_name: u.displayName }),
      audit: (row) => ({ action: 'drafting.update', targetType: TARGET, targetId: id, details: { version: row.version, fields: topLevelChanges(before, content) } }),
      onStale: async () => {
        const now = await repo.findDraft(trx, id, { forUpdate: true });
        if (now?.status === 'finalised') throw new ConflictError(`Draft ${draft.reference} was finalised meanwhile`);
        // shared or unshared meanwhile, content untouched: still editable, so the save goes through
        const retried = now && now.version === body.version ? await tryUpdateVersioned(trx, 'drafting_drafts', repo.contentChange(id, body.version, now.status, values)) : undefined;
        if (!retried) throw staleVersion(now ?? draft, body.version);
        return retried;
      },
    });
    // A share is with the requested State's central authority: another requested State ends it.
    if (content.requested.state !== before.requested.state) {
      const ended = await repo.endShares(trx, id, by(u), content.requested.state ?? undefined);
      for (const s of ended) {
        await audit(trx, { actor: auditActor(actor), action: 'drafting.unshare', targetType: TARGET, targetId: id, details: { state: s.state_iso3, reason: 'requested State changed' } });
      }
      const open = await repo.activeShares(trx, id);
      // no share left open: the consultation is over, the draft is back to "draft"
      if (ended.length > 0 && open.length === 0 && updated.status === 'shared') {
        const r = await transition(trx, draftMachine, { entity: updated, action: 'unshare', actor, ctx: draftCtx('owner', ended), reason: 'requested State changed' });
        updated = r.row as repo.DraftRow;
      }
    }
    const now = await repo.activeShares(trx, id);
    return draftDto(updated, now, 'owner', null, null, draftActions(actor, updated, now, 'owner'));
  });
}

function staleVersion(current: { version: number; updated_by_name: string; updated_at: Date }, sent: number) {
  return new ConflictError(
    `The draft has changed since version ${sent}: it is at version ${current.version}, saved by ${current.updated_by_name} at ${current.updated_at.toISOString()}. Reload it and apply your change again.`,
  );
}

export async function duplicateDraft(db: Db, actor: Actor, id: string) {
  const { draft, shares, access } = await read(db, actor, id, 'duplicate');
  assertAllowed(draftMachine, actor, draft, draftCtx(access, shares), 'duplicate');
  return createDraft(db, actor, contentOf(draft), { duplicatedFrom: draft.id, reference: draft.reference });
}

// ---------- versions ----------

export async function listVersions(db: Db, actor: Actor, id: string) {
  await read(db, actor, id, 'versions');
  const rows = await repo.listVersions(db, id);
  return { items: rows.map((v) => ({ version: v.version, title: v.title, changedAt: v.changed_at.toISOString(), changedBy: { id: v.changed_by, name: v.changed_by_name } })) };
}

export async function getVersion(db: Db, actor: Actor, id: string, version: number) {
  await read(db, actor, id, 'version', { details: { version } });
  const v = await repo.findVersion(db, id, version);
  if (!v) throw new NotFoundError(`Draft ${id} has no version ${version}`);
  return { version: v.version, title: v.title, content: draftContentSchema.parse(v.content), changedAt: v.changed_at.toISOString(), changedBy: { id: v.changed_by, name: v.changed_by_name } };
}

export async function compareVersions(db: Db, actor: Actor, id: string, q: { from?: number; to?: number }) {
  const { draft } = await read(db, actor, id, 'compare', { details: q });
  const to = q.to ?? draft.version;
  const from = q.from ?? to - 1;
  if (from < 1) throw new ValidationError('There is no earlier version to compare with', [{ path: 'querystring.from', message: 'the first version is 1' }]);
  const [a, b] = await Promise.all([repo.findVersion(db, id, from), repo.findVersion(db, id, to)]);
  if (!a) throw new NotFoundError(`Draft ${id} has no version ${from}`);
  if (!b) throw new NotFoundError(`Draft ${id} has no version ${to}`);
  return { from, to, changes: compareContent(draftContentSchema.parse(a.content), draftContentSchema.parse(b.content)) };
}

// ---------- checks, documents, finalising ----------

export async function checkDraft(db: Db, actor: Actor, id: string): Promise<CheckReport> {
  const { draft } = await read(db, actor, id, 'checks');
  return checkDraftContent(db, actor, draft.owner_state, contentOf(draft));
}

export interface DocumentFile {
  fileName: string;
  contentType: string;
  data: Buffer;
}
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function exportDocx(db: Db, actor: Actor, id: string, lang: Language | undefined): Promise<DocumentFile> {
  const { draft } = await read(db, actor, id, 'docx', { details: { lang } });
  const content = contentOf(draft);
  const language = lang ?? content.language ?? 'en';
  const { renderRequestDocx } = await docxWriters.request();
  const data = await renderRequestDocx(content, await documentMeta(db, draft, content, language), language);
  return { fileName: `${draft.reference}-request-${language}.docx`, contentType: DOCX_TYPE, data };
}

export async function exportSummary(db: Db, actor: Actor, id: string, lang: Language | undefined): Promise<DocumentFile> {
  const { draft } = await read(db, actor, id, 'summary', { details: { lang } });
  const content = contentOf(draft);
  const language = lang ?? content.language ?? 'en';
  const report = await checkDraftContent(db, actor, draft.owner_state, content);
  const { renderSummaryDocx } = await docxWriters.summary();
  const data = await renderSummaryDocx(content, await documentMeta(db, draft, content, language), language, report);
  return { fileName: `${draft.reference}-summary-${language}.docx`, contentType: DOCX_TYPE, data };
}

/**
 * The finalised request exactly as stored at finalising (same access as the draft, audited). Bytes that no
 * longer match their digest are refused (409) and the refusal audited, never served.
 */
export async function finalDocument(db: Db, actor: Actor, id: string): Promise<StoredDocument> {
  const { draft } = await read(db, actor, id, 'final-docx', { consultation: true });
  let doc: StoredDocument | null;
  try {
    doc = await getDocument(db, id);
  } catch (err) {
    if (err instanceof DocumentIntegrityError) {
      await audit(db, { actor: auditActor(actor), action: 'drafting.final-document', targetType: TARGET, targetId: id, outcome: 'failure', details: { reason: 'digest-mismatch' } });
    }
    throw err;
  }
  if (!doc) throw new NotFoundError(draft.status === 'finalised' ? `Draft ${draft.reference} was finalised before finalised documents were kept` : `Draft ${draft.reference} is not finalised: there is no finalised document yet`);
  return doc;
}

/** The draft's identity for the documents, with every State it names in the document's language. */
async function documentMeta(db: Db, d: repo.DraftRow, c: DraftContent, lang: Language): Promise<DocumentMeta> {
  const codes = new Set([d.owner_state, c.requested.state, ...c.persons.flatMap((p) => [...p.nationalities, p.locationState])]);
  for (const f of c.assistance) if ('electronicEvidence' in f) codes.add(f.electronicEvidence.provider.state);
  const stateNames: Record<string, string> = {};
  for (const iso3 of codes) {
    if (!iso3) continue;
    stateNames[iso3] = await getState(db, iso3, lang).then((s) => s.name, () => iso3);
  }
  return { reference: d.reference, requestingState: d.owner_state, status: d.status === 'finalised' ? 'finalised' : 'draft', date: (d.finalised_at ?? d.updated_at).toISOString().slice(0, 10), version: d.version, stateNames };
}

/**
 * Finalising (draft.workflow.ts: officers of the owner side, from draft or shared, without check errors):
 * only the version the officer looked at; in the same transaction the consultation closes (open shares
 * end), the request DOCX is stored as finalised and the pending outgoing case is written (case-handoff.ts).
 */
export async function finaliseDraft(db: Db, actor: Actor, id: string, version: number) {
  const u = me(actor);
  const { draft, shares, access } = await load(db, actor, id, 'finalise');
  assertAllowed(draftMachine, actor, draft, draftCtx(access, shares), 'finalise', { early: true });
  if (version !== draft.version) throw staleVersion(draft, version);
  const content = contentOf(draft);
  const report = await checkDraftContent(db, actor, draft.owner_state, content);
  const ctx = draftCtx(access, shares, report);
  if (!report.ok) {
    await audit(db, { actor: auditActor(actor), action: 'drafting.finalise', targetType: TARGET, targetId: id, outcome: 'failure', details: { errors: report.errors } });
    assertAllowed(draftMachine, actor, draft, ctx, 'finalise'); // the 422 naming each failed check
  }
  const { renderRequestDocx } = await docxWriters.request(); // loaded before the transaction, not while it holds locks
  return inTransaction(db, async (trx) => {
    const done = (await transition(trx, draftMachine, { entity: draft, action: 'finalise', actor, ctx, set: { finalised_at: sql`now()`, finalised_by: u.id, finalised_by_name: u.displayName, updated_at: sql`now()` } })).row as repo.DraftRow;
    // finalising closes the consultation: the requested State no longer reads or comments on the draft
    const ended = await repo.endShares(trx, id, by(u));
    if (ended.length) await audit(trx, { actor: auditActor(actor), action: 'drafting.unshare', targetType: TARGET, targetId: id, details: { states: ended.map((s) => s.state_iso3), reason: 'finalised' } });
    const pending = await handOffToCases(trx, by(u), done, content);
    // the request as finalised, kept byte for byte: what is sent must stay what was finalised
    const language = content.language ?? 'en';
    const bytes = await renderRequestDocx(content, await documentMeta(trx as unknown as Db, done, content, language), language);
    const stored = await putDocument(trx, { draftId: id, draftVersion: version, fileName: `${done.reference}-request-${language}.docx`, mediaType: DOCX_TYPE, language, bytes, storedBy: by(u) });
    await audit(trx, { actor: auditActor(actor), action: 'drafting.finalise', targetType: TARGET, targetId: id, details: { version, case: pending.id, warnings: report.warnings, document: { sha256: stored.sha256, size: stored.size, language } } });
    return { draft: draftDto(done, [], 'owner', pending, stored, draftActions(actor, done, [], 'owner')), case: pendingCaseDto(pending) };
  });
}

/** The draft's workflow history (created, shared, unshared, finalised: who, when, why); same access as the draft, audited. */
export async function draftHistory(db: Db, actor: Actor, id: string) {
  await read(db, actor, id, 'history', { consultation: true });
  return { items: (await listTransitions(db, draftMachine, id)).map(transitionDto) };
}

export type ContentInput = z.input<typeof draftContentSchema>;

/** The hand-off event, for its one subscriber (the case tracker's intake: cases/exchange/draft-intake.ts). */
export { draftFinalised, type DraftFinalised } from './case-handoff.ts';

/**
 * The finalised request DOCX for the case tracker's intake of `draft.finalised` (its first document): read by
 * the platform for the hand-off, not by a viewer, so not audited here — the tracker audits the case it opens.
 * Digest re-checked on read (DocumentIntegrityError); null when the draft has none.
 */
export function finalisedRequestDocument(db: Parameters<typeof getDocument>[0], draftId: string): Promise<StoredDocument | null> {
  return getDocument(db, draftId);
}
