import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addUser, as, createTestApp, login, openSecondApp, type SecondApp, type Session, type TestApp } from '../../test/support/app.ts';
import type { BuiltApp } from '../platform/http/app.ts';
import type { DbHandle } from '../platform/db/database.ts';
import { searchCacheOf } from './search.cache.ts';

/**
 * Search answers are served from memory (search.cache.ts) and must never be stale once a change is committed: in the
 * process that made it at once, in any other process when migration 0034's triggers notify — whoever wrote, even
 * in SQL by hand. And a record only some may see never reaches others through an answer kept for them. A second
 * app on its own pool stands for a second server process.
 */

let t: TestApp;
let fra: Session;
let chn: Session;
let secretariat: Session;
let other: SecondApp;
/** The test database's owner (a superuser), writing behind the application's back. */
let admin: pg.Client;
const WORD = `cachequux${Date.now().toString(36)}`;

const search = async (app: BuiltApp['app'], who: Session | null, q = WORD) => {
  const url = `/api/v1/search?q=${encodeURIComponent(q)}&sort=date`;
  const r = who ? await as(app, who, 'GET', url) : await app.inject({ method: 'GET', url });
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as { items: Array<{ id: string; title: string }>; total: number };
};
const titles = async (app: BuiltApp['app'], who: Session | null, q = WORD) => (await search(app, who, q)).items.map((i) => i.title).sort();
const untilLive = (db: DbHandle['db']) => vi.waitFor(() => expect(searchCacheOf(db)?.live).toBe(true), { timeout: 10_000, interval: 20 });
const create = async (who: Session, title: string, extra: Record<string, unknown> = {}) => {
  const r = await as(t.app, who, 'POST', '/api/v1/records', { type: 'guide', title, lang: 'en', fullText: `A guide about ${WORD}.`, ...extra });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; version: number };
};

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sc-fra', ['officer'], 'FRA');
  await addUser(t, 'sc-chn', ['officer'], 'CHN');
  await addUser(t, 'sc-sec', ['secretariat'], null);
  fra = await login(t.app, 'sc-fra');
  chn = await login(t.app, 'sc-chn');
  secretariat = await login(t.app, 'sc-sec');
  other = await openSecondApp(t);
  admin = new pg.Client({ connectionString: t.database.url });
  await admin.connect();
  await create(secretariat, `Public guide ${WORD}`);
  await create(secretariat, `French guide ${WORD}`, { access: 'state', accessState: 'FRA' });
});

afterAll(async () => {
  await admin.end();
  await other.close();
  await t.close();
});

describe('search answers from memory', () => {
  it('never serves an answer holding a restricted record to a caller who may not see it, whoever asked first', async () => {
    await untilLive(t.database.db);
    const both = [`French guide ${WORD}`, `Public guide ${WORD}`];
    expect(await titles(t.app, fra)).toEqual(both);
    expect(await titles(t.app, null)).toEqual([`Public guide ${WORD}`]);
    expect(await titles(t.app, chn)).toEqual([`Public guide ${WORD}`]);
    expect(await titles(t.app, fra)).toEqual(both);
    expect(await titles(t.app, secretariat)).toEqual(both);
  });

  it('serves a repeated search from memory, and each query its own answer', async () => {
    await untilLive(t.database.db);
    const before = await titles(t.app, null);
    // Changed with triggers off (replication role): nothing tells the cache, so the kept answer shows what it holds…
    await admin.query('BEGIN');
    await admin.query(`SET LOCAL session_replication_role = replica`);
    await admin.query(`UPDATE knowledge_search SET title = title || ' (silently renamed)' WHERE title = $1`, [`Public guide ${WORD}`]);
    await admin.query('COMMIT');
    expect(await titles(t.app, null)).toEqual(before);
    // …while another query (another key) is built from the table as it is now.
    expect(await titles(t.app, null, `${WORD} guide`)).toEqual([`Public guide ${WORD} (silently renamed)`]);
    await admin.query(`UPDATE knowledge_search SET title = $1 WHERE title = $2`, [`Public guide ${WORD}`, `Public guide ${WORD} (silently renamed)`]);
    await vi.waitFor(async () => expect(await titles(t.app, null, `${WORD} guide`)).toEqual([`Public guide ${WORD}`]), { timeout: 10_000, interval: 20 });
  });

  it('a record saved through the API is found by the next search at once, here; another process finds it when notified', async () => {
    await search(other.app, null); // starts its listener
    await untilLive(other.handle.db);
    await untilLive(t.database.db);
    const before = await search(t.app, null);
    expect((await search(other.app, null)).total).toBe(before.total);
    await create(secretariat, `New guide ${WORD}`);
    expect((await search(t.app, null)).total).toBe(before.total + 1);
    await vi.waitFor(async () => expect((await search(other.app, null)).total).toBe(before.total + 1), { timeout: 10_000, interval: 20 });
  });

  it('a change made in SQL behind the application reaches every process (the trigger notifies on commit)', async () => {
    await untilLive(t.database.db);
    await untilLive(other.handle.db);
    expect(await titles(t.app, null)).toContain(`New guide ${WORD}`);
    expect(await titles(other.app, null)).toContain(`New guide ${WORD}`);
    await admin.query(`DELETE FROM knowledge_search WHERE title = $1`, [`New guide ${WORD}`]);
    for (const app of [t.app, other.app]) {
      await vi.waitFor(async () => expect(await titles(app, null)).not.toContain(`New guide ${WORD}`), { timeout: 10_000, interval: 20 });
    }
  });

  it('errors are not kept: a bad cursor is a 400 every time', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/search?q=${WORD}&cursor=not-a-cursor` });
      expect(r.statusCode, r.body).toBe(400);
    }
  });
});
