import crypto from 'node:crypto';
import type { z } from 'zod';
import type { Db } from '../platform/db/database.ts';
import { audit, type AuditEvent } from '../platform/audit/audit.service.ts';
import { auditActor } from '../platform/auth/accounts.service.ts';
import { hasRole, type Actor } from '../platform/auth/roles.ts';
import { ForbiddenError, NotFoundError, ValidationError, type Issue } from '../platform/http/errors.ts';
import { assertVersion } from '../platform/versioning.ts';
import { writeVersioned } from '../platform/versioned-entity.ts';
import { stateExists } from '../reference/reference.service.ts';
import * as repo from './knowledge.repository.ts';
import { mayRestrictTo, mayWriteFor, ownerStateOf, recordPolicy } from './knowledge.policy.ts';
import { detailsSchemas, type RecordInput, type recordPatch, type translationInput } from './knowledge.schemas.ts';
import type { RecordType } from './knowledge.tables.ts';
import { indexRecord, unindexRecord } from './search.service.ts';
import { publishRecordPublished } from './knowledge.events.ts';
import { writeKnowledge } from './search.cache.ts';

/** Creating, editing and retiring knowledge records: every change versioned, audited and re-indexed. */

export interface ExtractedLink {
  predicate: 'cites' | 'refers-to' | 'mentions-state';
  targetKind: 'provision' | 'symbol' | 'resolution' | 'decision' | 'state';
  instrument?: string | null;
  article?: number | null;
  paragraph?: number | null;
  subparagraph?: string | null;
  target?: string | null;
  atRef?: string | null;
  text: string;
  start: number;
  end: number;
}

export interface SourceInfo {
  importKey?: string;
  contentHash?: string;
  sourceFile?: string;
  body?: Record<string, unknown>;
  parentId?: string;
  parentRef?: string;
  extracted?: ExtractedLink[];
}

export const who = (actor: Actor) => (actor.kind === 'user' ? actor.username : 'system');

export function validateDetails(type: RecordType, details: Record<string, unknown>): Record<string, unknown> {
  const r = (detailsSchemas[type] as z.ZodTypeAny).safeParse(details);
  if (r.success) return r.data as Record<string, unknown>;
  const issues: Issue[] = r.error.issues.map((i) => ({ path: ['body', 'details', ...i.path.map(String)].join('.'), message: i.message }));
  throw new ValidationError(`The details of a ${type} record are not valid`, issues);
}

/** `exists` is the reference look-up (a batch passes a memoised one). */
export async function checkStatesAndAccess(db: Db, input: { states?: string[]; access?: string; accessState?: string }, exists = (iso3: string) => stateExists(db, iso3)) {
  const issues: Issue[] = [];
  for (const [i, s] of (input.states ?? []).entries()) {
    if (!(await exists(s))) issues.push({ path: `body.states.${i}`, message: `unknown State ${s}` });
  }
  if (input.access === 'state' && !input.accessState) issues.push({ path: 'body.accessState', message: 'a State-restricted record needs accessState' });
  if (input.access !== 'state' && input.accessState) issues.push({ path: 'body.accessState', message: 'only with access "state"' });
  if (input.accessState && !(await exists(input.accessState))) issues.push({ path: 'body.accessState', message: `unknown State ${input.accessState}` });
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
}

export function assertedLinks(recordId: string, links: RecordInput['links'], by: string) {
  return links.map((l) => ({
    record_id: recordId,
    predicate: l.predicate,
    target_kind: 'provision' as const,
    instrument: l.instrument,
    article: l.article,
    paragraph: l.paragraph ?? null,
    subparagraph: l.subparagraph ?? null,
    target: null,
    at_ref: null,
    span_text: null,
    span_start: null,
    span_end: null,
    origin: 'asserted' as const,
    created_by: by,
  }));
}

