/** The browser's client for the Palermo API (same origin, JSON). */

import { RECORD_TYPES, type RecordType } from '../knowledge/knowledge.tables.ts';

export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export type Localized = Partial<Record<Lang, string>>;
export type PartyStatus = 'party' | 'signatory' | 'none' | 'unknown';
export type LegalFamily = 'civil' | 'common' | 'customary' | 'muslim';

export interface Instrument {
  code: string;
  kind: 'convention' | 'protocol';
  parent: string | null;
  adoptedOn: string | null;
  inForceOn: string | null;
  reviewed: boolean;
  name: string;
  shortName: string;
  names: Localized;
}

export interface Article {
  instrument: string;
  article: number;
  eid: string;
  title: string | null;
  titleLanguage: string | null;
  titles: Localized;
  chapter: string | null;
  chapterTitle: string | null;
  cluster: { code: string; name: string } | null;
  reviewedOnlyIfNotPartyTo: string | null;
}

export interface InstrumentDetail extends Instrument {
  articles: Article[];
}

export interface ArticleDetail extends Article {
  instrumentName: string;
  instrumentShortName: string;
}

export interface Cluster {
  code: string;
  name: string;
  names: Localized;
  articles: { instrument: string; article: number; reviewedOnlyIfNotPartyTo: string | null; note: string | null }[];
}

export interface RegionalGroup {
  code: string;
  name: string;
  names: Localized;
}

export interface StateSummary {
  iso3: string;
  name: string;
  names: Localized;
  kind: string;
  regionalGroup: { code: string; name: string } | null;
  legalSystem: string | null;
  legalFamilies: string[];
  partyStatus: Record<string, PartyStatus>;
}

export interface StateList {
  items: StateSummary[];
  total: number;
  language: string;
  unknownStatus: { instrument: string; count: number; note: string } | null;
}

export interface PartyStatusEntry {
  instrument: string;
  instrumentName: string;
  status: PartyStatus;
  known: boolean;
  signedOn: string | null;
  consentedOn: string | null;
  source: string | null;
  asOf: string | null;
  note?: string;
}

export interface StateDetail {
  iso3: string;
  iso2: string | null;
  isoAssigned: boolean;
  kind: string;
  name: string;
  names: Localized;
  regionalGroup: { code: string; name: string } | null;
  legalSystem: string | null;
  legalFamilies: string[];
  notes: string | null;
  partyStatus: PartyStatusEntry[];
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  state: string | null;
  roles: string[];
  demo: boolean;
  language: string;
}

export type Me = { authenticated: false } | { authenticated: true; csrfToken: string; user: SessionUser };

export interface StateFilters {
  group?: string;
  party?: string;
  status?: string;
  legal?: string;
  q?: string;
}

export interface ApiIssue {
  path: string;
  message: string;
}

/** An error answer of the API, or a network failure (status 0, code "network"). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/v1';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** A file sent as it is (imports), instead of a JSON body. */
  file?: Blob;
  csrfToken?: string | null;
  signal?: AbortSignal;
}

/** A call to the API under /api/v1 (same origin, JSON, CSRF); a refusal is an ApiError with the server's code and issues. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Always octet-stream: the server reads the format from the bytes and the file name, and its JSON and
  // text/plain parsers would turn a .txt or .json file into a string instead of the raw file it expects.
  if (opts.file) headers['content-type'] = 'application/octet-stream';
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.csrfToken) headers['x-csrf-token'] = opts.csrfToken;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.file ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new ApiError(res.status, 'bad_response', `Unexpected response (HTTP ${res.status})`);
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: unknown; message?: unknown; issues?: unknown } } | null)?.error;
    throw new ApiError(
      res.status,
      typeof err?.code === 'string' ? err.code : 'http_' + res.status,
      typeof err?.message === 'string' ? err.message : `HTTP ${res.status}`,
      Array.isArray(err?.issues) ? (err.issues as ApiIssue[]) : [],
    );
  }
  return data as T;
}

function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
}

const seg = encodeURIComponent;

/* ---------- Knowledge portal: search, records, imports, saved searches, inbox ---------- */

