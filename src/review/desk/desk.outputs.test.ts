import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, deskPeople, deskReview, type DeskPeople } from './test-fixtures.ts';

/**
 * Steps, lists of observations, summaries and publication, end to end over the API: only focal points submit, the
 * review moves on after the last reviewing State's step, a change withdraws the reviewed State's agreement, only
 * the reviewed focal point publishes and only a submitted output, and the public endpoint shows nothing else.
 */
let t: TestApp;
let p: DeskPeople;
let call: ReturnType<typeof api>;
let id: string;
const stage = async () => (await t.database.db.selectFrom('reviews').select('stage').where('id', '=', id).executeTakeFirstOrThrow()).stage;
const step = (who: Parameters<typeof call>[0], body: unknown) => call(who, 'POST', `/reviews/${id}/steps`, body);
const gap = (state: string, extra: Record<string, unknown> = {}) => ({ reviewingState: state, kind: 'gap', instrument: 'UNTOC', articles: [5], text: 'Conspiracy is not criminalized as such.', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  p = await deskPeople(t, 'do');
  call = api(t, p);
  id = (await deskReview(t, p, 'desk_review')).id;
});
afterAll(() => t.close());

describe('feedback steps', () => {
  it('only a reviewing focal point submits feedback; the review moves to observations after the last one', async () => {
    expect((await step('deuEx', { step: 'feedback' })).statusCode).toBe(403);
    expect((await step('fraObs', { step: 'feedback' })).statusCode).toBe(403);
    expect((await step('itaFp', { step: 'feedback' })).statusCode).toBe(404);
    expect((await step('fraFp', { step: 'feedback' })).statusCode).toBe(403);
    const deu = await step('deuFp', { step: 'feedback' });
    expect(deu.statusCode, deu.body).toBe(201);
    expect(deu.json().stage).toBe('desk_review');
    expect((await step('deuFp', { step: 'feedback' })).statusCode).toBe(409);
    const chn = await step('chnFp', { step: 'feedback' });
    expect(chn.json().stage).toBe('observations');
    expect(await stage()).toBe('observations');
    const moved = await t.database.db.selectFrom('audit_log').select('details').where('target_id', '=', id).where('action', '=', 'review.review.action').execute();
    expect(moved.some((m) => (m.details as { to?: string }).to === 'observations')).toBe(true);
  });
});

