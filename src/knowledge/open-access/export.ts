import type { Db } from '../../platform/db/database.ts';
import type { Viewer } from '../search/search-provider.ts';
import type { SearchQuery } from '../search/search-provider.ts';
import { providerFor } from '../search.service.ts';
import * as repo from '../knowledge.repository.ts';
import { csvStream, type CsvCell } from '../../platform/csv-write.ts';

/**
 * Bulk export of the records a viewer may see and a search selects, newest first, streamed page by page
 * (date order continues through the index, so an export of any size stays cheap per page).
 */

export const EXPORT_FIELDS = ['id', 'type', 'title', 'lang', 'symbol', 'date', 'states', 'crimes', 'access', 'sourceUrl', 'parentId', 'version', 'updatedAt', 'articles', 'fullText'] as const;

export interface ExportRow {
  id: string;
  type: string;
  title: string;
  lang: string;
  symbol: string | null;
  date: string | null;
  states: string[];
  crimes: string[];
  access: string;
  sourceUrl: string | null;
  parentId: string | null;
  version: number;
  updatedAt: string;
  articles: string[];
  fullText: string;
  details: Record<string, unknown>;
}

export async function* exportRows(db: Db, viewer: Viewer, query: Omit<SearchQuery, 'sort' | 'limit' | 'cursor'>): AsyncGenerator<ExportRow> {
  const provider = providerFor(db);
  let cursor: string | undefined;
  do {
    const page = await provider.search({ ...query, sort: 'date', limit: 100, cursor }, viewer);
    const ids = page.items.map((h) => h.id);
    const records = new Map((await repo.findRecords(db, ids)).map((r) => [r.id, r]));
    const links = await repo.provisionLinksOf(db, ids);
    for (const id of ids) {
      const r = records.get(id);
      if (!r) continue;
      const articles = [...new Set(links.filter((l) => l.record_id === id).map((l) => `${l.instrument}:${l.article}${l.paragraph ? `:${l.paragraph}` : ''}`))];
      yield {
        id: r.id, type: r.type, title: r.title, lang: r.lang, symbol: r.symbol, date: r.date, states: r.states, crimes: r.crimes,
        access: r.access, sourceUrl: r.source_url, parentId: r.parent_id, version: r.version, updatedAt: r.updated_at.toISOString(),
        articles, fullText: r.full_text, details: r.details,
      };
    }
    cursor = page.next ?? undefined;
  } while (cursor);
}

/** One record as CSV cells: lists joined with ";" (neutralised as text like every string, see platform/csv-write.ts). */
function csvCells(row: ExportRow): CsvCell[] {
  return EXPORT_FIELDS.map((f) => {
    const v = row[f];
    return Array.isArray(v) ? v.join(';') : v;
  });
}

export function jsonLine(row: ExportRow): string {
  return `${JSON.stringify(row)}\n`;
}

/** The export file, piece by piece: JSON Lines, or CSV (byte-order mark, header, CRLF rows) from the shared writer. */
export function exportLines(rows: AsyncIterable<ExportRow>, format: 'jsonl' | 'csv'): AsyncGenerator<string> {
  if (format === 'csv') return csvStream([...EXPORT_FIELDS], map(rows, csvCells));
  return map(rows, jsonLine);
}

async function* map<T, U>(items: AsyncIterable<T>, f: (t: T) => U): AsyncGenerator<U> {
  for await (const item of items) yield f(item);
}
