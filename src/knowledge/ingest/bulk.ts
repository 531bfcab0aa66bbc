import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { ForbiddenError, ValidationError, type Issue } from '../../platform/http/errors.ts';
import { groupsOf, listClusters, stateExists } from '../../reference/reference.service.ts';
import { mayWriteFor } from '../knowledge.policy.ts';
import { detailsSchemas, type RecordInput } from '../knowledge.schemas.ts';
import type { KnowledgeLinksTable, RecordType } from '../knowledge.tables.ts';
import type { SourceInfo } from '../records.service.ts';
import { dropMatchIndex, reorganizeAfterLoad, reorganizeSearch } from '../search/maintenance.ts';
import { reorganizeLater } from '../search/reorganize.job.ts';
import { PostgresSearch } from '../search/postgres-search.ts';
import type { SearchDocument } from '../search/search-provider.ts';
import { writeKnowledge } from '../search.cache.ts';

/**
 * Bulk loading of knowledge records (a migration from another system, a large harvest): the same rows
 * as `createRecord` — record, links, version 1 and search row, with the same validation, permissions and
 * text analysis — written a batch at a time, each batch in one transaction with one audit entry.
 * `createRecord` makes about ten round trips per record; here a batch of a thousand takes seven.
 * Records are new: an import key that already exists fails its batch (re-imports go through import.service).
 * Call `afterBulkLoad` when done: it lays the search table out in date order and refreshes the statistics the
 * search provider plans with.
 */

export interface BulkItem {
  input: RecordInput;
  source?: SourceInfo;
}

export interface BulkOptions {
  batchSize?: number;
  /** Batches written at the same time, each in its own transaction (default 3). */
  concurrency?: number;
  /** Called after each committed batch with the ids created in it, in input order. */
  onBatch?: (ids: string[]) => void | Promise<void>;
  /**
   * A load much larger than what is already there (a first load, a migration): the GIN index is dropped
   * while loading and built once by `afterBulkLoad`, which the caller must then call. Searches answer
   * slowly in between. On failure the index is rebuilt before the error is thrown.
   */
  initialLoad?: boolean;
}

const who = (actor: Actor) => (actor.kind === 'user' ? actor.username : 'system');

/** Reference lookups done once per load rather than once per record (batches in flight share them). */
class Reference {
  private states = new Map<string, Promise<{ exists: boolean; groups: string[] }>>();
  private clusters: Promise<Map<string, string[]>> | null = null;
  constructor(private readonly db: Db) {}

  state(iso3: string) {
    let s = this.states.get(iso3);
    if (!s) {
      s = (async () => {
        const exists = await stateExists(this.db, iso3);
        return { exists, groups: exists ? await groupsOf(this.db, [iso3]) : [] };
      })();
      this.states.set(iso3, s);
    }
    return s;
  }

  async clustersOf(articles: string[]): Promise<string[]> {
    this.clusters ??= listClusters(this.db, 'en').then((list) => {
      const map = new Map<string, string[]>();
      for (const c of list) {
        for (const a of c.articles) map.set(`${a.instrument}:${a.article}`, [...(map.get(`${a.instrument}:${a.article}`) ?? []), c.code]);
      }
      return map;
    });
    const byArticle = await this.clusters;
    const out = new Set<string>();
    for (const a of articles) {
      const [i, n] = a.split(':');
      for (const c of byArticle.get(`${i}:${n}`) ?? []) out.add(c);
    }
    return [...out].sort();
  }
}

async function validate(ref: Reference, actor: Actor, input: RecordInput, at: number): Promise<Record<string, unknown>> {
  if (!mayWriteFor(actor, input.states)) {
    throw new ForbiddenError(`Record ${at}: only the secretariat, or a focal point for a record concerning their own State, may add records`);
  }
  const r = (detailsSchemas[input.type as RecordType] as z.ZodTypeAny).safeParse(input.details);
  const issues: Issue[] = [];
  if (!r.success) {
    for (const i of r.error.issues) issues.push({ path: [`items.${at}.details`, ...i.path.map(String)].join('.'), message: i.message });
  }
  for (const [i, s] of input.states.entries()) {
    if (!(await ref.state(s)).exists) issues.push({ path: `items.${at}.states.${i}`, message: `unknown State ${s}` });
  }
  if (input.access === 'state' && !input.accessState) issues.push({ path: `items.${at}.accessState`, message: 'a State-restricted record needs accessState' });
  if (input.access !== 'state' && input.accessState) issues.push({ path: `items.${at}.accessState`, message: 'only with access "state"' });
  if (input.accessState && !(await ref.state(input.accessState)).exists) {
    issues.push({ path: `items.${at}.accessState`, message: `unknown State ${input.accessState}` });
  }
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
  return (r as { data: Record<string, unknown> }).data;
}