describe('lists of observations', () => {
  let item: { id: string; version: number };
  it('experts of both sides draft on a list; articles are checked against the cluster; a TA need has a category', async () => {
    const a = await call('deuEx', 'POST', `/reviews/${id}/observations`, gap('DEU'));
    expect(a.statusCode, a.body).toBe(201);
    item = a.json();
    const b = await call('fraEx', 'POST', `/reviews/${id}/observations`, gap('DEU', { kind: 'ta_need', taCategory: 'legislative_assistance', text: 'Help drafting a conspiracy offence.' }));
    expect(b.statusCode, b.body).toBe(201);
    expect((await call('fraEx', 'POST', `/reviews/${id}/observations`, gap('DEU', { kind: 'good_practice', instrument: 'TIP', articles: [3, 5] }))).statusCode).toBe(201);
    // The other reviewing State does not write on DEU's list; observers and the secretariat write nothing.
    expect((await call('chnEx', 'POST', `/reviews/${id}/observations`, gap('DEU'))).statusCode).toBe(403);
    expect((await call('fraObs', 'POST', `/reviews/${id}/observations`, gap('DEU'))).statusCode).toBe(403);
    expect((await call('sec', 'POST', `/reviews/${id}/observations`, gap('DEU'))).statusCode).toBe(403);
    const lists = (await call('chnFp', 'GET', `/reviews/${id}/observations`)).json().lists;
    expect(lists.map((l: { reviewingState: string }) => l.reviewingState)).toEqual(['CHN', 'DEU']);
    expect(lists[1].items.map((i: { kind: string }) => i.kind)).toEqual(['gap', 'ta_need', 'good_practice']);
  });

  it('bad items are a 400 that changes nothing', async () => {
    const count = async () => (await t.database.db.selectFrom('review_observations').select((eb) => eb.fn.countAll().as('n')).where('review_id', '=', id).executeTakeFirstOrThrow()).n;
    const before = await count();
    for (const body of [gap('DEU', { articles: [18] }), gap('DEU', { instrument: 'FIR', articles: [3] }), gap('DEU', { kind: 'ta_need' }), gap('DEU', { taCategory: 'policymaking' }),
      gap('DEU', { articles: [] }), gap('DEU', { text: '' }), gap('ITA'), gap('DEU', { kind: 'ranking' }), gap('DEU', { articles: [2 ** 40] })]) {
      const r = await call('deuEx', 'POST', `/reviews/${id}/observations`, body);
      expect(r.statusCode, JSON.stringify(body) + r.body).toBe(400);
    }
    expect(await count()).toBe(before);
  });

  it('a stale version is a 409; the list cannot be submitted before the reviewed State agrees it', async () => {
    const up = await call('deuFp', 'PATCH', `/reviews/${id}/observations/${item.id}`, { version: item.version, text: 'Conspiracy and association are not criminalized.' });
    expect(up.statusCode, up.body).toBe(200);
    expect((await call('fraEx', 'PATCH', `/reviews/${id}/observations/${item.id}`, { version: item.version, text: 'stale' })).statusCode).toBe(409);
    item = up.json();
    const sub = await step('deuFp', { step: 'observations' });
    expect(sub.statusCode).toBe(409);
    expect(sub.json().error.message).toMatch(/agreed/);
  });

  it('the reviewed focal point agrees; any change withdraws the agreement, so it must agree again', async () => {
    expect((await step('fraEx', { step: 'observations_agreed', reviewingState: 'DEU' })).statusCode).toBe(403);
    expect((await step('fraFp', { step: 'observations_agreed' })).statusCode).toBe(400);
    expect((await step('fraFp', { step: 'observations_agreed', reviewingState: 'CHN' })).statusCode).toBe(422); // CHN's list is empty
    expect((await step('fraFp', { step: 'observations_agreed', reviewingState: 'DEU' })).statusCode).toBe(201);
    expect((await call('deuFp', 'GET', `/reviews/${id}/observations?state=DEU`)).json().lists[0].agreed).not.toBeNull();
    const items = (await call('deuFp', 'GET', `/reviews/${id}/observations?state=DEU`)).json().lists[0].items.map((i: { id: string }) => i.id);
    const order = await call('deuEx', 'POST', `/reviews/${id}/observations/order`, { reviewingState: 'DEU', ids: [...items].reverse() });
    expect(order.statusCode, order.body).toBe(200);
    const after = (await call('deuFp', 'GET', `/reviews/${id}/observations?state=DEU`)).json().lists[0];
    expect(after.agreed).toBeNull();
    expect(after.items.map((i: { id: string }) => i.id)).toEqual([...items].reverse());
    expect((await step('deuFp', { step: 'observations' })).statusCode).toBe(409);
    expect((await step('fraFp', { step: 'observations_agreed', reviewingState: 'DEU' })).statusCode).toBe(201);
    expect((await step('deuEx', { step: 'observations' })).statusCode).toBe(403);
    expect((await step('deuFp', { step: 'observations' })).statusCode).toBe(201);
    // Submitted: the list no longer changes.
    expect((await call('fraEx', 'DELETE', `/reviews/${id}/observations/${item.id}`)).statusCode).toBe(409);
  });

  it('a deleted item is gone; CHN’s list goes through too and the review moves to the summary stage', async () => {
    const c = await call('chnEx', 'POST', `/reviews/${id}/observations`, gap('CHN', { kind: 'suggestion', articles: [6, 23] }));
    const extra = await call('fraEx', 'POST', `/reviews/${id}/observations`, gap('CHN', { text: 'to remove' }));
    expect((await call('chnEx', 'DELETE', `/reviews/${id}/observations/${extra.json().id}`)).statusCode).toBe(204);
    expect((await call('chnFp', 'GET', `/reviews/${id}/observations?state=CHN`)).json().lists[0].items.map((i: { id: string }) => i.id)).toEqual([c.json().id]);
    await step('fraFp', { step: 'observations_agreed', reviewingState: 'CHN' });
    expect((await step('chnFp', { step: 'observations' })).json().stage).toBe('summary');
  });
});

