import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { documentStore } from '../platform/documents/documents.ts';
import { copyCaseDocuments } from './documents.service.ts';

/** A case's documents: upload, versions, translations, digests, who may see them (nobody else: 404), bad input. */

const LIMIT = 256 * 1024;
let t: TestApp;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
let caseId: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`);
const url = (id = caseId) => `/api/v1/cases/${id}/documents`;
function upload(who: string, bytes: Buffer, query: Record<string, string>, type = 'application/pdf', id = caseId) {
  return as(t.app, s[who]!, 'POST', `${url(id)}?${new URLSearchParams(query)}`, bytes, { 'content-type': type });
}
const auditOf = (action: string, id = caseId) =>
  t.database.db.selectFrom('audit_log').select(['actor_username', 'outcome', 'details']).where('target_id', '=', id).where('action', '=', action).orderBy('seq').execute();
const timelineOf = (id = caseId) => t.database.db.selectFrom('cases_events').select(['seq', 'type', 'data', 'actor_name']).where('case_id', '=', id).orderBy('seq').execute();
const refCount = async () => (await t.database.db.selectFrom('document_refs').select('id').execute()).length;

async function newCase(who: string, assignees: string[] = []): Promise<string> {
  const r = await as(t.app, s[who]!, 'POST', '/api/v1/cases', {
    direction: 'incoming', kind: 'mla', counterpartState: 'FRA', title: 'Bank records of a shell company', channel: 'email',
    legalBasis: { type: 'convention', article: 'UNTOC:18' }, measures: ['bank-records'], assignees,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ config: { documents: { store: 'database', maxBytes: LIMIT } } });
  for (const [name, roles, state] of [
    ['cd-gbr-officer', ['officer'], 'GBR'], ['cd-gbr-prac', ['practitioner'], 'GBR'], ['cd-gbr-prac2', ['practitioner'], 'GBR'],
    ['cd-fra-officer', ['officer'], 'FRA'], ['cd-chn-officer', ['officer'], 'CHN'], ['cd-secretariat', ['secretariat'], null],
  ] as const) {
    const u = await addUser(t, name, [...roles], state);
    ids[name] = u.id;
    s[name] = await login(t.app, name);
  }
  caseId = await newCase('cd-gbr-officer', [ids['cd-gbr-prac']!]);
});
afterAll(() => t.close());

describe('documents of a case, holding side', () => {
  const request = pdf('Request for mutual legal assistance, 1 December 2026');
  const request2 = pdf('Request for mutual legal assistance, corrected, 3 December 2026');
  const translation = pdf('Demande d’entraide judiciaire, 1er décembre 2026');
  let first: { id: string; series: string };

  it('an officer adds the request: stored with its SHA-256, size, type, role, language, version 1; audited; on the timeline with its digest', async () => {
    const r = await upload('cd-gbr-officer', request, { fileName: 'request.pdf', role: 'request', language: 'en', title: 'The request' });
    expect(r.statusCode, r.body).toBe(201);
    first = r.json();
    expect(r.json()).toMatchObject({
      sha256: sha256(request), size: request.length, mediaType: 'application/pdf', fileName: 'request.pdf', role: 'request', language: 'en',
      title: 'The request', version: 1, replaces: null, translationOf: null, latest: true, addedBy: { id: ids['cd-gbr-officer'], state: 'GBR' },
    });
    expect((await auditOf('cases.document.added')).at(-1)).toMatchObject({ actor_username: 'cd-gbr-officer', outcome: 'success', details: { sha256: sha256(request), documentId: first.id } });
    expect((await timelineOf()).at(-1)).toMatchObject({ type: 'document_added', actor_name: 'cd-gbr-officer', data: { documentId: first.id, sha256: sha256(request), size: request.length, role: 'request', version: 1 } });
  });

  it('a new version replaces the current one: version 2 of the same document, its role and language kept', async () => {
    const r = await upload('cd-gbr-prac', request2, { fileName: 'request-v2.pdf', replaces: first.id });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ version: 2, series: first.series, replaces: first.id, role: 'request', language: 'en', latest: true });
    // replacing version 1 again would fork the document: refused, nothing stored
    const before = await refCount();
    const again = await upload('cd-gbr-officer', pdf('another fork'), { fileName: 'fork.pdf', replaces: first.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('version 2 is the current one');
    expect(await refCount()).toBe(before);
  });

  it('a translation names the document it translates and its language', async () => {
    const r = await upload('cd-gbr-officer', translation, { fileName: 'demande.pdf', translationOf: first.id, language: 'fr' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ role: 'translation', language: 'fr', translationOf: first.id, version: 1 });
    expect((await upload('cd-gbr-officer', pdf('sans langue'), { fileName: 'x.pdf', translationOf: first.id })).statusCode).toBe(400);
  });

  it('the list groups each document with its versions and translations', async () => {
    const r = await as(t.app, s['cd-gbr-prac']!, 'GET', url());
    expect(r.statusCode, r.body).toBe(200);
    const items = r.json().items;
    expect(items).toHaveLength(1);
    expect(items[0].current).toMatchObject({ sha256: sha256(request2), version: 2, latest: true });
    expect(items[0].versions.map((v: { sha256: string; latest: boolean }) => [v.sha256, v.latest])).toEqual([[sha256(request), false], [sha256(request2), true]]);
    expect(items[0].translations).toEqual([expect.objectContaining({ language: 'fr', current: expect.objectContaining({ sha256: sha256(translation) }) })]);
    expect((await auditOf('cases.document.read')).at(-1)).toMatchObject({ actor_username: 'cd-gbr-prac', details: { what: 'list', count: 3 } });
  });

  it('downloads each exactly as stored, the digest in ETag and Repr-Digest matching the bytes; each read audited', async () => {
    const list = (await as(t.app, s['cd-gbr-officer']!, 'GET', url())).json().items[0];
    for (const [doc, bytes] of [[list.versions[0], request], [list.versions[1], request2], [list.translations[0].current, translation]] as const) {
      const r = await as(t.app, s['cd-gbr-prac']!, 'GET', `${url()}/${doc.id}`);
      expect(r.statusCode).toBe(200);
      expect(r.rawPayload.equals(bytes)).toBe(true);
      expect(sha256(r.rawPayload)).toBe(doc.sha256);
      expect(r.headers.etag).toBe(`"sha256-${sha256(bytes)}"`);
      expect(r.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(sha256(bytes), 'hex').toString('base64')}:`);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect((await auditOf('cases.document.read')).at(-1)).toMatchObject({ actor_username: 'cd-gbr-prac', details: { what: 'document', documentId: doc.id, sha256: doc.sha256 } });
    }
    expect((await as(t.app, s['cd-gbr-prac']!, 'GET', `${url()}/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
  });

  it('a stored file that no longer matches its digest is refused (409), never served, the failure audited', async () => {
    const bytes = pdf('to be damaged');
    const added = (await upload('cd-gbr-officer', bytes, { fileName: 'damaged.pdf', role: 'correspondence' })).json();
    await sql`UPDATE stored_document_contents SET bytes = set_byte(bytes, 12, 65) WHERE sha256 = ${sha256(bytes)}`.execute(t.database.db);
    const r = await as(t.app, s['cd-gbr-officer']!, 'GET', `${url()}/${added.id}`);
    expect(r.statusCode).toBe(409);
    expect((await auditOf('cases.document.read')).at(-1)).toMatchObject({ outcome: 'failure', details: { reason: 'digest-mismatch' } });
  });
});

describe('bad input changes nothing', () => {
  it.each([
    ['no file name', pdf('a'), {}, 'application/pdf', 400],
    ['a blank file name', pdf('a'), { fileName: '   ' }, 'application/pdf', 400],
    ['NUL in the file name', pdf('a'), { fileName: 'a\u0000.pdf' }, 'application/pdf', 400],
    ['NUL in the title', pdf('a'), { fileName: 'a.pdf', title: 'x\u0000y' }, 'application/pdf', 400],
    ['an unknown role', pdf('a'), { fileName: 'a.pdf', role: 'secret' }, 'application/pdf', 400],
    ['a bad language', pdf('a'), { fileName: 'a.pdf', language: 'English' }, 'application/pdf', 400],
    ['replaces not a UUID', pdf('a'), { fileName: 'a.pdf', replaces: '42' }, 'application/pdf', 400],
    ['replaces a document of no such case', pdf('a'), { fileName: 'a.pdf', replaces: '00000000-0000-4000-8000-000000000000' }, 'application/pdf', 400],
    ['both a version and a translation', pdf('a'), { fileName: 'a.pdf', language: 'es', replaces: '00000000-0000-4000-8000-000000000000', translationOf: '00000000-0000-4000-8000-000000000001' }, 'application/pdf', 400],
    ['an empty body', Buffer.alloc(0), { fileName: 'a.pdf' }, 'application/pdf', 400],
    ['an executable', Buffer.from('MZ\u0090\u0000binary'), { fileName: 'tool.exe' }, 'application/octet-stream', 415],
    ['text declared as PDF', Buffer.from('just text'), { fileName: 'a.pdf' }, 'application/pdf', 415],
    ['too big', Buffer.concat([pdf(''), Buffer.alloc(LIMIT)]), { fileName: 'big.pdf' }, 'application/pdf', 413],
  ] as const)('%s', async (_name, bytes, query, type, status) => {
    const [refs, events] = [await refCount(), (await timelineOf()).length];
    const r = await upload('cd-gbr-officer', bytes, query as Record<string, string>, type);
    expect(r.statusCode, r.body).toBe(status);
    expect(await refCount()).toBe(refs);
    expect((await timelineOf()).length).toBe(events);
  });

  it('a case id that is not a UUID is a 400', async () => {
    expect((await as(t.app, s['cd-gbr-officer']!, 'GET', '/api/v1/cases/not-a-case/documents')).statusCode).toBe(400);
    expect((await as(t.app, s['cd-gbr-officer']!, 'GET', `${url()}/nope`)).statusCode).toBe(400);
  });
});

describe('nobody else learns anything', () => {
  const missing = '00000000-0000-4000-8000-00000000abcd';
  let docId: string;
  beforeAll(async () => {
    docId = (await upload('cd-gbr-officer', pdf('Evidence list'), { fileName: 'evidence.pdf', role: 'supplementary' })).json().id;
  });

  it('the requesting State, a third State and an unassigned practitioner get 404, word for word as for no case; audited as denied', async () => {
    const denied = async () => (await auditOf('cases.case.read_denied')).length;
    const before = await denied();
    for (const who of ['cd-fra-officer', 'cd-chn-officer', 'cd-gbr-prac2']) {
      const refs = await refCount();
      for (const [method, path] of [['GET', url()], ['GET', `${url()}/${docId}`]] as const) {
        const real = await as(t.app, s[who]!, method, path);
        const none = await as(t.app, s[who]!, method, path.replace(caseId, missing));
        expect(real.statusCode).toBe(404);
        expect(real.json()).toEqual(JSON.parse(none.body.replaceAll(missing, caseId)));
      }
      const up = await upload(who, pdf(who), { fileName: 'x.pdf' });
      expect(up.statusCode).toBe(404);
      expect(await refCount()).toBe(refs);
    }
    expect(await denied()).toBe(before + 9);
  });

  it('the secretariat is refused by role, the same whether the case exists or not', async () => {
    const real = await as(t.app, s['cd-secretariat']!, 'GET', url());
    const none = await as(t.app, s['cd-secretariat']!, 'GET', url(missing));
    expect(real.statusCode).toBe(none.statusCode);
    expect(real.body).toBe(none.body);
    expect([403, 404]).toContain(real.statusCode);
    expect((await upload('cd-secretariat', pdf('s'), { fileName: 's.pdf' })).statusCode).toBe(real.statusCode);
  });
});

describe('copyCaseDocuments (exchange delivering a case)', () => {
  it('copies every document to another case with the same digests, versions and translations, once', async () => {
    const from = await newCase('cd-gbr-officer');
    const v1 = (await upload('cd-gbr-officer', pdf('copy me v1'), { fileName: 'r.pdf', role: 'request', language: 'en' }, 'application/pdf', from)).json();
    const v2 = (await upload('cd-gbr-officer', pdf('copy me v2'), { fileName: 'r2.pdf', replaces: v1.id }, 'application/pdf', from)).json();
    await upload('cd-gbr-officer', Buffer.from('Traduction'), { fileName: 't.txt', translationOf: v2.id, language: 'fr' }, 'text/plain', from);
    const to = await newCase('cd-gbr-officer');
    const actor = { kind: 'user' as const, id: ids['cd-gbr-officer']!, username: 'cd-gbr-officer', displayName: 'cd-gbr-officer', state: 'GBR', roles: ['officer' as const], demo: false, language: 'en', csrfToken: '' };
    const copies = await t.database.db.transaction().execute((trx) => copyCaseDocuments(trx, documentStore(), from, to, actor));
    expect(copies.map((c) => c.from)).toHaveLength(3);
    const [a, b] = await Promise.all([from, to].map(async (id) => (await as(t.app, s['cd-gbr-officer']!, 'GET', url(id))).json().items));
    const shape = (items: typeof a) => items.map((g: { versions: { sha256: string; version: number }[]; translations: { language: string; current: { sha256: string } }[] }) => ({
      versions: g.versions.map((v) => [v.sha256, v.version]), translations: g.translations.map((x) => [x.language, x.current.sha256]),
    }));
    expect(shape(b)).toEqual(shape(a));
    expect((await timelineOf(to)).filter((e) => e.type === 'document_added')).toHaveLength(3);
    const again = await t.database.db.transaction().execute((trx) => copyCaseDocuments(trx, documentStore(), from, to, actor));
    expect(again).toEqual([]);
  });
});
