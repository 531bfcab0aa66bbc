import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';
import { loadDemoDirectory } from '../directory/seed/demo-directory.ts';
import { LABELS } from './docx/labels/index.ts';
import { FREE_TEXT, completeDraftInput, documentXml, runTexts } from './test-fixtures.ts';

const P = '/api/v1/drafting';
let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  const users: Array<[string, Array<'practitioner' | 'officer' | 'secretariat' | 'focal_point'>, string | null]> = [
    ['gbr-officer', ['officer'], 'GBR'],
    ['gbr-prac-one', ['practitioner'], 'GBR'],
    ['gbr-prac-two', ['practitioner'], 'GBR'],
    ['gbr-focal', ['focal_point'], 'GBR'],
    ['chn-officer', ['officer'], 'CHN'],
    ['chn-prac', ['practitioner'], 'CHN'],
    ['fra-officer', ['officer'], 'FRA'],
    ['deu-prac', ['practitioner'], 'DEU'],
    ['secretariat', ['secretariat'], null],
  ];
  for (const [name, roles, state] of users) {
    await addUser(t, name, roles, state);
    s[name] = await login(t.app, name);
  }
});
afterAll(() => t.close());

async function create(who: string, content: unknown = completeDraftInput()) {
  const res = await as(t.app, s[who]!, 'POST', `${P}/drafts`, { content });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; reference: string; version: number; content: Record<string, unknown> };
}
const auditOf = (id: string) => t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', id).orderBy('seq').execute();

