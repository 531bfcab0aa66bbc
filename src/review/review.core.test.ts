import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { createUser, usersByIds } from '../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor, type Role, type UserActor } from '../platform/auth/roles.ts';
import { allowedActions } from '../platform/workflow/index.ts';
import { everyStateAction } from '../platform/workflow/testing.ts';
import { stateExists } from '../reference/reference.service.ts';
import { openReview, reviewTransaction } from './review.access.ts';
import { reviewPolicy, type ReviewResource } from './review.policy.ts';
import { advanceIfComplete, assertReviewAction } from './review.transitions.ts';
import { reviewMachine, type ReviewCtx } from './review.workflow.ts';
import { createTestCycle, createTestReview } from './test-fixtures.ts';

/**
 * The review's core: the policy's rules and SQL agree over actors × reviews; the machine refuses every action
 * outside its states and holds its guards; openReview's 404 for a stranger (audited) and 403 for an observer's
 * write; advanceIfComplete moves a review on only when every reviewing State has done its part.
 */
let t: TestDatabase;
const a: Record<string, UserActor> = {};
const ids: string[] = [];
let cycleId = '';

async function person(username: string, roles: Role[], state: string | null): Promise<UserActor> {
  const u = await createUser(t.db, { username, displayName: username, password: 'correct horse battery staple', roles, state }, ANONYMOUS, (iso3) => stateExists(t.db, iso3));
  const [x] = await usersByIds(t.db, [u.id]);
  return { ...x!.actor, roles: [...x!.actor.roles] };
}

beforeAll(async () => {
  t = await createTestDatabase();
  for (const [n, roles, st] of [
    ['fra-fp', ['focal_point'], 'FRA'], ['fra-expert', ['expert'], 'FRA'], ['deu-fp', ['focal_point'], 'DEU'], ['deu-expert', ['expert'], 'DEU'],
    ['deu-observer', ['expert'], 'DEU'], ['ita-fp', ['focal_point'], 'ITA'], ['gbr-stranger', ['expert'], 'GBR'], ['nominated', ['expert'], 'DEU'],
    ['revoked', ['expert'], 'FRA'], ['secretariat', ['secretariat'], null], ['admin', ['admin'], null],
  ] as Array<[string, Role[], string | null]>) a[n] = await person(`core-${n}`, roles, st);
  cycleId = (await createTestCycle(t.db, 'CORE')).id;
  const P = (n: string, state: string, side: 'reviewed' | 'reviewing', role: 'focal_point' | 'expert' | 'observer', status?: 'nominated' | 'revoked') => ({ userId: a[n]!.id, state, side, role, status });
  ids.push((await createTestReview(t.db, { cycleId, reviewed: 'FRA', reviewers: ['ITA', 'DEU'], participants: [
    P('fra-fp', 'FRA', 'reviewed', 'focal_point'), P('fra-expert', 'FRA', 'reviewed', 'expert'), P('deu-fp', 'DEU', 'reviewing', 'focal_point'),
    P('deu-expert', 'DEU', 'reviewing', 'expert'), P('deu-observer', 'DEU', 'reviewing', 'observer'), P('nominated', 'DEU', 'reviewing', 'expert', 'nominated'),
    P('revoked', 'FRA', 'reviewed', 'expert', 'revoked'),
  ] })).id);
  ids.push((await createTestReview(t.db, { cycleId, reviewed: 'DEU', reviewers: ['FRA', 'ITA'], cluster: 'international-cooperation', participants: [
    P('deu-fp', 'DEU', 'reviewed', 'focal_point'), P('ita-fp', 'ITA', 'reviewing', 'focal_point'), P('fra-expert', 'FRA', 'reviewing', 'observer'),
  ] })).id);
  ids.push((await createTestReview(t.db, { cycleId, reviewed: 'ITA', reviewers: ['GBR', 'FRA'], cluster: 'criminalization-jurisdiction' })).id);
});
afterAll(() => t.drop());

