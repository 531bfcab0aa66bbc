import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { decodeCursor, encodeCursor, type Cursor } from './cursor.ts';
import { chineseQuery, configFor, hasHan, indexText, queryConfigs, queryText, segmentChinese } from './analysis.ts';
import { MARK_END, MARK_START, markersToHtml, snippetAround } from './snippets.ts';
import type { Facet, SearchDocument, SearchHit, SearchProvider, SearchQuery, SearchResult, Viewer } from './search-provider.ts';
import '../knowledge.tables.ts';

/**
 * Full-text search on PostgreSQL (the embedded server and PostgreSQL 15+ alike). docs/PERFORMANCE.md
 * explains the choices and shows the measurements.
 *
 * Ranking every match of a common term is what makes naive full-text search slow (GIN cannot return the
 * top-k by rank): so matches are first narrowed to at most CANDIDATES, the most recent ones. Results,
 * ranking and facets are exact below that size; above it they come from the candidates and the answer
 * says `approximate: true`, with an estimated total.
 *
 * Every filter is a key in one array column, and one GIN index covers the text and the keys, so a query's
 * words and all of its filters are intersected inside a single index scan. How many rows match is
 * estimated from the column statistics (a phrase counting as its rarest word), and decides how the
 * candidates are fetched:
 * - few: every match, from that index scan;
 * - many: only the matches dated in the most recent months expected to hold a few times CANDIDATES of
 *   them (each row's month is a key too), a wider slice if that was too few, a narrower one if too many;
 * - filters alone that match much of the table: newest first through the date index.
 * Each attempt is bounded, and the statement computes ranks, snippets and facets only once the candidates
 * are right.
 */

/**
 * Ranking reads each candidate's tsvector: the window is a trade between how much of a very broad query
 * relevance looks at and its latency (400 rather than 500 took the slowest class of the benchmark at 1M on
 * the embedded server from 54 to under 50 ms at p95; docs/PERFORMANCE.md).
 */
export const CANDIDATES = 400;
/** Up to this many matches (by the upper-bound estimate), every match is fetched. */
const FETCH_ALL = 1500;
/** A slice is sized to hold this many times the rows needed, by the estimate… */
const SLICE_MARGIN = 2;
/** …and abandoned (for a narrower one) past this many times. */
const SLICE_CAP = 8;
const MAX_TEXT = 1_000_000; // characters indexed per record (to_tsvector's limit is 1 MB of positions)
/** Snippets come from this many characters around the first match found in the first HEADLINE_TEXT. */
const HEADLINE_WINDOW = 600;
const HEADLINE_TEXT = 20_000;
/** How long the column statistics read from pg_stats are reused. */
const STATS_TTL_MS = 60_000;

const KEYED = new Set<Facet>(['state', 'group', 'instrument', 'article', 'cluster', 'crime', 'type', 'lang', 'access', 'year']);

