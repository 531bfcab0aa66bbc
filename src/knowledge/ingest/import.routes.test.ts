import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';

let t: TestApp;
let sec: Session;
beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'sec', ['secretariat'], null);
  sec = await login(t.app, 'sec');
});
afterAll(() => t.close());

describe('POST /api/v1/imports', () => {
  it('takes the file as the body whatever its declared content type', async () => {
    for (const [i, type] of ['text/plain', 'application/json', 'application/octet-stream', 'text/html'].entries()) {
      const res = await as(t.app, sec, 'POST', `/api/v1/imports?fileName=note-${i}.txt&type=guide`, `Note ${i} on article 18 of the Convention.`, { 'content-type': type });
      expect(res.statusCode, type).toBe(200);
      expect(res.json()).toMatchObject({ status: 'added', type: 'guide' });
    }
  });

  it('reports a rejected file as 400 with the reason, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('knowledge_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const res = await as(t.app, sec, 'POST', '/api/v1/imports?fileName=scan.pdf', Buffer.from('not really a pdf'), { 'content-type': 'application/pdf' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/scan\.pdf was not imported: not a valid PDF/);
    const after = await t.database.db.selectFrom('knowledge_records').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