export function extractedLinks(recordId: string, links: ExtractedLink[], by: string) {
  return links.map((l) => ({
    record_id: recordId,
    predicate: l.predicate,
    target_kind: l.targetKind,
    instrument: l.instrument ?? null,
    article: l.article ?? null,
    paragraph: l.paragraph ?? null,
    subparagraph: l.subparagraph ?? null,
    target: l.target ?? null,
    at_ref: l.atRef ?? null,
    span_text: l.text.slice(0, 500),
    span_start: l.start,
    span_end: l.end,
    origin: 'extracted' as const,
    created_by: by,
  }));
}

export const restrictOnlyToOwnState = () => new ForbiddenError('A focal point may restrict a record only to their own State');

/**
 * A language version joins a work only if the actor may read and edit every record of it. An unknown
 * work and one the actor may not read (or edit) get the same 404, word for word: the answer never
 * confirms that a restricted record exists.
 */
export async function assertWorkAttachable(db: Db, actor: Actor, workId: string, recordId: string | null) {
  const members = await repo.sameWork(db, workId, recordId ?? crypto.randomUUID());
  if (members.length > 0 && members.every((m) => recordPolicy.can(actor, 'read', m) && recordPolicy.can(actor, 'edit', m))) return;
  const e = new NotFoundError('No work to which you may add a language version');
  e.issues.push({ path: 'body.workId', message: 'give the workId of a record you may edit, which this one translates' });
  throw e;
}

const sameStates = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The audit entry of a record's creation. */
export const createdAudit = (actor: Actor, record: { id: string; type: string; title: string }): AuditEvent => ({
  actor: auditActor(actor), action: 'knowledge.create', targetType: 'knowledge_record', targetId: record.id, details: { type: record.type, title: record.title.slice(0, 200) },
});

/** What may stop an actor from creating this record, before anything is read: who may add it, and restrict it. */
export function assertMayCreate(actor: Actor, input: RecordInput): void {
  if (!mayWriteFor(actor, input.states)) {
    throw new ForbiddenError('Only the secretariat, or a focal point for a record concerning their own State, may add records');
  }
  if (!mayRestrictTo(actor, input.accessState)) throw restrictOnlyToOwnState();
}

/** The row of a new record (version 1), as `createRecord` and `createRecords` insert it. */
export function newRecordRow(actor: Actor, input: RecordInput, source: SourceInfo, details: Record<string, unknown>) {
  const by = who(actor);
  return {
    type: input.type,
    work_id: input.workId ?? crypto.randomUUID(),
    title: input.title,
    lang: input.lang,
    symbol: input.symbol ?? null,
    states: input.states,
    date: input.date ?? null,
    dates: input.dates,
    source_url: input.sourceUrl ?? null,
    source_file: source.sourceFile ?? null,
    import_key: source.importKey ?? null,
    content_hash: source.contentHash ?? null,
    body: source.body ?? {},
    full_text: input.fullText,
    details,
    crimes: input.crimes,
    topics: input.topics,
    access: input.access,
    access_state: input.accessState ?? null,
    parent_id: source.parentId ?? null,
    parent_ref: source.parentRef ?? null,
    // A focal point's record is their State's; the secretariat's (and an import's) stays the secretariat's.
    owner_state: actor.kind === 'user' && !hasRole(actor, 'secretariat') ? actor.state : null,
    created_by: by,
    updated_by: by,
  };
}

export async function createRecord(db: Db, actor: Actor, input: RecordInput, source: SourceInfo = {}) {
  assertMayCreate(actor, input);
  const details = validateDetails(input.type, input.details);
  await checkStatesAndAccess(db, input);
  if (input.workId) await assertWorkAttachable(db, actor, input.workId, null);
  const by = who(actor);
  return writeKnowledge(db, async (trx) => {
    const record = await repo.insertRecord(trx, newRecordRow(actor, input, source, details));
    await repo.insertLinks(trx, [...assertedLinks(record.id, input.links, by), ...extractedLinks(record.id, source.extracted ?? [], by)]);
    await repo.insertVersion(trx, { record_id: record.id, version: 1, snapshot: record, changed_by: by, note: 'created' });
    await indexRecord(trx, record.id);
    await audit(trx, createdAudit(actor, record));
    await publishRecordPublished(trx, actor, record);
    return record;
  });
}