/** jsonb keeps object keys shorter-first, then bytewise: walk them in that order, as a re-index from the database would. */
function jsonbKeyOrder(a: string, b: string): number {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length - bb.length || Buffer.compare(ba, bb);
}

/** The same text as search.service's detailsText, for details as they read back from jsonb. */
function detailsText(details: Record<string, unknown>): string {
  const parts: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string' && v.length > 2 && !/^\d{4}-\d{2}-\d{2}$/.test(v)) parts.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o).sort(jsonbKeyOrder)) walk(o[k]);
    }
  };
  walk(details);
  return parts.join('\n');
}

/** A link as the batch writes it: the table's columns without those the database fills in. */
type LinkRow = Omit<KnowledgeLinksTable, 'id' | 'created_at' | 'verified' | 'verified_by' | 'verified_at' | 'rejected'>;

function linksOf(id: string, item: BulkItem, by: string): LinkRow[] {
  const asserted: LinkRow[] = item.input.links.map((l) => ({
    record_id: id, predicate: l.predicate, target_kind: 'provision', instrument: l.instrument, article: l.article,
    paragraph: l.paragraph ?? null, subparagraph: l.subparagraph ?? null, target: null, at_ref: null,
    span_text: null, span_start: null, span_end: null, origin: 'asserted', created_by: by,
  }));
  const extracted: LinkRow[] = (item.source?.extracted ?? []).map((l) => ({
    record_id: id, predicate: l.predicate, target_kind: l.targetKind, instrument: l.instrument ?? null, article: l.article ?? null,
    paragraph: l.paragraph ?? null, subparagraph: l.subparagraph ?? null, target: l.target ?? null, at_ref: l.atRef ?? null,
    span_text: l.text.slice(0, 500), span_start: l.start, span_end: l.end, origin: 'extracted', created_by: by,
  }));
  return [...asserted, ...extracted];
}

async function searchDocumentOf(ref: Reference, id: string, input: RecordInput, details: Record<string, unknown>, links: LinkRow[]): Promise<SearchDocument> {
  const provisions = links.filter((l) => l.target_kind === 'provision' && l.instrument && l.article);
  const articles = new Set<string>();
  for (const l of provisions) {
    articles.add(`${l.instrument}:${l.article}`);
    if (l.paragraph) articles.add(`${l.instrument}:${l.article}:${l.paragraph}`);
  }
  const articleList = [...articles].sort();
  const groups = new Set<string>();
  for (const s of input.states) for (const g of (await ref.state(s)).groups) groups.add(g);
  return {
    recordId: id,
    type: input.type,
    lang: input.lang,
    title: input.title,
    text: `${input.symbol ?? ''}\n${input.fullText}\n${detailsText(details)}`,
    date: input.date ?? null,
    states: input.states,
    groups: [...groups].sort(),
    instruments: [...new Set(provisions.map((l) => l.instrument!))].sort(),
    articles: articleList,
    clusters: await ref.clustersOf(articleList),
    crimes: input.crimes,
    access: input.access,
    accessState: input.accessState ?? null,
  };
}

