import { sql, type Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError, type Issue } from '../../platform/http/errors.ts';
import type { Language } from '../../platform/i18n/languages.ts';
import { assertVersion } from '../../platform/versioning.ts';
import { legislationOfStateByArticle } from '../../knowledge/review-links.service.ts';
import { auditReviewRead, openReview, type LoadedReview } from '../review.access.ts';
import { REVIEW_TARGET } from '../review.audit.ts';
import { assertReviewAction, reviewActions } from '../review.transitions.ts';
import type { AnswerType } from '../review.vocabulary.ts';
import { localize, questionOut, questionsOf, viewerLanguage, type QuestionRow } from './question-sets.service.ts';
import { answerValueSchemas } from './questionnaires.schemas.ts';

/**
 * The reviewed State's answers: the review's questionnaire as each participant sees it (with answers, who saved
 * them, the previous cycle's answer to the same unchanged question, and the State's legislation already in the
 * knowledge portal), saving one answer (validated by answer type, optimistic version), and the national consultation.
 */

type Conn = Db | Transaction<Database>;

/** Articles of the review's cluster not reviewed for this State (UNTOC 8 and 9 for States parties to UNCAC). */
export async function excludedArticles(db: Conn, review: Pick<LoadedReview['row'], 'cluster_code' | 'instruments' | 'reviewed_iso3'>) {
  if (review.instruments.length === 0) return [];
  const rows = await db.selectFrom('cluster_articles as ca')
    .innerJoin('party_status as ps', (j) => j.onRef('ps.instrument_code', '=', 'ca.only_if_not_party_to').on('ps.iso3', '=', review.reviewed_iso3))
    .select(['ca.instrument_code', 'ca.article', 'ca.only_if_not_party_to'])
    .where('ca.cluster_code', '=', review.cluster_code).where('ca.instrument_code', 'in', review.instruments).where('ps.status', '=', 'party')
    .orderBy('ca.instrument_code').orderBy('ca.article').execute();
  return rows.map((r) => ({ instrument: r.instrument_code, article: r.article, reason: `reviewed only for States not party to ${r.only_if_not_party_to}` }));
}

/** The review's questions that apply to the reviewed State, with their set's instrument. */
async function applicableQuestions(db: Conn, review: LoadedReview['row']) {
  const sets = review.question_set_ids.length
    ? await db.selectFrom('review_question_sets').selectAll().where('id', 'in', review.question_set_ids).orderBy('instrument_code').execute()
    : [];
  const excluded = await excludedArticles(db, review);
  const skip = new Set(excluded.map((e) => `${e.instrument}:${e.article}`));
  const byId = new Map(sets.map((s) => [s.id, s]));
  const questions = (await questionsOf(db, sets.map((s) => s.id))).filter((q) => !skip.has(`${byId.get(q.set_id)!.instrument_code}:${q.article}`));
  return { sets, questions, excluded };
}

/** The previous cycles' answers of the reviewed State to the same question (same key and content). */
async function previousAnswers(db: Conn, review: LoadedReview['row'], questions: QuestionRow[]) {
  if (questions.length === 0) return new Map<string, { answerId: string; cycle: string; value: unknown; updatedAt: string }>();
  const keys = questions.map((q) => `${q.key}|${q.content_sha256}`);
  const r = await sql<{ k: string; id: string; value: unknown; updated_at: Date; code: string }>`
    SELECT DISTINCT ON (q.key, q.content_sha256) q.key || '|' || q.content_sha256 AS k, a.id, a.value, a.updated_at, c.code
    FROM review_answers a
    JOIN review_questions q ON q.id = a.question_id
    JOIN reviews r ON r.id = a.review_id
    JOIN review_cycles c ON c.id = r.cycle_id
    WHERE r.reviewed_iso3 = ${review.reviewed_iso3} AND r.cycle_id <> ${review.cycle_id}
      AND q.key || '|' || q.content_sha256 = ANY(${sql.val(keys)}::text[])
    ORDER BY q.key, q.content_sha256, c.start_year DESC, a.updated_at DESC`.execute(db);
  return new Map(r.rows.map((x) => [x.k, { answerId: x.id, cycle: x.code, value: x.value, updatedAt: x.updated_at.toISOString() }]));
}

function answerOut(a: { id: string; question_id: string; value: unknown; version: number; prefilled_from: string | null; updated_by: string | null; updated_by_name: string; updated_at: Date }) {
  return {
    id: a.id, questionId: a.question_id, value: a.value, version: a.version, prefilledFrom: a.prefilled_from,
    updatedBy: { id: a.updated_by, name: a.updated_by_name }, updatedAt: a.updated_at.toISOString(),
  };
}

