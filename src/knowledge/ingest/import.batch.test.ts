import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { palermo } from '../../../test/support/cli.ts';
import { CORPUS_DIR } from '../seed/sample-corpus.ts';
import { retireRecord } from '../records.service.ts';
import { importFiles } from './import.batch.ts';
import { importFile, type FileOutcome, type ImportOptions } from './import.service.ts';
import { filesUnder } from './walk.ts';

/**
 * A folder import (import.batch.ts: files prepared ahead, looked up per batch, written many per transaction)
 * must leave exactly what importing each file in turn with importFile leaves: the same outcomes and the same
 * records, links, versions, search rows, audit entries and events. Each scenario runs both ways, on two
 * databases, and compares them (ids and times aside).
 */

const FIXTURES = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
const secretariat: Actor = { kind: 'user', id: '00000000-0000-0000-0000-000000000009', username: 'importer', displayName: 'i', state: null, roles: ['secretariat'], demo: false, language: 'en', csrfToken: '' };
let batched: TestDatabase;
let oneByOne: TestDatabase;
let dir: string;

const TEXTS: Record<string, string> = {
  'en-extradition.txt': 'Extradition under article 16 of the Convention\n\nStates parties shall consider article 16, paragraph 4, as the legal basis for extradition, and article 18 for mutual legal assistance.\n',
  'fr-confiscation.txt': 'Confiscation des avoirs\n\nLes États parties adoptent les mesures prévues à l’article 12 de la Convention pour permettre la confiscation du produit du crime.\n',
  'es-note.html': '<html><head><title>Nota sobre el decomiso</title></head><body><p>El artículo 12 de la Convención regula el decomiso.</p><script>var x = 1;</script></body></html>',
  'zh-cooperation.txt': '国际合作\n\n缔约国应根据《公约》第18条相互提供司法协助，并根据第16条开展引渡。\n',
  'ar-witnesses.txt': 'حماية الشهود\n\nتتخذ الدول الأطراف التدابير المنصوص عليها في المادة 24 من الاتفاقية لحماية الشهود.\n',
  'ru-laundering.txt': 'Отмывание денег\n\nГосударства-участники криминализируют отмывание доходов в соответствии со статьей 6 Конвенции.\n',
  'c/empty.txt': '',
  'c/latin1.txt': '',
};

function writeFolder(root: string, texts: Record<string, string>, fixtures = ['guide.docx', 'model-law.pdf']) {
  for (const [name, text] of Object.entries(texts)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), name.endsWith('latin1.txt') ? Buffer.from('Décision adoptée à Vienne', 'latin1') : text);
  }
  for (const f of fixtures) fs.copyFileSync(path.join(FIXTURES, f), path.join(root, f));
}

/** What the import wrote, with ids and times replaced by import keys and left out. */
async function contents(db: Kysely<Database>) {
  const records = await db.selectFrom('knowledge_records').selectAll().orderBy('import_key').execute();
  const key = new Map(records.map((r) => [r.id, r.import_key ?? r.title]));
  const k = (id: string | null) => (id ? key.get(id) ?? 'unknown' : null);
  const strip = <T extends Record<string, unknown>>(row: T, drop: string[]) => Object.fromEntries(Object.entries(row).filter(([c]) => !drop.includes(c)));
  const noIds = ['id', 'work_id', 'created_at', 'updated_at', 'parent_id', 'retired_at', 'record_id', 'seq', 'at', 'occurred_at', 'aggregate_id', 'target_id', 'changed_at', 'prev_hash', 'hash', 'written_xid'];
  const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();
  return {
    records: records.map((r) => ({ ...strip(r, noIds), parent: k(r.parent_id), retired: r.retired_at !== null })),
    links: sorted((await db.selectFrom('knowledge_links').selectAll().execute()).map((l) => ({ ...strip(l, noIds), record: k(l.record_id) }))),
    versions: sorted((await db.selectFrom('knowledge_record_versions').selectAll().execute()).map((v) => ({
      ...strip(v, noIds), record: k(v.record_id), snapshot: strip(v.snapshot as Record<string, unknown>, noIds),
    }))),
    search: sorted((await db.selectFrom('knowledge_search').selectAll().execute()).map((s) => ({ ...strip(s, noIds), record: k(s.record_id) }))),
    // in the order written: a folder import audits as importing each file in turn does
    audit: (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()).map((a) => ({ ...strip(a, noIds), target: k(a.target_id) })),
    events: sorted((await db.selectFrom('platform_events').selectAll().execute()).map((e) => ({
      ...strip(e, noIds), record: k(e.aggregate_id), payload: strip(e.payload as Record<string, unknown>, ['recordId']),
    }))),
  };
}

const sameWithoutIds = (os: FileOutcome[]) => os.map(({ recordId, ...o }) => ({ ...o, recordId: typeof recordId }));

/** The folder imported both ways (batches of three, so that a folder spans several); both outcomes must agree. */
async function importBothWays(folder: string, opts: ImportOptions): Promise<FileOutcome[]> {
  const files = filesUnder(folder);
  const a = await importFiles(batched.db, files, opts, { batchSize: 3 });
  const b: FileOutcome[] = [];
  for (const f of files) b.push(await importFile(oneByOne.db, f, fs.readFileSync(f), opts));
  expect(sameWithoutIds(a)).toEqual(sameWithoutIds(b));
  expect(await contents(batched.db)).toEqual(await contents(oneByOne.db));
  return a;
}

const statuses = (os: FileOutcome[]) => Object.fromEntries(os.map((o) => [o.file, o.status]));