async function writeBatch(db: Db, ref: Reference, actor: Actor, batch: BulkItem[], offset: number): Promise<string[]> {
  const by = who(actor);
  const records: Record<string, unknown>[] = [];
  const links: LinkRow[] = [];
  const docs: SearchDocument[] = [];
  for (const [i, item] of batch.entries()) {
    const { input, source = {} } = item;
    const details = await validate(ref, actor, input, offset + i);
    const id = crypto.randomUUID();
    records.push({
      id, type: input.type, work_id: input.workId ?? crypto.randomUUID(), title: input.title, lang: input.lang, symbol: input.symbol ?? null,
      states: input.states, date: input.date ?? null, dates: input.dates, source_url: input.sourceUrl ?? null,
      source_file: source.sourceFile ?? null, import_key: source.importKey ?? null, content_hash: source.contentHash ?? null,
      body: source.body ?? {}, full_text: input.fullText, details, crimes: input.crimes, topics: input.topics, access: input.access,
      access_state: input.accessState ?? null, parent_id: source.parentId ?? null, parent_ref: source.parentRef ?? null,
      created_by: by, updated_by: by,
    });
    const own = linksOf(id, item, by);
    links.push(...own);
    docs.push(await searchDocumentOf(ref, id, input, details, own));
  }
  const ids = records.map((r) => r.id as string);
  await writeKnowledge(db, async (trx) => {
    // A batch's JSON (a few MB) is unpacked in memory rather than spilled to temporary files.
    await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
    await sql`
      INSERT INTO knowledge_records (id, type, work_id, title, lang, symbol, states, date, dates, source_url, source_file, import_key,
        content_hash, body, full_text, details, crimes, topics, access, access_state, parent_id, parent_ref, created_by, updated_by)
      SELECT id, type, work_id, title, lang, symbol, states, date, dates, source_url, source_file, import_key,
        content_hash, body, full_text, details, crimes, topics, access, access_state, parent_id, parent_ref, created_by, updated_by
      FROM json_populate_recordset(NULL::knowledge_records, ${JSON.stringify(records)}::json)`.execute(trx);
    if (links.length) {
      await sql`
        INSERT INTO knowledge_links (record_id, predicate, target_kind, instrument, article, paragraph, subparagraph, target, at_ref,
          span_text, span_start, span_end, origin, created_by)
        SELECT record_id, predicate, target_kind, instrument, article, paragraph, subparagraph, target, at_ref,
          span_text, span_start, span_end, origin, created_by
        FROM json_populate_recordset(NULL::knowledge_links, ${JSON.stringify(links)}::json)`.execute(trx);
    }
    await sql`
      INSERT INTO knowledge_record_versions (record_id, version, snapshot, changed_by, note)
      SELECT r.id, r.version, to_jsonb(r), r.created_by, 'created' FROM knowledge_records r WHERE r.id = ANY(${ids}::uuid[])`.execute(trx);
    await new PostgresSearch(trx as unknown as Db).index(docs);
    await audit(trx, {
      actor: auditActor(actor),
      action: 'knowledge.bulk-create',
      targetType: 'knowledge_record',
      details: { count: ids.length, ids },
    });
  });
  return ids;
}

/**
 * Creates records in batches (default 1,000 per transaction), three batches at a time by default so
 * that text analysis (to_tsvector, most of the cost) keeps the server's cores busy while a batch commits. A batch with an invalid record, or one the actor may not add,
 * fails as a whole with the record's position in the input; batches already committed stay, and the error
 * is thrown once the batches in flight have finished.
 */
export async function bulkCreateRecords(
  db: Db,
  actor: Actor,
  items: Iterable<BulkItem> | AsyncIterable<BulkItem>,
  opts: BulkOptions = {},
): Promise<{ count: number; batches: number }> {
  const size = opts.batchSize ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 3);
  const ref = new Reference(db);
  if (opts.initialLoad) await dropMatchIndex(db);
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  let batch: BulkItem[] = [];
  let queued = 0;
  let count = 0;
  let batches = 0;
  const launch = async () => {
    const mine = batch;
    const offset = queued;
    batch = [];
    queued += mine.length;
    const p: Promise<void> = writeBatch(db, ref, actor, mine, offset)
      .then(async (ids) => {
        count += ids.length;
        batches++;
        await opts.onBatch?.(ids);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  };
  try {
    for await (const item of items) {
      if (failure) break;
      batch.push(item);
      if (batch.length >= size) await launch();
    }
    if (batch.length && !failure) await launch();
  } catch (error) {
    failure ??= { error }; // the items themselves failed (a file that could not be read)
  }
  await Promise.all(inFlight);
  if (failure) {
    if (opts.initialLoad) await reorganizeSearch(db);
    throw (failure as { error: unknown }).error;
  }
  // A first load reorganises through afterBulkLoad (its caller waits for it); a large addition to a live
  // table gets it in the background.
  if (!opts.initialLoad) await reorganizeLater(db, count);
  return { count, batches };
}

/**
 * After a large load: the search table rewritten in date order with its GIN index (re)built
 * (search/maintenance.ts), then vacuum (which sets the visibility map and merges GIN's pending entries)
 * and fresh planner statistics, which the provider also reads to size its slices.
 */
export async function afterBulkLoad(db: Db): Promise<void> {
  await reorganizeAfterLoad(db);
}
