import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * Physical upkeep of the search table after large loads. docs/PERFORMANCE.md has the measurements.
 *
 * The provider reads a query's most recent matches first (a slice of months). When the rows lie on disk in
 * date order, such a slice is a few contiguous pages of the table and of each GIN posting list; loaded in
 * any other order (a harvest of old laws, a migration), its rows are spread over the whole table and every
 * query reads thousands of scattered pages. Records added one by one later are mostly the newest, so the
 * order, once made, largely keeps.
 */

/** The text-and-keys index, exactly as migration 0005 creates it (a test compares the two). */
export const MATCH_INDEX = 'knowledge_search_match_idx';
export const MATCH_INDEX_SQL = 'CREATE INDEX IF NOT EXISTS knowledge_search_match_idx ON knowledge_search USING gin (tsv, keys)';

/** Memory for sorting while the table is rewritten and the GIN index built (per statement, not per server). */
const BUILD_MEMORY = '512MB';

/**
 * Before loading many records into an empty or young table: without the GIN index each inserted row costs
 * only its text analysis; `reorganizeSearch` builds the index once, sorted, at the end. Until then searches
 * still answer, from the table itself, slowly.
 */
export async function dropMatchIndex(db: Db): Promise<void> {
  await sql`DROP INDEX IF EXISTS ${sql.id(MATCH_INDEX)}`.execute(db);
}

/**
 * Rewrites the search table in date order (newest first, as the date index reads) and (re)builds the GIN
 * index, in one transaction: an interruption leaves the table as it was. Searches wait while it runs
 * (minutes at a million records).
 */
export async function reorganizeSearch(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL maintenance_work_mem = ${sql.lit(BUILD_MEMORY)}`.execute(trx);
    await sql`CLUSTER knowledge_search USING knowledge_search_date_idx`.execute(trx);
    await sql.raw(MATCH_INDEX_SQL).execute(trx);
  });
}

/**
 * After a large load: the search table rewritten in date order with its GIN index (re)built, then vacuum
 * (which sets the visibility map and merges GIN's pending entries) and fresh planner statistics, which the
 * provider also reads to size its slices.
 */
export async function reorganizeAfterLoad(db: Db): Promise<void> {
  await reorganizeSearch(db);
  for (const table of ['knowledge_records', 'knowledge_links', 'knowledge_search']) {
    await sql`VACUUM (ANALYZE) ${sql.table(table)}`.execute(db);
  }
}
