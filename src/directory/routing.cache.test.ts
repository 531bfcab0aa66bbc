import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { addUser, as, createTestApp, login, openSecondApp, type SecondApp, type Session, type TestApp } from '../../test/support/app.ts';
import type { BuiltApp } from '../platform/http/app.ts';
import type { DbHandle } from '../platform/db/database.ts';
import { loadDemoDirectory } from './seed/demo-directory.ts';
import { routingCacheOf } from './routing.cache.ts';

/**
 * Routing answers are served from memory and must never be stale once a change is committed: in the process that
 * made it at once, in any other process when the NOTIFY of migration 0032's triggers (or of a reference import)
 * arrives — whoever changed the table, even by hand in SQL. And an answer with contacts is never served to a caller
 * who may not see them. A second app on its own pool stands for a second server process.
 */

let t: TestApp;
let focal: Session;
let officer: Session;
let secretariat: Session;
let other: SecondApp;
const admin = new pg.Client({ connectionString: inject('adminUrl') });

const ROUTE = '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=bank-records';
const anon = async (app: BuiltApp['app'], url = ROUTE) => {
  const r = await app.inject({ method: 'GET', url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};
const untilLive = (db: DbHandle['db']) => vi.waitFor(() => expect(routingCacheOf(db)?.live).toBe(true), { timeout: 10_000, interval: 20 });

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDirectory(t.database.db);
  await addUser(t, 'rc-focal', ['focal_point'], 'CHN');
  await addUser(t, 'rc-officer', ['officer'], 'FRA');
  await addUser(t, 'rc-sec', ['secretariat'], null);
  focal = await login(t.app, 'rc-focal');
  officer = await login(t.app, 'rc-officer');
  secretariat = await login(t.app, 'rc-sec');
  other = await openSecondApp(t);
  await admin.connect();
});

afterAll(async () => {
  await admin.end();
  await other.close();
  await t.close();
});

describe('routing answers from memory', () => {
  it('never serves an answer with contacts to a caller who may not see them, whichever was asked first', async () => {
    await untilLive(t.database.db);
    const withContacts = await as(t.app, officer, 'GET', ROUTE);
    expect(withContacts.json().authority.contacts.email).toMatch(/example\.org$/);
    expect((await anon(t.app)).authority.contacts).toBeNull();
    expect((await as(t.app, officer, 'GET', ROUTE)).json().authority.contacts.email).toMatch(/example\.org$/);
    // and each language its own answer
    expect((await anon(t.app, `${ROUTE}&lang=zh`)).requested.name).toBe('中国');
    expect((await anon(t.app, `${ROUTE}&lang=en`)).requested.name).toBe('China');
  });

  it('a change made through the API is in the next answer at once, here; another process hears it', async () => {
    await anon(other.app); // starts its listener
    await untilLive(other.handle.db);
    const before = await anon(t.app);
    expect((await anon(other.app)).requirements).toEqual(before.requirements);
    const requirements = [...before.requirements, `Cache test requirement ${Date.now()}`];
    const patched = await as(t.app, focal, 'PATCH', `/api/v1/directory/authorities/${before.authority.id}`, { requirements });
    expect(patched.statusCode, patched.body).toBe(200);
    expect((await anon(t.app)).requirements).toEqual(requirements);
    await vi.waitFor(async () => expect((await anon(other.app)).requirements).toEqual(requirements), { timeout: 10_000, interval: 20 });
  });

  it('a change made in SQL behind the application reaches every process (the trigger notifies on commit)', async () => {
    await untilLive(t.database.db);
    await untilLive(other.handle.db);
    const before = await anon(other.app);
    await anon(t.app);
    const name = `Ministry of Justice (renamed ${Date.now()})`;
    await sql`UPDATE directory_authorities SET name = ${name} WHERE id = ${before.authority.id}`.execute(t.database.db);
    for (const app of [t.app, other.app]) {
      await vi.waitFor(async () => expect((await anon(app)).authority.name).toBe(name), { timeout: 10_000, interval: 20 });
    }
  });

  it('a party-status import changes the answer at once here and soon in the other process', async () => {
    const was = (await anon(t.app)).requested.untoc as string;
    await anon(other.app);
    const next = was === 'party' ? 'signatory' : 'party';
    const imported = await as(t.app, secretariat, 'POST', '/api/v1/reference/party-status/import?source=routing+cache+test', `iso3,instrument,status\nCHN,UNTOC,${next}\n`, { 'content-type': 'text/csv' });
    expect(imported.statusCode, imported.body).toBe(200);
    expect((await anon(t.app)).requested.untoc).toBe(next);
    await vi.waitFor(async () => expect((await anon(other.app)).requested.untoc).toBe(next), { timeout: 10_000, interval: 20 });
  });

  it('errors are not kept: an unknown State is a 404 every time, a bad measure a 400', async () => {
    for (let i = 0; i < 2; i++) {
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/directory/route?from=FRA&to=ZZZ&kind=mla' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/directory/route?from=FRA&to=CHN&kind=mla&measure=nope' })).statusCode).toBe(400);
    }
  });
});
