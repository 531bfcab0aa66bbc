import crypto from 'node:crypto';
import path from 'node:path';
import type { Db } from '../../platform/db/database.ts';
import { reorganizeLater } from '../search/reorganize.job.ts';
import { audit, type AuditEvent } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { AppError } from '../../platform/http/errors.ts';
import { detectLanguage, extractReferences } from '../extraction/index.ts';
import type { Reference } from '../extraction/types.ts';
import { cleanPdfText, parseUnDocument, type ParsedDocument } from '../parsing/index.ts';
import * as repo from '../knowledge.repository.ts';
import { recordInput, type RecordInput } from '../knowledge.schemas.ts';
import type { Access, RecordType } from '../knowledge.tables.ts';
import { createRecord, retireRecord, updateRecord, type ExtractedLink, type SourceInfo } from '../records.service.ts';
import { readSource, RejectedInput } from './readers.ts';
import { writeKnowledge } from '../search.cache.ts';

/**
 * Imports one file as a knowledge record. Conference documents are parsed into their structure, their
 * recommendations become records of their own (linked to the document and paragraph), and the
 * references found in the text become typed links marked "extracted". Each file is added, updated or left
 * unchanged as a whole, or rejected with a reason and nothing stored. A file is prepared (read and analysed, no
 * database), then looked up by its import key and written unless unchanged: `importFile` does both in a
 * transaction of its own; a folder import (import.batch.ts) prepares files ahead and writes many per transaction.
 */

export interface ImportOptions {
  actor: Actor;
  type?: RecordType;
  lang?: string;
  access?: Access;
  accessState?: string;
}

export type ImportStatus = 'added' | 'updated' | 'unchanged' | 'rejected';

export interface FileOutcome {
  file: string;
  status: ImportStatus;
  reason?: string;
  recordId?: string;
  type?: RecordType;
  symbol?: string | null;
  recommendations?: number;
  links?: number;
}

const UN_LANGS = new Set(['zh', 'en', 'fr', 'es', 'ru', 'ar']);

