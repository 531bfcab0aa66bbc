/**
 * The seam between the knowledge portal and a search engine: the portal feeds documents from the
 * database and asks queries; the PostgreSQL provider serves both embedded and server deployments, and an
 * external engine (OpenSearch) can implement the same interface for large ones.
 */

export const FACETS = ['type', 'state', 'group', 'instrument', 'article', 'cluster', 'crime', 'year', 'lang', 'access'] as const;
export type Facet = (typeof FACETS)[number];

export interface SearchDocument {
  recordId: string;
  type: string;
  lang: string;
  title: string;
  /** Everything searchable: title, summary, full text, in the record's language. */
  text: string;
  date: string | null;
  states: string[];
  groups: string[];
  instruments: string[];
  /** 'UNTOC:18' and, where a paragraph is known, 'UNTOC:18:13'. */
  articles: string[];
  clusters: string[];
  crimes: string[];
  access: 'public' | 'practitioners' | 'state';
  accessState: string | null;
}

/** What the person searching may see: decided by the caller from the actor, applied by the provider. */
export interface Viewer {
  /** public: public records only; member: also practitioners' and their own State's; all: everything. */
  level: 'public' | 'member' | 'all';
  state: string | null;
}

export interface SearchQuery {
  q?: string;
  filters: Partial<Record<Facet, string[]>>;
  yearFrom?: number;
  yearTo?: number;
  sort: 'relevance' | 'date';
  limit: number;
  cursor?: string;
  /**
   * Only entries written after `watermark()` returned this value, in commit order: an entry whose
   * transaction was still running then counts as later, whenever it commits (saved-search alerts).
   */
  writtenSince?: string;
}

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  lang: string;
  date: string | null;
  states: string[];
  /** HTML-escaped text with the matched terms in <mark>…</mark>. */
  snippet: string;
  seq: number;
}

export interface SearchResult {
  items: SearchHit[];
  facets: Partial<Record<Facet, Record<string, number>>>;
  total: number;
  /** true when the matches exceed what is counted exactly: total and facets are then estimates. */
  approximate: boolean;
  next: string | null;
}

export interface SearchProvider {
  index(docs: SearchDocument[]): Promise<void>;
  remove(recordIds: string[]): Promise<void>;
  search(query: SearchQuery, viewer: Viewer): Promise<SearchResult>;
  /** A position in the stream of index writes, for `writtenSince`. */
  watermark(): Promise<string>;
}