export async function questionnaire(db: Db, actor: Actor, reviewId: string, asked?: string) {
  const review = await openReview(db, actor, reviewId, 'view', 'questionnaire');
  await auditReviewRead(db, actor, reviewId, 'questionnaire');
  const lang: Language = viewerLanguage(actor, asked);
  const { sets, questions, excluded } = await applicableQuestions(db, review.row);
  const [answers, previous, actions] = await Promise.all([
    db.selectFrom('review_answers').selectAll().where('review_id', '=', reviewId).execute(),
    previousAnswers(db, review.row, questions),
    reviewActions(db, actor, review),
  ]);
  const answerOf = new Map(answers.map((a) => [a.question_id, a]));
  const instruments = await Promise.all(sets.map(async (s) => {
    const qs = questions.filter((q) => q.set_id === s.id);
    const articles = [...new Set(qs.map((q) => q.article))].sort((a, b) => a - b);
    const laws = await legislationOfStateByArticle(db, actor, review.reviewed_iso3, s.instrument_code, articles);
    return {
      instrument: s.instrument_code,
      set: { id: s.id, version: s.version, title: localize(s.title, lang) ?? { text: s.instrument_code, lang: 'en', fallback: true } },
      articles: articles.map((article) => ({
        article,
        legislation: laws.filter((l) => l.article === article).map(({ id, title, date }) => ({ id, title, date })),
        questions: qs.filter((q) => q.article === article).map((q) => {
          const a = answerOf.get(q.id);
          return { ...questionOut(q, lang), answer: a ? answerOut(a) : null, previous: previous.get(`${q.key}|${q.content_sha256}`) ?? null };
        }),
      })),
    };
  }));
  return {
    reviewId, reviewed: review.reviewed_iso3, stage: review.row.stage, opened: review.row.question_set_ids.length > 0,
    canAnswer: actions.some((a) => a.action === 'save_answer' && a.allowed),
    progress: { answered: questions.filter((q) => answerOf.has(q.id)).length, total: questions.length },
    instruments, excluded,
  };
}

function checkValue(type: AnswerType, value: unknown): unknown {
  const r = answerValueSchemas[type].safeParse(value);
  if (r.success) return r.data;
  const issues: Issue[] = r.error.issues.map((i) => ({ path: ['body', 'value', ...i.path.map(String)].join('.'), message: i.message }));
  throw new ValidationError(`This is not a valid ${type.replace(/_/g, ' ')} answer: ${issues[0]!.message}`, issues);
}

/** Legislation attached to an answer must be records of the knowledge portal that are legislation of the reviewed State. */
async function checkRecords(trx: Transaction<Database>, ids: readonly string[], state: string) {
  if (ids.length === 0) return;
  const found = await trx.selectFrom('knowledge_records').select(['id', 'type', 'states', 'retired_at']).where('id', 'in', [...ids]).execute();
  const ok = new Set(found.filter((r) => r.type === 'legislation' && r.states.includes(state) && r.retired_at === null).map((r) => r.id));
  const issues = ids.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `body.value.records.${i}`, message: `not a legislation record of ${state} in the knowledge portal` }]));
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
}

/**
 * A refusal inside a transaction would roll its audit entry back with everything else: the policy's refusals are
 * checked (and audited) once before the transaction, and a refusal by the workflow's guards is audited after it.
 */
async function auditedRefusals<T>(db: Db, actor: Actor, reviewId: string, right: 'draft', what: string, work: () => Promise<T>): Promise<T> {
  await openReview(db, actor, reviewId, right, what);
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && e.status === 403) {
      await audit(db, { actor: auditActor(actor), action: 'review.review.read_denied', targetType: REVIEW_TARGET, targetId: reviewId, outcome: 'denied', details: { action: right, what } });
    }
    throw e;
  }
}