/** The record if the actor may see it; reading a State-restricted record is audited. */
export async function readRecord(db: Db, actor: Actor, id: string) {
  const r = await repo.findRecord(db, id);
  if (!r) throw new NotFoundError(`No record ${id}`);
  recordPolicy.assertCan(actor, 'read', r); // the same 404: never reveal that a restricted record exists
  if (r.access === 'state') {
    await audit(db, { actor: auditActor(actor), action: 'knowledge.read', targetType: 'knowledge_record', targetId: id });
  }
  return r;
}

export type RecordPatch = Omit<z.infer<typeof recordPatch>, 'expectedVersion'> & {
  /** The version the editor read; service callers that read the record in the same step may leave it out. */
  expectedVersion?: number;
};

/**
 * An edit of the version the editor read: a stale one is a 409 and changes nothing (the UPDATE itself is
 * guarded, so of concurrent edits of one version exactly one wins). Content may be edited by the secretariat
 * or a focal point of a State the record concerns; who may read it and which States it concerns, only by
 * the secretariat or the owning State's focal point.
 */
export async function updateRecord(db: Db, actor: Actor, id: string, patch: RecordPatch, source: SourceInfo = {}) {
  const current = await readRecord(db, actor, id);
  recordPolicy.assertCan(actor, 'edit', current);
  const expected = patch.expectedVersion ?? current.version;
  assertVersion(current.version, expected, 'record');
  if (current.retired_at) throw new ValidationError('This record is retired; it cannot be edited');
  const states = patch.states ?? current.states;
  const access = patch.access ?? current.access;
  const accessState = patch.access !== undefined ? patch.accessState : (patch.accessState ?? current.access_state ?? undefined);
  const managed = !sameStates(states, current.states) || access !== current.access || (accessState ?? null) !== current.access_state;
  if (managed) recordPolicy.assertCan(actor, 'manage', current, 'Only the secretariat, or the State that owns this record, may change who may read it or which States it concerns');
  if (!mayWriteFor(actor, states)) {
    throw new ForbiddenError('Only the secretariat, or a focal point for a record concerning their own State, may edit it');
  }
  if (access === 'state' && accessState !== (current.access_state ?? undefined) && !mayRestrictTo(actor, accessState)) throw restrictOnlyToOwnState();
  if (patch.workId !== undefined && patch.workId !== current.work_id) await assertWorkAttachable(db, actor, patch.workId, id);
  const details = patch.details ? validateDetails(current.type, patch.details) : undefined;
  await checkStatesAndAccess(db, { states: patch.states, access, accessState });
  const by = who(actor);
  return writeKnowledge(db, async (trx) => {
    const change = repo.recordChange(id, expected, {
      updated_by: by,
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.lang !== undefined && { lang: patch.lang }),
      ...(patch.symbol !== undefined && { symbol: patch.symbol }),
      ...(patch.states !== undefined && { states: patch.states }),
      ...(patch.date !== undefined && { date: patch.date }),
      ...(patch.dates !== undefined && { dates: patch.dates }),
      ...(patch.sourceUrl !== undefined && { source_url: patch.sourceUrl }),
      ...(patch.fullText !== undefined && { full_text: patch.fullText }),
      ...(details !== undefined && { details }),
      ...(patch.crimes !== undefined && { crimes: patch.crimes }),
      ...(patch.topics !== undefined && { topics: patch.topics }),
      ...(patch.workId !== undefined && { work_id: patch.workId }),
      // The State that looked after a secretariat record concerning it alone keeps it once it is shared.
      ...(managed && current.owner_state === null && !hasRole(actor, 'secretariat') && { owner_state: ownerStateOf(current) }),
      access,
      access_state: access === 'state' ? (accessState ?? null) : null,
      ...(source.body !== undefined && { body: source.body }),
      ...(source.contentHash !== undefined && { content_hash: source.contentHash }),
    });
    const updated = await writeVersioned(trx, {
      change,
      actor,
      history: (row) => repo.insertVersion(trx, { record_id: id, version: row.version, snapshot: row, changed_by: by, note: patch.note ?? null }),
      audit: (row) => ({ action: 'knowledge.update', targetType: 'knowledge_record', targetId: id, details: { version: row.version } }),
    });
    if (patch.links) {
      await repo.deleteLinks(trx, id, 'asserted');
      await repo.insertLinks(trx, assertedLinks(id, patch.links, by));
    }
    if (source.extracted) {
      await repo.deleteLinks(trx, id, 'extracted');
      await repo.insertLinks(trx, extractedLinks(id, source.extracted, by));
    }
    await indexRecord(trx, id);
    return updated;
  });
}

