import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';

/**
 * Two identical requests at the same moment both pass the service's "does it exist yet?" check and race to
 * the unique key: the loser must get a 409 naming what exists (db-errors.ts), never a 500, and exactly one
 * row must be written. Several pairs are sent so that at least some of them really overlap.
 */
const PAIRS = 6;

let t: TestApp;
let officer: Session;
let sec: Session;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'race-officer', ['officer'], 'FRA');
  await addUser(t, 'race-secretariat', ['secretariat'], null);
  officer = await login(t.app, 'race-officer');
  sec = await login(t.app, 'race-secretariat');
});
afterAll(() => t.close());

/** Sends two identical requests together; returns their status codes (sorted) and bodies. */
async function twice(send: () => ReturnType<typeof as>) {
  const [a, b] = await Promise.all([send(), send()]);
  return { codes: [a.statusCode, b.statusCode].sort(), bodies: [a.json(), b.json()] as { error?: { code: string; message: string } }[] };
}

function expectOneWinner(r: Awaited<ReturnType<typeof twice>>, ok: number[]) {
  for (const c of r.codes) expect([...ok, 409], JSON.stringify(r.bodies)).toContain(c);
  for (const b of r.bodies) if (b.error) expect(b.error.message).not.toBe('Internal error');
}

describe('unique-key races are 409s, never 500s', () => {
  it('sharing a draft twice at once: one share, the other request a 409', async () => {
    let raced = 0;
    for (let i = 0; i < PAIRS; i++) {
      const draft = await as(t.app, officer, 'POST', '/api/v1/drafting/drafts', { content: { title: `Race ${i}`, requested: { state: 'CHN' } } });
      expect(draft.statusCode).toBe(201);
      const id = draft.json().id as string;
      const r = await twice(() => as(t.app, officer, 'POST', `/api/v1/drafting/drafts/${id}/shares`, { note: 'please comment' }));
      expectOneWinner(r, [201]);
      expect(r.codes.filter((c) => c === 201)).toHaveLength(1);
      const active = await t.database.db.selectFrom('drafting_shares').select('id').where('draft_id', '=', id).where('ended_at', 'is', null).execute();
      expect(active).toHaveLength(1);
      if (r.bodies.some((b) => b.error?.message.includes('state_iso3'))) raced++;
    }
    // The race is real (not only the service's own check answering 409): at least one pair overlapped.
    expect(raced).toBeGreaterThan(0);
  });

  it('recording the same measure for a State twice at once: one record, the other a 409', async () => {
    const measures = ['bank-records', 'freezing', 'search-and-seizure', 'taking-evidence', 'service-of-documents', 'confiscation'];
    for (const measure of measures.slice(0, PAIRS)) {
      const r = await twice(() => as(t.app, sec, 'PUT', `/api/v1/directory/states/ITA/measures/${measure}`, { available: 'yes' }));
      expectOneWinner(r, [200, 201]);
      const rows = await t.database.db.selectFrom('directory_measures').select('id').where('iso3', '=', 'ITA').where('measure', '=', measure).where('retired_at', 'is', null).execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('importing the same file twice at once: one record, the other a 409 or "unchanged"', async () => {
    for (let i = 0; i < PAIRS; i++) {
      const r = await twice(() =>
        as(t.app, sec, 'POST', `/api/v1/imports?fileName=race-${i}.txt&type=guide`, `A guide ${i} on article 18 of the Convention.`, { 'content-type': 'text/plain' }),
      );
      expectOneWinner(r, [200]);
      const rows = await t.database.db.selectFrom('knowledge_records').select('id').where('source_file', '=', `race-${i}.txt`).execute();
      expect(rows).toHaveLength(1);
    }
  });

  it('the 409 names the fields that must be unique, not their values', async () => {
    const draft = await as(t.app, officer, 'POST', '/api/v1/drafting/drafts', { content: { title: 'Race message', requested: { state: 'CHN' } } });
    const id = draft.json().id as string;
    for (let i = 0; i < 10; i++) {
      await as(t.app, officer, 'DELETE', `/api/v1/drafting/drafts/${id}/shares`);
      const r = await twice(() => as(t.app, officer, 'POST', `/api/v1/drafting/drafts/${id}/shares`, {}));
      const raced = r.bodies.find((b) => b.error?.message.includes('same'));
      if (!raced) continue;
      expect(raced.error!.code).toBe('conflict');
      expect(raced.error!.message).toMatch(/draft_id, state_iso3/);
      expect(raced.error!.message).not.toMatch(/CHN|[0-9a-f]{8}-/);
      return;
    }
    throw new Error('no pair overlapped in 10 tries');
  });
});
