import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from '../directory/seed/demo-directory.ts';
import { createDocumentStore, useDocumentStore } from '../platform/documents/documents.ts';
import { completeDraftInput } from './test-fixtures.ts';

/** Supporting files of a draft: who may add, read and remove them, when, and that what is served is what was stored. */

const P = '/api/v1/drafting';
const LIMIT = 1024 * 1024;
let t: TestApp;
const s: Record<string, Session> = {};
let draft: { id: string; version: number };

beforeAll(async () => {
  t = await createTestApp({ config: { documents: { store: 'database', maxBytes: LIMIT } } });
  await loadDemoDirectory(t.database.db);
  for (const [name, roles, state] of [
    ['at-gbr-prac', ['practitioner'], 'GBR'], ['at-gbr-prac2', ['practitioner'], 'GBR'], ['at-gbr-officer', ['officer'], 'GBR'],
    ['at-chn-officer', ['officer'], 'CHN'], ['at-fra-officer', ['officer'], 'FRA'],
  ] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
  const created = await as(t.app, s['at-gbr-prac']!, 'POST', `${P}/drafts`, { content: completeDraftInput() });
  expect(created.statusCode, created.body).toBe(201);
  draft = created.json();
});
afterAll(() => t.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const url = (id = draft.id) => `${P}/drafts/${id}/attachments`;
function upload(who: string, bytes: Buffer, query: Record<string, string>, type = 'application/pdf', id = draft.id) {
  return as(t.app, s[who]!, 'POST', `${url(id)}?${new URLSearchParams(query)}`, bytes, { 'content-type': type });
}
const auditOf = (action: string) =>
  t.database.db.selectFrom('audit_log').select(['actor_username', 'outcome', 'details']).where('target_id', '=', draft.id).where('action', '=', action).orderBy('seq').execute();

describe('attachments of a draft, owner side', () => {
  const order = pdf('Court order of 3 March 2026');

  it('the drafter attaches a file: stored with its SHA-256, type, language and who added it, audited', async () => {
    const r = await upload('at-gbr-prac', order, { fileName: '../Court order.pdf', language: 'en', title: 'Production order' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({
      sha256: sha256(order), size: order.length, mediaType: 'application/pdf', fileName: 'Court order.pdf', language: 'en', title: 'Production order',
      addedBy: { name: 'at-gbr-prac', state: 'GBR' }, addedAt: expect.any(String),
    });
    expect((await auditOf('drafting.attach')).at(-1)).toMatchObject({ actor_username: 'at-gbr-prac', outcome: 'success', details: { sha256: sha256(order) } });
  });

  it('lists and downloads it exactly as stored, with the digest in ETag and Repr-Digest; each read audited', async () => {
    const list = await as(t.app, s['at-gbr-officer']!, 'GET', url());
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([expect.objectContaining({ sha256: sha256(order), fileName: 'Court order.pdf', addedBy: expect.objectContaining({ name: 'at-gbr-prac' }) })]);
    const before = (await auditOf('drafting.read')).length;
    const r = await as(t.app, s['at-gbr-prac']!, 'GET', `${url()}/${sha256(order)}`);
    expect(r.statusCode).toBe(200);
    expect(r.rawPayload.equals(order)).toBe(true);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe('attachment; filename="Court order.pdf"');
    expect(r.headers.etag).toBe(`"sha256-${sha256(order)}"`);
    expect(r.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256(order), 'hex').toString('base64')}:`);
    const reads = await auditOf('drafting.read');
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)!.details).toMatchObject({ what: 'attachment', sha256: sha256(order) });
  });

  it('the same bytes attached to another draft are stored once; twice on one draft is a 409', async () => {
    const other = (await as(t.app, s['at-gbr-officer']!, 'POST', `${P}/drafts`, { content: { title: 'Second request' } })).json();
    expect((await upload('at-gbr-officer', order, { fileName: 'copy.pdf' }, 'application/pdf', other.id)).statusCode).toBe(201);
    const rows = await t.database.db.selectFrom('stored_documents').select('sha256').where('sha256', '=', sha256(order)).execute();
    expect(rows.length).toBe(1);
    expect((await upload('at-gbr-prac', order, { fileName: 'again.pdf' })).statusCode).toBe(409);
  });

  it('refuses what is not an accepted file, or not what its type says (415), or too large (413), storing nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('document_refs').select('id').execute()).length;
    const before = await count();
    const exe = await upload('at-gbr-prac', Buffer.from('MZ\u0090\u0000binary'), { fileName: 'tool.exe' }, 'application/octet-stream');
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('unsupported_media_type');
    expect((await upload('at-gbr-prac', Buffer.from('just text'), { fileName: 'x.pdf' }, 'application/pdf')).statusCode).toBe(415);
    const big = await upload('at-gbr-prac', Buffer.concat([pdf(''), Buffer.alloc(LIMIT)]), { fileName: 'big.pdf' });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain(String(LIMIT));
    expect((await upload('at-gbr-prac', Buffer.alloc(0), { fileName: 'empty.pdf' })).statusCode).toBe(400);
    expect((await upload('at-gbr-prac', pdf('x'), { fileName: '   ' })).statusCode).toBe(400);
    expect((await upload('at-gbr-prac', pdf('x'), { fileName: 'x.pdf', language: 'English' })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('a stored file that no longer matches its digest is refused (409), never served, and the refusal audited', async () => {
    const bytes = pdf('to be damaged');
    expect((await upload('at-gbr-prac', bytes, { fileName: 'damaged.pdf' })).statusCode).toBe(201);
    await sql`UPDATE stored_document_contents SET bytes = set_byte(bytes, 12, 65) WHERE sha256 = ${sha256(bytes)}`.execute(t.database.db);
    const r = await as(t.app, s['at-gbr-prac']!, 'GET', `${url()}/${sha256(bytes)}`);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('document_integrity');
    expect((await auditOf('drafting.attachment')).at(-1)).toMatchObject({ outcome: 'failure', details: { reason: 'digest-mismatch' } });
    expect((await as(t.app, s['at-gbr-prac']!, 'DELETE', `${url()}/${sha256(bytes)}`)).statusCode).toBe(204);
  });
});

describe('attachments and other States', () => {
  const evidence = pdf('Evidence list');
  beforeAll(async () => {
    expect((await upload('at-gbr-officer', evidence, { fileName: 'evidence.pdf' })).statusCode).toBe(201);
  });

  it('another State, and a colleague practitioner, learn nothing: 404 for every attachment route, audited as denied', async () => {
    const deniedBefore = (await t.database.db.selectFrom('audit_log').select('seq').where('target_id', '=', draft.id).where('outcome', '=', 'denied').execute()).length;
    for (const who of ['at-fra-officer', 'at-chn-officer', 'at-gbr-prac2']) {
      expect((await as(t.app, s[who]!, 'GET', url())).statusCode).toBe(404);
      expect((await as(t.app, s[who]!, 'GET', `${url()}/${sha256(evidence)}`)).statusCode).toBe(404);
      expect((await upload(who, pdf(who), { fileName: 'x.pdf' })).statusCode).toBe(404);
      expect((await as(t.app, s[who]!, 'DELETE', `${url()}/${sha256(evidence)}`)).statusCode).toBe(404);
    }
    const denied = await t.database.db.selectFrom('audit_log').select('seq').where('target_id', '=', draft.id).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBe(deniedBefore + 12);
  });

  it('the consulted State reads them while the draft is shared, and changes nothing (403, audited)', async () => {
    expect((await as(t.app, s['at-gbr-prac']!, 'POST', `${P}/drafts/${draft.id}/shares`, {})).statusCode).toBe(201);
    const list = await as(t.app, s['at-chn-officer']!, 'GET', url());
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { sha256: string }) => i.sha256)).toContain(sha256(evidence));
    const file = await as(t.app, s['at-chn-officer']!, 'GET', `${url()}/${sha256(evidence)}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(evidence)).toBe(true);
    expect((await upload('at-chn-officer', pdf('from China'), { fileName: 'reply.pdf' })).statusCode).toBe(403);
    expect((await as(t.app, s['at-chn-officer']!, 'DELETE', `${url()}/${sha256(evidence)}`)).statusCode).toBe(403);
    expect((await auditOf('drafting.detach')).at(-1)).toMatchObject({ actor_username: 'at-chn-officer', outcome: 'denied' });
    expect((await as(t.app, s['at-gbr-prac']!, 'DELETE', `${P}/drafts/${draft.id}/shares`)).statusCode).toBe(204);
    expect((await as(t.app, s['at-chn-officer']!, 'GET', url())).statusCode).toBe(404);
  });
});

describe('removing, and the finalised draft', () => {
  it('the owner side removes an attachment (audited); it is gone from the list and the download', async () => {
    const note = Buffer.from('Translator’s note: names transliterated per ISO 7098.\n');
    const r = await upload('at-gbr-prac', note, { fileName: 'note.txt', language: 'en' }, 'text/plain; charset=utf-8');
    expect(r.statusCode, r.body).toBe(201);
    expect((await as(t.app, s['at-gbr-officer']!, 'DELETE', `${url()}/${sha256(note)}`)).statusCode).toBe(204);
    expect((await auditOf('drafting.detach')).at(-1)).toMatchObject({ actor_username: 'at-gbr-officer', outcome: 'success', details: { sha256: sha256(note) } });
    expect((await as(t.app, s['at-gbr-prac']!, 'GET', url())).json().items.map((i: { sha256: string }) => i.sha256)).not.toContain(sha256(note));
    expect((await as(t.app, s['at-gbr-prac']!, 'GET', `${url()}/${sha256(note)}`)).statusCode).toBe(404);
    expect((await as(t.app, s['at-gbr-prac']!, 'DELETE', `${url()}/${sha256(note)}`)).statusCode).toBe(404);
  });

  it('once the draft is finalised its attachments stay as they are: upload and delete are 409 (audited), reading goes on', async () => {
    const current = (await as(t.app, s['at-gbr-officer']!, 'GET', `${P}/drafts/${draft.id}`)).json();
    const done = await as(t.app, s['at-gbr-officer']!, 'POST', `${P}/drafts/${draft.id}/finalise`, { version: current.version });
    expect(done.statusCode, done.body).toBe(200);
    const items = (await as(t.app, s['at-gbr-prac']!, 'GET', url())).json().items as { sha256: string }[];
    expect(items.length).toBeGreaterThan(0);
    const up = await upload('at-gbr-officer', pdf('late'), { fileName: 'late.pdf' });
    expect(up.statusCode).toBe(409);
    expect(up.json().error.message).toMatch(/finalised/);
    expect((await as(t.app, s['at-gbr-officer']!, 'DELETE', `${url()}/${items[0]!.sha256}`)).statusCode).toBe(409);
    expect((await auditOf('drafting.attach')).at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'finalised' } });
    expect((await auditOf('drafting.detach')).at(-1)).toMatchObject({ outcome: 'denied', details: { reason: 'finalised' } });
    expect((await as(t.app, s['at-gbr-prac']!, 'GET', url())).json().items).toEqual(items);
    expect((await as(t.app, s['at-gbr-prac']!, 'GET', `${url()}/${items[0]!.sha256}`)).statusCode).toBe(200);
  });
});

