import { sql, type RawBuilder } from 'kysely';
import type { Facet, SearchQuery, Viewer } from './search-provider.ts';

/**
 * What a search asks for besides its words, as SQL conditions on `knowledge_search s`: the viewer's access (in
 * every query) and the filters. Every filter is a key in one array column, so the GIN index of the text and
 * the keys answers words and filters together; each condition names its keys so that it can be estimated.
 */

/** The facets kept as keys (`state:FRA`); the month keys (`month:2016-05`) are for slices of dates only. */
export const KEYED = new Set<Facet>(['state', 'group', 'instrument', 'article', 'cluster', 'crime', 'type', 'lang', 'access', 'year']);

export interface Condition {
  sql: RawBuilder<unknown>;
  /** The keys it asks for (any of them), to estimate it. */
  keys?: string[];
}

export function viewerCondition(v: Viewer): Condition {
  if (v.level === 'all') return { sql: sql`true` };
  if (v.level === 'public') return { sql: sql`s.access = 'public'`, keys: ['access:public'] };
  return v.state
    ? { sql: sql`(s.access IN ('public', 'practitioners') OR (s.access = 'state' AND s.access_state = ${v.state}))`, keys: ['access:public', 'access:practitioners'] }
    : { sql: sql`s.access IN ('public', 'practitioners')`, keys: ['access:public', 'access:practitioners'] };
}

const yearKeys = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `year:${from + i}`);

/** Every filter as a condition on the keys (one GIN index answers them all), or on a column where not. */
export function filterConditions(q: SearchQuery): Condition[] {
  const out: Condition[] = [];
  const keyed = (keys: string[]) => out.push({ sql: sql`s.keys && ${keys}::text[]`, keys });
  for (const [facet, values] of Object.entries(q.filters) as Array<[Facet, string[] | undefined]>) {
    if (!values?.length || !KEYED.has(facet)) continue;
    keyed((facet === 'year' ? values.map((v) => String(Number(v))) : values).map((v) => `${facet}:${v}`));
  }
  const { yearFrom: from, yearTo: to } = q;
  if (from !== undefined && to !== undefined && to >= from && to - from < 200) keyed(yearKeys(from, to));
  else {
    if (from !== undefined) out.push({ sql: sql`s.year >= ${from}` });
    if (to !== undefined) out.push({ sql: sql`s.year <= ${to}` });
  }
  // The watermark is a snapshot; an entry is new when the snapshot could not see its writer. A snapshot
  // from the future (a database restored into another server) sees nothing as new, once.
  if (q.writtenSince !== undefined) {
    const w = sql`${q.writtenSince}::pg_snapshot`;
    out.push({ sql: sql`(s.written_xid >= pg_snapshot_xmin(${w}) AND NOT pg_visible_in_snapshot(s.written_xid, ${w})
      AND pg_snapshot_xmax(${w}) <= pg_snapshot_xmax(pg_current_snapshot()))` });
  }
  return out;
}

/** The last day a match may be dated, by the year filters; null when they set no upper bound. */
export function newestAllowed(q: SearchQuery): string | null {
  const facet = (q.filters.year ?? []).map(Number).filter(Number.isInteger); // any of these years
  const bounds = [...(facet.length ? [Math.max(...facet)] : []), ...(q.yearTo !== undefined ? [q.yearTo] : [])]; // and up to yearTo
  if (!bounds.length) return null;
  const y = Math.min(...bounds);
  return y > 0 && y < 10_000 ? `${String(y).padStart(4, '0')}-12-31` : null;
}
