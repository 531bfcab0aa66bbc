import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database.ts';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../../platform/auth/demo-accounts.ts';
import { stateExists } from '../../reference/reference.service.ts';
import { computeResult } from '../draws/draws.service.ts';
import type { ReviewerDrawResult } from '../draw/draw.types.ts';
import { DEMO_CLUSTER, DEMO_REVIEWED, demoReviewerUsername, loadDemoReview } from './demo-review.ts';

/**
 * The demo review: built through the draws' service from fixed seeds, its reviewers are exactly what the published
 * draw recomputes to; the demo accounts of those States take part; loading twice changes nothing.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await ensureDemoAccounts(t.db, (iso3) => stateExists(t.db, iso3));
}, 120_000);
afterAll(() => t.drop());

const snapshot = async () => ({
  reviews: await t.db.selectFrom('reviews').select(['id', 'stage', 'version']).orderBy('id').execute(),
  participants: await t.db.selectFrom('review_participants').select(['id', 'status']).orderBy('id').execute(),
  answers: await t.db.selectFrom('review_answers').select(['id', 'version']).orderBy('id').execute(),
  draws: await t.db.selectFrom('review_draws').select(['id', 'result_sha256']).orderBy('id').execute(),
});

describe('the demo review', () => {
  it('is Mexico’s review with the reviewers the draw gives, the demo accounts in it, the questionnaire open and partly answered; a second load adds nothing', async () => {
    expect(await loadDemoReview(t.db)).toEqual({ added: 1 });
    const review = await t.db.selectFrom('reviews').selectAll().where('reviewed_iso3', '=', DEMO_REVIEWED).where('cluster_code', '=', DEMO_CLUSTER).executeTakeFirstOrThrow();
    const draw = await t.db.selectFrom('review_draws').selectAll().where('id', '=', review.draw_id!).executeTakeFirstOrThrow();
    const recomputed = computeResult('reviewers', draw.inputs, draw.seed!, []) as ReviewerDrawResult;
    const pair = recomputed.pairs.find((p) => p.reviewed === DEMO_REVIEWED)!;
    const reviewers = await t.db.selectFrom('review_reviewers').select(['state_iso3', 'slot']).where('review_id', '=', review.id).orderBy('state_iso3').execute();
    expect(reviewers).toEqual(pair.reviewers.map((r) => ({ state_iso3: r.state, slot: r.slot })).sort((a, b) => a.state_iso3.localeCompare(b.state_iso3)));
    for (const r of reviewers) expect(DEMO_ACCOUNTS.map((a) => a.username), r.state_iso3).toContain(demoReviewerUsername(r.state_iso3));
    const people = await t.db.selectFrom('review_participants as p').innerJoin('users as u', 'u.id', 'p.user_id').select(['u.username', 'p.role', 'p.status']).where('p.review_id', '=', review.id).execute();
    expect(people).toContainEqual({ username: 'demo-focal-point', role: 'focal_point', status: 'active' });
    expect(people.length).toBe(reviewers.length + 2);
    expect(review.stage).toBe('answering');
    expect(Number((await t.db.selectFrom('review_answers').select((eb) => eb.fn.countAll().as('n')).where('review_id', '=', review.id).executeTakeFirstOrThrow()).n)).toBeGreaterThan(0);
    const before = await snapshot();
    expect(await loadDemoReview(t.db)).toEqual({ added: 0 });
    expect(await snapshot()).toEqual(before);
  }, 120_000);
});
