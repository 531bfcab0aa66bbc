import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from '../directory/seed/demo-directory.ts';
import { completeDraftInput, documentXml } from './test-fixtures.ts';

/** The finalised request is kept byte for byte with its SHA-256, and served only as stored (issue #9, item 21). */

const P = '/api/v1/drafting';
let t: TestApp;
const s: Record<string, Session> = {};
let draft: { id: string; reference: string };
let finalised: { finalDocument: { sha256: string; size: number; language: string; mediaType: string; fileName: string } };

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  for (const [name, roles, state] of [['fd-gbr-officer', ['officer'], 'GBR'], ['fd-gbr-prac', ['practitioner'], 'GBR'], ['fd-fra-officer', ['officer'], 'FRA']] as const) {
    await addUser(t, name, [...roles], state);
    s[name] = await login(t.app, name);
  }
  const created = await as(t.app, s['fd-gbr-prac']!, 'POST', `${P}/drafts`, { content: { ...completeDraftInput(), language: 'zh' } });
  expect(created.statusCode, created.body).toBe(201);
  draft = created.json();
  const done = await as(t.app, s['fd-gbr-officer']!, 'POST', `${P}/drafts/${draft.id}/finalise`, { version: 1 });
  expect(done.statusCode, done.body).toBe(200);
  finalised = done.json().draft;
});
afterAll(() => t.close());

/** The stored final request as one row (platform/documents: the draft's 'final-request' reference, its document and bytes). */
async function storedRow(draftId: string) {
  const r = await sql<{ draft_id: string; bytes: Buffer; sha256: string; size: number; language: string; draft_version: number; stored_by_name: string }>`
    SELECT r.entity_id AS draft_id, c.bytes, d.sha256, d.size::int AS size, r.language, (r.details->>'draftVersion')::int AS draft_version, r.added_by_name AS stored_by_name
    FROM document_refs r JOIN stored_documents d ON d.sha256 = r.sha256 JOIN stored_document_contents c ON c.sha256 = d.sha256
    WHERE r.owner_module = 'drafting' AND r.role = 'final-request' AND r.entity_id = ${draftId}`.execute(t.database.db);
  return r.rows[0]!;
}
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const download = (who: string, id = draft.id) => as(t.app, s[who]!, 'GET', `${P}/drafts/${id}/final.docx`);

describe('the finalised request is kept', () => {
  it('finalising stores the DOCX in the request language with its SHA-256, named by the draft', async () => {
    expect(finalised.finalDocument).toMatchObject({ language: 'zh', mediaType: expect.stringMatching(/wordprocessingml/), fileName: `${draft.reference}-request-zh.docx` });
    const row = await storedRow(draft.id);
    expect(row).toMatchObject({ sha256: sha256(row.bytes), size: row.bytes.length, language: 'zh', draft_version: 1, stored_by_name: 'fd-gbr-officer' });
    expect(finalised.finalDocument).toMatchObject({ sha256: row.sha256, size: row.size });
    expect(await documentXml(row.bytes)).toContain('w:document');
    const read = (await as(t.app, s['fd-gbr-prac']!, 'GET', `${P}/drafts/${draft.id}`)).json();
    expect(read.finalDocument).toEqual(finalised.finalDocument);
  });

  it('the download is exactly the stored bytes, with the digest in ETag and Repr-Digest, and audited', async () => {
    const before = await t.database.db.selectFrom('audit_log').select('seq').where('target_id', '=', draft.id).where('action', '=', 'drafting.read').execute();
    const r = await download('fd-gbr-prac');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/wordprocessingml/);
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${draft.reference}-request-zh.docx"`);
    expect(sha256(r.rawPayload)).toBe(finalised.finalDocument.sha256);
    expect(r.headers.etag).toBe(`"sha256-${finalised.finalDocument.sha256}"`);
    expect(r.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(finalised.finalDocument.sha256, 'hex').toString('base64')}:`);
    const after = await t.database.db.selectFrom('audit_log').select(['seq', 'details']).where('target_id', '=', draft.id).where('action', '=', 'drafting.read').execute();
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)!.details).toMatchObject({ what: 'final-docx' });
  });

  it('a later change to the directory (and a new rendering) does not change the stored file', async () => {
    const first = (await download('fd-gbr-officer')).rawPayload;
    await t.database.db.updateTable('directory_authorities').set({ name: 'Renamed central authority' }).where('iso3', '=', 'CHN').execute();
    const live = await as(t.app, s['fd-gbr-officer']!, 'GET', `${P}/drafts/${draft.id}/docx?lang=zh`);
    expect(live.statusCode).toBe(200);
    const again = (await download('fd-gbr-officer')).rawPayload;
    expect(again.equals(first)).toBe(true);
    expect(sha256(again)).toBe(finalised.finalDocument.sha256);
  });

  it('another State gets 404 (audited as denied); a draft not finalised has no final document (404)', async () => {
    const other = await download('fd-fra-officer');
    expect(other.statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_log').select('outcome').where('target_id', '=', draft.id).where('outcome', '=', 'denied').execute();
    expect(denied.length).toBeGreaterThan(0);
    const open = (await as(t.app, s['fd-gbr-prac']!, 'POST', `${P}/drafts`, { content: completeDraftInput() })).json();
    const none = await download('fd-gbr-prac', open.id);
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toMatch(/not finalised/);
    expect((await as(t.app, s['fd-gbr-prac']!, 'GET', `${P}/drafts/${open.id}`)).json().finalDocument).toBeNull();
  });

  it('a stored file that no longer matches its digest is refused with 409, never served, and the refusal audited', async () => {
    const { sha256: digest } = await storedRow(draft.id);
    await sql`UPDATE stored_document_contents SET bytes = set_byte(bytes, 100, (get_byte(bytes, 100) + 1) % 256) WHERE sha256 = ${digest}`.execute(t.database.db);
    const r = await download('fd-gbr-prac');
    expect(r.statusCode).toBe(409);
    expect(r.json().error).toMatchObject({ code: 'document_integrity', message: expect.stringMatching(/does not match its digest/) });
    const failures = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', draft.id).where('outcome', '=', 'failure').execute();
    expect(failures.map((f) => f.action)).toContain('drafting.final-document');
  });
});
