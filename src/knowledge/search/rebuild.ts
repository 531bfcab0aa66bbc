import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { audit, type AuditActor } from '../../platform/audit/audit.service.ts';
import { providerFor, searchDocument } from '../search.service.ts';
import { writeKnowledge } from '../search.cache.ts';

/** Records read and indexed per provider call (one statement each). */
const BATCH = 500;

export interface RebuildSummary {
  records: number;
}

/**
 * The search table is derived data: rebuilds it from the records, through the same search service that indexes
 * each saved record (`palermo search rebuild`, after a restore from elsewhere or a change of text analysis).
 * One transaction: searches see the old table until it is done. Each record keeps its `seq` and the transaction
 * that last wrote it (`written_xid`, what saved-search alerts compare with their last check), so saved searches
 * and feeds do not announce every record as new; a record that was missing gets new ones, and is announced.
 */
export async function rebuildSearch(db: Db, opts: { actor: AuditActor | null; onProgress?: (done: number, total: number) => void }): Promise<RebuildSummary> {
  return writeKnowledge(db, async (trx) => {
    const conn = trx as unknown as Db;
    await sql`CREATE TEMP TABLE palermo_search_seq ON COMMIT DROP AS SELECT record_id, seq, written_xid FROM knowledge_search`.execute(trx);
    await sql`DELETE FROM knowledge_search`.execute(trx);
    const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM knowledge_records WHERE retired_at IS NULL`.execute(trx);
    let after = '00000000-0000-0000-0000-000000000000';
    let records = 0;
    for (;;) {
      const ids = await sql<{ id: string }>`
        SELECT id FROM knowledge_records WHERE retired_at IS NULL AND id > ${after}::uuid ORDER BY id LIMIT ${BATCH}`.execute(trx);
      if (ids.rows.length === 0) break;
      const docs = [];
      for (const { id } of ids.rows) {
        const doc = await searchDocument(trx, id);
        if (doc) docs.push(doc);
      }
      await providerFor(conn).index(docs);
      records += docs.length;
      after = ids.rows[ids.rows.length - 1]!.id;
      opts.onProgress?.(records, total.rows[0]?.n ?? records);
    }
    await sql`UPDATE knowledge_search s SET seq = o.seq, written_xid = o.written_xid FROM palermo_search_seq o WHERE o.record_id = s.record_id`.execute(trx);
    await audit(trx, { actor: opts.actor, action: 'knowledge.search-rebuild', targetType: 'knowledge_search', details: { records } });
    return { records };
  });
}