beforeAll(async () => {
  [batched, oneByOne] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-import-batch-'));
  writeFolder(path.join(dir, 'plain'), TEXTS);
});
afterAll(async () => {
  await Promise.all([batched?.drop(), oneByOne?.drop()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a folder import does what importing each file in turn does', () => {
  const opts: ImportOptions = { actor: secretariat, type: 'guide' };

  it('adds every good file and reports the bad ones with a reason', async () => {
    const o = await importBothWays(path.join(dir, 'plain'), opts);
    expect(statuses(o)).toMatchObject({ 'en-extradition.txt': 'added', 'zh-cooperation.txt': 'added', 'es-note.html': 'added', 'guide.docx': 'added', 'model-law.pdf': 'added', 'empty.txt': 'rejected', 'latin1.txt': 'rejected' });
    expect(o.find((x) => x.file === 'latin1.txt')!.reason).toMatch(/encoding/);
    const links = await batched.db.selectFrom('knowledge_links').select(['instrument', 'article']).where('target_kind', '=', 'provision').execute();
    expect(links.map((l) => `${l.instrument}:${l.article}`)).toEqual(expect.arrayContaining(['UNTOC:16', 'UNTOC:12', 'UNTOC:18', 'UNTOC:24', 'UNTOC:6']));
  });

  it('importing the same folder again changes nothing: every file unchanged, no new version', async () => {
    const before = await contents(batched.db);
    const o = await importBothWays(path.join(dir, 'plain'), opts);
    expect(o.filter((x) => x.status !== 'rejected').every((x) => x.status === 'unchanged')).toBe(true);
    expect((await contents(batched.db)).versions).toEqual(before.versions);
  });

  it('a changed file makes a new version; a file refused while writing (retired) is reported and the others of its batch are kept', async () => {
    fs.writeFileSync(path.join(dir, 'plain/fr-confiscation.txt'), `${TEXTS['fr-confiscation.txt']}\nVoir aussi l’article 13 de la Convention.\n`);
    fs.writeFileSync(path.join(dir, 'plain/en-new.txt'), 'A new note on article 20 of the Convention (special investigative techniques).\n');
    for (const db of [batched.db, oneByOne.db]) {
      const r = await db.selectFrom('knowledge_records').select('id').where('source_file', '=', 'en-extradition.txt').executeTakeFirstOrThrow();
      await retireRecord(db, secretariat, r.id, 'withdrawn');
    }
    const o = await importBothWays(path.join(dir, 'plain'), opts);
    expect(statuses(o)).toMatchObject({ 'fr-confiscation.txt': 'updated', 'en-new.txt': 'added', 'en-extradition.txt': 'rejected', 'zh-cooperation.txt': 'unchanged' });
    expect(o.find((x) => x.file === 'en-extradition.txt')!.reason).toMatch(/retired/);
    const fr = await batched.db.selectFrom('knowledge_records').selectAll().where('source_file', '=', 'fr-confiscation.txt').executeTakeFirstOrThrow();
    expect(fr.version).toBe(2);
  });

  it('two files of one name (in two sub-folders) are one record: the second updates the first, in one batch or two', async () => {
    const twice = path.join(dir, 'twice');
    writeFolder(twice, {
      'a/same-name.txt': 'The first of two files with one name, citing article 27 of the Convention on law enforcement cooperation.\n',
      'b/same-name.txt': 'The second of two files with one name, citing article 19 of the Convention on joint investigations.\n',
      'c/other.txt': 'Another file, citing article 26 of the Convention.\n',
      'd/same-name.txt': 'The second of two files with one name, citing article 19 of the Convention on joint investigations.\n',
    }, []);
    const o = await importBothWays(twice, opts);
    expect(o.map((x) => x.status)).toEqual(['added', 'updated', 'added', 'unchanged']);
  });

  it('Conference documents, with their recommendations, and a file of no known kind', async () => {
    const conf = path.join(dir, 'conference');
    fs.mkdirSync(conf);
    for (const f of fs.readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.txt'))) fs.copyFileSync(path.join(CORPUS_DIR, f), path.join(conf, f));
    fs.writeFileSync(path.join(conf, 'zz-unknown.txt'), 'A few words that are not a UN document.');
    const o = await importBothWays(conf, { actor: secretariat });
    expect(o.filter((x) => x.status === 'added' && (x.recommendations ?? 0) > 0).length).toBeGreaterThan(0);
    expect(o.find((x) => x.file === 'zz-unknown.txt')!.reason).toMatch(/give --type/);
  });
});

describe('palermo import of a folder', () => {
  it('reports each file, exits 1 for a bad one, and imports the others; again, all unchanged', () => {
    const env = { DATABASE_URL: batched.url };
    const folder = path.join(dir, 'cli');
    writeFolder(folder, { 'one.txt': 'Article 18 of the Convention, on mutual legal assistance.\n', 'two.txt': 'Article 16 of the Convention, on extradition.\n', 'bad.txt': '' }, []);
    const first = palermo(['import', folder, '--type', 'guide', '--lang', 'en', '--json'], env);
    expect(first.status).toBe(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 2, rejected: 1 });
    const again = palermo(['import', folder, '--type', 'guide', '--lang', 'en'], env);
    expect(again.status).toBe(1);
    expect(again.stdout).toMatch(/^rejected +bad\.txt: empty file$/m);
    expect(again.stdout).toMatch(/0 added, 0 updated, 2 unchanged, 1 rejected\./);
  });
});