// the server's own list (its module holds only types and constants: nothing else comes into the bundle)
export { RECORD_TYPES, type RecordType };
export type Access = 'public' | 'practitioners' | 'state';
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

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  lang: string;
  date: string | null;
  states: string[];
  /** HTML: escaped text with the matched words in <mark>. */
  snippet: string;
}

export interface SearchResult {
  items: SearchHit[];
  facets: Partial<Record<SearchFacet, Record<string, number>>>;
  total: number;
  /** true: total and facets are estimates ("about N"). */
  approximate: boolean;
  next: string | null;
}

export interface RecordLink {
  id: number;
  predicate: string;
  targetKind: 'provision' | 'symbol' | 'resolution' | 'decision' | 'state' | 'record';
  instrument: string | null;
  article: number | null;
  paragraph: number | null;
  subparagraph: string | null;
  target: string | null;
  atRef: string | null;
  text: string | null;
  start: number | null;
  end: number | null;
  origin: 'extracted' | 'asserted';
  verified: boolean;
  rejected: boolean;
}

export interface RecordTranslation {
  field: string;
  lang: string;
  value: string;
  kind: 'official' | 'unofficial' | 'machine';
  by: string;
  at: string;
}

export interface RecordChild {
  id: string;
  type: string;
  title: string;
  lang: string;
  paragraph: string | null;
  details: Record<string, unknown>;
}

export interface KnowledgeRecord {
  id: string;
  type: RecordType;
  workId: string;
  title: string;
  lang: string;
  symbol: string | null;
  states: string[];
  date: string | null;
  dates: Record<string, string>;
  sourceUrl: string | null;
  sourceFile: string | null;
  /** For a Conference document, its parsed structure (see ParsedDocument); {} otherwise. */
  body: Record<string, unknown>;
  fullText: string;
  details: Record<string, unknown>;
  crimes: string[];
  topics: string[];
  access: Access;
  accessState: string | null;
  parentId: string | null;
  parentRef: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
  retiredAt: string | null;
  retiredReason: string | null;
  /** What the viewer may do with the record (the server decides: knowledge.policy.ts). */
  permissions: { read: boolean; edit: boolean; manage: boolean; retire: boolean };
  links: RecordLink[];
  translations: RecordTranslation[];
  languageVersions: { id: string; lang: string; title: string }[];
  children: RecordChild[];
  incoming: { id: string; type: string; title: string; lang: string; text: string | null }[];
}

export interface RecordVersion {
  version: number;
  changedBy: string;
  changedAt: string;
  note: string | null;
  snapshot: Record<string, unknown>;
}

export interface ImportOptions {
  type?: string;
  lang?: string;
  access?: string;
  state?: string;
}

export interface ImportOutcome {
  file: string;
  status: 'added' | 'updated' | 'unchanged';
  recordId: string;
  type: string;
  symbol: string | null;
  recommendations?: number;
  links?: number;
}

export interface SavedSearch {
  id: string;
  name: string;
  query: Record<string, unknown>;
  email: boolean;
  createdAt: string;
}

export interface Licence {
  id: string;
  name: string;
  url: string;
  statement: string;
}

