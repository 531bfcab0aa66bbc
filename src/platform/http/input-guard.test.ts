import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { cursorOf } from '../../../test/support/fuzz.ts';

/**
 * The named cases of issue #9 (items 12–16), each a clear 400 naming the field, with nothing written.
 * (test/fuzz.test.ts sends the same kinds of input to every route; this says what a user is told.)
 */
let t: TestApp;
let officer: Session;
let sec: Session;
let draftId = '';
let recordId = '';

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'guard-officer', ['officer'], 'FRA');
  await addUser(t, 'guard-secretariat', ['secretariat'], null);
  officer = await login(t.app, 'guard-officer');
  sec = await login(t.app, 'guard-secretariat');
  draftId = (await as(t.app, officer, 'POST', '/api/v1/drafting/drafts', { content: { title: 'Guard' } })).json().id;
  recordId = (await as(t.app, sec, 'POST', '/api/v1/records', { type: 'legislation', title: 'Guard law', lang: 'en', details: { lawTitle: 'Guard Act' } })).json().id;
});
afterAll(() => t.close());

function refused(res: { statusCode: number; json(): unknown }, path: string | RegExp, message: RegExp) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { code: string; issues: { path: string; message: string }[] } };
  expect(body.error.code).toBe('invalid_request');
  if (typeof path === 'string') expect(body.error.issues[0]!.path).toBe(path);
  else expect(body.error.issues[0]!.path).toMatch(path);
  expect(body.error.issues[0]!.message).toMatch(message);
}

const draftVersion = async () => (await as(t.app, officer, 'GET', `/api/v1/drafting/drafts/${draftId}`)).json().version as number;

describe('NUL (U+0000) is refused at the edge, naming the field', () => {
  it('in a search query, anonymous', async () => {
    refused(await as(t.app, null, 'GET', '/api/v1/search?q=a%00b'), 'querystring.q', /NUL/);
  });
  it('in a login', async () => {
    refused(await as(t.app, null, 'POST', '/api/v1/auth/login', { username: 'guard\u0000', password: 'x' }), 'body.username', /NUL/);
  });
  it('deep in a draft patch, which is not saved', async () => {
    const version = await draftVersion();
    const res = await as(t.app, officer, 'PATCH', `/api/v1/drafting/drafts/${draftId}`, { version, content: { facts: { summary: 'a\u0000b' } } });
    refused(res, 'body.content.facts.summary', /NUL/);
    expect(await draftVersion()).toBe(version);
  });
  it('in a field name', async () => {
    refused(await as(t.app, sec, 'PATCH', `/api/v1/records/${recordId}`, { details: { ['x\u0000']: 1 } }), 'body.details.x\\u0000', /field name/);
  });
  it('in an import file name', async () => {
    refused(await as(t.app, sec, 'POST', '/api/v1/imports?fileName=a%00.txt', 'text', { 'content-type': 'text/plain' }), 'querystring.fileName', /NUL/);
  });
});

describe('impossible dates are refused (real calendar dates, not a pattern)', () => {
  it('a draft deadline of 2024-02-30', async () => {
    const version = await draftVersion();
    const res = await as(t.app, officer, 'PATCH', `/api/v1/drafting/drafts/${draftId}`, { version, content: { urgency: { urgent: true, deadline: '2024-02-30' } } });
    refused(res, 'body.content.urgency.deadline', /real date/);
  });
  it("a record's dates and a provision's validFrom and at", async () => {
    refused(await as(t.app, sec, 'PATCH', `/api/v1/records/${recordId}`, { dates: { adopted: '2020-13-45' } }), 'body.dates.adopted', /real date/);
    refused(await as(t.app, sec, 'PUT', `/api/v1/records/${recordId}/provisions/art_1`, { text: 'T', validFrom: '0000-01-01' }), 'body.validFrom', /real date/);
    refused(await as(t.app, null, 'GET', `/api/v1/records/${recordId}/provisions?at=2024-02-30`), 'querystring.at', /real date/);
  });
});

describe('search cursors are checked', () => {
  for (const [label, cursor, sort] of [
    ['impossible date', cursorOf({ k: '2024-02-30', id: '00000000-0000-0000-0000-000000000000' }), 'date'],
    ['id that is not a uuid', cursorOf({ k: '2024-01-01', id: '-'.repeat(36) }), 'date'],
    ['rank beyond real', cursorOf({ k: 1e39, id: '00000000-0000-0000-0000-000000000000' }), 'relevance'],
  ] as const) {
    it(`a cursor with an ${label} is a 400`, async () => {
      refused(await as(t.app, null, 'GET', `/api/v1/search?q=law&sort=${sort}&cursor=${cursor}`), 'querystring.cursor', /next/);
    });
  }
});

describe('integers beyond PostgreSQL integer', () => {
  it('version 2147483648 and compare?to=2147483648 are 400s', async () => {
    refused(await as(t.app, officer, 'GET', `/api/v1/drafting/drafts/${draftId}/versions/2147483648`), 'params.version', /version number/);
    refused(await as(t.app, officer, 'GET', `/api/v1/drafting/drafts/${draftId}/compare?to=2147483648`), 'querystring.to', /version number/);
    refused(await as(t.app, officer, 'PATCH', `/api/v1/drafting/drafts/${draftId}`, { version: 2147483648, content: {} }), 'body.version', /2147483647/);
  });
});

describe('deep nesting', () => {
  it('a draft patch 5,000 levels deep is a 400', async () => {
    const deep = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const res = await t.app.inject({
      method: 'PATCH', url: `/api/v1/drafting/drafts/${draftId}`, payload: `{"version":1,"content":${deep}}`,
      headers: { cookie: officer.cookie, 'x-csrf-token': officer.csrf, 'content-type': 'application/json' },
    });
    refused(res, /^body\.content(\.a)+$/, /nested too deeply/);
  });
});

describe('each issue names the check that failed, for clients to word it themselves', () => {
  it('a search longer than 500 characters: too_big on querystring.q; a malformed id: on params.id', async () => {
    const long = await as(t.app, null, 'GET', `/api/v1/search?q=${'a'.repeat(501)}`);
    refused(long, 'querystring.q', /500/);
    expect((long.json() as { error: { issues: { code?: string }[] } }).error.issues[0]!.code).toBe('too_big');
    const bad = await as(t.app, null, 'GET', '/api/v1/records/not-a-record-id');
    refused(bad, 'params.id', /./);
    expect((bad.json() as { error: { issues: { code?: string }[] } }).error.issues[0]!.code).toEqual(expect.any(String));
  });
});
