import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Cursor } from './cursor.ts';
import { MARK_END, MARK_START } from './snippets.ts';
import type { SearchQuery } from './search-provider.ts';

/**
 * The one statement a search attempt runs: the candidates (fetched as candidates.ts decides), whether they are
 * right, and only then their ranks, the page with its snippets (ts_headline over a window of the text) and
 * the facet counts over the candidates. Its text and the order of its steps are tuned (docs/PERFORMANCE.md).
 */

/** Snippets come from this many characters around the first match found in the first HEADLINE_TEXT. */
const HEADLINE_WINDOW = 600;
const HEADLINE_TEXT = 20_000;

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

export interface StatementRow {
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

export interface StatementOptions {
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

/** Candidates, then (when they are right) their ranks, the page with snippets, and facet counts: one statement. */
export async function searchStatement(db: Db, q: SearchQuery, o: StatementOptions): Promise<StatementRow> {
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
      FROM chk, ok`.execute(db);
  return result.rows[0]!;
}
