import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadSampleCorpus } from '../seed/sample-corpus.ts';
import type { Db } from '../../platform/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await loadSampleCorpus(t.db);
}, 120_000);
afterAll(() => t.drop());

/** The whole search table, every column (generated keys and seq included). */
const searchTable = async (db: Db) =>
  (await sql<{ j: unknown[] }>`SELECT coalesce(jsonb_agg(to_jsonb(s) ORDER BY s.record_id), '[]') AS j FROM knowledge_search s`.execute(db)).rows[0]!.j;

describe('palermo search rebuild', () => {
  it('makes the search table again from the records: lost and stale rows come back as indexed, seq kept, audited', async () => {
    const before = await searchTable(t.db);
    expect(before.length).toBeGreaterThan(3);
    // derived data gone wrong: rows lost, one stale
    await sql`DELETE FROM knowledge_search WHERE record_id IN (SELECT record_id FROM knowledge_search ORDER BY record_id LIMIT 2)`.execute(t.db);
    await sql`UPDATE knowledge_search SET title = 'stale', tsv = to_tsvector('simple', 'stale'), states = '{XXX}'
      WHERE record_id = (SELECT max(record_id::text)::uuid FROM knowledge_search)`.execute(t.db);
    const writers = new Map(((await searchTable(t.db)) as Array<Record<string, unknown>>).map((x) => [x.record_id, x.written_xid]));
    const r = palermo(['search', 'rebuild'], { DATABASE_URL: t.url });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Search table rebuilt from ${before.length} records`));
    const after = (await searchTable(t.db)) as Array<Record<string, unknown>>;
    const was = before as Array<Record<string, unknown>>;
    // the lost rows are indexed again, with a new seq and writer (so "new since" sees them); the others are as they
    // were, the transaction that wrote them included (so saved-search alerts do not see them as new)
    const lost = new Set(was.slice(0, 2).map((x) => x.record_id));
    const withoutSeq = (rows: Array<Record<string, unknown>>) => rows.map(({ seq: _seq, written_xid: _xid, ...rest }) => rest);
    expect(withoutSeq(after)).toEqual(withoutSeq(was));
    const kept = (rows: Array<Record<string, unknown>>) => withoutSeq(rows.filter((x) => !lost.has(x.record_id)));
    expect(after.filter((x) => !lost.has(x.record_id)).map((x) => x.seq)).toEqual(was.filter((x) => !lost.has(x.record_id)).map((x) => x.seq));
    expect(kept(after)).toEqual(kept(was));
    // each kept row still names the transaction that last wrote it before the rebuild (the stale one: the damage)
    for (const x of after.filter((y) => !lost.has(y.record_id))) expect(x.written_xid).toBe(writers.get(x.record_id));
    const maxOld = Math.max(...was.map((x) => Number(x.seq)));
    for (const x of after.filter((y) => lost.has(y.record_id))) expect(Number(x.seq)).toBeGreaterThan(maxOld);
    const last = await t.db.selectFrom('audit_log').select(['action', 'details']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ action: 'knowledge.search-rebuild', details: { records: before.length } });
  }, 120_000);
});
