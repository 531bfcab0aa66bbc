import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { createTestCycle, createTestReview } from '../test-fixtures.ts';
import { expireInvitations, tellOverdue } from './reviews.jobs.ts';

/**
 * People in a review: a State nominates only its own people, one focal point each; the secretariat invites; the
 * invitee accepts with an account of their State and then sees the review; an expired link is refused, the hourly
 * job expires invitations once, and a new invitation works; the nominators' overview shows no review content.
 */
let t: TestApp;
const s: Record<string, Session> = {};
const uid: Record<string, string> = {};
let reviewId = '';

beforeAll(async () => {
  t = await createTestApp();
  const people: Array<[string, string[], string | null]> = [
    ['mex-officer', ['officer'], 'MEX'], ['mex-expert', ['expert'], 'MEX'], ['per-fp', ['focal_point'], 'PER'], ['per-expert', ['expert'], 'PER'],
    ['gbr-officer', ['officer'], 'GBR'], ['mex-practitioner', ['practitioner'], 'MEX'], ['secretariat', ['secretariat'], null],
  ];
  for (const [name, roles, state] of people) {
    uid[name] = (await addUser(t, `pp-${name}`, roles as never, state)).id;
    s[name] = await login(t.app, `pp-${name}`);
  }
  const cycle = await createTestCycle(t.database.db, 'PPCYCLE');
  reviewId = (await createTestReview(t.database.db, { cycleId: cycle.id, reviewed: 'MEX', reviewers: ['PER', 'ESP'] })).id;
});
afterAll(() => t.close());

const nominate = (who: string, body: Record<string, unknown>) =>
  as(t.app, s[who]!, 'POST', `/api/v1/reviews/${reviewId}/nominations`, { noteVerbaleRef: 'NV/2026/12', name: 'Ana Pérez', ...body });

describe('nominations', () => {
  it('a State nominates only its own people; a State not in the review gets a 404; one focal point per State', async () => {
    const ok = await nominate('mex-officer', { state: 'MEX', role: 'focal_point', username: 'pp-mex-expert' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ state: 'MEX', side: 'reviewed', role: 'focal_point', status: 'nominated', hasAccount: true, noteVerbaleRef: 'NV/2026/12' });
    expect((await nominate('mex-officer', { state: 'PER', role: 'expert' })).statusCode).toBe(403);
    expect((await nominate('gbr-officer', { state: 'GBR', role: 'expert' })).statusCode).toBe(404);
    expect((await nominate('mex-officer', { state: 'MEX', role: 'focal_point', name: 'Second' })).statusCode).toBe(409);
    expect((await nominate('mex-officer', { state: 'MEX', role: 'expert', username: 'pp-per-expert' })).statusCode).toBe(400);
    expect((await nominate('mex-practitioner', { state: 'MEX', role: 'expert' })).statusCode).toBe(403);
    expect((await nominate('mex-officer', { state: 'MEX', role: 'expert', noteVerbaleRef: '' })).statusCode).toBe(400);
    expect((await nominate('mex-officer', { state: 'MEX', role: 'expert', name: 'A\u0000B' })).statusCode).toBe(400);
    const bySecretariat = await nominate('secretariat', { state: 'ESP', role: 'focal_point', name: 'Luis García' });
    expect(bySecretariat.statusCode).toBe(201);
    expect(bySecretariat.json().side).toBe('reviewing');
  });

  it('a nominator is not a participant: the overview lists what is still to nominate and by when, the review itself stays a 404', async () => {
    const res = await as(t.app, s['per-fp']!, 'GET', '/api/v1/review/nominations');
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { reviewId: string }) => i.reviewId === reviewId);
    expect(item).toMatchObject({ state: 'PER', side: 'reviewing', toNominate: ['focal_point', 'expert'], focalPointDueOn: '2026-01-29', expertsDueOn: '2026-02-12' });
    const mex = (await as(t.app, s['mex-officer']!, 'GET', '/api/v1/review/nominations')).json().items.find((i: { reviewId: string }) => i.reviewId === reviewId);
    expect(mex.toNominate).toEqual(['expert']);
    expect((await as(t.app, s['gbr-officer']!, 'GET', '/api/v1/review/nominations')).json().items).toEqual([]);
    expect((await as(t.app, s['per-fp']!, 'GET', `/api/v1/reviews/${reviewId}`)).statusCode).toBe(404);
  });
});

