import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { createTestCycle, createTestReview } from '../test-fixtures.ts';

/**
 * Reviews over HTTP: who sees what (confidentiality: a stranger's 404 is word for word a missing review's, observers
 * cannot write, a revoked participant loses access), the list's order and counts, stage actions with the machine's
 * reasons, the history.
 */
let t: TestApp;
const s: Record<string, Session> = {};
const id: Record<string, string> = {};
let reviewId = '';
let otherId = '';
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  const people: Array<[string, string[], string | null]> = [
    ['fra-fp', ['focal_point'], 'FRA'], ['deu-expert', ['expert'], 'DEU'], ['deu-observer', ['expert'], 'DEU'], ['gbr-expert', ['expert'], 'GBR'],
    ['ita-fp', ['focal_point'], 'ITA'], ['deu-revoked', ['expert'], 'DEU'], ['deu-nominated', ['expert'], 'DEU'], ['secretariat', ['secretariat'], null],
  ];
  for (const [name, roles, state] of people) {
    id[name] = (await addUser(t, `rv-${name}`, roles as never, state)).id;
    s[name] = await login(t.app, `rv-${name}`);
  }
  const cycle = await createTestCycle(t.database.db, 'RVROUTES');
  const review = await createTestReview(t.database.db, {
    cycleId: cycle.id, reviewed: 'FRA', reviewers: ['ITA', 'DEU'],
    participants: [
      { userId: id['fra-fp']!, state: 'FRA', side: 'reviewed', role: 'focal_point' },
      { userId: id['deu-expert']!, state: 'DEU', side: 'reviewing', role: 'expert' },
      { userId: id['deu-observer']!, state: 'DEU', side: 'reviewing', role: 'observer' },
      { userId: id['deu-revoked']!, state: 'DEU', side: 'reviewing', role: 'expert', status: 'revoked' },
      { userId: id['deu-nominated']!, state: 'DEU', side: 'reviewing', role: 'expert', status: 'nominated' },
    ],
  });
  reviewId = review.id;
  otherId = (await createTestReview(t.database.db, { cycleId: cycle.id, reviewed: 'AUT', reviewers: ['BEL', 'CHE'] })).id;
  await createTestReview(t.database.db, { cycleId: cycle.id, reviewed: 'BEL', reviewers: ['AUT', 'FRA'], stage: 'answering' });
});
afterAll(() => t.close());

const ROUTES = (rid: string) => [
  ['GET', `/api/v1/reviews/${rid}`], ['GET', `/api/v1/reviews/${rid}/history`], ['GET', `/api/v1/reviews/${rid}/participants`],
  ['POST', `/api/v1/reviews/${rid}/actions`, { action: 'open_questionnaire' }],
] as const;

