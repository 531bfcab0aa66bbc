import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../test/support/app.ts';

/** Issue #9 item 8 (directory): an expert keeps their own entry, and it stays of their own State. */

let t: TestApp;
let expert: Session;
let sec: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'exp-fra', ['expert'], 'FRA');
  await addUser(t, 'sec', ['secretariat'], null);
  expert = await login(t.app, 'exp-fra');
  sec = await login(t.app, 'sec');
});
afterAll(() => t.close());

const row = (id: string) => t.database.db.selectFrom('directory_experts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const historyOf = (id: string) => t.database.db.selectFrom('directory_history').select('version').where('entry_id', '=', id).execute();

describe('directory: an expert’s own entry', () => {
  it('cannot be moved by the expert to another State; nothing is written', async () => {
    const mine = await as(t.app, expert, 'POST', '/api/v1/directory/experts', { name: 'Demo Expert FRA [FICTITIOUS]', email: 'fra.expert@example.org' });
    expect(mine.statusCode, mine.body).toBe(201);
    const id = mine.json().id as string;
    const before = { row: await row(id), history: await historyOf(id) };
    const moved = await as(t.app, expert, 'PATCH', `/api/v1/directory/experts/${id}`, { iso3: 'MEX', expectedVersion: 1 });
    expect(moved.statusCode).toBe(403);
    const movedAndEdited = await as(t.app, expert, 'PATCH', `/api/v1/directory/experts/${id}`, { iso3: 'MEX', title: 'Judge' });
    expect(movedAndEdited.statusCode).toBe(403);
    expect({ row: await row(id), history: await historyOf(id) }).toEqual(before);
    // Their other fields stay theirs to change; the secretariat may correct the State.
    expect((await as(t.app, expert, 'PATCH', `/api/v1/directory/experts/${id}`, { title: 'Judge', expectedVersion: 1 })).statusCode).toBe(200);
    const stale = await as(t.app, expert, 'PATCH', `/api/v1/directory/experts/${id}`, { title: 'Prosecutor', expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].path).toBe('body.expectedVersion');
    expect((await as(t.app, sec, 'PATCH', `/api/v1/directory/experts/${id}`, { iso3: 'MEX', expectedVersion: 2 })).statusCode).toBe(200);
  });
});
