import crypto from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Database, Db } from '../platform/db/database.ts';
import { auditAll, type AuditEvent } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { clustersOf, groupsOf, stateExists } from '../reference/reference.service.ts';
import * as repo from './knowledge.repository.ts';
import type { RecordInput } from './knowledge.schemas.ts';
import { publishRecordsPublished } from './knowledge.events.ts';
import {
  assertMayCreate, assertWorkAttachable, assertedLinks, checkStatesAndAccess, createdAudit, extractedLinks, newRecordRow, validateDetails, who, type SourceInfo,
} from './records.service.ts';
import { providerFor, searchDocumentOf } from './search.service.ts';

/**
 * `createRecord` for many records in the caller's transaction (a folder import): the same checks, and for
 * each record the same rows — the record, its links, version 1, its search row, its `knowledge.create` audit
 * entry and its `record.published` event — but one statement per table for the lot instead of about ten
 * round trips per record, which is what held a folder import to a hundred files a second.
 * Every record is checked before anything is written: one that may not be created throws, and nothing is.
 */

export interface NewRecordItem {
  input: RecordInput;
  source?: SourceInfo;
  /** An entry the caller audits right after the record's own (the import's `knowledge.import`). */
  alsoAudit?: (record: repo.RecordRow) => AuditEvent;
}

/** A look-up asked once per batch: the same States and article lists recur across records. */
function memo<T>(fn: (key: string) => Promise<T>) {
  const seen = new Map<string, Promise<T>>();
  return (key: string) => {
    let v = seen.get(key);
    if (!v) seen.set(key, (v = fn(key)));
    return v;
  };
}

export async function createRecords(trx: Transaction<Database>, actor: Actor, items: NewRecordItem[]): Promise<repo.RecordRow[]> {
  const db = trx as unknown as Db;
  const exists = memo((iso3) => stateExists(db, iso3));
  for (const { input } of items) assertMayCreate(actor, input);
  const details = items.map(({ input }) => validateDetails(input.type, input.details));
  for (const { input } of items) {
    await checkStatesAndAccess(db, input, exists);
    if (input.workId) await assertWorkAttachable(db, actor, input.workId, null);
  }
  const by = who(actor);
  const rows = items.map(({ input, source = {} }, i) => ({ id: crypto.randomUUID(), ...newRecordRow(actor, input, source, details[i]!) }));
  const byId = new Map((await repo.insertRecords(trx, rows)).map((r) => [r.id, r]));
  const records = rows.map((r) => byId.get(r.id)!);
  const links = records.map((r, i) => [...assertedLinks(r.id, items[i]!.input.links, by), ...extractedLinks(r.id, items[i]!.source?.extracted ?? [], by)]);
  await repo.insertLinks(trx, links.flat());
  await repo.insertVersions(trx, records.map((r) => ({ record_id: r.id, version: 1, snapshot: r, changed_by: by, note: 'created' })));
  // What indexRecord would read back: the new row and its links (all unreviewed), and no provisions yet.
  const lookups = { groupsOf: memoList((s) => groupsOf(db, s)), clustersOf: memoList((a) => clustersOf(db, a)) };
  const docs = [];
  for (const [i, r] of records.entries()) docs.push(await searchDocumentOf(r, links[i]!.map((l) => ({ ...l, rejected: false })), [], lookups));
  await providerFor(trx).index(docs);
  await auditAll(trx, records.flatMap((r, i) => [createdAudit(actor, r), ...(items[i]!.alsoAudit ? [items[i]!.alsoAudit(r)] : [])]));
  await publishRecordsPublished(trx, actor, records);
  return records;
}

function memoList(fn: (xs: string[]) => Promise<string[]>) {
  const m = memo((key) => fn(key === '' ? [] : key.split('\n')));
  return (xs: string[]) => m(xs.join('\n'));
}