async function resources(): Promise<ReviewResource[]> {
  const out: ReviewResource[] = [];
  for (const id of ids) {
    const r = await t.db.selectFrom('reviews').select(['id', 'reviewed_iso3']).where('id', '=', id).executeTakeFirstOrThrow();
    const reviewers = (await t.db.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', id).execute()).map((x) => x.state_iso3);
    const participants = await t.db.selectFrom('review_participants').select(['user_id', 'state_iso3', 'side', 'role']).where('review_id', '=', id).where('status', '=', 'active').execute();
    out.push({ id, reviewed_iso3: r.reviewed_iso3, reviewers, participants: participants.map((p) => ({ ...p, user_id: p.user_id! })) });
  }
  return out;
}

describe('the review policy', () => {
  it('rules and SQL agree for every actor × review × action', async () => {
    const rs = await resources();
    const actors: Array<[string, Actor]> = [...Object.entries(a), ['anonymous', ANONYMOUS]];
    for (const [name, actor] of actors) {
      for (const action of reviewPolicy.actions) {
        const bySql = await t.db.selectFrom('reviews').select('id').where('id', 'in', ids).where(reviewPolicy.accessFilter(actor, action)).execute();
        const byRule = rs.filter((r) => reviewPolicy.can(actor, action, r)).map((r) => r.id);
        expect(bySql.map((r) => r.id).sort(), `${name} ${action}`).toEqual(byRule.sort());
      }
    }
  });

  it('active participants see their reviews, nobody else but the secretariat; observers only read; focal points submit', async () => {
    const [fra] = await resources();
    expect(reviewPolicy.permissions(a['fra-fp']!, fra!)).toEqual({ view: true, draft: true, submit: true, manage: false });
    expect(reviewPolicy.permissions(a['deu-expert']!, fra!)).toEqual({ view: true, draft: true, submit: false, manage: false });
    expect(reviewPolicy.permissions(a['deu-observer']!, fra!)).toEqual({ view: true, draft: false, submit: false, manage: false });
    expect(reviewPolicy.permissions(a.secretariat!, fra!)).toEqual({ view: true, draft: false, submit: false, manage: true });
    for (const n of ['ita-fp', 'gbr-stranger', 'nominated', 'revoked', 'admin']) expect(reviewPolicy.explain(a[n]!, 'view', fra!), n).toMatchObject({ allowed: false, status: 404 });
    expect(reviewPolicy.explain(a['deu-observer']!, 'draft', fra!)).toMatchObject({ allowed: false, status: 403 });
  });
});

describe('openReview', () => {
  it('a stranger gets the 404 of a missing review, audited; an observer’s write is a 403, audited even inside a rolled-back transaction', async () => {
    await expect(openReview(t.db, a['gbr-stranger']!, ids[0]!, 'view', 'overview')).rejects.toMatchObject({ status: 404, message: `No review ${ids[0]}` });
    const missing = '00000000-0000-4000-8000-000000000001';
    await expect(openReview(t.db, a['gbr-stranger']!, missing, 'view', 'overview')).rejects.toMatchObject({ status: 404, message: `No review ${missing}` });
    await expect(reviewTransaction(t.db, (trx) => assertReviewAction(trx, a['deu-observer']!, ids[0]!, 'comment', 'comment'))).rejects.toMatchObject({ status: 403 });
    const denied = await t.db.selectFrom('audit_log').select(['actor_username', 'details']).where('action', '=', 'review.review.read_denied').execute();
    expect(denied.map((d) => d.actor_username).sort()).toEqual(['core-deu-observer', 'core-gbr-stranger', 'core-gbr-stranger']);
    const r = await openReview(t.db, a['deu-expert']!, ids[0]!, 'draft', 'comment');
    expect(r.standing).toEqual({ side: 'reviewing', state: 'DEU', role: 'expert' });
  });
});

const ctxOf = (over: Partial<ReviewCtx>): ReviewCtx => ({
  standing: null, reviewedFocalPoint: true, unanswered: 0, pendingFeedback: [], pendingObservations: [], pendingSummaries: [], unagreedObservations: [], ...over,
});

describe('the review machine', () => {
  const row = (stage: string) => ({ id: 'r', stage, version: 1 }) as never;
  it('refuses every action outside the states it is defined from (409), and a defined one is allowed to someone when its guards hold', () => {
    const sec = ctxOf({ standing: { side: 'secretariat', state: null, role: 'secretariat' } });
    for (const { state, action, defined } of everyStateAction(reviewMachine)) {
      const all = [sec, ...(['reviewed', 'reviewing'] as const).map((side) => ctxOf({ standing: { side, state: side === 'reviewed' ? 'FRA' : 'DEU', role: 'focal_point' }, pendingFeedback: side === 'reviewing' ? ['DEU'] : [], pendingObservations: side === 'reviewing' ? ['DEU'] : [], pendingSummaries: side === 'reviewing' ? ['DEU'] : [] }))];
      const allowedFor = all.map((c) => allowedActions(reviewMachine, ANONYMOUS, row(state), c).find((x) => x.action === action)!);
      if (!defined) {
        for (const x of allowedFor) expect(x.reasons[0]?.code, `${state} ${action}`).toBe('state');
      } else if (!['begin_observations', 'begin_summary', 'complete'].includes(action)) {
        expect(allowedFor.some((x) => x.allowed), `${state} ${action}`).toBe(true);
      }
    }
  });

  it('guards: only the reviewed focal point submits answers and only when every question is answered; experts save; observers nothing', () => {
    const fp = { side: 'reviewed' as const, state: 'FRA', role: 'focal_point' as const };
    const can = (c: ReviewCtx, action: string, stage = 'answering') => allowedActions(reviewMachine, ANONYMOUS, row(stage), c).find((x) => x.action === action)!;
    expect(can(ctxOf({ standing: fp }), 'submit_answers').allowed).toBe(true);
    expect(can(ctxOf({ standing: fp, unanswered: 3 }), 'submit_answers').reasons[0]).toMatchObject({ code: 'unanswered' });
    expect(can(ctxOf({ standing: { ...fp, role: 'expert' } }), 'submit_answers').allowed).toBe(false);
    expect(can(ctxOf({ standing: { ...fp, role: 'expert' } }), 'save_answer').allowed).toBe(true);
    expect(can(ctxOf({ standing: { ...fp, role: 'observer' } }), 'save_answer').allowed).toBe(false);
    expect(can(ctxOf({ standing: { side: 'reviewing', state: 'DEU', role: 'focal_point' } }), 'submit_answers').allowed).toBe(false);
    expect(can(ctxOf({ standing: { side: 'secretariat', state: null, role: 'secretariat' } }), 'submit_answers').allowed).toBe(false);
  });

  it('guards: begin_observations only when every reviewing State submitted its feedback; a State submits its feedback once', () => {
    const sec = { side: 'secretariat' as const, state: null, role: 'secretariat' as const };
    const can = (c: ReviewCtx, action: string) => allowedActions(reviewMachine, ANONYMOUS, row('desk_review'), c).find((x) => x.action === action)!;
    const pending = can(ctxOf({ standing: sec, pendingFeedback: ['ITA'] }), 'begin_observations');
    expect(pending.allowed).toBe(false);
    expect(pending.reasons[0]!.message).toMatch(/ITA/);
    expect(can(ctxOf({ standing: sec }), 'begin_observations').allowed).toBe(true);
    const deu = { side: 'reviewing' as const, state: 'DEU', role: 'focal_point' as const };
    expect(can(ctxOf({ standing: deu, pendingFeedback: ['DEU'] }), 'submit_feedback').allowed).toBe(true);
    expect(can(ctxOf({ standing: deu, pendingFeedback: ['ITA'] }), 'submit_feedback').reasons[0]).toMatchObject({ code: 'already-done' });
    expect(can(ctxOf({ standing: { ...deu, role: 'expert' }, pendingFeedback: ['DEU'] }), 'submit_feedback').allowed).toBe(false);
  });
});

describe('advanceIfComplete', () => {
  it('moves a desk review on only once every reviewing State has submitted feedback, as the platform', async () => {
    const id = (await createTestReview(t.db, { cycleId, reviewed: 'GBR', reviewers: ['ITA', 'DEU'], stage: 'desk_review', cluster: 'international-cooperation' })).id;
    const step = (state: string) => t.db.insertInto('review_steps').values({ review_id: id, reviewing_state: state, step: 'feedback', done_by_name: 'fp' }).execute();
    await step('ITA');
    expect(await reviewTransaction(t.db, (trx) => advanceIfComplete(trx, id))).toBe(false);
    await step('DEU');
    expect(await reviewTransaction(t.db, (trx) => advanceIfComplete(trx, id))).toBe(true);
    const r = await t.db.selectFrom('reviews').select('stage').where('id', '=', id).executeTakeFirstOrThrow();
    expect(r.stage).toBe('observations');
    const h = await t.db.selectFrom('workflow_transitions').select(['action', 'actor_name']).where('entity_id', '=', id).execute();
    expect(h).toEqual([{ action: 'begin_observations', actor_name: 'platform' }]);
    expect(await reviewTransaction(t.db, (trx) => advanceIfComplete(trx, id))).toBe(false);
  });
});
