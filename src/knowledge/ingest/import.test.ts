import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';
import { CORPUS_DIR, loadSampleCorpus } from '../seed/sample-corpus.ts';
import { search } from '../search.service.ts';
import { importFile } from './import.service.ts';
import { MAX_FILE_BYTES } from './readers.ts';

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000009', username: 'importer', displayName: 'i', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
let t: TestDatabase;

async function counts() {
  const r = await sql<{ records: number; links: number; versions: number; audit: number; search: number }>`SELECT
    (SELECT count(*)::int FROM knowledge_records) AS records, (SELECT count(*)::int FROM knowledge_links) AS links,
    (SELECT count(*)::int FROM knowledge_record_versions) AS versions, (SELECT count(*)::int FROM audit_log) AS audit,
    (SELECT count(*)::int FROM knowledge_search) AS search`.execute(t.db);
  return r.rows[0]!;
}

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('importing the sample Conference documents', () => {
  it('adds the three documents with their recommendations as records of their own', async () => {
    const s = await loadSampleCorpus(t.db);
    expect(s).toMatchObject({ added: 3, updated: 0, unchanged: 0, rejected: 0 });
    const docs = await t.db.selectFrom('knowledge_records').selectAll().where('type', '=', 'cop-document').orderBy('date').execute();
    // The printed document date ("Distr.: General / 31 May 2016"), else the first day of the meeting.
    expect(docs.map((d) => d.date)).toEqual(['2013-11-19', '2016-05-31', '2016-10-17']);
    const agenda = docs.find((d) => d.symbol === 'CTOC/COP/WG.3/2016/1')!;
    expect(agenda.lang).toBe('zh');

    const report2016 = docs.find((d) => d.date === '2016-10-17')!;
    const recs = await t.db.selectFrom('knowledge_records').selectAll().where('parent_id', '=', report2016.id).execute();
    expect(recs.length).toBeGreaterThan(10);
    const para6 = recs.find((r) => r.parent_ref === 'para_6')!;
    expect(para6.full_text).toMatch(/^缔约国应指定一个联络点/);
    expect((para6.details as { addressees: string[] }).addressees).toContain('states');
  });

  it('links the references it found, marked "extracted", to the right instrument and article', async () => {
    const report2016 = (await t.db.selectFrom('knowledge_records').selectAll().where('type', '=', 'cop-document').where('date', '=', '2016-10-17').executeTakeFirstOrThrow());
    const links = await t.db.selectFrom('knowledge_links').selectAll().where('record_id', '=', report2016.id).execute();
    expect(links.every((l) => l.origin === 'extracted' && !l.verified)).toBe(true);
    expect(links).toEqual(expect.arrayContaining([
      expect.objectContaining({ target_kind: 'resolution', target: 'COP 8/4' }),
      expect.objectContaining({ target_kind: 'decision', target: 'COP 2/6' }),
      expect.objectContaining({ target_kind: 'provision', instrument: 'UNTOC', article: 32 }),
    ]));
    const fullText = report2016.full_text;
    for (const l of links) expect(fullText.slice(l.span_start!, l.span_end!)).toBe(l.span_text);
  });

  it('makes them searchable in Chinese, with their recommendations', async () => {
    const anon: Actor = { kind: 'anonymous' };
    const r = await search(t.db, anon, { q: '联络点', filters: {}, sort: 'relevance', limit: 50 });
    expect(r.facets.type?.recommendation).toBeGreaterThan(0);
    const byArticle = await search(t.db, anon, { filters: { article: ['UNTOC:32'] }, sort: 'date', limit: 50 });
    expect(byArticle.total).toBeGreaterThan(0);
  });

  it('importing the same files again changes nothing', async () => {
    const before = await counts();
    const s = await loadSampleCorpus(t.db);
    expect(s).toMatchObject({ added: 0, updated: 0, unchanged: 3 });
    expect(await counts()).toEqual(before);
  });

  it('a changed document is updated: a new version, removed recommendations retired, not deleted', async () => {
    const text = fs.readFileSync(path.join(CORPUS_DIR, 'wg2-2016-report.zh.txt'), 'utf8');
    const edited = text.replace(/6\. 缔约国应指定一个联络点[^]*?(?=\n\s*7\. )/, '6. （本段已删除。）\n');
    expect(edited).not.toBe(text);
    const o = await importFile(t.db, 'wg2-2016-report.zh.txt', Buffer.from(edited), { actor: secretariat });
    expect(o.status).toBe('updated');
    const doc = (await t.db.selectFrom('knowledge_records').selectAll().where('id', '=', o.recordId!).executeTakeFirstOrThrow());
    expect(doc.version).toBe(2);
    const para6 = await t.db.selectFrom('knowledge_records').selectAll().where('parent_id', '=', doc.id).where('parent_ref', '=', 'para_6').executeTakeFirst();
    expect(para6?.retired_at ?? null).not.toBeNull();
  });
});

describe('other formats', () => {
  it('reads DOCX, PDF and HTML, and finds their references', async () => {
    for (const [file, type, lang, article] of [['guide.docx', 'guide', 'en', 18], ['model-law.pdf', 'guide', 'en', 24], ['note.html', 'guide', 'es', 12]] as const) {
      const o = await importFile(t.db, file, fs.readFileSync(path.join(FIXTURES, file)), { actor: secretariat, type });
      expect(o, file).toMatchObject({ status: 'added', type });
      const rec = await t.db.selectFrom('knowledge_records').selectAll().where('id', '=', o.recordId!).executeTakeFirstOrThrow();
      expect(rec.lang).toBe(lang);
      const links = await t.db.selectFrom('knowledge_links').selectAll().where('record_id', '=', rec.id).where('target_kind', '=', 'provision').execute();
      expect(links.map((l) => `${l.instrument}:${l.article}`)).toContain(`UNTOC:${article}`);
    }
    const html = await t.db.selectFrom('knowledge_records').selectAll().where('source_file', '=', 'note.html').executeTakeFirstOrThrow();
    expect(html.title).toBe('Nota sobre el decomiso');
    expect(html.full_text).not.toContain('var x');
  });
});

describe('rejected inputs leave no trace', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['empty.txt', Buffer.alloc(0), /empty/],
    ['blank.txt', Buffer.from('   \n\n  '), /no text/],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ['latin1.txt', Buffer.from('Décision adoptée à Vienne', 'latin1'), /encoding/],
    ['big.txt', Buffer.alloc(MAX_FILE_BYTES + 1, 0x61), /larger than/],
    ['fake.pdf', Buffer.from('not a pdf at all'), /not a valid PDF/],
    ['archive.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /not supported/],
    ['unknown-kind.txt', Buffer.from('A few words that are not a UN document.'), /give --type/],
  ];
  for (const [name, bytes, reason] of cases) {
    it(`${name}: rejected with a reason`, async () => {
      const before = await counts();
      const o = await importFile(t.db, name, bytes, { actor: secretariat });
      expect(o.status).toBe('rejected');
      expect(o.reason).toMatch(reason);
      expect(await counts()).toEqual(before);
    });
  }
});

describe('palermo import', () => {
  it('imports a folder with a summary, and --json prints one object', () => {
    const env = { DATABASE_URL: t.url };
    const r = palermo(['import', FIXTURES, '--type', 'guide', '--json'], env);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ added: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(r.status).toBe(0);
    const bad = palermo(['import', FIXTURES, '--type', 'poem'], env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--type is one of/);
  });
});
