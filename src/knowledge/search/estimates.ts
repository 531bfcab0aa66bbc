import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Condition } from './conditions.ts';
import type { QNode } from './tsquery.ts';

/**
 * How many rows a search may match, estimated without running it: from the row count and the column statistics
 * ANALYZE keeps in pg_stats (the sort dates' histogram, the most common lexemes and keys), read at most once a
 * minute per database. The estimates choose how candidates are fetched (candidates.ts).
 */

/** How long the column statistics read from pg_stats are reused. */
const STATS_TTL_MS = 60_000;

export interface Stats {
  at: number;
  rows: number;
  /** The latest sort date when the statistics were read. */
  max: string | null;
  /** Share of rows dated on or after a day (from the sort_date histogram); null without a histogram. */
  share: ((day: string) => number) | null;
  lexemes: Map<string, number>;
  lexemeFloor: number;
  keys: Map<string, number>;
  keyFloor: number;
}

const statsCache = new WeakMap<object, Stats>();

export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function frequencies(elems: string[] | null, freqs: number[] | null): [Map<string, number>, number] {
  const map = new Map<string, number>();
  (elems ?? []).forEach((e, i) => map.set(e, freqs?.[i] ?? 0));
  const floor = map.size ? Math.min(...map.values()) : 0.001;
  return [map, floor];
}

/** Row count, date histogram and most common lexemes and keys, from pg_class and pg_stats (ANALYZE). */
export async function statistics(db: Db): Promise<Stats | null> {
  const cached = statsCache.get(db);
  if (cached && Date.now() - cached.at < STATS_TTL_MS) return cached;
  const { rows } = await sql<{
    rows: number; max: string | null; bounds: string[] | null; mcv: string[] | null; freqs: number[] | null; null_frac: number | null;
    lex: string[] | null; lex_freqs: number[] | null; keys: string[] | null; key_freqs: number[] | null;
  }>`
    SELECT c.reltuples::float8 AS rows, (SELECT max(sort_date)::text FROM knowledge_search) AS max,
           d.histogram_bounds::text::date[]::text[] AS bounds, d.most_common_vals::text::date[]::text[] AS mcv,
           d.most_common_freqs::float8[] AS freqs, d.null_frac::float8 AS null_frac,
           t.most_common_elems::text::text[] AS lex, t.most_common_elem_freqs::float8[] AS lex_freqs,
           k.most_common_elems::text::text[] AS keys, k.most_common_elem_freqs::float8[] AS key_freqs
    FROM pg_class c
    LEFT JOIN pg_stats d ON d.schemaname = current_schema() AND d.tablename = 'knowledge_search' AND d.attname = 'sort_date'
    LEFT JOIN pg_stats t ON t.schemaname = current_schema() AND t.tablename = 'knowledge_search' AND t.attname = 'tsv'
    LEFT JOIN pg_stats k ON k.schemaname = current_schema() AND k.tablename = 'knowledge_search' AND k.attname = 'keys'
    WHERE c.oid = 'knowledge_search'::regclass`.execute(db);
  const r = rows[0];
  if (!r || r.rows <= 0 || !r.keys?.length) return null; // never analysed: no estimates
  const bounds = (r.bounds ?? []).map(dayNumber);
  const mcv = (r.mcv ?? []).map(dayNumber);
  const freqs = r.freqs ?? [];
  const histShare = Math.max(0, 1 - (r.null_frac ?? 0) - freqs.reduce((a, b) => a + b, 0));
  const share = (day: string) => {
    const d = dayNumber(day);
    let s = 0;
    mcv.forEach((v, i) => { if (v >= d) s += freqs[i]!; });
    const n = bounds.length - 1;
    if (n < 1) return s;
    if (d <= bounds[0]!) return s + histShare;
    if (d > bounds[n]!) return s;
    let i = 0;
    while (bounds[i + 1]! < d) i++;
    return s + (histShare * (n - i - 1 + (bounds[i + 1]! - d) / Math.max(1, bounds[i + 1]! - bounds[i]!))) / n;
  };
  const [lexemes, lexemeFloor] = frequencies(r.lex, r.lex_freqs);
  const [keys, keyFloor] = frequencies(r.keys, r.key_freqs);
  const stats: Stats = { at: Date.now(), rows: r.rows, max: r.max, share: bounds.length > 1 || mcv.length ? share : null, lexemes, lexemeFloor, keys, keyFloor };
  statsCache.set(db, stats);
  return stats;
}

/**
 * The share of rows a tsquery matches: `independent` takes words as independent (a phrase as rare as its rarest
 * word); otherwise an upper bound (all of the words: no more than the rarest; any: no more than their sum).
 */
function textShare(stats: Stats, n: QNode, independent = true): number {
  const sub = (x: QNode) => textShare(stats, x, independent);
  switch (n.k) {
    case 'lex': {
      if (!n.prefix) return stats.lexemes.get(n.t) ?? stats.lexemeFloor / 2;
      let s = 0;
      for (const [l, f] of stats.lexemes) if (l.startsWith(n.t)) s += f;
      return Math.min(1, Math.max(s, stats.lexemeFloor / 2));
    }
    case 'not':
      return independent ? 1 - sub(n.x) : 1;
    case 'and':
      return independent ? n.xs.reduce((s, x) => s * sub(x), 1) : Math.min(...n.xs.map(sub));
    case 'or':
      return independent ? 1 - n.xs.reduce((s, x) => s * (1 - sub(x)), 1) : Math.min(1, n.xs.reduce((s, x) => s + sub(x), 0));
    case 'phrase':
      return Math.min(...n.xs.map(sub));
  }
}

const keyShare = (stats: Stats, keys: string[]) => 1 - keys.reduce((s, k) => s * (1 - (stats.keys.get(k) ?? stats.keyFloor / 2)), 1);

/** Estimates: `expected` takes conditions as independent, `most` can only be too high (with current statistics). */
export function matchEstimates(stats: Stats | null, conditions: Condition[], tree: QNode | null): { expected: number; most: number } {
  const shares = stats ? conditions.map((c) => (c.keys ? keyShare(stats, c.keys) : 1)) : [];
  const expected = stats ? stats.rows * shares.reduce((a, b) => a * b, 1) * (tree ? textShare(stats, tree) : 1) : Infinity;
  const most = stats ? stats.rows * Math.min(1, ...shares, ...(tree ? [textShare(stats, tree, false)] : [])) : Infinity;
  return { expected, most };
}
