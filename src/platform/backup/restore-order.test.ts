import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { backup, restore } from './backup.ts';
import { createTestDatabase } from '../../../test/support/database.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-order-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('restore of a table that refers to itself', () => {
  it('loads more than a batch of rows whose parent comes after them in key order', async () => {
    const source = await createTestDatabase();
    const target = await createTestDatabase({ empty: true });
    try {
      // 1500 recommendations of one document whose id sorts last: in the file every child precedes its parent.
      const parent = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
      await sql`INSERT INTO knowledge_records (id, type, work_id, title, lang, created_by, updated_by)
        VALUES (${parent}::uuid, 'cop-document', gen_random_uuid(), 'Report', 'en', 't', 't')`.execute(source.db);
      await sql`INSERT INTO knowledge_records (id, type, work_id, title, lang, parent_id, created_by, updated_by)
        SELECT md5(i::text)::uuid, 'recommendation', gen_random_uuid(), 'Recommendation ' || i, 'en', ${parent}::uuid, 't', 't'
        FROM generate_series(1, 1500) i`.execute(source.db);
      const file = path.join(dir, 'b.gz');
      await backup(source.db, file);
      await restore(target.db, file);
      const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM knowledge_records WHERE parent_id = ${parent}::uuid`.execute(target.db);
      expect(n.rows[0]!.n).toBe(1500);
    } finally {
      await target.drop();
      await source.drop();
    }
  }, 120_000);
});