describe('with the data-directory store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-attachments-'));
  beforeAll(() => useDocumentStore(createDocumentStore({ store: 'files', maxBytes: LIMIT }, dir)));
  afterAll(() => {
    useDocumentStore(null);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('attachments are written under <dataDir>/documents and served from there, checked', async () => {
    const other = (await as(t.app, s['at-gbr-prac']!, 'POST', `${P}/drafts`, { content: { title: 'Files' } })).json();
    const scan = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF scan of a passport')]);
    const r = await upload('at-gbr-prac', scan, { fileName: 'passport.jpg' }, 'image/jpeg', other.id);
    expect(r.statusCode, r.body).toBe(201);
    const file = path.join(dir, 'documents', sha256(scan).slice(0, 2), sha256(scan).slice(2));
    expect(fs.readFileSync(file).equals(scan)).toBe(true);
    const got = await as(t.app, s['at-gbr-prac']!, 'GET', `${url(other.id)}/${sha256(scan)}`);
    expect(got.rawPayload.equals(scan)).toBe(true);
    fs.writeFileSync(file, Buffer.concat([scan, Buffer.from('!')]));
    expect((await as(t.app, s['at-gbr-prac']!, 'GET', `${url(other.id)}/${sha256(scan)}`)).statusCode).toBe(409);
  });
});
