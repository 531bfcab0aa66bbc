import { SEARCH_FACETS, type ListFacet, type SearchFacet, type SearchParams } from './searchParams.ts';

/**
 * A search as it is kept in the page address (/search?q=…&type=…), so that it can be shared, bookmarked and
 * reloaded. Names follow the API's, except the records' language: `?lang=` already chooses the UI language
 * (see web/i18n.ts), so the language filter is `?language=` in the address.
 */

export const LIST_FACETS = SEARCH_FACETS.filter((f): f is ListFacet => f !== 'year');

const URL_NAME: Record<SearchFacet, string> = {
  type: 'type',
  state: 'state',
  group: 'group',
  instrument: 'instrument',
  article: 'article',
  cluster: 'cluster',
  crime: 'crime',
  year: 'year',
  lang: 'language',
  access: 'access',
};

function listOf(values: string[]): string[] | undefined {
  const out = [...new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))];
  return out.length ? out : undefined;
}

export function paramsFromUrl(u: URLSearchParams): SearchParams {
  const p: SearchParams = {};
  const q = u.get('q')?.trim();
  if (q) p.q = q;
  for (const f of LIST_FACETS) {
    const v = listOf(u.getAll(URL_NAME[f]));
    if (v) p[f] = v;
  }
  const year = u.get('year')?.trim();
  if (year) p.year = year;
  if (u.get('sort') === 'date') p.sort = 'date';
  return p;
}

/** The address's query string (without "?") for a search; `keep` carries other parameters over (e.g. the UI's ?lang=). */
export function urlQuery(p: SearchParams, keep?: URLSearchParams): string {
  const u = new URLSearchParams();
  if (p.q?.trim()) u.set('q', p.q.trim());
  for (const f of LIST_FACETS) if (p[f]?.length) u.set(URL_NAME[f], p[f].join(','));
  if (p.year) u.set('year', p.year);
  if (p.sort === 'date') u.set('sort', 'date');
  const ui = keep?.get('lang');
  if (ui) u.set('lang', ui);
  return u.toString();
}

/** A link to the search page for this search. */
export function searchHref(p: SearchParams): string {
  const qs = urlQuery(p);
  return qs ? `/search?${qs}` : '/search';
}

/** Whether a search has any filter (besides the words). */
export function hasFilters(p: SearchParams): boolean {
  return LIST_FACETS.some((f) => (p[f]?.length ?? 0) > 0) || !!p.year;
}

/** The search as the API stores it in a saved search (lists as arrays). */
export function toSavedQuery(p: SearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.q) out.q = p.q;
  for (const f of LIST_FACETS) if (p[f]?.length) out[f] = p[f];
  if (p.year) out.year = p.year;
  out.sort = p.sort ?? 'relevance';
  return out;
}

/** A saved search's stored query back into a search (tolerant: it was written by the API, but is only JSON). */
export function fromSavedQuery(query: Record<string, unknown>): SearchParams {
  const p: SearchParams = {};
  if (typeof query.q === 'string' && query.q.trim()) p.q = query.q.trim();
  for (const f of LIST_FACETS) {
    const v = query[f];
    const values = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
    const list = listOf(values);
    if (list) p[f] = list;
  }
  if (typeof query.year === 'string' && query.year) p.year = query.year;
  if (query.sort === 'date') p.sort = 'date';
  return p;
}

/** "2016" or "2013-2016" → [from, to]; null when absent or malformed. */
export function yearRange(year: string | undefined): [number, number] | null {
  const m = year?.match(/^(\d{4})(?:-(\d{4}))?$/);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return a <= b ? [a, b] : [b, a];
}

export function yearValue(range: [number, number] | null): string | undefined {
  if (!range) return undefined;
  return range[0] === range[1] ? String(range[0]) : `${range[0]}-${range[1]}`;
}

/**
 * Years are one continuous range in the API. Ticking a year stretches the range to include it; unticking the
 * first or last year shrinks it; unticking a year inside keeps the years before it.
 */
export function toggleYear(current: string | undefined, year: number, checked: boolean): string | undefined {
  const r = yearRange(current);
  if (checked) return yearValue(r ? [Math.min(r[0], year), Math.max(r[1], year)] : [year, year]);
  if (!r) return undefined;
  if (r[0] === r[1]) return undefined;
  if (year === r[0]) return yearValue([year + 1, r[1]]);
  if (year === r[1]) return yearValue([r[0], year - 1]);
  return yearValue([r[0], year - 1]);
}
