import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { answer, NOTHING } from './answer.ts';
import { fetchCandidates } from './candidates.ts';
import { filterConditions, newestAllowed, viewerCondition } from './conditions.ts';
import { decodeCursor } from './cursor.ts';
import { matchEstimates, statistics } from './estimates.ts';
import { indexDocuments } from './indexing.ts';
import { searchStatement, type StatementOptions, type StatementRow } from './statement.ts';
import { analysedQuery, hasPhrase, lexemesOf, loosened, parseTsquery } from './tsquery.ts';
import type { SearchDocument, SearchProvider, SearchQuery, SearchResult, Viewer } from './search-provider.ts';
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
 *
 * The pieces, in the order a search uses them: tsquery.ts (the words), conditions.ts (access and filters),
 * estimates.ts (statistics), candidates.ts (how candidates are fetched), statement.ts (the SQL), answer.ts;
 * and indexing.ts for writes.
 */

export class PostgresSearch implements SearchProvider {
  constructor(private readonly db: Db) {}

  /** One statement per call, however many documents: bulk loads hand over a batch at a time. */
  async index(docs: SearchDocument[]): Promise<void> {
    await indexDocuments(this.db, docs);
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
    const stats = await statistics(this.db);
    const { expected, most } = matchEstimates(stats, conditions, tree);
    const wanted = { stats, expected, most, text: tsq !== null, limit: q.limit, after: keyset ? String(cursor!.k) : null, bound };
    const { row, estimate } = await fetchCandidates(wanted, (main, deep) => this.statement(q, { ...base, main, deep }));
    return answer(row, q, sort, text?.terms ?? [], estimate);
  }

  /** The statement of one attempt, as a method: `npm run bench:profile -- --trace` wraps it to show each one. */
  private statement(q: SearchQuery, o: StatementOptions): Promise<StatementRow> {
    return searchStatement(this.db, q, o);
  }
}