describe('invitations', () => {
  it('the secretariat invites; the named account accepts and then sees the review; another State’s account cannot', async () => {
    const fp = await t.database.db.selectFrom('review_participants').select('id').where('review_id', '=', reviewId).where('state_iso3', '=', 'MEX').executeTakeFirstOrThrow();
    expect((await as(t.app, s['mex-officer']!, 'POST', `/api/v1/reviews/${reviewId}/participants/${fp.id}/invite`)).statusCode).toBe(403);
    const inv = await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/participants/${fp.id}/invite`);
    expect(inv.statusCode).toBe(200);
    const { token, link, expiresAt } = inv.json();
    expect(link).toBe(`/review-invitations/${token}`);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeGreaterThan(9.9 * 86_400_000);
    const stored = await t.database.db.selectFrom('review_participants').select('invitation_token_hash').where('id', '=', fp.id).executeTakeFirstOrThrow();
    expect(stored.invitation_token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.invitation_token_hash).not.toContain(token);
    const told = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', uid['mex-expert']!).execute();
    expect(told.map((n) => n.kind)).toContain('review.invited');
    expect((await as(t.app, s['per-expert']!, 'POST', '/api/v1/review/invitations/accept', { token })).statusCode).toBe(403);
    expect((await as(t.app, s['mex-officer']!, 'POST', '/api/v1/review/invitations/accept', { token })).statusCode).toBe(403);
    const ok = await as(t.app, s['mex-expert']!, 'POST', '/api/v1/review/invitations/accept', { token });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().participant.status).toBe('active');
    const seen = await as(t.app, s['mex-expert']!, 'GET', `/api/v1/reviews/${reviewId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().standing).toEqual({ side: 'reviewed', state: 'MEX', role: 'focal_point' });
    expect((await as(t.app, s['mex-expert']!, 'POST', '/api/v1/review/invitations/accept', { token })).statusCode).toBe(404);
  });

  it('an expired link is refused with what to do; the job expires invitations once; a new invitation works', async () => {
    const p = await nominate('secretariat', { state: 'PER', role: 'expert', name: 'Rosa Quispe' });
    const pid = p.json().id;
    const first = (await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/participants/${pid}/invite`)).json().token;
    await t.database.db.updateTable('review_participants').set({ invitation_expires_at: new Date(Date.now() - 1000) }).where('id', '=', pid).execute();
    const late = await as(t.app, s['per-expert']!, 'POST', '/api/v1/review/invitations/accept', { token: first });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toMatch(/expired .*invite you again/);
    expect(await expireInvitations(t.database.db)).toBe(1);
    expect(await expireInvitations(t.database.db)).toBe(0);
    const audits = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'review.participant.expired').execute();
    expect(audits).toHaveLength(1);
    const again = (await as(t.app, s.secretariat!, 'POST', `/api/v1/reviews/${reviewId}/participants/${pid}/invite`)).json().token;
    expect((await as(t.app, s['per-expert']!, 'POST', '/api/v1/review/invitations/accept', { token: again })).statusCode).toBe(200);
    const list = await as(t.app, s['per-expert']!, 'GET', `/api/v1/reviews/${reviewId}/participants`);
    expect(list.json().items.map((i: { state: string; role: string; status: string }) => [i.state, i.role, i.status])).toEqual([
      ['MEX', 'focal_point', 'active'], ['ESP', 'focal_point', 'nominated'], ['PER', 'expert', 'active'],
    ]);
    expect(list.json().items[0].email).toBeNull();
    expect((await as(t.app, s['mex-expert']!, 'POST', '/api/v1/review/invitations/accept', { token: 'x'.repeat(43) })).statusCode).toBe(404);
    expect((await as(t.app, null, 'POST', '/api/v1/review/invitations/accept', { token: again })).statusCode).toBe(401);
  });

  it('the nominating State may revoke its own people, not another State’s', async () => {
    const p = (await nominate('mex-officer', { state: 'MEX', role: 'observer', name: 'Diplomat' })).json();
    const esp = (await t.database.db.selectFrom('review_participants').select('id').where('review_id', '=', reviewId).where('state_iso3', '=', 'ESP').executeTakeFirstOrThrow()).id;
    expect((await as(t.app, s['mex-officer']!, 'POST', `/api/v1/reviews/${reviewId}/participants/${esp}/revoke`, {})).statusCode).toBe(403);
    const ok = await as(t.app, s['mex-officer']!, 'POST', `/api/v1/reviews/${reviewId}/participants/${p.id}/revoke`, { reason: 'posted elsewhere' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('revoked');
  });
});

describe('overdue steps', () => {
  it('are told once each, to the State’s focal point or to the secretariat when it has none', async () => {
    const first = await tellOverdue(t.database.db, '2026-03-01');
    expect(first).toBeGreaterThan(0);
    expect(await tellOverdue(t.database.db, '2026-03-01')).toBe(0);
    const sec = await t.database.db.selectFrom('notifications').select('params').where('user_id', '=', uid.secretariat!).where('kind', '=', 'review.overdue').execute();
    expect(sec.map((n) => (n.params as { state: string; step: string }).state)).toContain('ESP');
    const mex = await t.database.db.selectFrom('notifications').select('params').where('user_id', '=', uid['mex-expert']!).where('kind', '=', 'review.overdue').execute();
    expect(mex.map((n) => (n.params as { step: string }).step)).toEqual(['experts']);
  });
});