describe('drafts: create, autosave, versions, duplicate', () => {
  it('a practitioner starts a draft for their State; it gets a reference and version 1', async () => {
    const d = await create('gbr-prac-one');
    expect(d.reference).toMatch(/^GBR-\d{4}-\d{4}$/);
    expect(d).toMatchObject({ requestingState: 'GBR', requestedState: 'CHN', kind: 'mla', status: 'draft', version: 1, access: 'owner' });
    expect((d.content as { facts: { summary: string } }).facts.summary).toBe(FREE_TEXT.facts);
    const empty = await create('gbr-prac-one', {});
    expect(Number(empty.reference.slice(-4))).toBe(Number(d.reference.slice(-4)) + 1);
    expect((empty.content as { assistance: unknown[] }).assistance).toEqual([]);
  });

  it('malformed content is refused with the field named', async () => {
    const res = await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts`, { content: { requested: { state: 'china' }, channel: 'pigeon' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['body.content.requested.state', 'body.content.channel']));
  });

  it('autosave: a merge patch with the version last seen; a stale version is a 409 and changes nothing', async () => {
    const d = await create('gbr-prac-one');
    const a = await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { title: 'Renamed', facts: { summary: 'Changed on 1 May 2024.' } } });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json()).toMatchObject({ version: 2, title: 'Renamed' });
    expect(a.json().content.purpose).toBe(FREE_TEXT.purpose); // untouched fields stay
    const stale = await as(t.app, s['gbr-officer']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { title: 'Lost update' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/version 2/);
    const now = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}`);
    expect(now.json()).toMatchObject({ version: 2, title: 'Renamed' });
    // null resets a field to its default
    const reset = await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 2, content: { channel: null } });
    expect(reset.json().content.channel).toBeNull();
    const bad = await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 3, content: { urgency: { deadline: 'tomorrow' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0].path).toBe('body.content.urgency.deadline');
  });

  it('versions are kept, can be reopened and compared field by field', async () => {
    const d = await create('gbr-prac-one');
    await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { title: 'Second', persons: [] } });
    const versions = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/versions`);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/versions/1`);
    expect(v1.json().content.title).toBe('Operation Lantern — bank records');
    const cmp = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/compare`);
    expect(cmp.statusCode).toBe(200);
    const { from, to, changes } = cmp.json();
    expect([from, to]).toEqual([1, 2]);
    expect(changes).toContainEqual({ path: '$.title', change: 'changed', before: 'Operation Lantern — bank records', after: 'Second' });
    expect(changes).toContainEqual({ path: '$.persons[0].name.family', change: 'removed', before: 'Li', after: null });
    expect(changes).toContainEqual({ path: '$.persons', change: 'added', before: null, after: [] });
    expect(changes.some((c: { path: string }) => c.path.startsWith('$.facts'))).toBe(false);
    expect((await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/compare?from=1&to=9`)).statusCode).toBe(404);
  });

  it('a draft can be duplicated into a new one with its own reference', async () => {
    const d = await create('gbr-prac-one');
    const dup = await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/duplicate`, {});
    expect(dup.statusCode).toBe(201);
    expect(dup.json()).toMatchObject({ duplicatedFrom: d.id, version: 1, status: 'draft', content: d.content });
    expect(dup.json().reference).not.toBe(d.reference);
  });
});

describe('who sees which draft', () => {
  let d: { id: string; reference: string };
  beforeAll(async () => {
    d = await create('gbr-prac-one');
  });

  it('an officer sees all of the State’s drafts; a practitioner only their own', async () => {
    expect((await as(t.app, s['gbr-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(200);
    expect((await as(t.app, s['gbr-prac-two']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);
    const officerList = (await as(t.app, s['gbr-officer']!, 'GET', `${P}/drafts?limit=200`)).json();
    const prac2List = (await as(t.app, s['gbr-prac-two']!, 'GET', `${P}/drafts`)).json();
    const prac1List = (await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts?limit=200`)).json();
    expect(officerList.items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect(prac1List.items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect(prac2List.items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    expect(prac1List.items.every((i: { createdBy: { name: string } }) => i.createdBy.name === 'gbr-prac-one')).toBe(true);
  });

  it('other States see nothing: every route answers 404, as for a draft that does not exist', async () => {
    const ghost = '00000000-0000-4000-8000-000000000000';
    for (const who of ['chn-officer', 'chn-prac', 'fra-officer', 'deu-prac']) {
      const calls: Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown?]> = [
        ['GET', ''], ['PATCH', '', { version: 1, content: { title: 'x' } }], ['POST', '/duplicate', {}], ['GET', '/versions'], ['GET', '/versions/1'],
        ['GET', '/compare?from=1&to=1'], ['GET', '/checks'], ['GET', '/docx?lang=en'], ['GET', '/summary'], ['GET', '/comments'],
        ['POST', '/comments', { body: 'Hello' }], ['POST', '/shares', {}], ['DELETE', '/shares'],
        ...(who.endsWith('officer') ? [['POST', '/finalise', { version: 1 }] as ['POST', string, unknown]] : []),
      ];
      for (const [method, suffix, body] of calls) {
        const res = await as(t.app, s[who]!, method, `${P}/drafts/${d.id}${suffix}`, body);
        const none = await as(t.app, s[who]!, method, `${P}/drafts/${ghost}${suffix}`, body);
        expect(res.statusCode, `${who} ${method} ${suffix} ${res.body}`).toBe(404);
        expect(res.json().error.code).toBe(none.json().error.code);
      }
      const list = await as(t.app, s[who]!, 'GET', `${P}/drafts?limit=200`);
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    }
    const row = await t.database.db.selectFrom('drafting_drafts').select(['version', 'title']).where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(1);
    expect((await t.database.db.selectFrom('drafting_comments').select('id').where('draft_id', '=', d.id).execute()).length).toBe(0);
  });

  it('the secretariat and a focal point are refused every drafting route by role, whether or not the draft exists', async () => {
    for (const who of ['secretariat', 'gbr-focal']) {
      expect((await as(t.app, s[who]!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(403);
      expect((await as(t.app, s[who]!, 'GET', `${P}/drafts/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(403);
      expect((await as(t.app, s[who]!, 'GET', `${P}/drafts`)).statusCode).toBe(403);
    }
  });

  it('reads are audited, and so are refused attempts', async () => {
    const entries = await auditOf(d.id);
    const reads = entries.filter((e) => e.action === 'drafting.read' && e.outcome === 'success');
    expect(reads.some((e) => e.actor_username === 'gbr-officer' && (e.details as { what: string }).what === 'draft')).toBe(true);
    expect(entries.some((e) => e.action === 'drafting.create' && e.actor_username === 'gbr-prac-one')).toBe(true);
    const denied = entries.filter((e) => e.outcome === 'denied');
    expect(denied.some((e) => e.actor_username === 'fra-officer' && e.action === 'drafting.read')).toBe(true);
    expect(denied.some((e) => e.actor_username === 'deu-prac' && e.action === 'drafting.update')).toBe(true);
    const lists = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'drafting.list').where('actor_username', '=', 'gbr-officer').execute();
    expect(lists.some((e) => ((e.details as { ids: string[] }).ids ?? []).includes(d.id))).toBe(true);
  });
});

describe('informal consultation with the requested central authority', () => {
  it('a share lets the requested State’s officers read and comment, nothing more; comments stay after it ends', async () => {
    const d = await create('gbr-prac-one');
    const internal = await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Check the IBAN before sending.' });
    expect(internal.json().audience).toBe('internal');
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);

    const share = await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/shares`, { note: 'For informal consultation before sending.' });
    expect(share.statusCode, share.body).toBe(201);
    expect(share.json().state).toBe('CHN');
    expect((await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/shares`, {})).statusCode).toBe(409);

    const read = await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ access: 'consultation', shares: [] });
    expect(read.json().content.facts.summary).toBe(FREE_TEXT.facts);
    const shared = await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/shared`.replace('/drafts', ''));
    expect(shared.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts`)).json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);

    const comment = await as(t.app, s['chn-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Please add the account holder’s ID number.', path: '$.assistance[0].accounts', audience: 'internal' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ audience: 'consultation', path: '$.assistance[0].accounts', author: { state: 'CHN' } });
    const theirView = await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}/comments`);
    expect(theirView.json().items.map((c: { body: string }) => c.body)).toEqual(['Please add the account holder’s ID number.']);

    // read + comment only
    for (const [method, suffix, body] of [
      ['PATCH', '', { version: 1, content: { title: 'Edited by CHN' } }], ['POST', '/duplicate', {}], ['GET', '/versions'], ['GET', '/compare'],
      ['GET', '/checks'], ['GET', '/docx'], ['GET', '/summary'], ['POST', '/finalise', { version: 1 }], ['DELETE', '/shares'], ['POST', '/shares', {}],
    ] as Array<['GET' | 'POST' | 'PATCH' | 'DELETE', string, unknown]>) {
      const res = await as(t.app, s['chn-officer']!, method, `${P}/drafts/${d.id}${suffix}`, body);
      expect(res.statusCode, `${method} ${suffix}`).toBe(403);
    }
    // only the requested State's central authority, not its practitioners nor a third State
    expect((await as(t.app, s['chn-prac']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);
    expect((await as(t.app, s['fra-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);

    expect((await as(t.app, s['gbr-prac-one']!, 'DELETE', `${P}/drafts/${d.id}/shares`)).statusCode).toBe(204);
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);
    expect((await as(t.app, s['chn-officer']!, 'POST', `${P}/drafts/${d.id}/comments`, { body: 'Late' })).statusCode).toBe(404);
    const ours = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/comments`);
    expect(ours.json().items.map((c: { audience: string }) => c.audience)).toEqual(['internal', 'consultation']);
    const row = await t.database.db.selectFrom('drafting_drafts').select('title').where('id', '=', d.id).executeTakeFirstOrThrow();
    expect(row.title).toBe('Operation Lantern — bank records');

    const entries = await auditOf(d.id);
    expect(entries.some((e) => e.action === 'drafting.read' && e.actor_username === 'chn-officer' && (e.details as { access: string }).access === 'consultation')).toBe(true);
    expect(entries.some((e) => e.action === 'drafting.comment' && e.actor_username === 'chn-officer')).toBe(true);
    expect(entries.filter((e) => (e.action === 'drafting.share' || e.action === 'drafting.unshare') && e.outcome === 'success').map((e) => e.action)).toEqual(['drafting.share', 'drafting.unshare']);
    expect(entries.filter((e) => e.actor_username === 'chn-officer' && e.outcome === 'denied').length).toBeGreaterThanOrEqual(10);
  });

  it('choosing another requested State ends the share with the previous one', async () => {
    const d = await create('gbr-prac-one');
    await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/shares`, {});
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(200);
    const p = await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { requested: { state: 'FRA' } } });
    expect(p.json().shares).toEqual([]);
    expect((await as(t.app, s['chn-officer']!, 'GET', `${P}/drafts/${d.id}`)).statusCode).toBe(404);
  });

  it('sharing needs a requested State', async () => {
    const d = await create('gbr-prac-one', {});
    const res = await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${d.id}/shares`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].path).toBe('$.requested.state');
  });
});

describe('checks through the directory (demo data)', () => {
  const checkIds = async (content: unknown) => {
    const d = await create('gbr-officer', content);
    const res = await as(t.app, s['gbr-officer']!, 'GET', `${P}/drafts/${d.id}/checks`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { ok: boolean; results: Array<{ id: string; severity: string; path: string }>; directory: { languages: string[] | null } | null };
  };

  it('the complete request to China passes; China accepts zh and en', async () => {
    const r = await checkIds(completeDraftInput());
    expect(r.results.filter((x) => x.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.directory?.languages).toEqual(['zh', 'en']);
  });

  it('French is not accepted by China; English is not accepted by France; e-mail is not a channel China accepts', async () => {
    expect((await checkIds({ ...completeDraftInput(), language: 'fr' })).results.map((x) => x.id)).toContain('language.not-accepted');
    const toFrance = await checkIds({ ...completeDraftInput(), requested: { state: 'FRA' } });
    expect(toFrance.results.map((x) => x.id)).toContain('language.not-accepted');
    expect((await checkIds({ ...completeDraftInput(), language: 'fr', requested: { state: 'FRA' } })).results.map((x) => x.id)).not.toContain('language.not-accepted');
    expect((await checkIds({ ...completeDraftInput(), channel: 'email' })).results.map((x) => x.id)).toContain('channel.not-accepted');
  });

  it('where the directory does not know the languages or channels, the checks say "confirm", as warnings', async () => {
    const r = await checkIds({ ...completeDraftInput(), requested: { state: 'ITA' } });
    const unknown = r.results.filter((x) => x.id === 'language.unknown' || x.id === 'channel.unknown');
    expect(unknown.map((x) => x.severity)).toEqual(['warning', 'warning']);
  });

  it('the Convention cannot be the basis of an extradition request to China (art. 16(5)(a) notification)', async () => {
    const input = completeDraftInput();
    const r = await checkIds({
      ...input,
      kind: 'extradition',
      assistance: [{ measure: 'extradition', description: 'Surrender Li Wei.', personIds: ['p-1'], warrant: { type: 'arrest-warrant', issuedBy: 'Court', date: '2024-04-01' } }],
    });
    expect(r.results.find((x) => x.id === 'legal-basis.convention-not-available')).toMatchObject({ severity: 'error', path: '$.legalBasis.type' });
  });
});

describe('documents', () => {
  it('DOCX and summary sheet downloads carry the right type and a file name with the reference', async () => {
    const d = await create('gbr-prac-one');
    const res = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/docx?lang=zh`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${d.reference}-request-zh.docx"`);
    const texts = runTexts(await documentXml(res.rawPayload));
    expect(texts).toContain(LABELS.zh.docTitle.mla);
    expect(texts.join('\n')).toContain('中国'); // the requested State named in Chinese, from the reference data
    const ar = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/summary?lang=ar`);
    expect(ar.headers['content-disposition']).toBe(`attachment; filename="${d.reference}-summary-ar.docx"`);
    expect(await documentXml(ar.rawPayload)).toContain('<w:bidiVisual/>');
    const def = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/docx`);
    expect(def.headers['content-disposition']).toContain('-request-en.docx'); // the draft's own language
    expect((await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/docx?lang=de`)).statusCode).toBe(400);
    const reads = (await auditOf(d.id)).filter((e) => e.action === 'drafting.read').map((e) => (e.details as { what: string }).what);
    expect(reads).toEqual(expect.arrayContaining(['docx', 'summary']));
  });
});

describe('finalising and the hand-off to the case tracker', () => {
  it('only officers finalise; errors block it (422 naming the fields); the case is created in the same step', async () => {
    const incomplete = await create('gbr-prac-one', { ...completeDraftInput(), facts: { summary: '' }, channel: null });
    expect((await as(t.app, s['gbr-prac-one']!, 'POST', `${P}/drafts/${incomplete.id}/finalise`, { version: 1 })).statusCode).toBe(403);
    const refused = await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${incomplete.id}/finalise`, { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('checks_failed');
    expect(refused.json().error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['$.facts.summary', '$.channel']));
    expect((await t.database.db.selectFrom('platform_events').select('id').where('type', '=', 'draft.finalised').where('aggregate_id', '=', incomplete.id).execute()).length).toBe(0);

    const d = await create('gbr-prac-one');
    expect((await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: 7 })).statusCode).toBe(409);
    const done = await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().draft).toMatchObject({ status: 'finalised', finalisedBy: { name: 'gbr-officer' } });
    expect(done.json().case).toMatchObject({ draftId: d.id, reference: d.reference, requestingState: 'GBR', requestedState: 'CHN', kind: 'mla', legalBasis: 'convention', measures: ['bank-records'], status: 'pending' });
    const read = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}`);
    expect(read.json().case.id).toBe(done.json().case.id);

    expect((await as(t.app, s['gbr-prac-one']!, 'PATCH', `${P}/drafts/${d.id}`, { version: 1, content: { title: 'After' } })).statusCode).toBe(409);
    expect((await as(t.app, s['gbr-officer']!, 'POST', `${P}/drafts/${d.id}/finalise`, { version: 1 })).statusCode).toBe(409);
    const docx = await as(t.app, s['gbr-prac-one']!, 'GET', `${P}/drafts/${d.id}/docx?lang=fr`);
    expect(runTexts(await documentXml(docx.rawPayload))).not.toContain(LABELS.fr.draftMark);
    expect((await auditOf(d.id)).some((e) => e.action === 'drafting.finalise' && e.outcome === 'success')).toBe(true);
    expect((await auditOf(incomplete.id)).some((e) => e.action === 'drafting.finalise' && e.outcome === 'failure')).toBe(true);
  });
});
