import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { configFor, indexText } from './analysis.ts';
import type { SearchDocument } from './search-provider.ts';

/**
 * Writing documents into `knowledge_search`: the text analysed for its language (search/analysis.ts), the
 * facets as columns from which the keys are generated, a new `seq` on every write.
 */

const MAX_TEXT = 1_000_000; // characters indexed per record (to_tsvector's limit is 1 MB of positions)

/** One statement per call, however many documents: bulk loads hand over a batch at a time. */
export async function indexDocuments(db: Db, docs: SearchDocument[]): Promise<void> {
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
        seq = nextval(pg_get_serial_sequence('knowledge_search', 'seq'))`.execute(db);
}
