import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { PlatformDocumentStore, sha256Hex, type DocumentStore } from './document-store.ts';
import { DatabaseContent } from './database-content.ts';
import { FileContent } from './file-content.ts';
import { addDocument, createDocumentStore, listDocuments, removeDocument } from './documents.ts';

/** The document store, on both back-ends: what goes in comes out, once, checked; damage is never served. */

let t: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-documents-'));
});
afterAll(async () => {
  await t.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const by = { id: '00000000-0000-4000-8000-000000000001', name: 'Test user', state: 'FRA' };
const key = (entityId: string) => ({ ownerModule: 'test', entityId, role: 'attachment' });
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);

const backends: [string, () => DocumentStore, (sha: string) => Promise<void>][] = [
  [
    'database',
    () => createDocumentStore({ store: 'database', maxBytes: 1024 }, dataDir),
    async (sha) => void (await sql`UPDATE stored_document_contents SET bytes = set_byte(bytes, 3, (get_byte(bytes, 3) + 1) % 256) WHERE sha256 = ${sha}`.execute(t.db)),
  ],
  [
    'data directory',
    () => createDocumentStore({ store: 'files', maxBytes: 1024 }, dataDir),
    async (sha) => {
      const file = new FileContent(dataDir).pathOf(sha);
      const b = fs.readFileSync(file);
      b[3] = (b[3]! + 1) % 256;
      fs.writeFileSync(file, b);
    },
  ],
];

describe.each(backends)('the %s store', (name, make, corrupt) => {
  const store = () => make();

  it('gives back exactly the bytes it was given, named by their SHA-256, and records where they are', async () => {
    const bytes = pdf(`round trip ${name}`);
    const put = await store().put(t.db, bytes, { mediaType: 'application/pdf' });
    expect(put).toEqual({ sha256: sha256Hex(bytes), size: bytes.length, mediaType: 'application/pdf', created: true });
    expect((await store().get(t.db, put.sha256)).equals(bytes)).toBe(true);
    expect(await store().has(t.db, put.sha256)).toBe(true);
    expect(await store().has(t.db, 'f'.repeat(64))).toBe(false);
    const row = await t.db.selectFrom('stored_documents').selectAll().where('sha256', '=', put.sha256).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ location: name === 'database' ? 'database' : 'files', size: bytes.length, media_type: 'application/pdf' });
    if (name !== 'database') expect(fs.readFileSync(path.join(dataDir, 'documents', put.sha256.slice(0, 2), put.sha256.slice(2))).equals(bytes)).toBe(true);
  });

  it('stores the same bytes once, however many uses refer to them', async () => {
    const bytes = pdf(`dedupe ${name}`);
    const a = await addDocument(t.db, store(), key(`a-${name}`), { bytes, mediaType: 'application/pdf', fileName: 'order.pdf', addedBy: by });
    const b = await addDocument(t.db, store(), key(`b-${name}`), { bytes, mediaType: 'application/pdf', fileName: 'copy.pdf', language: 'de', addedBy: by });
    expect(a.sha256).toBe(b.sha256);
    const [{ n }] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM stored_documents WHERE sha256 = ${a.sha256}`.execute(t.db)).rows as [{ n: number }];
    expect(n).toBe(1);
    const contents = await t.db.selectFrom('stored_document_contents').select('sha256').where('sha256', '=', a.sha256).execute();
    expect(contents.length).toBe(name === 'database' ? 1 : 0);
    expect((await listDocuments(t.db, key(`b-${name}`))).map((r) => [r.fileName, r.language, r.addedBy])).toEqual([['copy.pdf', 'de', by]]);
    await expect(addDocument(t.db, store(), key(`a-${name}`), { bytes, mediaType: 'application/pdf', fileName: 'again.pdf', addedBy: by })).rejects.toMatchObject({ status: 409 });
  });

  it('detects bytes changed after storing: a clear error, never the damaged bytes', async () => {
    const bytes = pdf(`to be damaged ${name}`);
    const { sha256 } = await store().put(t.db, bytes, { mediaType: 'application/pdf' });
    await corrupt(sha256);
    await expect(store().get(t.db, sha256)).rejects.toMatchObject({ status: 409, code: 'document_integrity', message: expect.stringMatching(/does not match its digest/) });
    // Storing the good bytes again repairs the damaged copy.
    expect((await store().put(t.db, bytes, { mediaType: 'application/pdf' })).created).toBe(false);
    expect((await store().get(t.db, sha256)).equals(bytes)).toBe(true);
  });

  it('refuses a file over the size limit (413) and stores nothing', async () => {
    const big = pdf('x'.repeat(2000));
    await expect(store().put(t.db, big, { mediaType: 'application/pdf' })).rejects.toMatchObject({ status: 413, code: 'document_too_large' });
    expect(await store().has(t.db, sha256Hex(big))).toBe(false);
  });

  it('deletes only what no use refers to, and keeps what still has one', async () => {
    const kept = await addDocument(t.db, store(), key(`gc-${name}`), { bytes: pdf(`kept ${name}`), mediaType: 'application/pdf', fileName: 'k.pdf', addedBy: by });
    const dropped = await addDocument(t.db, store(), key(`gc-${name}`), { bytes: pdf(`dropped ${name}`), mediaType: 'application/pdf', fileName: 'd.pdf', addedBy: by });
    expect(await removeDocument(t.db, key(`gc-${name}`), dropped.sha256)).toBe(true);
    const r = await store().deleteUnreferenced(t.db);
    expect(r.documents).toBeGreaterThanOrEqual(1);
    expect(await store().has(t.db, dropped.sha256)).toBe(false);
    await expect(store().get(t.db, dropped.sha256)).rejects.toMatchObject({ status: 404 });
    expect((await store().get(t.db, kept.sha256)).length).toBe(kept.size);
    if (name !== 'database') expect(fs.existsSync(new FileContent(dataDir).pathOf(dropped.sha256))).toBe(false);
  });
});

describe('the data-directory store when a write does not finish', () => {
  it('never leaves a partial file under its final name; what a rolled-back write left is cleaned up', async () => {
    const crashing = new FileContent(dataDir, { beforeRename: async () => { throw new Error('power cut'); } });
    const store = new PlatformDocumentStore(crashing, { database: new DatabaseContent(), files: crashing }, 1024);
    const bytes = pdf('interrupted');
    const sha = sha256Hex(bytes);
    await expect(store.put(t.db, bytes, { mediaType: 'application/pdf' })).rejects.toThrow(/power cut/);
    const folder = path.join(dataDir, 'documents', sha.slice(0, 2));
    expect(fs.existsSync(path.join(folder, sha.slice(2)))).toBe(false);
    expect(fs.readdirSync(folder).some((f) => f.startsWith('.partial-'))).toBe(true);
    expect(await store.has(t.db, sha)).toBe(false); // the row rolled back with the write

    // A write that completed but whose transaction rolled back leaves a file without a row: removed.
    const files = createDocumentStore({ store: 'files', maxBytes: 1024 }, dataDir);
    const orphan = pdf('rolled back');
    await t.db.transaction().execute(async (trx) => {
      await files.put(trx, orphan, { mediaType: 'application/pdf' });
      await sql`SELECT 1/0`.execute(trx);
    }).catch(() => undefined);
    const orphanFile = new FileContent(dataDir).pathOf(sha256Hex(orphan));
    expect(fs.existsSync(orphanFile)).toBe(true);
    expect((await files.deleteUnreferenced(t.db)).orphans).toBeGreaterThanOrEqual(1);
    expect(fs.existsSync(orphanFile)).toBe(false);
  });
});
