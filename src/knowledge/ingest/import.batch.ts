import fs from 'node:fs/promises';
import type { Db } from '../../platform/db/database.ts';
import * as repo from '../knowledge.repository.ts';
import { createRecords } from '../records.batch.ts';
import { reorganizeLater } from '../search/reorganize.job.ts';
import {
  importAudit, importPrepared, isUnchanged, prepareFile, recordOf, rejectedOutcome, unchangedOutcome, writePrepared,
  type FileOutcome, type ImportOptions, type PreparedFile, type PriorImport,
} from './import.service.ts';
import { writeKnowledge } from '../search.cache.ts';

/**
 * Importing many files (a folder from the CLI) with the same outcome, file by file, as importing each with
 * `importFile` in turn — the same records, versions, links, search rows, audit entries and rejections — but
 * fewer waits. One file per transaction spent half its time on the commit and the round trips around it:
 * here the files of a batch are looked up with one query, the unchanged ones are not written at all, and the
 * new and changed ones are written in one transaction. Files are read and analysed ahead, while the previous
 * batch is being written: the database works while this process parses.
 */

export interface BatchOptions {
  /** Files per transaction (default 200). */
  batchSize?: number;
  /** A batch is also cut at this much text (default 32 MB): a batch of large PDFs stays a sensible transaction. */
  batchChars?: number;
  /** Files read and analysed at the same time (default 4: reads overlap, parsing is on this thread). */
  concurrency?: number;
  /** Called with the number of files done so far. */
  onProgress?: (done: number) => void;
}

/** A file's preparation: analysed, refused with a reason, or failed (unreadable: the import stops there). */
type Prepared = { ok: PreparedFile } | { outcome: FileOutcome } | { error: unknown };

async function prepare(name: string, opts: ImportOptions): Promise<Prepared> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(name);
  } catch (error) {
    return { error }; // as when importing one file at a time: a file that cannot be read stops the import
  }
  try {
    return { ok: await prepareFile(name, bytes, opts) };
  } catch (err) {
    try {
      return { outcome: rejectedOutcome(name, err) };
    } catch (error) {
      return { error };
    }
  }
}

/** Runs at most `limit` of the tasks at once. */
function limiter(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

interface Item {
  at: number;
  file: PreparedFile;
}

/**
 * Writes a batch: one lookup for its keys, then its new and changed files in one transaction. A file the
 * database stage refuses (a permission, a validation) rolls the batch back, and its files are then imported
 * one at a time, each in its own transaction, as `importFile` does: the bad file is reported, the others kept.
 */
async function writeBatch(db: Db, batch: Item[], opts: ImportOptions, outcomes: FileOutcome[]): Promise<void> {
  const prior = new Map<string, PriorImport>();
  for (const r of await repo.findByImportKeys(db, [...new Set(batch.map((i) => i.file.importKey))])) prior.set(r.import_key!, r);
  // A key that occurs twice in the batch (one name in two sub-folders) is decided in order, in the transaction:
  // the second file is compared with what the first wrote, as it would be one file at a time.
  const seen = new Set<string>();
  const twice = new Set(batch.map((i) => i.file.importKey).filter((k) => seen.has(k) || !seen.add(k)));
  const toWrite: Item[] = [];
  for (const item of batch) {
    const p = prior.get(item.file.importKey);
    if (isUnchanged(p, item.file) && !twice.has(item.file.importKey)) outcomes[item.at] = unchangedOutcome(item.file, p);
    else toWrite.push(item);
  }
  if (toWrite.length === 0) return;
  const written: Array<[number, FileOutcome]> = [];
  try {
    await writeKnowledge(db, async (trx) => {
      const mine = new Map(prior);
      // New plain documents (no recommendations to look after) are created together; the rest one by one,
      // in file order, so the audit log reads as it would have with one file at a time.
      let run: Item[] = [];
      const inRun = new Set<string>();
      const createRun = async () => {
        const items = run.map((item) => ({ item, ...recordOf(item.file, opts) }));
        run = [];
        inRun.clear();
        const records = await createRecords(trx, opts.actor, items.map(({ item, input, source }) => ({
          input,
          source,
          alsoAudit: (r: { id: string }) => importAudit(opts, item.file.file, r.id, 'added', 0, source.extracted.length),
        })));
        for (const [i, { item: { at, file }, source }] of items.entries()) {
          const id = records[i]!.id;
          await reorganizeLater(trx, 1); // as each file's import does (a no-op below the threshold)
          mine.set(file.importKey, { id, content_hash: file.hash, retired_at: null });
          written.push([at, { file: file.file, status: 'added', recordId: id, type: file.type, symbol: file.symbol, recommendations: 0, links: source.extracted.length }]);
        }
      };
      for (const item of toWrite) {
        const { at, file } = item;
        if (!mine.has(file.importKey) && !inRun.has(file.importKey) && !(file.parsed && file.type === 'cop-document')) {
          run.push(item);
          inRun.add(file.importKey);
          continue;
        }
        if (run.length) await createRun();
        const p = mine.get(file.importKey);
        const o = isUnchanged(p, file) ? unchangedOutcome(file, p) : await writePrepared(trx, file, p, opts);
        mine.set(file.importKey, { id: o.recordId!, content_hash: file.hash, retired_at: null });
        written.push([at, o]);
      }
      if (run.length) await createRun();
    });
  } catch {
    // Whatever failed (a refused file, or an error that must stop the import) happens again below, in order.
    for (const { at, file } of toWrite) outcomes[at] = await importPrepared(db, file, opts);
    return;
  }
  for (const [at, o] of written) outcomes[at] = o;
}

/** Imports the files in order; returns their outcomes in the same order. */
export async function importFiles(db: Db, names: string[], opts: ImportOptions, batchOpts: BatchOptions = {}): Promise<FileOutcome[]> {
  const size = batchOpts.batchSize ?? 200;
  const maxChars = batchOpts.batchChars ?? 32 * 1024 * 1024;
  const limit = limiter(batchOpts.concurrency ?? 4);
  const outcomes: FileOutcome[] = new Array<FileOutcome>(names.length);
  const ahead = new Map<number, Promise<Prepared>>();
  let next = 0;
  let done = 0;
  // Up to a batch and a bit prepared ahead: the next batch is read while this one is written, and memory stays bounded.
  const fill = (from: number) => {
    for (; next < names.length && next < from + size + 8; next++) {
      const name = names[next]!;
      ahead.set(next, limit(() => prepare(name, opts)));
    }
  };
  let batch: Item[] = [];
  let chars = 0;
  const flush = async () => {
    const mine = batch;
    batch = [];
    chars = 0;
    if (mine.length) await writeBatch(db, mine, opts, outcomes);
    done += mine.length;
    batchOpts.onProgress?.(done);
  };
  for (let at = 0; at < names.length; at++) {
    fill(at);
    const r = await ahead.get(at)!;
    ahead.delete(at);
    if ('error' in r) {
      await flush(); // the files before it are imported, as they were when each file had its transaction
      throw r.error;
    }
    if ('outcome' in r) {
      outcomes[at] = r.outcome;
      done++;
      if (batch.length === 0) batchOpts.onProgress?.(done);
      continue;
    }
    batch.push({ at, file: r.ok });
    chars += r.ok.fullText.length;
    if (batch.length >= size || chars >= maxChars) await flush();
  }
  await flush();
  return outcomes;
}