describe('summaries and publication', () => {
  it('a reviewing State writes its own summary; the others see it once submitted', async () => {
    expect((await call('deuEx', 'PUT', `/reviews/${id}/summaries/CHN`, { text: 'x' })).statusCode).toBe(403);
    expect((await call('fraFp', 'PUT', `/reviews/${id}/summaries/DEU`, { text: 'x' })).statusCode).toBe(403);
    const w = await call('deuEx', 'PUT', `/reviews/${id}/summaries/DEU`, { text: 'France has criminalized most offences.' });
    expect(w.statusCode, w.body).toBe(200);
    expect((await call('deuFp', 'PUT', `/reviews/${id}/summaries/DEU`, { text: 'stale', version: 7 })).statusCode).toBe(409);
    expect((await call('fraFp', 'GET', `/reviews/${id}/summaries`)).json().summaries.find((x: { reviewingState: string }) => x.reviewingState === 'DEU').text).toBeNull();
    expect((await step('chnFp', { step: 'summary' })).statusCode).toBe(422);
    expect((await step('deuFp', { step: 'summary' })).statusCode).toBe(201);
    expect((await call('fraFp', 'GET', `/reviews/${id}/summaries`)).json().summaries.find((x: { reviewingState: string }) => x.reviewingState === 'DEU').text).toBe('France has criminalized most offences.');
  });

  it('only the reviewed focal point publishes, only a submitted output; the public sees only what is published', async () => {
    expect((await as(t.app, null, 'GET', '/api/v1/review/published')).statusCode).toBe(200);
    expect((await as(t.app, null, 'GET', `/api/v1/review/published/${id}`)).statusCode).toBe(404);
    expect((await call('deuFp', 'POST', `/reviews/${id}/publications`, { output: 'observations', reviewingState: 'DEU' })).statusCode).toBe(403);
    expect((await call('fraEx', 'POST', `/reviews/${id}/publications`, { output: 'observations', reviewingState: 'DEU' })).statusCode).toBe(403);
    expect((await call('fraFp', 'POST', `/reviews/${id}/publications`, { output: 'summary', reviewingState: 'CHN' })).statusCode).toBe(409);
    expect((await call('fraFp', 'POST', `/reviews/${id}/publications`, { output: 'report', reviewingState: 'DEU' })).statusCode).toBe(400);
    const pub = await call('fraFp', 'POST', `/reviews/${id}/publications`, { output: 'observations', reviewingState: 'DEU' });
    expect(pub.statusCode, pub.body).toBe(201);
    expect((await call('fraFp', 'POST', `/reviews/${id}/publications`, { output: 'observations', reviewingState: 'DEU' })).statusCode).toBe(409);
    const list = (await as(t.app, null, 'GET', '/api/v1/review/published')).json().items;
    expect(list).toEqual([expect.objectContaining({ reviewId: id, reviewed: { iso3: 'FRA', name: 'France' }, outputs: [expect.objectContaining({ output: 'observations', reviewingState: 'DEU' })] })]);
    const one = await as(t.app, null, 'GET', `/api/v1/review/published/${id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json().observations.map((o: { reviewingState: string }) => o.reviewingState)).toEqual(['DEU']);
    expect(one.json().observations[0].items).toHaveLength(3);
    expect(one.json().summaries).toEqual([]); // DEU's summary is submitted but not published; CHN's list is not published
    expect(one.body).not.toContain('France has criminalized');
    const audited = await t.database.db.selectFrom('audit_log').select('details').where('target_id', '=', id).where('action', '=', 'review.output.published').execute();
    expect(audited).toHaveLength(1);
  });

  it('after the last summary the review is completed', async () => {
    await call('chnEx', 'PUT', `/reviews/${id}/summaries/CHN`, { text: 'A thorough legal framework.' });
    expect((await step('chnFp', { step: 'summary' })).json().stage).toBe('completed');
    expect((await call('fraFp', 'POST', `/reviews/${id}/publications`, { output: 'summary', reviewingState: 'CHN' })).statusCode).toBe(201);
    const one = (await as(t.app, null, 'GET', `/api/v1/review/published/${id}?lang=fr`)).json();
    expect(one.summaries).toEqual([expect.objectContaining({ reviewingState: 'CHN', text: 'A thorough legal framework.' })]);
  });
});
