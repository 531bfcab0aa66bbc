import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { addUser, as, createTestApp, login, openSecondApp, type SecondApp, type Session, type TestApp } from '../../test/support/app.ts';
import type { BuiltApp } from '../platform/http/app.ts';
import type { DbHandle } from '../platform/db/database.ts';
import { LISTEN_APPLICATION_NAME } from '../platform/db/listen.ts';
import { referenceCacheOf } from './reference.cache.ts';

/**
 * Reference data is served from memory, serialised once per version with a strong ETag, and dropped by every
 * process on the database when an import commits (NOTIFY palermo_reference, heard on a dedicated LISTEN
 * connection). A second app on its own connection pool stands for a second process: it shares nothing with the
 * first but the database.
 */

let t: TestApp;
let secretariat: Session;
let other: SecondApp;
const admin = new pg.Client({ connectionString: inject('adminUrl') });
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

const get = (app: BuiltApp['app'], url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });
const fraStatus = async (app: BuiltApp['app'], instrument: string) =>
  (await get(app, '/api/v1/states?lang=en')).json().items.find((s: { iso3: string }) => s.iso3 === 'FRA').partyStatus[instrument] as string;
const importCsv = (csv: string) =>
  as(t.app, secretariat, 'POST', '/api/v1/reference/party-status/import?source=cache+test', csv, { 'content-type': 'text/csv' });
/** Waits (by condition, not by time) until the app's cache has a live LISTEN. */
const untilLive = (db: DbHandle['db']) => vi.waitFor(() => expect(referenceCacheOf(db)?.live).toBe(true), { timeout: 10_000, interval: 20 });

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'cache-sec', ['secretariat'], null);
  secretariat = await login(t.app, 'cache-sec');
  other = await openSecondApp(t);
  await admin.connect();
  process.on('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await admin.end();
  await other.close();
  await t.close();
});

