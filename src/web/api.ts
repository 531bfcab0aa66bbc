/** The browser's client for the Palermo API (same origin, JSON). */

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

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  csrfToken?: string | null;
  signal?: AbortSignal;
}

async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.csrfToken) headers['x-csrf-token'] = opts.csrfToken;
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
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
};
