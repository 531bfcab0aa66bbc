import type { Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { isLanguage, type Language } from '../../platform/i18n/languages.ts';
import { AppError } from '../../platform/http/errors.ts';
import { listTransitions, transitionDto } from '../../platform/workflow/index.ts';
import { auditReviewRead, openReview, type LoadedReview } from '../review.access.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import { reviewPolicy } from '../review.policy.ts';
import { moveReview, reviewActions } from '../review.transitions.ts';
import { REVIEW_STAGES, type ReviewStage } from '../review.vocabulary.ts';
import { reviewMachine, type ReviewAction } from '../review.workflow.ts';
import { deadlineSettings, isoDay, reviewDeadlines, type Deadline } from './deadlines.ts';
import * as repo from './reviews.repository.ts';
import type { ReviewDto } from './reviews.schemas.ts';

type Conn = Db | Transaction<Database>;

/** The viewer's language for names (their account's; English for anyone else). */
export const langOf = (actor: Actor, asked?: string): Language =>
  isLanguage(asked) ? asked : actor.kind === 'user' && isLanguage(actor.language) ? actor.language : 'en';

/** The deadlines of a review now (reviews/deadlines.ts from what the tables say). */
export async function deadlinesOf(db: Conn, row: LoadedReview['row'], reviewers: readonly string[], today = isoDay(new Date())): Promise<Deadline[]> {
  const [cycle, nominated, opened, clarifications, feedback] = await Promise.all([
    repo.cycleOf(db, row.cycle_id), repo.appointed(db, row.id), repo.questionnaireOpenedAt(db, row.id), repo.clarificationsOf(db, row.id), repo.feedbackDone(db, row.id),
  ]);
  return reviewDeadlines({
    startedOn: row.started_on, reviewed: row.reviewed_iso3, reviewers, nominated,
    questionnaireOpenedOn: opened ? isoDay(opened) : null,
    answersSubmittedOn: row.answers_submitted_at ? isoDay(row.answers_submitted_at) : null,
    feedbackDone: feedback,
    clarifications: clarifications.map((c) => ({ dueOn: c.due_on!, answered: c.status === 'answered' || c.status === 'closed' })),
    completed: row.stage === 'completed',
  }, deadlineSettings(cycle.settings), today);
}

/** The review as the viewer sees it (the Review DTO every part and the UI rely on); no audit here, the caller's read is. */
export async function reviewView(db: Conn, actor: Actor, r: LoadedReview, lang = langOf(actor)): Promise<ReviewDto> {
  const [cycle, reviewers, clusters] = await Promise.all([repo.cycleOf(db, r.row.cycle_id), repo.reviewersOf(db, r.id), repo.clusterNames(db, lang)]);
  const names = await repo.stateNames(db, [r.reviewed_iso3, ...reviewers.map((x) => x.state_iso3)], lang);
  return {
    id: r.id,
    cycle: { id: cycle.id, code: cycle.code, title: cycle.title },
    reviewed: { iso3: r.reviewed_iso3, name: names.get(r.reviewed_iso3)! },
    cluster: { code: r.row.cluster_code, name: clusters.get(r.row.cluster_code) ?? r.row.cluster_code },
    instruments: r.row.instruments,
    stage: r.row.stage,
    startedOn: r.row.started_on,
    reviewers: reviewers.map((x) => ({ state: x.state_iso3, name: names.get(x.state_iso3)!, slot: x.slot, instruments: x.instruments })),
    standing: r.standing,
    actions: await reviewActions(db, actor, r),
    deadlines: await deadlinesOf(db, r.row, reviewers.map((x) => x.state_iso3)),
  };
}

/** GET /reviews/{id}: 404 for anyone not in it (audited refusal), an audited read otherwise. */
export async function getReview(db: Db, actor: Actor, id: string, lang?: string): Promise<ReviewDto> {
  const r = await openReview(db, actor, id, 'view', 'overview');
  await auditReviewRead(db, actor, id, 'overview');
  return reviewView(db, actor, r, langOf(actor, lang));
}

/**
 * GET /reviews: the viewer's reviews (the policy's SQL filter: active participations; the secretariat all), with
 * counts per stage over the same reviews before the stage filter (progress, never a ranking). Ordered by cycle, then
 * the reviewed State's name in the viewer's language, then cluster — never by a figure.
 */
export async function listReviews(db: Db, actor: Actor, q: repo.ListFilter & { lang?: string }) {
  const lang = langOf(actor, q.lang);
  const access = reviewPolicy.accessFilter(actor, 'view', 'r');
  const all = await repo.listReviews(db, access, { cycle: q.cycle, state: q.state?.toUpperCase() });
  const rows = q.stage ? all.filter((r) => r.stage === q.stage) : all;
  const [names, clusters] = await Promise.all([repo.stateNames(db, rows.flatMap((r) => [r.reviewed_iso3, ...r.reviewers]), lang), repo.clusterNames(db, lang)]);
  const byStage = Object.fromEntries(REVIEW_STAGES.map((s) => [s, all.filter((r) => r.stage === s).length])) as Record<ReviewStage, number>;
  const items = rows.map((r) => ({
    id: r.id,
    cycle: { id: r.cycle_id, code: r.cycle_code, title: r.cycle_title },
    reviewed: { iso3: r.reviewed_iso3, name: names.get(r.reviewed_iso3) ?? r.reviewed_iso3 },
    cluster: { code: r.cluster_code, name: clusters.get(r.cluster_code) ?? r.cluster_code },
    instruments: r.instruments,
    stage: r.stage,
    startedOn: r.started_on,
    reviewers: r.reviewers.map((s) => ({ state: s, name: names.get(s) ?? s })).sort((a, b) => a.name.localeCompare(b.name, lang)),
  })).sort((a, b) => a.cycle.code.localeCompare(b.cycle.code) || a.reviewed.name.localeCompare(b.reviewed.name, lang) || a.cluster.code.localeCompare(b.cluster.code));
  await audit(db, { actor: auditActor(actor), action: 'review.review.listed', targetType: REVIEW_TARGET, targetId: null, details: { count: items.length, cycle: q.cycle ?? null, stage: q.stage ?? null, state: q.state ?? null } });
  return { items, total: items.length, byStage };
}

/** The actions that change the stage; the steps inside a stage are taken where their content is written. */
const STAGE_ACTIONS = new Set(reviewMachine.transitions.filter((t) => t.to !== undefined).map((t) => t.action));

/** POST /reviews/{id}/actions: a stage change through the machine (409/422 with its reasons). */
export async function actOnReview(trx: Transaction<Database>, actor: Actor, id: string, action: ReviewAction, reason: string | null): Promise<LoadedReview> {
  if (!STAGE_ACTIONS.has(action)) {
    await openReview(trx, actor, id, 'view', 'actions');
    throw new AppError(422, 'not-a-stage-change', `"${action}" is a step taken where its content is written (answers, comments, observations, summaries, publication), not a stage change`);
  }
  return moveReview(trx, actor, id, action, reason);
}

/** GET /reviews/{id}/history: the review's stage changes, oldest first (audited read). */
export async function reviewHistory(db: Db, actor: Actor, id: string) {
  await openReview(db, actor, id, 'view', 'history');
  await auditReviewRead(db, actor, id, 'history');
  return { items: (await listTransitions(db, reviewMachine, id)).map(transitionDto) };
}
