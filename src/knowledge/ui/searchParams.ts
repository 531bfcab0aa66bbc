/** A search as the pages hold it and as a query string (pure helpers, no API call). */
import { RECORD_TYPES, type Access, type RecordType } from '../knowledge.tables.ts';

// the server's own list (its module holds only types and constants: nothing else comes into the bundle)
export { RECORD_TYPES, type RecordType, type Access };
export const ACCESS_LEVELS: readonly Access[] = ['public', 'practitioners', 'state'];

/** The list filters of a search, in the API's names (each value list is OR-ed; the filters are AND-ed). */
export const SEARCH_FACETS = ['type', 'state', 'group', 'instrument', 'article', 'cluster', 'crime', 'year', 'lang', 'access'] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];
export type ListFacet = Exclude<SearchFacet, 'year'>;

export interface SearchParams extends Partial<Record<ListFacet, string[]>> {
  q?: string;
  /** "2016" or "2013-2016". */
  year?: string;
  sort?: 'relevance' | 'date';
  cursor?: string;
  limit?: number;
}

export interface ImportOptions {
  type?: RecordType;
  lang?: string;
  access?: Access;
  state?: string;
}

/** A search as a query string (without "?"): lists comma-separated, empty values left out. */
export function searchQueryString(p: SearchParams, omit: readonly string[] = []): string {
  const q = new URLSearchParams();
  const put = (k: string, v: string | undefined) => {
    if (v !== undefined && v !== '' && !omit.includes(k)) q.set(k, v);
  };
  put('q', p.q?.trim());
  for (const f of SEARCH_FACETS) {
    if (f === 'year') put('year', p.year);
    else put(f, p[f]?.join(','));
  }
  put('sort', p.sort);
  put('cursor', p.cursor);
  put('limit', p.limit === undefined ? undefined : String(p.limit));
  return q.toString();
}

// Feed and export are plain links: the browser downloads the file itself (no JSON, no client call).
const BASE = '/api/v1';
/** The Atom feed of a search (newest first). */
export const feedUrl = (p: SearchParams) => `${BASE}/feed?${searchQueryString(p, ['sort', 'cursor', 'limit'])}`.replace(/\?$/, '');
/** A bulk download (CSV or JSON Lines) of the records a search selects. */
export const exportUrl = (p: SearchParams, format: 'csv' | 'jsonl') =>
  `${BASE}/export?${[`format=${format}`, searchQueryString(p, ['sort', 'cursor', 'limit'])].filter(Boolean).join('&')}`;
