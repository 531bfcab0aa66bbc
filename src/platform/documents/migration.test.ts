import fs from 'node:fs';
import { Migrator, sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { migrationFiles } from '../db/migrations.ts';
import { createDocumentStore } from './documents.ts';
import { sha256Hex } from './document-store.ts';

/**
 * Migration 0014 moves the finalised request documents (drafting_final_documents, 0010) onto the platform's
 * stored documents: every row arrives as a document and a 'final-request' reference, its recorded digest kept
 * (so bytes changed in place before the move are still refused on read), and the old table is gone.
 */

let t: TestDatabase;
const migrator = (db: TestDatabase['db']) =>
  new Migrator({
    db,
    provider: {
      getMigrations: async () =>
        Object.fromEntries(migrationFiles().map(({ name, file }): [string, Migration] => [name, { up: async (d) => void (await sql.raw(fs.readFileSync(file, 'utf8')).execute(d)) }])),
    },
  });

beforeAll(async () => {
  t = await createTestDatabase({ empty: true });
});
afterAll(() => t.drop());

describe('migration 0014: the finalised request documents move to the document store', () => {
  it('keeps every document, its digest, name, language, version and who stored it', async () => {
    const before = migrationFiles().filter((m) => m.name < '0014').at(-1)!.name;
    expect((await migrator(t.db).migrateTo(before)).error).toBeUndefined();
    const good = Buffer.from('PK\u0003\u0004 a finalised request');
    const tampered = Buffer.from('PK\u0003\u0004 another request');
    const user = '00000000-0000-4000-8000-00000000000a';
    const ids: string[] = [];
    for (const [i, bytes] of [good, tampered].entries()) {
      const d = await sql<{ id: string }>`INSERT INTO drafting_drafts (reference, owner_state, kind, content, created_by, created_by_name, updated_by, updated_by_name, status, finalised_at)
        VALUES (${`GBR-2026-000${i + 1}`}, 'GBR', 'mla', '{}', ${user}, 'Officer', ${user}, 'Officer', 'finalised', now()) RETURNING id`.execute(t.db);
      ids.push(d.rows[0]!.id);
      await sql`INSERT INTO drafting_final_documents (draft_id, draft_version, file_name, media_type, language, bytes, size, sha256, stored_by, stored_by_name)
        VALUES (${d.rows[0]!.id}, ${3 + i}, ${`GBR-2026-000${i + 1}-request-fr.docx`}, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'fr',
                ${bytes}, ${bytes.length}, ${sha256Hex(bytes)}, ${user}, 'Officer')`.execute(t.db);
    }
    await sql`UPDATE drafting_final_documents SET bytes = set_byte(bytes, 6, 66) WHERE draft_id = ${ids[1]}`.execute(t.db);

    expect((await migrator(t.db).migrateTo(migrationFiles().find((m) => m.name.startsWith('0014'))!.name)).error).toBeUndefined();
    const refs = await t.db.selectFrom('document_refs').selectAll().orderBy('file_name').execute();
    expect(refs).toMatchObject([
      { entity_id: ids[0], owner_module: 'drafting', role: 'final-request', sha256: sha256Hex(good), file_name: 'GBR-2026-0001-request-fr.docx', language: 'fr', details: { draftVersion: 3 }, added_by_name: 'Officer', added_by_state: 'GBR' },
      { entity_id: ids[1], sha256: sha256Hex(tampered), details: { draftVersion: 4 } },
    ]);
    const store = createDocumentStore({ store: 'database', maxBytes: 1 << 20 }, null);
    expect((await store.get(t.db, sha256Hex(good))).equals(good)).toBe(true);
    await expect(store.get(t.db, sha256Hex(tampered))).rejects.toMatchObject({ code: 'document_integrity' });
    expect((await sql<{ t: string | null }>`SELECT to_regclass('drafting_final_documents')::text AS t`.execute(t.db)).rows[0]!.t).toBeNull();
  });
});
