import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { ValidationError } from '../../platform/http/errors.ts';
import { chineseQuery, configFor, hasHan, indexText, queryConfigs, queryText, segmentChinese } from './analysis.ts';
import { MARK_END, MARK_START, markersToHtml, snippetAround } from './snippets.ts';
import type { Facet, SearchDocument, SearchHit, SearchProvider, SearchQuery, SearchResult, Viewer } from './search-provider.ts';
import '../knowledge.tables.ts';

/**
 * Full-text search on PostgreSQL (the embedded server and PostgreSQL 15+ alike).
 *
 * Ranking every match of a common term is what makes naive full-text search slow (GIN cannot return the
 * top-k by rank): so matches are first narrowed to at most CANDIDATES, the most recent ones, which the
 * planner finds through the date index when a term is common and through GIN when it is rare. Results,
 * ranking and facets are exact below that size; above it they come from the candidates and the answer
 * says `approximate: true`, with the total estimated by the planner.
 */

export const CANDIDATES = 2000;
const MAX_TEXT = 1_000_000; // characters indexed per record (to_tsvector's limit is 1 MB of positions)

const ARRAY_COLUMNS: Partial<Record<Facet, string>> = {
  state: 'states',
  group: 'groups',
  instrument: 'instruments',
  article: 'articles',
  cluster: 'clusters',
  crime: 'crimes',
};
const SCALAR_COLUMNS: Partial<Record<Facet, string>> = { type: 'type', lang: 'lang', access: 'access' };

interface Cursor {
  /** relevance: the rank; date: the sort date */
  k: number | string;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string, sort: 'relevance' | 'date'): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    const okKey = sort === 'relevance' ? typeof c.k === 'number' : typeof c.k === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.k);
    if (!okKey || typeof c.id !== 'string' || !/^[0-9a-f-]{36}$/.test(c.id)) throw new Error('shape');
    return c;
  } catch {
    throw new ValidationError('Invalid cursor', [{ path: 'querystring.cursor', message: 'use the "next" value of a previous answer with the same sort' }]);
  }
}

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

function viewerCondition(v: Viewer): RawBuilder<unknown> {
  if (v.level === 'all') return sql`true`;
  if (v.level === 'public') return sql`s.access = 'public'`;
  return v.state
    ? sql`(s.access IN ('public', 'practitioners') OR (s.access = 'state' AND s.access_state = ${v.state}))`
    : sql`s.access IN ('public', 'practitioners')`;
}