/** Retiring is the owning State's or the secretariat's; `expectedVersion` as for an edit. */
export async function retireRecord(db: Db, actor: Actor, id: string, reason: string, expectedVersion?: number) {
  const current = await readRecord(db, actor, id);
  recordPolicy.assertCan(actor, 'retire', current, 'Only the secretariat, or the State that owns this record, may retire it');
  if (current.retired_at) return current;
  const expected = expectedVersion ?? current.version;
  assertVersion(current.version, expected, 'record');
  const by = who(actor);
  return writeKnowledge(db, async (trx) => {
    const updated = await writeVersioned(trx, {
      change: repo.recordChange(id, expected, { updated_by: by, retired_at: new Date(), retired_reason: reason }),
      actor,
      history: (row) => repo.insertVersion(trx, { record_id: id, version: row.version, snapshot: row, changed_by: by, note: `retired: ${reason}` }),
      audit: () => ({ action: 'knowledge.retire', targetType: 'knowledge_record', targetId: id, details: { reason } }),
    });
    await unindexRecord(trx, id);
    return updated;
  });
}

/**
 * A page of a record's versions, newest first: only those the viewer could have read while each was the
 * current one (so a record made public does not publish its restricted past). Reading a restricted
 * version is audited, as reading a restricted record is.
 */
export async function readVersions(db: Db, actor: Actor, id: string, page: { limit: number; before?: number }) {
  await readRecord(db, actor, id);
  const r = await repo.listVersions(db, id, recordPolicy.accessFilter(actor, 'read'), page);
  const restricted = r.rows.filter((v) => v.access === 'state').map((v) => v.version);
  if (restricted.length) {
    await audit(db, { actor: auditActor(actor), action: 'knowledge.versions.read', targetType: 'knowledge_record', targetId: id, details: { versions: restricted } });
  }
  return r;
}

export async function addTranslation(db: Db, actor: Actor, id: string, t: z.infer<typeof translationInput>) {
  const current = await readRecord(db, actor, id);
  recordPolicy.assertCan(actor, 'edit', current, 'Only the secretariat, or the focal point of the State concerned, may add translations');
  if (t.lang === current.lang) throw new ValidationError('That is the original language: edit the record instead', [{ path: 'body.lang', message: 'the original is kept as it is' }]);
  await writeKnowledge(db, async (trx) => {
    await repo.upsertTranslation(trx, { record_id: id, field: t.field, lang: t.lang, value: t.value, kind: t.kind, by_whom: who(actor) });
    await audit(trx, { actor: auditActor(actor), action: 'knowledge.translate', targetType: 'knowledge_record', targetId: id, details: { field: t.field, lang: t.lang, kind: t.kind } });
  });
}

export async function reviewLink(db: Db, actor: Actor, recordId: string, linkId: number, decision: 'verify' | 'reject') {
  const record = await readRecord(db, actor, recordId);
  const link = await repo.findLink(db, linkId);
  if (!link || link.record_id !== recordId) throw new NotFoundError(`No link ${linkId} on record ${recordId}`);
  recordPolicy.assertCan(actor, 'edit', record, 'Only the secretariat, or the focal point of the State concerned, may review links');
  return writeKnowledge(db, async (trx) => {
    const updated = await repo.setLinkReview(trx, linkId, { verified: decision === 'verify', rejected: decision === 'reject', by: who(actor) });
    await indexRecord(trx, recordId);
    await audit(trx, { actor: auditActor(actor), action: `knowledge.link.${decision}`, targetType: 'knowledge_record', targetId: recordId, details: { link: linkId } });
    return updated;
  });
}