/** One wording of one provision of a law, with the period it was in force. */
export interface Provision {
  eid: string;
  heading: string | null;
  text: string;
  validFrom: string;
  validTo: string | null;
  change: string | null;
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

/** The Atom feed of a search (newest first). */
export const feedUrl = (p: SearchParams) => `${BASE}/feed?${searchQueryString(p, ['sort', 'cursor', 'limit'])}`.replace(/\?$/, '');
/** A bulk download (CSV or JSON Lines) of the records a search selects. */
export const exportUrl = (p: SearchParams, format: 'csv' | 'jsonl') =>
  `${BASE}/export?${[`format=${format}`, searchQueryString(p, ['sort', 'cursor', 'limit'])].filter(Boolean).join('&')}`;

export const api = {
  instruments: (lang: Lang, signal?: AbortSignal) =>
    request<{ items: Instrument[] }>('/instruments' + query({ lang }), { signal }).then((r) => r.items),
  instrument: (code: string, lang: Lang, signal?: AbortSignal) =>
    request<InstrumentDetail>(`/instruments/${seg(code)}` + query({ lang }), { signal }),
  article: (code: string, article: string | number, lang: Lang, signal?: AbortSignal) =>
    request<ArticleDetail>(`/instruments/${seg(code)}/articles/${seg(String(article))}` + query({ lang }), { signal }),
  clusters: (lang: Lang, signal?: AbortSignal) =>
    request<{ items: Cluster[] }>('/clusters' + query({ lang }), { signal }).then((r) => r.items),
  regionalGroups: (lang: Lang, signal?: AbortSignal) =>
    request<{ items: RegionalGroup[] }>('/regional-groups' + query({ lang }), { signal }).then((r) => r.items),
  states: (filters: StateFilters, lang: Lang, signal?: AbortSignal) =>
    request<StateList>('/states' + query({ lang, ...filters }), { signal }),
  state: (iso3: string, lang: Lang, signal?: AbortSignal) =>
    request<StateDetail>(`/states/${seg(iso3)}` + query({ lang }), { signal }),
  me: (signal?: AbortSignal) => request<Me>('/me', { signal }),
  login: (username: string, password: string) =>
    request<Me>('/auth/login', { method: 'POST', body: { username, password } }),
  logout: (csrfToken: string) => request<void>('/auth/logout', { method: 'POST', csrfToken }),

  search: (p: SearchParams, signal?: AbortSignal) => {
    const qs = searchQueryString(p);
    return request<SearchResult>('/search' + (qs ? '?' + qs : ''), { signal });
  },
  record: (id: string, signal?: AbortSignal) => request<KnowledgeRecord>(`/records/${seg(id)}`, { signal }),
  /** A law's provisions as they stood on `at` (today when omitted), or every wording when `history`. */
  provisions: (id: string, opts: { at?: string; history?: boolean }, signal?: AbortSignal) =>
    request<{ at: string | null; items: Provision[] }>(
      `/records/${seg(id)}/provisions` + query({ at: opts.at, history: opts.history ? 'true' : undefined }),
      { signal },
    ),
  /** A page of the versions the caller may see, newest first; `next` is the `before` of the next (older) page. */
  recordVersions: (id: string, page: { before?: number; limit?: number }, signal?: AbortSignal) =>
    request<{ items: RecordVersion[]; total: number; next: number | null }>(
      `/records/${seg(id)}/versions` + query({ before: page.before?.toString(), limit: page.limit?.toString() }),
      { signal },
    ),
  reviewLink: (recordId: string, linkId: number, decision: 'verify' | 'reject', csrfToken: string) =>
    request<{ id: number; verified: boolean; rejected: boolean }>(`/records/${seg(recordId)}/links/${linkId}/review`, {
      method: 'POST',
      body: { decision },
      csrfToken,
    }),
  /** Uploads one file; a rejected file is an ApiError 400 whose message and issues give the reason. */
  importFile: (file: File, opts: ImportOptions, csrfToken: string) =>
    request<ImportOutcome>('/imports' + query({ fileName: file.name, ...opts }), { method: 'POST', file, csrfToken }),
  licence: (signal?: AbortSignal) => request<Licence>('/licence', { signal }),
  savedSearches: (signal?: AbortSignal) => request<{ items: SavedSearch[] }>('/saved-searches', { signal }).then((r) => r.items),
  saveSearch: (input: { name: string; query: Record<string, unknown>; email: boolean }, csrfToken: string) =>
    request<SavedSearch>('/saved-searches', { method: 'POST', body: input, csrfToken }),
  deleteSavedSearch: (id: string, csrfToken: string) => request<void>(`/saved-searches/${seg(id)}`, { method: 'DELETE', csrfToken }),
};
