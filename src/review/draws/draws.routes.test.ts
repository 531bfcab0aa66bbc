import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, as, createTestApp, login, type Session, type TestApp } from '../../../test/support/app.ts';
import { canonicalJson, sha256Hex } from '../draw/canonical.ts';
import { drawReviewers } from '../draw/reviewers.ts';

/**
 * Draws end to end: a groups draw sets the cycle's groups; a reviewers' draw is announced (inputs and their hash
 * published, unknown statuses listed), drawn once, verified (recomputed = stored), redrawn at the meeting within the
 * limits (two per requesting State, then only exceptional with a reason), and reviews are created from it once.
 */
const C = '/api/v1/review/cycles';
const D = '/api/v1/review/draws';
let t: TestApp;
let sec: Session;
let officer: Session;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t, 'draws-sec', ['secretariat'], null);
  await addUser(t, 'draws-officer', ['officer'], 'FRA');
  sec = await login(t.app, 'draws-sec');
  officer = await login(t.app, 'draws-officer');
  const c = await as(t.app, sec, 'POST', C, { code: 'D-2027', title: 'Draw cycle', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], startYear: 2027 });
  cycleId = c.json().id;
  const plan = await as(t.app, sec, 'PUT', `${C}/${cycleId}/plan`, {
    version: 1, phases: [{ phase: 1, clusters: ['criminalization-jurisdiction', 'international-cooperation'], yearOffset: 0, years: 2 }],
  });
  expect(plan.statusCode, plan.body).toBe(200);
}, 60_000);
afterAll(() => t.close());