describe('reference answers with ETags', () => {
  it('sends a strong ETag, public no-cache, and 304 with no body when the client holds it', async () => {
    const first = await get(t.app, '/api/v1/states');
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(first.json().items.length).toBeGreaterThan(190);

    const again = await get(t.app, '/api/v1/states', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    // weak comparison, lists and * (RFC 9110 13.1.2)
    expect((await get(t.app, '/api/v1/states', { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(304);
    expect((await get(t.app, '/api/v1/states', { 'if-none-match': '*' })).statusCode).toBe(304);
    expect((await get(t.app, '/api/v1/states', { 'if-none-match': '"something-else"' })).statusCode).toBe(200);

    for (const url of ['/api/v1/states/FRA', '/api/v1/instruments', '/api/v1/instruments/UNTOC', '/api/v1/instruments/UNTOC/articles/18', '/api/v1/clusters', '/api/v1/regional-groups']) {
      const r = await get(t.app, url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['cache-control'], url).toBe('public, no-cache');
      expect((await get(t.app, url, { 'if-none-match': r.headers.etag as string })).statusCode, url).toBe(304);
    }
  });

  it('keys answers by language: each language its own body and ETag, the language in the URL (no Vary on the language)', async () => {
    const en = await get(t.app, '/api/v1/states/FRA?lang=en');
    const fr = await get(t.app, '/api/v1/states/FRA?lang=fr');
    const zh = await get(t.app, '/api/v1/states/FRA?lang=zh');
    expect([en.json().name, fr.json().name, zh.json().name]).toEqual(['France', 'France', '法国']);
    expect(new Set([en.headers.etag, fr.headers.etag, zh.headers.etag]).size).toBe(3);
    // an English ETag does not validate the Chinese answer
    expect((await get(t.app, '/api/v1/states/FRA?lang=zh', { 'if-none-match': en.headers.etag as string })).statusCode).toBe(200);
    expect((await get(t.app, '/api/v1/states/FRA?lang=zh', { 'if-none-match': zh.headers.etag as string })).statusCode).toBe(304);
    // the only header the answer varies on is Accept-Encoding (compression.ts), never the reader's language
    expect(en.headers.vary).toBe('Accept-Encoding');
  });

  it('errors and everything not public reference data stay no-store', async () => {
    const missing = await get(t.app, '/api/v1/states/ZZZ');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
    expect((await get(t.app, '/api/v1/states?group=nowhere')).statusCode).toBe(400);
    expect((await as(t.app, secretariat, 'GET', '/api/v1/me')).headers['cache-control']).toBe('no-store');
    expect((await get(t.app, '/api/v1/states/FRA/party-status/history')).headers['cache-control']).toBe('no-store');
  });

  it('gives filtered lists the same answers as before (filters over the snapshot)', async () => {
    const ids = async (q: string) => (await get(t.app, `/api/v1/states?${q}`)).json().items.map((s: { iso3: string }) => s.iso3).sort();
    expect(await ids('q=fra')).toContain('FRA');
    expect(await ids('q=法国')).toEqual(['FRA']);
    expect(await ids('q=fra')).toEqual(expect.arrayContaining(['FRA']));
    expect((await ids('group=none')).length).toBeGreaterThan(0);
    const parties = await get(t.app, '/api/v1/states?party=untoc');
    expect(parties.json().unknownStatus.instrument).toBe('UNTOC');
    expect(parties.json().items.every((s: { partyStatus: Record<string, string> }) => s.partyStatus.UNTOC === 'party')).toBe(true);
  });
});

describe('invalidation', () => {
  it('an import changes the answer and its ETag at once in the importing process', async () => {
    await untilLive(t.database.db);
    const before = await get(t.app, '/api/v1/states/FRA');
    const was = await fraStatus(t.app, 'FIR');
    const next = was === 'signatory' ? 'none' : 'signatory';
    expect((await importCsv(`iso3,instrument,status\nFRA,FIR,${next}\n`)).json().changed).toBe(1);
    const after = await get(t.app, '/api/v1/states/FRA', { 'if-none-match': before.headers.etag as string });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(await fraStatus(t.app, 'FIR')).toBe(next);
  });

  it('another process serves from memory and drops it when an import commits (NOTIFY)', async () => {
    const db2 = other.app;
    await get(db2, '/api/v1/states'); // starts its listener
    await untilLive(other.handle.db);
    const was = await fraStatus(db2, 'SOM');
    // Written behind the cache's back (no NOTIFY): a live cache does not see it — it serves from memory.
    const sneaked = was === 'none' ? 'signatory' : 'none';
    await sql`UPDATE party_status SET status = ${sneaked} WHERE iso3 = 'FRA' AND instrument_code = 'SOM'`.execute(t.database.db);
    expect(await fraStatus(db2, 'SOM')).toBe(was);
    // An import in the first process commits with its NOTIFY: the second drops its cache.
    const imported = sneaked === 'none' ? 'signatory' : 'none';
    expect((await importCsv(`iso3,instrument,status\nFRA,SOM,${imported}\n`)).json().changed).toBe(1);
    await vi.waitFor(async () => expect(await fraStatus(db2, 'SOM')).toBe(imported), { timeout: 10_000, interval: 20 });
  });

  it('survives its LISTEN connection being terminated, reconnects, re-reads, and still hears imports', async () => {
    const app2 = other.app;
    await untilLive(other.handle.db);
    const was = await fraStatus(app2, 'TIP');
    const sneaked = was === 'none' ? 'signatory' : 'none';
    await sql`UPDATE party_status SET status = ${sneaked} WHERE iso3 = 'FRA' AND instrument_code = 'TIP'`.execute(t.database.db);
    expect(await fraStatus(app2, 'TIP')).toBe(was); // cached

    const killed = await admin.query(
      `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = $2`,
      [t.database.name, LISTEN_APPLICATION_NAME],
    );
    expect(killed.rows[0].n).toBeGreaterThanOrEqual(2); // both apps' listeners
    await vi.waitFor(() => expect(referenceCacheOf(other.handle.db)?.live).toBe(false), { timeout: 10_000, interval: 5 }).catch(() => undefined);
    await untilLive(other.handle.db);
    // Whatever happened while it was not listening is unknown: after the reconnect it read the database again.
    expect(await fraStatus(app2, 'TIP')).toBe(sneaked);
    // and the new LISTEN hears the next import
    const imported = sneaked === 'none' ? 'signatory' : 'none';
    expect((await importCsv(`iso3,instrument,status\nFRA,TIP,${imported}\n`)).json().changed).toBe(1);
    await vi.waitFor(async () => expect(await fraStatus(app2, 'TIP')).toBe(imported), { timeout: 10_000, interval: 20 });
    expect(uncaught).toEqual([]);
    expect((await get(t.app, '/api/health')).statusCode).toBe(200);
  });
});