function filterConditions(q: SearchQuery): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  for (const [facet, values] of Object.entries(q.filters) as Array<[Facet, string[] | undefined]>) {
    if (!values?.length) continue;
    const arrayCol = ARRAY_COLUMNS[facet];
    const scalarCol = SCALAR_COLUMNS[facet];
    if (arrayCol) out.push(sql`s.${sql.ref(arrayCol)} && ${values}::text[]`);
    else if (scalarCol) out.push(sql`s.${sql.ref(scalarCol)} = ANY(${values}::text[])`);
    else if (facet === 'year') out.push(sql`s.year = ANY(${values.map(Number)}::int[])`);
  }
  if (q.yearFrom !== undefined) out.push(sql`s.year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) out.push(sql`s.year <= ${q.yearTo}`);
  if (q.afterSeq !== undefined) out.push(sql`s.seq > ${q.afterSeq}`);
  return out;
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
  config: string;
  headline: string | null;
  excerpt: string | null;
}

export class PostgresSearch implements SearchProvider {
  constructor(private readonly db: Db) {}

  async index(docs: SearchDocument[]): Promise<void> {
    for (const d of docs) {
      const config = configFor(d.lang);
      const text = indexText(`${d.title}\n${d.text}`.slice(0, MAX_TEXT), d.lang);
      const year = d.date ? Number(d.date.slice(0, 4)) : null;
      // Re-indexing gets a new seq, so "new since" (alerts, feeds) sees changed records too.
      await sql`
        INSERT INTO knowledge_search AS s (record_id, tsv, config, type, lang, title, date, sort_date, year, states, groups,
          instruments, articles, clusters, crimes, access, access_state)
        VALUES (${d.recordId}, to_tsvector(${config}::regconfig, ${text}), ${config}, ${d.type}, ${d.lang}, ${d.title}, ${d.date},
          ${d.date ?? '0001-01-01'}, ${year}, ${d.states}, ${d.groups}, ${d.instruments}, ${d.articles}, ${d.clusters}, ${d.crimes},
          ${d.access}, ${d.accessState})
        ON CONFLICT (record_id) DO UPDATE SET tsv = excluded.tsv, config = excluded.config, type = excluded.type,
          lang = excluded.lang, title = excluded.title, date = excluded.date, sort_date = excluded.sort_date, year = excluded.year,
          states = excluded.states, groups = excluded.groups, instruments = excluded.instruments, articles = excluded.articles,
          clusters = excluded.clusters, crimes = excluded.crimes, access = excluded.access, access_state = excluded.access_state,
          seq = nextval(pg_get_serial_sequence('knowledge_search', 'seq'))`.execute(this.db);
    }
  }

  async remove(recordIds: string[]): Promise<void> {
    if (recordIds.length) await this.db.deleteFrom('knowledge_search').where('record_id', 'in', recordIds).execute();
  }

  async search(q: SearchQuery, viewer: Viewer): Promise<SearchResult> {
    const ts = tsQuery(q.q);
    const where = [viewerCondition(viewer), ...filterConditions(q)];
    if (ts) where.push(sql`s.tsv @@ ${ts.query}`);
    const cond = sql.join(where, sql` AND `);
    const sort = ts ? q.sort : 'date';
    const cursor = q.cursor ? decodeCursor(q.cursor, sort) : null;
    const rank = ts ? sql`ts_rank_cd(s.tsv, ${ts.query}, 1)` : sql`0::real`;

    // Candidates: every match when there are few, otherwise the most recent CANDIDATES of them.
    const page =
      sort === 'relevance'
        ? sql`SELECT * FROM ranked r ${cursor ? sql`WHERE (r.rank, r.record_id) < (${cursor.k}::real, ${cursor.id}::uuid)` : sql``}
              ORDER BY r.rank DESC, r.record_id DESC LIMIT ${q.limit + 1}`
        : sql`SELECT * FROM ranked r ${cursor ? sql`WHERE (r.sort_date, r.record_id) < (${cursor.k}::date, ${cursor.id}::uuid)` : sql``}
              ORDER BY r.sort_date DESC, r.record_id DESC LIMIT ${q.limit + 1}`;

    const facetSql = sql`
      SELECT 'type' AS f, type AS v, count(*) AS n FROM cand GROUP BY type
      UNION ALL SELECT 'lang', lang, count(*) FROM cand GROUP BY lang
      UNION ALL SELECT 'access', access, count(*) FROM cand GROUP BY access
      UNION ALL SELECT 'year', year::text, count(*) FROM cand WHERE year IS NOT NULL GROUP BY year
      UNION ALL SELECT 'state', x, count(*) FROM cand, unnest(states) x GROUP BY x
      UNION ALL SELECT 'group', x, count(*) FROM cand, unnest(groups) x GROUP BY x
      UNION ALL SELECT 'instrument', x, count(*) FROM cand, unnest(instruments) x GROUP BY x
      UNION ALL SELECT 'article', x, count(*) FROM cand, unnest(articles) x GROUP BY x
      UNION ALL SELECT 'cluster', x, count(*) FROM cand, unnest(clusters) x GROUP BY x
      UNION ALL SELECT 'crime', x, count(*) FROM cand, unnest(crimes) x GROUP BY x`;

    const headline = ts
      ? sql`CASE WHEN p.config = 'simple' THEN NULL ELSE ts_headline(p.config::regconfig, left(k.full_text, 20000), ${ts.query},
            ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`}) END`
      : sql`NULL`;

    // Date-sorted pages beyond the candidates are read straight from the date index (keyset).
    const result = await sql<{ total: number; items: Row[] | null; facets: Array<{ f: Facet; v: string; n: number }> | null }>`
      WITH cand AS MATERIALIZED (
        SELECT s.record_id, s.type, s.title, s.lang, s.date, s.sort_date, s.year, s.states, s.groups, s.instruments, s.articles,
               s.clusters, s.crimes, s.access, s.seq, s.config, s.tsv
        FROM knowledge_search s WHERE ${cond}
        ORDER BY s.sort_date DESC, s.record_id DESC LIMIT ${CANDIDATES + 1}
      ),
      ranked AS (SELECT c.*, ${ts ? sql`ts_rank_cd(c.tsv, ${ts.query}, 1)` : sql`0::real`} AS rank FROM cand c),
      pg AS (${page}),
      ${sort === 'date' && cursor ? sql`deep AS (
        SELECT s.record_id, s.type, s.title, s.lang, s.date, s.sort_date, s.states, s.seq, s.config, ${rank} AS rank
        FROM knowledge_search s WHERE ${cond} AND (s.sort_date, s.record_id) < (${cursor.k}::date, ${cursor.id}::uuid)
        ORDER BY s.sort_date DESC, s.record_id DESC LIMIT ${q.limit + 1}),` : sql``}
      p AS (SELECT * FROM ${sort === 'date' && cursor ? sql`deep` : sql`pg`})
      SELECT (SELECT count(*)::int FROM cand) AS total,
             (SELECT json_agg(row_to_json(it)) FROM (
                SELECT p.record_id, p.type, p.title, p.lang, p.date, p.sort_date, p.states, p.seq, p.rank, p.config,
                       ${headline} AS headline,
                       CASE WHEN p.config = 'simple' THEN left(k.full_text, 20000) ELSE left(k.full_text, 400) END AS excerpt
                FROM p JOIN knowledge_records k ON k.id = p.record_id
                ORDER BY ${sort === 'relevance' ? sql`p.rank DESC, p.record_id DESC` : sql`p.sort_date DESC, p.record_id DESC`}) it) AS items,
             (SELECT json_agg(row_to_json(fc)) FROM (${facetSql}) fc) AS facets`.execute(this.db);

    const row = result.rows[0]!;
    const approximate = row.total > CANDIDATES;
    let total = Math.min(row.total, CANDIDATES);
    if (approximate) total = await this.estimate(cond);
    const rows = row.items ?? [];
    const more = rows.length > q.limit;
    const pageRows = rows.slice(0, q.limit);
    const last = pageRows[pageRows.length - 1];
    const items: SearchHit[] = pageRows.map((r) => ({
      id: r.record_id,
      type: r.type,
      title: r.title,
      lang: r.lang,
      date: r.date,
      states: r.states,
      seq: Number(r.seq),
      snippet: r.headline ? markersToHtml(r.headline) : snippetAround(r.excerpt ?? '', ts?.terms ?? [], 90),
    }));
    const facets: SearchResult['facets'] = {};
    for (const f of row.facets ?? []) {
      if (f.v === null) continue;
      (facets[f.f] ??= {})[f.v] = Number(f.n);
    }
    // Relevance beyond the candidates is not reachable; date order continues through the index.
    const next =
      more && last
        ? encodeCursor(sort === 'relevance' ? { k: Number(last.rank), id: last.record_id } : { k: last.sort_date, id: last.record_id })
        : null;
    return { items, facets, total, approximate, next };
  }

  /** The planner's estimate of how many rows match: instant, and good enough for "about 800,000". */
  private async estimate(cond: RawBuilder<unknown>): Promise<number> {
    const plan = await sql<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>`
      EXPLAIN (FORMAT JSON) SELECT 1 FROM knowledge_search s WHERE ${cond}`.execute(this.db);
    return Math.max(CANDIDATES + 1, Math.round(plan.rows[0]!['QUERY PLAN'][0]!.Plan['Plan Rows']));
  }
}