export async function saveAnswer(db: Db, actor: Actor, reviewId: string, questionId: string, body: { value: unknown; version?: number; prefilledFrom?: string }) {
  return auditedRefusals(db, actor, reviewId, 'draft', 'answer', () => inTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'save_answer', 'answer');
    const { questions } = await applicableQuestions(trx, review.row);
    const q = questions.find((x) => x.id === questionId);
    if (!q) throw new NotFoundError(`No question ${questionId} in this review’s questionnaire`);
    const value = checkValue(q.answer_type, body.value);
    if (q.answer_type === 'legislation') await checkRecords(trx, (value as { records: string[] }).records, review.reviewed_iso3);
    if (body.prefilledFrom) {
      const prev = await previousAnswers(trx, review.row, [q]);
      if (prev.get(`${q.key}|${q.content_sha256}`)?.answerId !== body.prefilledFrom) {
        throw new ValidationError('The answer to pre-fill from is not this State’s answer to the same question in a previous cycle', [{ path: 'body.prefilledFrom', message: 'not the offered previous answer' }]);
      }
    }
    const who = actor.kind === 'user' ? { id: actor.id, name: actor.displayName } : { id: null, name: 'system' };
    const existing = await trx.selectFrom('review_answers').selectAll().where('review_id', '=', reviewId).where('question_id', '=', questionId).forUpdate().executeTakeFirst();
    let row;
    if (existing) {
      if (body.version === undefined) throw new ConflictError('This question has been answered already: send the version you read to change the answer');
      assertVersion(existing.version, body.version, 'answer');
      row = await trx.updateTable('review_answers').set({
        value: JSON.stringify(value), version: existing.version + 1, prefilled_from: body.prefilledFrom ?? existing.prefilled_from,
        updated_by: who.id, updated_by_name: who.name, updated_at: new Date(),
      }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow();
    } else {
      row = await trx.insertInto('review_answers').values({
        review_id: reviewId, question_id: questionId, value: JSON.stringify(value), prefilled_from: body.prefilledFrom ?? null, updated_by: who.id, updated_by_name: who.name,
      }).onConflict((oc) => oc.columns(['review_id', 'question_id']).doNothing()).returningAll().executeTakeFirst();
      if (!row) throw new ConflictError('Someone answered this question at the same time: reload to see their answer');
    }
    await audit(trx, {
      actor: auditActor(actor), action: 'review.answer.saved', targetType: REVIEW_TARGET, targetId: reviewId,
      details: { questionId, key: q.key, version: row.version, prefilled: row.prefilled_from !== null },
    });
    return answerOut(row);
  }));
}

// ——— national consultation ———

function consultationOut(c: { id: string; body_name: string; sector: string; consulted_on: string | null; note: string; added_by: string | null; added_at: Date }, names: Map<string, string>) {
  return {
    id: c.id, bodyName: c.body_name, sector: c.sector as never, consultedOn: c.consulted_on, note: c.note,
    addedBy: c.added_by ? names.get(c.added_by) ?? null : null, addedAt: c.added_at.toISOString(),
  };
}

export async function listConsultations(db: Db, actor: Actor, reviewId: string) {
  await openReview(db, actor, reviewId, 'view', 'consultations');
  await auditReviewRead(db, actor, reviewId, 'consultations');
  const rows = await db.selectFrom('review_consultations as c').leftJoin('users as u', 'u.id', 'c.added_by')
    .select(['c.id', 'c.body_name', 'c.sector', 'c.consulted_on', 'c.note', 'c.added_by', 'c.added_at', 'u.display_name'])
    .where('c.review_id', '=', reviewId).orderBy('c.added_at').orderBy('c.id').execute();
  const names = new Map(rows.filter((r) => r.added_by && r.display_name).map((r) => [r.added_by!, r.display_name!]));
  return rows.map((r) => consultationOut(r, names));
}

const CONSULTING_STAGES = new Set(['nominating', 'answering', 'desk_review']);

export async function addConsultation(db: Db, actor: Actor, reviewId: string, b: { bodyName: string; sector: string; consultedOn?: string; note: string }) {
  return auditedRefusals(db, actor, reviewId, 'draft', 'consultation', () => inTransaction(db, async (trx) => {
    const review = await openReview(trx, actor, reviewId, 'draft', 'consultation', { forUpdate: true });
    if (review.standing.side !== 'reviewed') throw new ForbiddenError('Only the reviewed State’s focal point and experts record its national consultation');
    if (!CONSULTING_STAGES.has(review.row.stage)) throw new ConflictError(`The national consultation is recorded while the State answers (the review is at ${review.row.stage})`);
    const row = await trx.insertInto('review_consultations').values({
      review_id: reviewId, body_name: b.bodyName, sector: b.sector, consulted_on: b.consultedOn ?? null, note: b.note, added_by: actor.kind === 'user' ? actor.id : null,
    }).returningAll().executeTakeFirstOrThrow();
    await audit(trx, { actor: auditActor(actor), action: 'review.consultation.added', targetType: REVIEW_TARGET, targetId: reviewId, details: { sector: b.sector } });
    return consultationOut(row, new Map(actor.kind === 'user' ? [[actor.id, actor.displayName]] : []));
  }));
}