describe('confidentiality', () => {
  it('an expert of a State not in the review gets, on every route, exactly the answer for a review that does not exist', async () => {
    for (const [method, url, body] of ROUTES(reviewId)) {
      const res = await as(t.app, s['gbr-expert']!, method, url, body);
      const missing = await as(t.app, s['gbr-expert']!, method, url.replace(reviewId, MISSING), body);
      expect(res.statusCode, url).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(res.json().error.message.replace(reviewId, 'X')).toBe(missing.json().error.message.replace(MISSING, 'X'));
    }
    const denied = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', reviewId).where('actor_username', '=', 'rv-gbr-expert').execute();
    expect(denied.length).toBeGreaterThanOrEqual(4);
    expect(new Set(denied.map((d) => d.action))).toEqual(new Set(['review.review.read_denied']));
  });

  it('a platform focal point of a reviewing State who is not a participant sees nothing of it, nor does a nominee who has not accepted, nor a revoked participant', async () => {
    for (const who of ['ita-fp', 'deu-nominated', 'deu-revoked']) {
      expect((await as(t.app, s[who]!, 'GET', `/api/v1/reviews/${reviewId}`)).statusCode, who).toBe(404);
      const list = await as(t.app, s[who]!, 'GET', '/api/v1/reviews');
      expect(list.json().items.map((i: { id: string }) => i.id), who).not.toContain(reviewId);
    }
  });

  it('participants read it, with their standing; the read is audited', async () => {
    const res = await as(t.app, s['deu-expert']!, 'GET', `/api/v1/reviews/${reviewId}`);
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r.standing).toEqual({ side: 'reviewing', state: 'DEU', role: 'expert' });
    expect(r.reviewed).toEqual({ iso3: 'FRA', name: 'France' });
    expect(r.reviewers.map((x: { state: string; slot: string }) => [x.state, x.slot])).toEqual([['ITA', 'own-group'], ['DEU', 'other-group']]);
    expect(r.deadlines.filter((d: { step: string }) => d.step === 'focal_point').map((d: { state: string }) => d.state)).toEqual(['FRA', 'ITA', 'DEU']);
    const read = await t.database.db.selectFrom('audit_log').select('details').where('target_id', '=', reviewId).where('action', '=', 'review.review.read').where('actor_username', '=', 'rv-deu-expert').execute();
    expect(read.length).toBe(1);
  });

  it('an observer cannot write: 403 for a stage change', async () => {
    const res = await as(t.app, s['deu-observer']!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'open_questionnaire' });
    expect(res.statusCode).toBe(403);
  });

  it('a participant revoked loses access at once', async () => {
    expect((await as(t.app, s['deu-expert']!, 'GET', `/api/v1/reviews/${reviewId}/participants`)).statusCode).toBe(200);
    const pid = (await t.database.db.selectFrom('review_participants').select('id').where('user_id', '=', id['deu-expert']!).executeTakeFirstOrThrow()).id;
    const rev = await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/participants/${pid}/revoke`, { reason: 'left the ministry' });
    expect(rev.statusCode).toBe(200);
    expect((await as(t.app, s['deu-expert']!, 'GET', `/api/v1/reviews/${reviewId}`)).statusCode).toBe(404);
    await t.database.db.updateTable('review_participants').set({ status: 'active', revoked_at: null }).where('id', '=', pid).execute();
  });
});

describe('the list', () => {
  it('shows the secretariat every review, ordered by the reviewed State’s name (never by a figure), with counts per stage', async () => {
    const res = await as(t.app, s.secretariat!, 'GET', '/api/v1/reviews?lang=en');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((i: { reviewed: { name: string } }) => i.reviewed.name)).toEqual(['Austria', 'Belgium', 'France']);
    expect(body.byStage).toMatchObject({ nominating: 2, answering: 1, desk_review: 0 });
    const fr = await as(t.app, s.secretariat!, 'GET', '/api/v1/reviews?lang=fr&stage=nominating');
    expect(fr.json().items.map((i: { reviewed: { name: string } }) => i.reviewed.name)).toEqual(['Autriche', 'France']);
    expect(fr.json().byStage.answering).toBe(1);
    const byState = await as(t.app, s.secretariat!, 'GET', '/api/v1/reviews?state=FRA');
    expect(byState.json().items.map((i: { id: string }) => i.id)).not.toContain(otherId);
    expect(byState.json().total).toBe(2);
  });

  it('shows a participant only their reviews; bad filters are a 400', async () => {
    const res = await as(t.app, s['fra-fp']!, 'GET', '/api/v1/reviews');
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([reviewId]);
    expect((await as(t.app, s['fra-fp']!, 'GET', '/api/v1/reviews?stage=ranked')).statusCode).toBe(400);
    expect((await as(t.app, s['fra-fp']!, 'GET', '/api/v1/reviews?cycle=x')).statusCode).toBe(400);
    expect((await as(t.app, null, 'GET', '/api/v1/reviews')).statusCode).toBe(401);
  });
});

describe('stage actions', () => {
  it('only the secretariat opens the questionnaire, and only once the reviewed State has a focal point; the history records it', async () => {
    const byFp = await as(t.app, s['fra-fp']!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'open_questionnaire' });
    expect(byFp.statusCode).toBe(403);
    const noFp = await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${otherId}/actions`, { action: 'open_questionnaire' });
    expect(noFp.statusCode).toBe(409);
    expect(noFp.json().error.message).toMatch(/focal point/);
    const ok = await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'open_questionnaire', reason: 'questionnaires published' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().stage).toBe('answering');
    expect(ok.json().deadlines.some((d: { step: string }) => d.step === 'answers')).toBe(true);
    const again = await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'open_questionnaire' });
    expect(again.statusCode).toBe(409);
    const hist = await as(t.app, s['fra-fp']!, 'GET', `/api/v1/reviews/${reviewId}/history`);
    expect(hist.json().items.map((h: { action: string; to: string }) => [h.action, h.to])).toEqual([['open_questionnaire', 'answering']]);
  });

  it('a step inside a stage is not a stage change (422); an unknown action is a 400', async () => {
    const step = await as(t.app, s['fra-fp']!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'save_answer' });
    expect(step.statusCode).toBe(422);
    expect((await as(t.app, s['fra-fp']!, 'POST', `/api/v1/reviews/${reviewId}/actions`, { action: 'rank' })).statusCode).toBe(400);
    expect((await as(t.app, s['fra-fp']!, 'GET', '/api/v1/reviews/not-a-uuid')).statusCode).toBe(400);
  });
});