/** References found by the extractor, as the links a record stores. Its own symbols are not links. */
export function toLinks(refs: Reference[], ownSymbols: string[], atRef: string | null = null): ExtractedLink[] {
  const own = new Set(ownSymbols);
  const out: ExtractedLink[] = [];
  for (const r of refs) {
    const span = { text: r.text, start: r.start, end: r.end, atRef };
    if (r.kind === 'article' && r.instrument) {
      out.push({ ...span, predicate: 'cites', targetKind: 'provision', instrument: r.instrument, article: r.article, paragraph: r.paragraph, subparagraph: r.subparagraph });
    } else if ((r.kind === 'resolution' || r.kind === 'decision') && r.number) {
      out.push({ ...span, predicate: 'refers-to', targetKind: r.kind, target: `${r.body ?? 'COP'} ${r.number}` });
    } else if (r.kind === 'symbol' && !own.has(r.symbol)) {
      out.push({ ...span, predicate: 'refers-to', targetKind: 'symbol', target: r.symbol });
    } else if (r.kind === 'state') {
      out.push({ ...span, predicate: 'mentions-state', targetKind: 'state', target: r.iso3 });
    }
  }
  return out;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

function recommendationTitle(doc: ParsedDocument, symbol: string | null, rec: ParsedDocument['recommendations'][number]): string {
  const where = `${symbol ?? doc.title ?? ''} ¶ ${rec.paragraphNumber}${rec.subparagraph ? ` (${rec.subparagraph})` : ''}`.trim();
  const text = rec.text.replace(/\s+/g, ' ');
  return `${where}: ${text.length > 140 ? `${text.slice(0, 140)}…` : text}`;
}

/** A file read and analysed: everything the import decides before it looks at the database. */
export interface PreparedFile {
  file: string;
  type: RecordType;
  lang: string;
  symbol: string | null;
  importKey: string;
  hash: string;
  fullText: string;
  parsed: ParsedDocument | null;
  title: string | null;
}

/** What the import needs of a record already imported under the same key. */
export type PriorImport = Pick<repo.RecordRow, 'id' | 'content_hash' | 'retired_at'>;

/** Reads and analyses a file (CPU only, no database): throws RejectedInput for a file that cannot be imported. */
export async function prepareFile(name: string, bytes: Buffer, opts: Pick<ImportOptions, 'type' | 'lang'>): Promise<PreparedFile> {
  const file = path.basename(name);
  const source = await readSource(bytes, name);
  const lang = opts.lang ?? detectLanguage(source.text);
  const parsed = !opts.type || opts.type === 'cop-document' ? parseUnDocument(source.text, UN_LANGS.has(lang) ? { lang: lang as never } : {}) : null;
  // A Conference document is recognised by its symbol, or by its issuing body (reports often lose the
  // symbol block in text extraction).
  const isConferenceDoc = parsed !== null && (parsed.symbols.length > 0 || parsed.body !== null);
  const type: RecordType | undefined = opts.type ?? (isConferenceDoc ? 'cop-document' : undefined);
  if (!type) throw new RejectedInput('cannot tell what kind of record this is (not a recognisable Conference document): give --type');

  const fullText = parsed ? cleanPdfText(source.text, parsed.lang) : source.text.trim();
  const hash = sha256(`${type}\n${lang}\n${fullText}`);
  const symbol = parsed?.symbols[0] ?? null;
  const meetingKey = parsed?.body && parsed.meeting?.start ? `cop:${parsed.body.key}:${parsed.meeting.start}:${parsed.type}:${lang}` : null;
  const importKey = symbol ? `cop:${symbol}:${lang}` : (meetingKey ?? `file:${type}:${lang}:${file}`);
  return { file, type, lang, symbol, importKey, hash, fullText, parsed, title: source.title };
}

/** An unchanged file (same key, same content, not retired) is not written again: re-importing is a no-op. */
export function isUnchanged(prior: PriorImport | undefined, p: PreparedFile): prior is PriorImport {
  return prior !== undefined && prior.content_hash === p.hash && !prior.retired_at;
}

export const unchangedOutcome = (p: PreparedFile, prior: PriorImport): FileOutcome => ({ file: p.file, status: 'unchanged', recordId: prior.id, type: p.type, symbol: p.symbol });

/** A file refused (unreadable, invalid, not permitted) as the outcome reported for it; anything else is rethrown. */
export function rejectedOutcome(name: string, err: unknown): FileOutcome {
  const file = path.basename(name);
  if (err instanceof RejectedInput) return { file, status: 'rejected', reason: err.message };
  if (err instanceof AppError) {
    const detail = err.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return { file, status: 'rejected', reason: detail ? `${err.message} (${detail})` : err.message };
  }
  throw err;
}

/** The record a prepared file becomes: its input, and its source with the references found in its text. */
export function recordOf(p: PreparedFile, opts: ImportOptions): { input: RecordInput; source: SourceInfo & { extracted: ExtractedLink[] } } {
  const { file, type, lang, symbol, importKey, hash, fullText, parsed } = p;
  const docLinks = toLinks(extractReferences(fullText, UN_LANGS.has(lang) ? { lang: lang as never } : {}), parsed?.symbols ?? []);
  const input = recordInput.parse({
    type,
    lang,
    title: (parsed?.title ?? p.title ?? file.replace(/\.[a-z]+$/i, '')).slice(0, 1000),
    symbol: symbol ?? undefined,
    date: parsed?.date ?? undefined,
    fullText,
    access: opts.access ?? 'public',
    accessState: opts.accessState,
    details:
      type === 'cop-document' && parsed
        ? { symbols: parsed.symbols, body: parsed.body?.key ?? undefined, meeting: parsed.meeting ? { start: parsed.meeting.start ?? undefined, end: parsed.meeting.end ?? undefined, place: parsed.meeting.place ?? undefined } : undefined }
        : {},
  });
  const body = parsed ? (JSON.parse(JSON.stringify({ ...parsed, recommendations: undefined })) as Record<string, unknown>) : {};
  return { input, source: { importKey, contentHash: hash, sourceFile: file, body, extracted: docLinks } };
}

/** The import's own audit entry for a file written. */
export function importAudit(opts: ImportOptions, file: string, recordId: string, status: 'added' | 'updated', recommendations: number, links: number): AuditEvent {
  return { actor: auditActor(opts.actor), action: 'knowledge.import', targetType: 'knowledge_record', targetId: recordId, details: { file, status, recommendations, links } };
}

/**
 * Writes a prepared file that is new or changed, with its recommendations, links and audit entry: in the
 * caller's transaction when `db` is one (a batch of files), else in one of its own. Throws what it refuses.
 */
export async function writePrepared(db: Db, p: PreparedFile, existing: PriorImport | undefined, opts: ImportOptions): Promise<FileOutcome> {
  const { file, type, lang, symbol, importKey, parsed } = p;
  const { input, source: sourceInfo } = recordOf(p, opts);
  const docLinks = sourceInfo.extracted;
  return writeKnowledge(db, async (trx) => {
    const record = existing
      ? await updateRecord(trx, opts.actor, existing.id, { ...input, note: `re-imported from ${file}` }, sourceInfo)
      : await createRecord(trx, opts.actor, input, sourceInfo);

    let recommendations = 0;
    if (parsed && type === 'cop-document') {
      const kept = new Set<string>();
      for (const rec of parsed.recommendations) {
        const key = `${importKey}#${rec.id}`;
        kept.add(key);
        const text = rec.intro ? `${rec.intro}\n${rec.text}` : rec.text;
        const recInput = recordInput.parse({
          type: 'recommendation',
          lang,
          title: recommendationTitle(parsed, symbol, rec),
          symbol: symbol ?? undefined,
          date: parsed.date ?? undefined,
          fullText: text,
          access: input.access,
          accessState: input.accessState,
          details: { addressees: rec.addressees, paragraph: rec.paragraph, body: parsed.body?.key ?? undefined },
        });
        const links = toLinks(extractReferences(text, UN_LANGS.has(lang) ? { lang: lang as never } : {}), parsed.symbols, rec.paragraph);
        const prior = await repo.findByImportKey(trx, key);
        const recHash = sha256(text + JSON.stringify(rec.addressees));
        if (!prior) {
          await createRecord(trx, opts.actor, recInput, { importKey: key, contentHash: recHash, sourceFile: file, parentId: record.id, parentRef: rec.paragraph, extracted: links });
        } else if (prior.content_hash !== recHash || prior.retired_at) {
          if (prior.retired_at) await repo.updateRecord(trx, prior.id, { version: prior.version, updated_by: prior.updated_by, retired_at: null, retired_reason: null });
          await updateRecord(trx, opts.actor, prior.id, { ...recInput, note: `re-imported from ${file}` }, { contentHash: recHash, extracted: links });
        }
        recommendations++;
      }
      // Recommendations that are no longer in the document are retired, not deleted: their history stays.
      for (const child of await repo.childrenOf(trx, record.id)) {
        const row = await repo.findRecord(trx, child.id);
        if (row?.import_key && !kept.has(row.import_key)) await retireRecord(trx, opts.actor, child.id, `no longer in ${file}`);
      }
    }
    await audit(trx, importAudit(opts, file, record.id, existing ? 'updated' : 'added', recommendations, docLinks.length));
    await reorganizeLater(trx, 1 + recommendations); // a very large document: search reorganised in the background
    return { file, status: existing ? 'updated' : 'added', recordId: record.id, type, symbol, recommendations, links: docLinks.length } satisfies FileOutcome;
  });
}

/** Imports one file as a knowledge record (see above): added, updated, unchanged or rejected with a reason. */
export async function importFile(db: Db, name: string, bytes: Buffer, opts: ImportOptions): Promise<FileOutcome> {
  try {
    const p = await prepareFile(name, bytes, opts);
    return await importPrepared(db, p, opts);
  } catch (err) {
    return rejectedOutcome(name, err);
  }
}

/** A prepared file looked up by its import key and written unless unchanged, in a transaction of its own. */
export async function importPrepared(db: Db, p: PreparedFile, opts: ImportOptions): Promise<FileOutcome> {
  try {
    const existing = await repo.findByImportKey(db, p.importKey);
    if (isUnchanged(existing, p)) return unchangedOutcome(p, existing);
    return await writePrepared(db, p, existing, opts);
  } catch (err) {
    return rejectedOutcome(p.file, err);
  }
}

export interface ImportSummary {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  files: FileOutcome[];
}

export function summarize(files: FileOutcome[]): ImportSummary {
  const count = (s: ImportStatus) => files.filter((f) => f.status === s).length;
  return { added: count('added'), updated: count('updated'), unchanged: count('unchanged'), rejected: count('rejected'), files };
}

/**
 * After a run of imports (a folder from the CLI): the search reorganisation in the background when together
 * they wrote at least REORGANIZE_AFTER records. Deduplicated by the job's queue, like the per-file trigger.
 */
export async function reorganizeAfterImports(db: Db, files: FileOutcome[]): Promise<boolean> {
  const written = files.reduce((n, f) => n + (f.status === 'added' || f.status === 'updated' ? 1 + (f.recommendations ?? 0) : 0), 0);
  return reorganizeLater(db, written);
}
