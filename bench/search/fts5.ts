import Database from 'better-sqlite3';
import type pg from 'pg';
import type { Facet, SearchQuery, Viewer } from '../../src/knowledge/search/search-provider.ts';
import { CANDIDATES } from '../../src/knowledge/search/candidates.ts';
import { ftsToken } from './tsquery.ts';

/**
 * The native peer: SQLite FTS5 over the same corpus, given the same tokens (the lexemes PostgreSQL's
 * analysis produced, in position order: stems, Chinese bigrams, normalised Arabic) and answering the same
 * contract as the PostgreSQL provider — viewer and facet filters, the most recent CANDIDATES matches ranked
 * (bm25), facet counts over them, keyset cursors, snippets for the page. FTS5 rowids follow
 * (sort_date, record_id), so "the most recent matches" is FTS5's own rowid order.
 */

const ARRAYS = { state: 'states', group: 'groups', instrument: 'instruments', article: 'articles', cluster: 'clusters', crime: 'crimes' } as const;

export interface PeerResult {
  ids: string[];
  total: number;
  approximate: boolean;
  next: string | null;
  facets: Partial<Record<Facet, Record<string, number>>>;
}

export class Fts5Peer {
  readonly db: Database.Database;
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('cache_size = -131072'); // 128 MB, as PostgreSQL's shared_buffers
  }

  count(): number {
    try {
      return (this.db.prepare('SELECT count(*) AS n FROM docs').get() as { n: number }).n;
    } catch {
      return 0;
    }
  }

  /** Loads every indexed record from PostgreSQL, oldest first; returns the seconds spent writing to SQLite. */
  async load(pool: pg.Pool, progress: (n: number) => void): Promise<number> {
    this.db.exec(`
      DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS fv; DROP TABLE IF EXISTS fts; DROP TABLE IF EXISTS fts_v;
      CREATE TABLE docs (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL, type TEXT NOT NULL, lang TEXT NOT NULL, title TEXT NOT NULL,
        date TEXT, sort_date TEXT NOT NULL, year INTEGER, access TEXT NOT NULL, access_state TEXT, seq INTEGER NOT NULL);
      CREATE INDEX docs_type ON docs (type, year);
      CREATE TABLE fv (f TEXT NOT NULL, v TEXT NOT NULL, docid INTEGER NOT NULL, PRIMARY KEY (f, v, docid)) WITHOUT ROWID;
      CREATE INDEX fv_doc ON fv (docid);
      CREATE VIRTUAL TABLE fts USING fts5(body, tokenize = "unicode61 remove_diacritics 0 tokenchars '_'");
      CREATE VIRTUAL TABLE fts_v USING fts5vocab(fts, 'row');`);
    const insDoc = this.db.prepare('INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const insFv = this.db.prepare('INSERT INTO fv VALUES (?, ?, ?)');
    const insFts = this.db.prepare('INSERT INTO fts (rowid, body) VALUES (?, ?)');
    interface Row {
      record_id: string; type: string; lang: string; title: string; date: string | null; sort_date: string; year: number | null;
      access: string; access_state: string | null; seq: number; body: string | null; [k: string]: unknown;
    }
    const write = this.db.transaction((rows: Row[], first: number) => {
      rows.forEach((r, i) => {
        const id = first + i;
        insDoc.run(id, r.record_id, r.type, r.lang, r.title, r.date, r.sort_date, r.year, r.access, r.access_state, r.seq);
        const values: Array<[string, string]> = [['type', r.type], ['lang', r.lang], ['access', r.access]];
        if (r.year !== null) values.push(['year', String(r.year)]);
        for (const [f, col] of Object.entries(ARRAYS)) for (const v of new Set(r[col] as string[])) values.push([f, v]);
        for (const [f, v] of values) insFv.run(f, v, id);
        insFts.run(id, (r.body ?? '').split(' ').map(ftsToken).join(' '));
      });
    });
    let after: [string, string] = ['0001-01-01', '00000000-0000-0000-0000-000000000000'];
    let n = 0;
    let writing = 0;
    for (;;) {
      const { rows } = await pool.query<Row>(
        `SELECT s.record_id, s.type, s.lang, s.title, s.date::text, s.sort_date::text, s.year, s.access, s.access_state, s.seq,
                s.states, s.groups, s.instruments, s.articles, s.clusters, s.crimes,
                (SELECT string_agg(u.lexeme, ' ' ORDER BY p) FROM unnest(s.tsv) u, unnest(u.positions) p) AS body
         FROM knowledge_search s WHERE (s.sort_date, s.record_id) > ($1::date, $2::uuid)
         ORDER BY s.sort_date, s.record_id LIMIT 5000`,
        after,
      );
      if (!rows.length) break;
      const t0 = performance.now();
      write(rows, n + 1);
      writing += performance.now() - t0;
      n += rows.length;
      const last = rows[rows.length - 1]!;
      after = [last.sort_date, last.record_id];
      progress(n);
    }
    const t0 = performance.now();
    this.db.exec(`INSERT INTO fts (fts) VALUES ('optimize'); ANALYZE;`);
    writing += performance.now() - t0;
    return writing / 1000;
  }

  private viewer(v: Viewer, args: unknown[]): string {
    if (v.level === 'all') return '1';
    if (v.level === 'public') return `d.access = 'public'`;
    if (!v.state) return `d.access IN ('public', 'practitioners')`;
    args.push(v.state);
    return `(d.access IN ('public', 'practitioners') OR (d.access = 'state' AND d.access_state = ?))`;
  }

  private filters(q: SearchQuery, args: unknown[]): string[] {
    const out: string[] = [];
    const list = (xs: unknown[]) => {
      args.push(...xs);
      return xs.map(() => '?').join(', ');
    };
    for (const [f, values] of Object.entries(q.filters) as Array<[Facet, string[] | undefined]>) {
      if (!values?.length) continue;
      if (f in ARRAYS) {
        args.push(f);
        out.push(`d.id IN (SELECT docid FROM fv WHERE f = ? AND v IN (${list(values)}))`);
      } else if (f === 'type' || f === 'lang' || f === 'access') out.push(`d.${f} IN (${list(values)})`);
      else if (f === 'year') out.push(`d.year IN (${list(values.map(Number))})`);
    }
    if (q.yearFrom !== undefined) { out.push('d.year >= ?'); args.push(q.yearFrom); }
    if (q.yearTo !== undefined) { out.push('d.year <= ?'); args.push(q.yearTo); }
    return out;
  }

  search(q: SearchQuery, viewer: Viewer, fts: { match: string; terms: string[] } | null): PeerResult {
    const args: unknown[] = [];
    if (fts) args.push(fts.match);
    const where = [...(fts ? ['fts MATCH ?'] : []), this.viewer(viewer, args), ...this.filters(q, args)];
    const sort = fts ? q.sort : 'date';
    const cursor = q.cursor ? (JSON.parse(Buffer.from(q.cursor, 'base64url').toString()) as { k: number; id: number }) : null;
    const from = fts ? 'fts JOIN docs d ON d.id = fts.rowid' : 'docs d';
    const score = fts ? 'bm25(fts)' : '0';
    const cand = this.db
      .prepare(`SELECT d.id AS id, ${score} AS score FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${fts ? 'fts.rowid' : 'd.id'} DESC LIMIT ${CANDIDATES + 1}`)
      .all(...args) as Array<{ id: number; score: number }>;

    let page: Array<{ id: number; score: number }>;
    if (sort === 'date' && cursor) {
      page = this.db
        .prepare(`SELECT d.id AS id, ${score} AS score FROM ${from} WHERE ${where.join(' AND ')} AND d.id < ? ORDER BY ${fts ? 'fts.rowid' : 'd.id'} DESC LIMIT ${q.limit + 1}`)
        .all(...args, cursor.id) as Array<{ id: number; score: number }>;
    } else if (sort === 'date') page = cand.slice(0, q.limit + 1);
    else {
      const ranked = [...cand].sort((a, b) => a.score - b.score || b.id - a.id);
      const from = cursor ? ranked.filter((r) => r.score > cursor.k || (r.score === cursor.k && r.id < cursor.id)) : ranked;
      page = from.slice(0, q.limit + 1);
    }
    const more = page.length > q.limit;
    page = page.slice(0, q.limit);

    const pageIds = JSON.stringify(page.map((p) => p.id));
    const shown = (fts
      ? this.db.prepare(`SELECT d.id, d.record_id, d.title, snippet(fts, 0, '<mark>', '</mark>', ' … ', 30) AS snippet FROM fts JOIN docs d ON d.id = fts.rowid
                         WHERE fts MATCH ? AND fts.rowid IN (SELECT value FROM json_each(?))`).all(fts.match, pageIds)
      : this.db.prepare(`SELECT d.id, d.record_id, d.title, substr(f.body, 1, 200) AS snippet FROM docs d JOIN fts f ON f.rowid = d.id
                         WHERE d.id IN (SELECT value FROM json_each(?))`).all(pageIds)) as Array<{ id: number; record_id: string }>;
    const byId = new Map(shown.map((r) => [r.id, r.record_id]));

    const facets: PeerResult['facets'] = {};
    const counted = this.db
      .prepare('SELECT fv.f, fv.v, count(*) AS n FROM json_each(?) j JOIN fv ON fv.docid = j.value GROUP BY fv.f, fv.v')
      .all(JSON.stringify(cand.map((c) => c.id))) as Array<{ f: Facet; v: string; n: number }>;
    for (const c of counted) (facets[c.f] ??= {})[c.v] = c.n;

    const approximate = cand.length > CANDIDATES;
    let total = Math.min(cand.length, CANDIDATES);
    if (approximate) total = this.estimate(fts?.terms ?? []);
    const last = page[page.length - 1];
    const next = more && last ? Buffer.from(JSON.stringify({ k: last.score, id: last.id })).toString('base64url') : null;
    return { ids: page.map((p) => byId.get(p.id)!), total, approximate, next, facets };
  }

  /** Above the cap, like PostgreSQL's planner estimate: the document frequency of the rarest term (or all rows). */
  private estimate(terms: string[]): number {
    let best = Infinity;
    const get = this.db.prepare('SELECT doc FROM fts_v WHERE term = ?').pluck();
    for (const t of terms) best = Math.min(best, (get.get(t) as number | undefined) ?? 0);
    if (!Number.isFinite(best)) best = this.count();
    return Math.max(CANDIDATES + 1, best);
  }

  close(): void {
    this.db.close();
  }
}
