import { usersByIds } from '../../platform/auth/accounts.service.ts';
import { ANONYMOUS, type Actor, type UserActor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { createCycle, putPlan } from '../config/config.service.ts';
import { defaultCycleSettings } from '../config/cycle-settings.ts';
import { announceDraw, performDraw } from '../draws/draws.service.ts';
import { createReviewsFromDraw } from '../draws/reviews-from-draw.ts';
import { saveAnswer } from '../questionnaires/answers.service.ts';
import { loadStandardQuestionnaires } from '../questionnaires/standard.ts';
import { reviewTransaction } from '../review.access.ts';
import { moveReview } from '../review.transitions.ts';

/**
 * The demo review: a configured cycle ("UNTOC and Protocols, 2026–2035"; phase 1 criminalization & jurisdiction and
 * international cooperation, phase 2 the others), its groups and its reviewers drawn from published seeds through
 * the draws' own service (never a made-up pairing: the reference data and the seeds are fixed, so the draw is the
 * same on every installation), the reviews of phase 1 created from the draw, and Mexico's review of
 * criminalization & jurisdiction in progress with the demo accounts in it: demo-focal-point is Mexico's focal point,
 * each drawn reviewing State's demo focal point (DEMO_REVIEWERS, accounts in platform/auth/demo-accounts.ts) takes
 * part, the questionnaire is open and partly answered. Idempotent: the second time it adds nothing.
 */
export const DEMO_CYCLE = 'UNTOC-2026';
export const DEMO_GROUPS_SEED = '7 14 21 28 35 / 2026-01-20';
export const DEMO_REVIEWERS_SEED = '3 11 19 27 42 / 2026-01-21';
export const DEMO_REVIEWED = 'MEX';
export const DEMO_CLUSTER = 'criminalization-jurisdiction';

async function demoUser(db: Db, username: string): Promise<UserActor | null> {
  const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!u) return null;
  const [x] = await usersByIds(db, [u.id]);
  return x ? { ...x.actor, roles: [...x.actor.roles] } : null;
}

/** The reviewing States' demo accounts: demo-reviewer-<iso3> (lower case), the focal point of that State. */
export const demoReviewerUsername = (iso3: string) => `demo-reviewer-${iso3.toLowerCase()}`;

export async function loadDemoReview(db: Db): Promise<{ added: number }> {
  if (await db.selectFrom('review_cycles').select('id').where('code', '=', DEMO_CYCLE).executeTakeFirst()) return { added: 0 };
  const secretariat: Actor = (await demoUser(db, 'demo-secretariat')) ?? ANONYMOUS;
  await loadStandardQuestionnaires(db);
  const reviewId = await reviewTransaction(db, async (trx) => {
    const cycle = await createCycle(trx, secretariat, {
      code: DEMO_CYCLE, title: 'UNTOC and Protocols, 2026–2035', mainInstrument: 'UNTOC', instruments: ['UNTOC', 'TIP', 'SOM', 'FIR'], startYear: 2026, settings: defaultCycleSettings,
    });
    await putPlan(trx, secretariat, cycle.id, { version: cycle.version, phases: [
      { phase: 1, clusters: ['criminalization-jurisdiction', 'international-cooperation'], yearOffset: 0, years: 2 },
      { phase: 2, clusters: ['law-enforcement-judicial', 'prevention-assistance-protection'], yearOffset: 2, years: 2 },
    ] });
    const groups = await announceDraw(trx, secretariat, { cycleId: cycle.id, kind: 'groups', seedSource: 'Numbers drawn at the demo meeting of the working group, 20 January 2026', groups: 3 });
    await performDraw(trx, secretariat, groups.id, DEMO_GROUPS_SEED);
    const reviewers = await announceDraw(trx, secretariat, { cycleId: cycle.id, kind: 'reviewers', seedSource: 'Numbers drawn at the demo meeting of the working group, 21 January 2026' });
    await performDraw(trx, secretariat, reviewers.id, DEMO_REVIEWERS_SEED);
    const made = await createReviewsFromDraw(trx, secretariat, cycle.id, { drawId: reviewers.id, phase: 1, startedOn: '2026-02-02' });
    const mine = made.reviews.find((r) => r.reviewed === DEMO_REVIEWED && r.cluster === DEMO_CLUSTER);
    if (!mine) throw new Error(`The demo draw gave no review of ${DEMO_REVIEWED}`);
    return mine.id;
  });
  await peopleAndAnswers(db, reviewId, secretariat);
  return { added: 1 };
}

/** Mexico's focal point, the drawn reviewing States' demo focal points and an observer take part; the questionnaire opens and is partly answered. */
async function peopleAndAnswers(db: Db, reviewId: string, secretariat: Actor): Promise<void> {
  const reviewers = (await db.selectFrom('review_reviewers').select('state_iso3').where('review_id', '=', reviewId).orderBy('state_iso3').execute()).map((r) => r.state_iso3);
  const people: Array<{ username: string; state: string; role: 'focal_point' | 'expert' | 'observer' }> = [
    { username: 'demo-focal-point', state: DEMO_REVIEWED, role: 'focal_point' },
    ...reviewers.map((s) => ({ username: demoReviewerUsername(s), state: s, role: 'focal_point' as const })),
    { username: 'demo-observer-mex', state: DEMO_REVIEWED, role: 'observer' },
  ];
  for (const p of people) {
    const u = await demoUser(db, p.username);
    if (!u || u.state !== p.state) continue;
    await db.insertInto('review_participants').values({
      review_id: reviewId, state_iso3: p.state, side: p.state === DEMO_REVIEWED ? 'reviewed' : 'reviewing', role: p.role, user_id: u.id, name: u.displayName,
      note_verbale_ref: `NV/${p.state}/2026/0${p.role === 'observer' ? 3 : 1}`, status: 'active', invited_at: new Date(), accepted_at: new Date(),
    }).execute();
  }
  const fp = await demoUser(db, 'demo-focal-point');
  if (!fp || secretariat.kind !== 'user') return;
  await reviewTransaction(db, (trx) => moveReview(trx, secretariat, reviewId, 'open_questionnaire', 'Mexico’s focal point appointed; questionnaires published'));
  const setIds = (await db.selectFrom('reviews').select('question_set_ids').where('id', '=', reviewId).executeTakeFirstOrThrow()).question_set_ids;
  if (setIds.length === 0) return;
  const questions = await db.selectFrom('review_questions').select(['id', 'answer_type']).where('set_id', 'in', setIds).where('answer_type', '=', 'yes_no_partly').orderBy('ordinal').limit(3).execute();
  const answers = [
    { choice: 'yes', explanation: 'Federal Law against Organized Crime (LFDO), article 2, criminalizes participation in an organized criminal group.' },
    { choice: 'partly', explanation: 'Laundering of proceeds is criminalized in the Federal Criminal Code, article 400 bis; self-laundering is being clarified by the courts.' },
    { choice: 'yes', explanation: 'Liability of legal persons: National Code of Criminal Procedure, article 421.' },
  ];
  for (const [i, q] of questions.entries()) await saveAnswer(db, fp, reviewId, q.id, { value: answers[i] });
}