/** The tsquery for q as SQL, or null when there is no text to match. */
export function tsQuery(q: string | undefined): { query: RawBuilder<unknown>; terms: string[] } | null {
  const text = q?.trim();
  if (!text) return null;
  if (hasHan(text)) {
    const zh = chineseQuery(text);
    if (!zh) return null;
    const terms = segmentChinese(text.replace(/"/g, ' ')).filter((w) => w.trim() && !/^[\p{P}\s]+$/u.test(w));
    return { query: sql`to_tsquery('simple', ${zh})`, terms };
  }
  const normalized = queryText(text);
  const parts = queryConfigs(text).map((cfg) => sql`websearch_to_tsquery(${cfg}::regconfig, ${normalized})`);
  return { query: sql`(${sql.join(parts, sql` || `)})`, terms: [] };
}

/* ---------- statistics and estimates ---------- */

interface Stats {
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

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function frequencies(elems: string[] | null, freqs: number[] | null): [Map<string, number>, number] {
  const map = new Map<string, number>();
  (elems ?? []).forEach((e, i) => map.set(e, freqs?.[i] ?? 0));
  const floor = map.size ? Math.min(...map.values()) : 0.001;
  return [map, floor];
}

/** Row count, date histogram and most common lexemes and keys, from pg_class and pg_stats (ANALYZE). */
async function statistics(db: Db): Promise<Stats | null> {
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

type QNode = { k: 'lex'; t: string; prefix: boolean } | { k: 'and' | 'or' | 'phrase'; xs: QNode[] } | { k: 'not'; x: QNode };

/** tsquery text ('a' & ( 'b' | 'c':* ) & 'd' <-> 'e') as a tree. */
function parseTsquery(text: string): QNode | null {
  const tokens = text.match(/'(?:[^']|'')*'(?::[*A-D]+)?|<\d+>|<->|[&|!()]/g) ?? [];
  let at = 0;
  const unary = (): QNode => {
    const t = tokens[at++] ?? "''";
    if (t === '!') return { k: 'not', x: unary() };
    if (t === '(') {
      const e = or();
      at++;
      return e;
    }
    const end = t.lastIndexOf("'");
    return { k: 'lex', t: t.slice(1, end).replace(/''/g, "'").replace(/\\(.)/g, '$1'), prefix: t.slice(end).includes('*') };
  };
  const chain = (sep: (t: string | undefined) => boolean, next: () => QNode, k: 'and' | 'or' | 'phrase'): QNode => {
    const xs = [next()];
    while (sep(tokens[at])) {
      at++;
      xs.push(next());
    }
    return xs.length === 1 ? xs[0]! : { k, xs };
  };
  const phrase = () => chain((t) => t !== undefined && t.startsWith('<'), unary, 'phrase');
  const and = () => chain((t) => t === '&', phrase, 'and');
  const or = (): QNode => chain((t) => t === '|', and, 'or');
  return tokens.length ? or() : null;
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

function lexemesOf(n: QNode | null, out: string[] = []): string[] {
  if (!n) return out;
  if (n.k === 'lex') {
    if (!n.prefix && !out.includes(n.t)) out.push(n.t);
  } else if (n.k === 'not') lexemesOf(n.x, out);
  else n.xs.forEach((x) => lexemesOf(x, out));
  return out;
}

const keyShare = (stats: Stats, keys: string[]) => 1 - keys.reduce((s, k) => s * (1 - (stats.keys.get(k) ?? stats.keyFloor / 2)), 1);

/* ---------- conditions ---------- */

interface Condition {
  sql: RawBuilder<unknown>;
  /** The keys it asks for (any of them), to estimate it. */
  keys?: string[];
}

function viewerCondition(v: Viewer): Condition {
  if (v.level === 'all') return { sql: sql`true` };
  if (v.level === 'public') return { sql: sql`s.access = 'public'`, keys: ['access:public'] };
  return v.state
    ? { sql: sql`(s.access IN ('public', 'practitioners') OR (s.access = 'state' AND s.access_state = ${v.state}))`, keys: ['access:public', 'access:practitioners'] }
    : { sql: sql`s.access IN ('public', 'practitioners')`, keys: ['access:public', 'access:practitioners'] };
}

const yearKeys = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `year:${from + i}`);

/** Every filter as a condition on the keys (one GIN index answers them all), or on a column where not. */
function filterConditions(q: SearchQuery): Condition[] {
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

type Analysed = { tsquery: string; terms: string[] } | null | 'nothing';

/**
 * Analysed queries, per database: the analysis is a pure function of the text (the text search configurations
 * change only with a migration, i.e. a restart), and the same query comes back as a user pages, sorts and
 * clicks facets. Saves a round trip to the server.
 */
const analysedCache = new WeakMap<object, Map<string, Analysed>>();
const ANALYSED_KEPT = 1000;

/** The analysed query as tsquery text: each configuration's reading once (they often coincide). */
async function analysedQuery(db: Db, q: string | undefined): Promise<Analysed> {
  const text = q?.trim() ?? '';
  let cache = analysedCache.get(db);
  if (!cache) analysedCache.set(db, (cache = new Map()));
  const known = cache.get(text);
  if (known !== undefined) {
    cache.delete(text); // least recently used goes first
    cache.set(text, known);
    return known;
  }
  const result = await analyse(db, text);
  cache.set(text, result);
  if (cache.size > ANALYSED_KEPT) cache.delete(cache.keys().next().value!);
  return result;
}

async function analyse(db: Db, text: string): Promise<Analysed> {
  const ts = tsQuery(text);
  if (!ts) return null;
  const { rows } = hasHan(text)
    ? await sql<{ t: string }>`SELECT ${ts.query}::text AS t`.execute(db)
    : await sql<{ t: string }>`
        SELECT DISTINCT websearch_to_tsquery(c::regconfig, ${queryText(text)})::text AS t FROM unnest(${queryConfigs(text)}::text[]) c`.execute(db);
  const parts = rows.map((r) => r.t).filter((t) => t.trim() !== '').sort();
  if (!parts.length) return 'nothing';
  return { tsquery: parts.length === 1 ? parts[0]! : parts.map((p) => `( ${p} )`).join(' | '), terms: ts.terms };
}

/* ---------- slices of months ---------- */

/** The last day a match may be dated, by the year filters; null when they set no upper bound. */
function newestAllowed(q: SearchQuery): string | null {
  const facet = (q.filters.year ?? []).map(Number).filter(Number.isInteger); // any of these years
  const bounds = [...(facet.length ? [Math.max(...facet)] : []), ...(q.yearTo !== undefined ? [q.yearTo] : [])]; // and up to yearTo
  if (!bounds.length) return null;
  const y = Math.min(...bounds);
  return y > 0 && y < 10_000 ? `${String(y).padStart(4, '0')}-12-31` : null;
}

const monthKey = (y: number, m: number) => `month:${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
const isoDay = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The keys naming every row dated from the start of some month to the end of `upTo`'s year, the month chosen
 * so that the rows dated from it up to `upTo` are about `want` of all rows (and that share); null when that
 * takes them all.
 */
function sliceKeys(share: (day: string) => number, upTo: string, want: number): { keys: string[]; covered: number; narrowest: boolean } | null {
  const after = share(isoDay(dayNumber(upTo) + 1));
  const last = Number(upTo.slice(0, 4));
  let y = last;
  let m = Number(upTo.slice(5, 7));
  for (let i = 0; i < 12 * 300 && y > 0; i++) {
    const s = share(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`);
    if (s >= 0.999) return null;
    if (s - after >= want) {
      const keys: string[] = [];
      for (let mm = m; mm <= 12; mm++) keys.push(monthKey(y, mm));
      for (let yy = y + 1; yy <= last; yy++) keys.push(`year:${yy}`);
      return { keys, covered: s - after, narrowest: i === 0 };
    }
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return null;
}

/** Does the query need positions (a phrase), which GIN cannot check? */
function hasPhrase(n: QNode | null): boolean {
  if (!n || n.k === 'lex') return false;
  if (n.k === 'phrase') return true;
  return n.k === 'not' ? hasPhrase(n.x) : n.xs.some(hasPhrase);
}

/**
 * The tree as tsquery text with its phrases loosened to "all of the words" (outside negations), which GIN
 * answers exactly, without reading each row's tsvector: a superset of the matches, checked row by row later.
 */
function loosened(n: QNode, loose = true): string {
  switch (n.k) {
    case 'lex':
      return `'${n.t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${n.prefix ? ':*' : ''}`;
    case 'not':
      return `!( ${loosened(n.x, false)} )`;
    case 'phrase':
      return loose ? `( ${n.xs.map((x) => loosened(x, loose)).join(' & ')} )` : `( ${n.xs.map((x) => loosened(x, loose)).join(' <-> ')} )`;
    case 'and':
    case 'or':
      return `( ${n.xs.map((x) => loosened(x, loose)).join(n.k === 'and' ? ' & ' : ' | ')} )`;
  }
}

/* ---------- the statement ---------- */

/** How to find the most recent `need` matches. */
export interface Fetch {
  /** walk: newest first through the date index; scan: every match (of the slice) through GIN, then sorted. */
  how: 'walk' | 'scan';
  slice: { keys: string[]; covered: number; narrowest: boolean } | null;
  /** Give up (and say so) past this many matches in the scan. */
  cap: number | null;
  /** With a slice: the last day it covers (later rows would be missed). */
  covers: string | null;
  /** The rows wanted from it. */
  need: number;
}

interface Row {
  record_id: string;
  type: string;
  title: string;
  lang: string;
  date: string | null;
  sort_date: string;
  states: string[];
  seq: number;
  rank: number;
  rn: number;
  headline: string | null;
  excerpt: string | null;
}

interface StatementRow {
  /** Rows the candidate fetch found (at most its cap, or CANDIDATES + 1 for a walk); for a phrase, before checking it. */
  hits: number;
  /** With a phrase and a slice: the matches among the hits (up to CANDIDATES + 1). */
  found: number | null;
  /** The same for the page after a date cursor. */
  deep_hits: number | null;
  deep_found: number | null;
  /** The latest sort date in the index now. */
  max: string | null;
  /** false: the fetches were not right; nothing else was computed. */
  ok: boolean;
  total: number | null;
  items: Row[] | null;
  facets: Array<[string, number]> | null;
}

interface StatementOptions {
  /** All conditions, and the same with any phrase loosened (for GIN). */
  cond: RawBuilder<unknown>;
  loose: RawBuilder<unknown>;
  tsq: RawBuilder<unknown> | null;
  phrase: boolean;
  sort: 'relevance' | 'date';
  cursor: Cursor | null;
  main: Fetch;
  /** The page after a date cursor, fetched on its own. */
  deep: Fetch | null;
  keyset: RawBuilder<unknown> | null;
  lexemes: string[];
  /** The last day a match may be dated (the year filters), so the date index can start there. */
  bound: string | null;
}

/** How the candidates of one fetch are being looked for, from attempt to attempt. */
interface Plan {
  /** every match (the estimate says they are few) */
  all: boolean;
  /** newest first through the date index */
  walk: boolean;
  /** the matches expected in the whole table (revised after each attempt) */
  matches: number;
}

const NOTHING: SearchResult = { items: [], facets: {}, total: 0, approximate: false, next: null };

export class PostgresSearch implements SearchProvider {
  constructor(private readonly db: Db) {}

  /** One statement per call, however many documents: bulk loads hand over a batch at a time. */
  async index(docs: SearchDocument[]): Promise<void> {
    const latest = new Map(docs.map((d) => [d.recordId, d])); // ON CONFLICT may touch a row only once per statement
    if (latest.size === 0) return;
    const rows = [...latest.values()].map((d) => ({
      record_id: d.recordId,
      config: configFor(d.lang),
      text: indexText(`${d.title}\n${d.text}`.slice(0, MAX_TEXT), d.lang),
      type: d.type,
      lang: d.lang,
      title: d.title,
      date: d.date,
      sort_date: d.date ?? '0001-01-01',
      year: d.date ? Number(d.date.slice(0, 4)) : null,
      states: d.states,
      groups: d.groups,
      instruments: d.instruments,
      articles: d.articles,
      clusters: d.clusters,
      crimes: d.crimes,
      access: d.access,
      access_state: d.accessState,
    }));
    // Re-indexing gets a new seq, so "new since" (alerts, feeds) sees changed records too.
    await sql`
      INSERT INTO knowledge_search AS s (record_id, tsv, config, type, lang, title, date, sort_date, year, states, groups,
        instruments, articles, clusters, crimes, access, access_state)
      SELECT d.record_id, to_tsvector(d.config::regconfig, d.text), d.config, d.type, d.lang, d.title, d.date, d.sort_date, d.year,
        d.states, d.groups, d.instruments, d.articles, d.clusters, d.crimes, d.access, d.access_state
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS d(record_id uuid, config text, text text, type text, lang text,
        title text, date date, sort_date date, year int, states text[], groups text[], instruments text[], articles text[],
        clusters text[], crimes text[], access text, access_state text)
      ON CONFLICT (record_id) DO UPDATE SET tsv = excluded.tsv, config = excluded.config, type = excluded.type,
        lang = excluded.lang, title = excluded.title, date = excluded.date, sort_date = excluded.sort_date, year = excluded.year,
        states = excluded.states, groups = excluded.groups, instruments = excluded.instruments, articles = excluded.articles,
        clusters = excluded.clusters, crimes = excluded.crimes, access = excluded.access, access_state = excluded.access_state,
        seq = nextval(pg_get_serial_sequence('knowledge_search', 'seq'))`.execute(this.db);
  }

  async watermark(): Promise<string> {
    const { rows } = await sql<{ w: string }>`SELECT pg_current_snapshot()::text AS w`.execute(this.db);
    return rows[0]!.w;
  }

  async remove(recordIds: string[]): Promise<void> {
    if (recordIds.length) await this.db.deleteFrom('knowledge_search').where('record_id', 'in', recordIds).execute();
  }

  async search(q: SearchQuery, viewer: Viewer): Promise<SearchResult> {
    const text = await analysedQuery(this.db, q.q);
    if (text === 'nothing') return NOTHING;
    const tree = text ? parseTsquery(text.tsquery) : null;
    const tsq = text ? sql`${text.tsquery}::tsquery` : null;
    const phrase = hasPhrase(tree);
    const conditions = [viewerCondition(viewer), ...filterConditions(q)];
    const where = (t: RawBuilder<unknown> | null) => sql.join([...conditions.map((c) => c.sql), ...(t ? [sql`s.tsv @@ ${t}`] : [])], sql` AND `);
    const sort = tsq ? q.sort : 'date';
    const cursor = q.cursor ? decodeCursor(q.cursor, sort) : null;
    const keyset = sort === 'date' && cursor ? sql`(s.sort_date, s.record_id) < (${cursor.k}::date, ${cursor.id}::uuid)` : null;
    const bound = newestAllowed(q);
    const base = {
      cond: where(tsq), loose: where(phrase ? sql`${loosened(tree!)}::tsquery` : tsq), tsq, phrase, sort, cursor, keyset, lexemes: lexemesOf(tree), bound,
    };
    const need = CANDIDATES + 1;
    const pageNeed = q.limit + 1;

    // Estimates: `expected` takes conditions as independent, `most` can only be too high (with current statistics).
    const stats = await statistics(this.db);
    const shares = stats ? conditions.map((c) => (c.keys ? keyShare(stats, c.keys) : 1)) : [];
    const expected = stats ? stats.rows * shares.reduce((a, b) => a * b, 1) * (tree ? textShare(stats, tree) : 1) : Infinity;
    const most = stats ? stats.rows * Math.min(1, ...shares, ...(tree ? [textShare(stats, tree, false)] : [])) : Infinity;
    const fixed = (how: 'walk' | 'scan', n: number): Fetch => ({ how, slice: null, cap: null, covers: null, need: n });

    let row: StatementRow;
    let implied = 0; // the matches the final slice implies in the whole table, when it was a slice
    if (!stats?.share) {
      // Never analysed (a new or small index): every match.
      row = await this.statement(q, { ...base, main: fixed('scan', need), deep: keyset ? fixed('scan', pageNeed) : null });
    } else if (!tsq && expected >= 0.3 * stats.rows) {
      row = await this.statement(q, { ...base, main: fixed('walk', need), deep: keyset ? fixed('walk', pageNeed) : null });
    } else {
      const share = stats.share;
      // Words and filters are often correlated (a crime's vocabulary, its crime type), so start from the upper
      // bound: too narrow a slice costs little and shows the density of matches; too wide a one reads up to its cap.
      const start = Math.max(most, need);
      const state: Record<'main' | 'deep', Plan> = { main: { all: most <= FETCH_ALL, walk: false, matches: start }, deep: { all: most <= FETCH_ALL, walk: false, matches: start } };
      // Slices start at the newest day the filters allow: a search of past years does not wade through recent months.
      const newest = stats.max ?? '9999-12-31';
      const clamped = bound !== null && bound < newest;
      let upTo = clamped ? bound : newest;
      // A slice for `n` rows is sized for at least `size` (a page after a cursor is small, but retrying costs more).
      // The first page's slice must also reach the newest rows; the page after a cursor only older ones.
      const plan = (s: Plan, n: number, from: string, newest: boolean, size = n): Fetch => {
        if (s.walk) return fixed('walk', n);
        if (s.all) return { how: 'scan', slice: null, cap: 2 * FETCH_ALL, covers: null, need: n };
        const slice = sliceKeys(share, from, (SLICE_MARGIN * size) / s.matches);
        const cap = (slice ? 1 : 4) * SLICE_CAP * size;
        if (slice?.narrowest && s.matches * slice.covered > cap) return fixed('walk', n); // as adjust would conclude
        return { how: 'scan', slice, cap, covers: slice && newest && !clamped ? `${from.slice(0, 4)}-12-31` : null, need: n };
      };
      // After a wrong guess, the density of matches seen in the slice is the better estimate.
      // A single month holding more matches than the cap: they are dense, so the date index finds the newest quickly.
      const adjust = (s: Plan, f: Fetch, hits: number, found: number | null) => {
        const seen = found ?? hits;
        if (f.cap !== null && hits >= f.cap) {
          if (f.slice?.narrowest) s.walk = true;
          else if (s.all) [s.all, s.matches] = [false, Math.max(s.matches, f.cap) * 2];
          else s.matches = f.slice ? (2 * hits) / f.slice.covered : s.matches * 8;
        } else if (f.slice && seen < f.need) s.matches = seen > 0 ? Math.min(s.matches, seen / f.slice.covered) : s.matches / 16;
      };
      for (let attempt = 0; ; attempt++) {
        const last = attempt === 4; // stop estimating: the date index always finds them
        const main = last ? fixed('walk', need) : plan(state.main, need, upTo, true);
        const deep = keyset ? (last ? fixed('walk', pageNeed) : plan(state.deep, pageNeed, String(cursor!.k), false, Math.max(pageNeed, 50))) : null;
        row = await this.statement(q, { ...base, main, deep });
        implied = main.slice ? (row.found ?? row.hits) / main.slice.covered : 0;
        if (row.ok || last) break;
        if (!clamped && row.max && row.max > upTo) upTo = row.max; // rows dated later than the statistics knew
        adjust(state.main, main, row.hits, row.found);
        if (deep) adjust(state.deep, deep, row.deep_hits ?? 0, row.deep_found);
      }
    }
    // Above the cap the total is an estimate: from the density of matches in the slice read, or the statistics.
    return this.answer(row, q, sort, text?.terms ?? [], Math.round(Math.max(implied || expected, need)));
  }

  private answer(r: StatementRow, q: SearchQuery, sort: 'relevance' | 'date', terms: string[], estimate: number): SearchResult {
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

  /** Candidates, then (when they are right) their ranks, the page with snippets, and facet counts: one statement. */
  private async statement(q: SearchQuery, o: StatementOptions): Promise<StatementRow> {
    const { tsq, sort, cursor } = o;
    const columns = sql`s.record_id, s.type, s.title, s.lang, s.date, s.sort_date, s.states, s.seq, s.config, s.keys`;
    // The rows that may match, newest first through the date index, or every one (of a slice) through GIN.
    const hits = (f: Fetch, after: RawBuilder<unknown> | null) => {
      const extra = sql`${f.slice ? sql` AND s.keys && ${f.slice.keys}::text[]` : sql``}${after ? sql` AND ${after}` : sql``}`;
      return f.how === 'walk'
        ? sql`SELECT s.ctid AS tid, s.sort_date, s.record_id FROM knowledge_search s WHERE ${o.cond}${extra}${o.bound ? sql` AND s.sort_date <= ${o.bound}::date` : sql``}
              ORDER BY s.sort_date DESC, s.record_id DESC LIMIT ${f.need}`
        : sql`SELECT s.ctid AS tid, s.sort_date, s.record_id FROM knowledge_search s WHERE ${o.loose}${extra}${f.cap ? sql` LIMIT ${f.cap}` : sql``}`;
    };
    // …then the matches, newest first, read once each (a phrase checked, the rank computed) until enough.
    const matches = (from: string, f: Fetch, rank: RawBuilder<unknown>) => sql`
      SELECT x.* FROM (SELECT tid, sort_date, record_id FROM ${sql.table(from)} ORDER BY sort_date DESC, record_id DESC) h
      CROSS JOIN LATERAL (SELECT ${columns}, ${rank} AS rank FROM knowledge_search s
                          WHERE s.ctid = h.tid${o.phrase && f.how === 'scan' ? sql` AND s.tsv @@ ${tsq}` : sql``}) x
      ORDER BY h.sort_date DESC, h.record_id DESC LIMIT ${f.need}`;
    // Right unless a scan stopped at its cap, or a slice held too few (or missed rows dated later).
    const counted = (f: Fetch, table: string, checked: string) => {
      const pre = sql`${f.cap ? sql`(SELECT count(*) FROM ${sql.table(table)}) < ${f.cap}` : sql`true`}
        ${f.slice ? sql` AND (SELECT count(*) FROM ${sql.table(table)}) >= ${f.need}` : sql``}${f.covers ? sql` AND chk.max <= ${f.covers}::date` : sql``}`;
      const enough = f.slice && o.phrase ? sql`(SELECT count(*) FROM ${sql.table(checked)}) >= ${f.need}` : sql`true`;
      return { ok: sql`CASE WHEN ${pre} THEN ${enough} ELSE false END`, found: f.slice && o.phrase ? sql`CASE WHEN ${pre} THEN (SELECT count(*)::int FROM ${sql.table(checked)}) END` : sql`NULL::int` };
    };
    const main = counted(o.main, 'hits', 'cand');
    const deep = o.deep ? counted(o.deep, 'deep_hits', 'deep') : null;
    const order = sort === 'relevance' ? sql`rank DESC, record_id DESC` : sql`sort_date DESC, record_id DESC`;
    const page = o.deep
      ? sql`SELECT * FROM deep d ORDER BY d.sort_date DESC, d.record_id DESC LIMIT ${q.limit + 1}`
      : sort === 'relevance'
        ? sql`SELECT * FROM cand c ${cursor ? sql`WHERE (c.rank, c.record_id) < (${cursor.k}::real, ${cursor.id}::uuid)` : sql``}
              ORDER BY c.rank DESC, c.record_id DESC LIMIT ${q.limit + 1}`
        : sql`SELECT * FROM cand c ORDER BY c.sort_date DESC, c.record_id DESC LIMIT ${q.limit + 1}`;
    const opts = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
    // ts_headline parses all the text it is given: give it a window around the first occurrence of a query
    // lexeme as written (stems are mostly prefixes of words; case-sensitive, as lower() of long texts is slow),
    // or the beginning of the text. The text is read (and decompressed) once.
    const headline = tsq
      ? sql`(SELECT ts_headline(p.config::regconfig, CASE WHEN w.at IS NULL OR w.at <= ${HEADLINE_WINDOW / 2}
                                   THEN left(t.t, ${HEADLINE_WINDOW}) ELSE substr(t.t, w.at - ${HEADLINE_WINDOW / 4}, ${HEADLINE_WINDOW}) END,
                                 ${tsq}, ${opts})
             FROM (SELECT left(k.full_text, ${HEADLINE_TEXT}) AS t OFFSET 0) t,
                  LATERAL (SELECT min(NULLIF(strpos(t.t, l), 0)) AS at FROM unnest(${o.lexemes}::text[]) l) w)`
      : sql`NULL`;
    const rank = sort === 'relevance' && tsq ? sql`ts_rank_cd(s.tsv, ${tsq}, 1)` : sql`0::real`;
    const result = await sql<StatementRow>`
      WITH hits AS MATERIALIZED (${hits(o.main, null)}),
      ${o.deep ? sql`deep_hits AS MATERIALIZED (${hits(o.deep, o.keyset)}),` : sql``}
      chk AS MATERIALIZED (
        SELECT (SELECT count(*)::int FROM hits) AS hits, ${o.deep ? sql`(SELECT count(*)::int FROM deep_hits)` : sql`NULL::int`} AS deep_hits,
               (SELECT max(sort_date) FROM knowledge_search) AS max),
      cand AS MATERIALIZED (${matches('hits', o.main, rank)}),
      ${o.deep ? sql`deep AS MATERIALIZED (${matches('deep_hits', o.deep, sql`0::real`)}),` : sql``}
      ok AS MATERIALIZED (
        SELECT ${main.found} AS found, ${deep ? deep.found : sql`NULL::int`} AS deep_found,
               ${main.ok} AND ${deep ? deep.ok : sql`true`} AS ok FROM chk),
      pg AS MATERIALIZED (${page}),
      p AS (SELECT pg.*, row_number() OVER (ORDER BY ${order}) AS rn FROM pg)
      SELECT chk.hits, chk.deep_hits, ok.found, ok.deep_found, chk.max::text AS max, ok.ok,
             CASE WHEN ok.ok THEN (SELECT count(*)::int FROM cand) END AS total,
             CASE WHEN ok.ok THEN (SELECT json_agg(row_to_json(it)) FROM (
                SELECT p.record_id, p.type, p.title, p.lang, p.date, p.sort_date, p.states, p.seq, p.rank, p.rn,
                       CASE WHEN p.rn > ${q.limit} OR p.config = 'simple' THEN NULL ELSE ${headline} END AS headline,
                       CASE WHEN p.rn > ${q.limit} THEN NULL WHEN p.config = 'simple' THEN left(k.full_text, ${HEADLINE_TEXT})
                            ELSE left(k.full_text, 400) END AS excerpt
                FROM p JOIN knowledge_records k ON k.id = p.record_id) it) END AS items,
             CASE WHEN ok.ok THEN (SELECT json_agg(json_build_array(f.k, f.n)) FROM (
                SELECT u.k, count(*) AS n FROM (SELECT unnest(cand.keys) AS k FROM cand) u GROUP BY u.k) f) END AS facets
      FROM chk, ok`.execute(this.db);
    return result.rows[0]!;
  }
}