async function announce(kind: 'reviewers' | 'groups', extra: Record<string, unknown> = {}) {
  const res = await as(t.app, sec, 'POST', D, { cycleId, kind, seedSource: 'Numbers drawn at the 14th meeting of the working group', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function draw(id: string, seed: string) {
  const res = await as(t.app, sec, 'POST', `${D}/${id}/draw`, { seed });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('a groups draw', () => {
  it('splits the parties into three groups starting one year apart, which become the cycle’s groups', async () => {
    const a = await announce('groups', { groups: 3 });
    const d = await draw(a.id, '17 23 42');
    expect(d.groups.map((g: { group: number; startYear: number }) => [g.group, g.startYear])).toEqual([[1, 2027], [2, 2028], [3, 2029]]);
    const cycle = (await as(t.app, null, 'GET', `${C}/${cycleId}`)).json();
    expect(cycle.groups.map((g: { states: string[] }) => g.states)).toEqual(d.groups.map((g: { states: string[] }) => g.states));
    for (const g of cycle.groups) {
      expect(g.drawId).toBe(a.id);
      expect(g.states).toEqual([...g.states].sort());
    }
    expect(cycle.version).toBe(3);
  });
});

describe('a reviewers’ draw', () => {
  let drawId: string;
  let drawn: { pairs: Array<{ reviewed: string; reviewers: Array<{ state: string; slot: string }> }>; resultSha256: string; inputsSha256: string };

  it('announced: its inputs are published with their SHA-256 and nothing drawn yet; bad input is a 400 that creates nothing', async () => {
    const before = (await t.database.db.selectFrom('review_draws').select('id').execute()).length;
    for (const bad of [{ cycleId, kind: 'pairs', seedSource: 'x meeting' }, { cycleId: 'nope', kind: 'reviewers', seedSource: 'meeting' }, { cycleId, kind: 'reviewers', seedSource: '' }, { cycleId, kind: 'reviewers', seedSource: 'a\u0000b' }]) {
      expect((await as(t.app, sec, 'POST', D, bad)).statusCode).toBe(400);
    }
    expect((await as(t.app, sec, 'POST', D, { cycleId: '00000000-0000-0000-0000-000000000000', kind: 'reviewers', seedSource: 'meeting' })).statusCode).toBe(422);
    expect((await as(t.app, officer, 'POST', D, { cycleId, kind: 'reviewers', seedSource: 'meeting' })).statusCode).toBe(403);
    expect((await t.database.db.selectFrom('review_draws').select('id').execute()).length).toBe(before);
    const a = await announce('reviewers');
    drawId = a.id;
    expect(a).toMatchObject({ status: 'announced', seed: null, resultSha256: null, pairs: [], kind: 'reviewers' });
    const stored = await t.database.db.selectFrom('review_draws').select(['inputs', 'inputs_sha256']).where('id', '=', a.id).executeTakeFirstOrThrow();
    expect(a.inputsSha256).toBe(sha256Hex(canonicalJson(stored.inputs)));
    expect(a.pools.length).toBeGreaterThanOrEqual(5);
    for (const p of a.pools) expect(p.states).toEqual([...p.states].sort());
    expect(Array.isArray(a.unknownStatus)).toBe(true);
    expect((await as(t.app, sec, 'GET', `${D}/${a.id}/package`)).statusCode).toBe(404); // not drawn yet
  });

  it('drawn once with the seed: pairs in ISO3 order, the result’s hash stored; a second draw is a 409', async () => {
    drawn = await draw(drawId, '5 11 29 36 40');
    expect(drawn).toMatchObject({ status: 'drawn', seed: '5 11 29 36 40', drawnBy: 'draws-sec' });
    expect(drawn.resultSha256).toMatch(/^[0-9a-f]{64}$/);
    const reviewed = drawn.pairs.map((p) => p.reviewed);
    expect(reviewed).toEqual([...reviewed].sort());
    expect(reviewed.length).toBeGreaterThan(100);
    expect((await as(t.app, sec, 'POST', `${D}/${drawId}/draw`, { seed: 'another' })).statusCode).toBe(409);
    expect((await as(t.app, sec, 'POST', `${D}/${drawId}/cancel`)).statusCode).toBe(409);
    const audits = await t.database.db.selectFrom('audit_log').select('action').where('target_id', '=', drawId).execute();
    expect(audits.map((x) => x.action)).toEqual(expect.arrayContaining(['review.draw.announced', 'review.draw.drawn']));
  });

  it('anyone can recompute it: the package’s result is what the pure draw gives, and verify says OK', async () => {
    const pkg = (await as(t.app, null, 'GET', `${D}/${drawId}/package`)).json();
    expect(pkg).toMatchObject({ id: drawId, seed: '5 11 29 36 40', inputsSha256: drawn.inputsSha256, resultSha256: drawn.resultSha256, redraws: [] });
    expect(sha256Hex(canonicalJson(drawReviewers(pkg.inputs, pkg.seed, pkg.redraws)))).toBe(pkg.resultSha256);
    const v = (await as(t.app, null, 'GET', `${D}/${drawId}/verify`)).json();
    expect(v).toMatchObject({ ok: true, differences: [] });
    const list = (await as(t.app, null, 'GET', `${D}?cycleId=${cycleId}`)).json().items;
    expect(list.map((d: { id: string }) => d.id)).toContain(drawId);
  });

  it('creates the reviews of phase 1 for group 1 once: one per pair and cluster, reviewers from the pair', async () => {
    const body = { drawId, phase: 1, group: 1 };
    const first = await as(t.app, sec, 'POST', `${C}/${cycleId}/reviews`, body);
    expect(first.statusCode, first.body).toBe(200);
    const r = first.json();
    const group1 = (await as(t.app, null, 'GET', `${C}/${cycleId}`)).json().groups[0].states as string[];
    const pairsOfGroup = drawn.pairs.filter((p) => group1.includes(p.reviewed));
    expect(r.created).toBe(pairsOfGroup.length * 2);
    expect(r.reviews[0].startedOn).toBe('2027-01-01');
    const fra = drawn.pairs[0]!;
    const one = r.reviews.find((x: { reviewed: string }) => x.reviewed === pairsOfGroup[0]!.reviewed);
    const reviewers = await t.database.db.selectFrom('review_reviewers').select(['state_iso3', 'slot']).where('review_id', '=', one.id).orderBy('state_iso3').execute();
    expect(reviewers.map((x) => x.state_iso3)).toEqual(pairsOfGroup[0]!.reviewers.map((x) => x.state).sort());
    expect(fra).toBeDefined();
    const again = (await as(t.app, sec, 'POST', `${C}/${cycleId}/reviews`, body)).json();
    expect(again).toMatchObject({ created: 0, existing: r.created });
    expect((await as(t.app, sec, 'POST', `${C}/${cycleId}/reviews`, { drawId, phase: 9 })).statusCode).toBe(422);
    expect((await as(t.app, sec, 'POST', `${C}/${cycleId}/reviews`, { drawId, phase: 1, startedOn: '2027-02-30' })).statusCode).toBe(400);
  });

  it('redraws: two per requesting State, then only exceptional with a reason; reviews follow and the replaced State’s people are revoked', async () => {
    const db = t.database.db;
    const review = await db.selectFrom('reviews').select(['id', 'reviewed_iso3']).where('draw_id', '=', drawId).orderBy('reviewed_iso3').executeTakeFirstOrThrow();
    const reviewed = review.reviewed_iso3;
    const holderOf = async () => {
      const d = (await as(t.app, null, 'GET', `${D}/${drawId}`)).json();
      return d.pairs.find((p: { reviewed: string }) => p.reviewed === reviewed).reviewers.find((x: { slot: string }) => x.slot === 'other-group').state as string;
    };
    const replaced = await holderOf();
    await db.insertInto('review_participants').values({ review_id: review.id, state_iso3: replaced, side: 'reviewing', role: 'expert', name: 'An expert', status: 'active' }).execute();
    const redraw = async (over: Record<string, unknown> = {}) => as(t.app, sec, 'POST', `${D}/${drawId}/redraws`, {
      reviewed, slot: 'other-group', replaced: await holderOf(), requestedByState: reviewed, requestedByName: 'Ms A. Delegate', reason: 'Language of the review', ...over,
    });
    expect((await redraw({ requestedByState: 'ZZZ' })).statusCode).toBe(422);
    expect((await redraw({ replaced: reviewed })).statusCode).toBe(422);
    expect((await redraw({ reason: '' })).statusCode).toBe(400);
    const one = await redraw();
    expect(one.statusCode, one.body).toBe(201);
    const after = await holderOf();
    expect(after).not.toBe(replaced);
    expect(one.json().redraws[0]).toMatchObject({ seq: 1, reviewed, replaced, new: after, requestedByState: reviewed, requestedByName: 'Ms A. Delegate', reason: 'Language of the review', exceptional: false });
    const rr = await db.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', review.id).execute();
    expect(rr.map((x) => x.state_iso3)).toContain(after);
    expect(rr.map((x) => x.state_iso3)).not.toContain(replaced);
    const p = await db.selectFrom('review_participants').select(['status', 'revoked_at']).where('review_id', '=', review.id).where('state_iso3', '=', replaced).executeTakeFirstOrThrow();
    expect(p.status).toBe('revoked');
    expect((await redraw()).statusCode).toBe(201);
    const third = await redraw();
    expect(third.statusCode).toBe(422);
    expect(third.json().error.message).toMatch(/2/);
    expect((await redraw({ exceptional: true })).statusCode).toBe(400); // the exception needs its reason
    const exc = await redraw({ exceptional: true, exceptionReason: 'Both drawn States share a border dispute' });
    expect(exc.statusCode, exc.body).toBe(201);
    const d = exc.json();
    expect(d.redraws).toHaveLength(3);
    expect(d.counters).toEqual([{ reviewed, requestedBy: reviewed, count: 3, limit: 2 }]);
    const v = (await as(t.app, null, 'GET', `${D}/${drawId}/verify`)).json();
    expect(v.ok).toBe(true);
    const pkg = (await as(t.app, null, 'GET', `${D}/${drawId}/package`)).json();
    expect(pkg.redraws).toHaveLength(3);
    expect(sha256Hex(canonicalJson(drawReviewers(pkg.inputs, pkg.seed, pkg.redraws)))).toBe(d.resultSha256);
  });

  it('verify names what differs when the stored result was tampered with', async () => {
    await t.database.db.updateTable('review_draws').set({ result_sha256: '0'.repeat(64) }).where('id', '=', drawId).execute();
    const v = (await as(t.app, null, 'GET', `${D}/${drawId}/verify`)).json();
    expect(v.ok).toBe(false);
    expect(v.differences.length).toBeGreaterThan(0);
  });

  it('an announced draw can be cancelled and then not drawn', async () => {
    const a = await announce('reviewers');
    const c = await as(t.app, sec, 'POST', `${D}/${a.id}/cancel`);
    expect(c.statusCode).toBe(200);
    expect(c.json().status).toBe('cancelled');
    expect((await as(t.app, sec, 'POST', `${D}/${a.id}/draw`, { seed: '1' })).statusCode).toBe(409);
  });
});
