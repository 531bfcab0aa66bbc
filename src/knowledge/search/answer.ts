import { encodeCursor } from './cursor.ts';
import { CANDIDATES } from './candidates.ts';
import { KEYED } from './conditions.ts';
import { markersToHtml, snippetAround } from './snippets.ts';
import type { Facet, SearchHit, SearchQuery, SearchResult } from './search-provider.ts';
import type { StatementRow } from './statement.ts';

/**
 * The statement's row as the provider's answer: the page's hits with their snippets as safe HTML, the facet
 * counts, the total (exact up to CANDIDATES, an estimate above) and the cursor of the next page.
 */

/** The answer to words that analyse to nothing (only stop words, say). */
export const NOTHING: SearchResult = { items: [], facets: {}, total: 0, approximate: false, next: null };

export function answer(r: StatementRow, q: SearchQuery, sort: 'relevance' | 'date', terms: string[], estimate: number): SearchResult {
  const found = r.total ?? 0;
  const approximate = found > CANDIDATES;
  const rows = (r.items ?? []).sort((a, b) => a.rn - b.rn);
  const more = rows.length > q.limit;
  const pageRows = rows.slice(0, q.limit);
  const last = pageRows[pageRows.length - 1];
  const items: SearchHit[] = pageRows.map((x) => ({
    id: x.record_id,
    type: x.type,
    title: x.title,
    lang: x.lang,
    date: x.date,
    states: x.states,
    seq: Number(x.seq),
    snippet: x.headline ? markersToHtml(x.headline) : snippetAround(x.excerpt ?? '', terms, 90),
  }));
  const facets: SearchResult['facets'] = {};
  for (const [key, n] of r.facets ?? []) {
    const at = key.indexOf(':');
    const f = key.slice(0, at) as Facet;
    if (KEYED.has(f)) (facets[f] ??= {})[key.slice(at + 1)] = Number(n); // not the month keys
  }
  // Relevance beyond the candidates is not reachable; date order continues through the index.
  const next =
    more && last
      ? encodeCursor(sort === 'relevance' ? { k: Number(last.rank), id: last.record_id } : { k: last.sort_date, id: last.record_id })
      : null;
  return { items, facets, total: approximate ? estimate : found, approximate, next };
}
