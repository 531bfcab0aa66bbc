import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.ts';
import { api, deskPeople, deskReview, questionSet, type DeskPeople } from './test-fixtures.ts';

/**
 * The desk review's conversation: reviewers' feedback and clarifications, the reviewed State's replies. Drafts are
 * seen only by their own State; only the focal point sends; observers read; strangers get the 404 of a review that
 * does not exist; a clarification is due (cycle default 30 days), answered by a sent reply, overdue when late.
 */
let t: TestApp;
let p: DeskPeople;
let call: ReturnType<typeof api>;
let reviewId: string;
let q: { setId: string; questions: string[] };

beforeAll(async () => {
  t = await createTestApp();
  p = await deskPeople(t, 'dc');
  call = api(t, p);
  q = await questionSet(t);
  reviewId = (await deskReview(t, p, 'desk_review', [q.setId])).id;
});
afterAll(() => t.close());

const threads = async (who: Parameters<typeof call>[0], query = '') => {
  const r = await call(who, 'GET', `/reviews/${reviewId}/comments${query}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().threads as Array<{ root: Record<string, unknown>; replies: Array<Record<string, unknown>> }>;
};

describe('feedback: drafted by an expert, visible only to its State, sent by the focal point', () => {
  let draftId: string;
  it('a reviewing expert drafts feedback on a question; the other side and the other reviewing State do not see it', async () => {
    const r = await call('deuEx', 'POST', `/reviews/${reviewId}/comments`, { kind: 'feedback', questionId: q.questions[0], body: 'Please explain the scope of article 5 offences.' });
    expect(r.statusCode, r.body).toBe(201);
    draftId = r.json().id;
    expect(r.json()).toMatchObject({ status: 'draft', reviewingState: 'DEU', canEdit: true, canSend: false, author: { state: 'DEU' } });
    expect((await threads('deuFp')).map((x) => x.root.id)).toContain(draftId);
    expect((await threads('sec')).map((x) => x.root.id)).toContain(draftId);
    for (const other of ['fraFp', 'fraObs', 'chnFp'] as const) expect((await threads(other)).map((x) => x.root.id)).not.toContain(draftId);
    // Someone else's draft is as absent as a comment that does not exist.
    expect((await call('fraFp', 'POST', `/reviews/${reviewId}/comments`, { kind: 'reply', parentId: draftId, body: 'x' })).statusCode).toBe(404);
  });

  it('the expert edits the draft; the other reviewing State cannot', async () => {
    const r = await call('deuEx', 'PATCH', `/reviews/${reviewId}/comments/${draftId}`, { body: 'Please explain the scope of the offences under article 5.' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().body).toBe('Please explain the scope of the offences under article 5.');
    expect((await call('chnFp', 'PATCH', `/reviews/${reviewId}/comments/${draftId}`, { body: 'hijack' })).statusCode).toBe(404);
  });

  it('only the focal point sends it; then everybody in the review sees it and it no longer changes', async () => {
    expect((await call('deuEx', 'POST', `/reviews/${reviewId}/comments/${draftId}/send`)).statusCode).toBe(403);
    const sent = await call('deuFp', 'POST', `/reviews/${reviewId}/comments/${draftId}/send`);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', canEdit: false });
    for (const who of ['fraFp', 'fraEx', 'fraObs', 'chnFp', 'chnEx'] as const) expect((await threads(who)).map((x) => x.root.id)).toContain(draftId);
    expect((await call('deuEx', 'PATCH', `/reviews/${reviewId}/comments/${draftId}`, { body: 'late' })).statusCode).toBe(409);
    expect((await threads('fraFp', `?question=${q.questions[1]}`)).length).toBe(0);
    expect((await threads('fraFp', `?question=${q.questions[0]}&state=DEU`)).length).toBe(1);
  });

  it('the reviewed State cannot write feedback, and a reviewing State cannot reply', async () => {
    expect((await call('fraEx', 'POST', `/reviews/${reviewId}/comments`, { kind: 'feedback', body: 'x' })).statusCode).toBe(403);
    expect((await call('chnEx', 'POST', `/reviews/${reviewId}/comments`, { kind: 'reply', parentId: draftId, body: 'x' })).statusCode).toBe(403);
  });
});

describe('clarifications: due dates, replies, overdue', () => {
  it('a clarification is due in the cycle’s 30 days by default; a sent reply answers it', async () => {
    const c = await call('chnFp', 'POST', `/reviews/${reviewId}/comments`, { kind: 'clarification', questionId: q.questions[1], body: 'Which courts have jurisdiction?' });
    expect(c.statusCode, c.body).toBe(201);
    const due = new Date(); due.setUTCDate(due.getUTCDate() + 30);
    expect(c.json().dueOn).toBe(due.toISOString().slice(0, 10));
    await call('chnFp', 'POST', `/reviews/${reviewId}/comments/${c.json().id}/send`);
    const reply = await call('fraEx', 'POST', `/reviews/${reviewId}/comments`, { kind: 'reply', parentId: c.json().id, body: 'The criminal courts.' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json()).toMatchObject({ reviewingState: 'CHN', questionId: q.questions[1], status: 'draft' });
    // Not answered while the reply is a draft of the reviewed State (which CHN does not even see).
    let th = (await threads('chnFp', '?state=CHN')).find((x) => x.root.id === c.json().id)!;
    expect(th.root.status).toBe('sent');
    expect(th.replies).toEqual([]);
    expect((await call('fraEx', 'POST', `/reviews/${reviewId}/comments/${reply.json().id}/send`)).statusCode).toBe(403);
    expect((await call('fraFp', 'POST', `/reviews/${reviewId}/comments/${reply.json().id}/send`)).statusCode).toBe(200);
    th = (await threads('chnFp', '?state=CHN')).find((x) => x.root.id === c.json().id)!;
    expect(th.root.status).toBe('answered');
    expect(th.replies.map((r) => r.body)).toEqual(['The criminal courts.']);
  });

  it('a sent clarification past its due date without a reply is overdue', async () => {
    const c = await call('deuFp', 'POST', `/reviews/${reviewId}/comments`, { kind: 'clarification', body: 'Statistics for 2024?', dueOn: '2099-01-01' });
    await call('deuFp', 'POST', `/reviews/${reviewId}/comments/${c.json().id}/send`);
    expect((await threads('fraFp')).find((x) => x.root.id === c.json().id)!.root.overdue).toBe(false);
    await t.database.db.updateTable('review_comments').set({ due_on: '2026-01-01' }).where('id', '=', c.json().id).execute();
    expect((await threads('fraFp')).find((x) => x.root.id === c.json().id)!.root.overdue).toBe(true);
  });
});

describe('who may not', () => {
  it('an observer reads but may not write (403); a focal point not in the review gets 404 as for no review at all', async () => {
    expect((await call('fraObs', 'GET', `/reviews/${reviewId}/comments`)).statusCode).toBe(200);
    expect((await call('fraObs', 'POST', `/reviews/${reviewId}/comments`, { kind: 'reply', body: 'x' })).statusCode).toBe(403);
    const stranger = await call('itaFp', 'GET', `/reviews/${reviewId}/comments`);
    const none = await call('itaFp', 'GET', `/reviews/00000000-0000-4000-8000-000000000000/comments`);
    expect(stranger.statusCode).toBe(404);
    expect(stranger.json().error.message.replace(reviewId, 'X')).toBe(none.json().error.message.replace('00000000-0000-4000-8000-000000000000', 'X'));
    expect((await call('itaFp', 'POST', `/reviews/${reviewId}/comments`, { kind: 'feedback', body: 'x' })).statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', reviewId).where('action', '=', 'review.review.read_denied').execute();
    expect(denied.length).toBeGreaterThan(0);
  });

  it('bad input is a 400 that changes nothing', async () => {
    const before = await t.database.db.selectFrom('review_comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const body of [{ kind: 'feedback', body: '' }, { kind: 'gossip', body: 'x' }, { kind: 'feedback', body: 'a\u0000b' }, { kind: 'feedback', body: 'x', questionId: 'nope' },
      { kind: 'feedback', body: 'x', dueOn: '2099-01-01' }, { kind: 'clarification', body: 'x', dueOn: '2026-02-30' }, { kind: 'reply', body: 'x' },
      { kind: 'feedback', body: 'x', questionId: '00000000-0000-4000-8000-000000000000' }]) {
      const who = body.kind === 'reply' ? 'fraFp' : 'deuEx';
      const r = await call(who, 'POST', `/reviews/${reviewId}/comments`, body);
      expect(r.statusCode, JSON.stringify(body) + r.body).toBe(400);
    }
    const after = await t.database.db.selectFrom('review_comments').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reading the threads is audited', async () => {
    const reads = await t.database.db.selectFrom('audit_log').select('details').where('target_id', '=', reviewId).where('action', '=', 'review.review.read').execute();
    expect(reads.some((r) => (r.details as { what?: string }).what === 'comments')).toBe(true);
  });
});
