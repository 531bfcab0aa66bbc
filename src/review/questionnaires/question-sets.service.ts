import type { Selectable, Transaction } from 'kysely';
import { audit } from '../../platform/audit/audit.service.ts';
import { auditActor } from '../../platform/auth/accounts.service.ts';
import { hasRole, type Actor } from '../../platform/auth/roles.ts';
import type { Database, Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { isLanguage, LANGUAGES, type Language } from '../../platform/i18n/languages.ts';
import type { ReviewQuestionSetsTable, ReviewQuestionsTable } from '../review.tables.ts';
import { questionContentHash } from './content-hash.ts';
import type { QuestionInput, QuestionSetDocument } from './questionnaires.schemas.ts';

/**
 * Versioned question sets (one per instrument and cluster and version). The secretariat creates a new version as a
 * draft (copied from the previous one or given whole), edits it, and publishes it; publishing supersedes the version
 * published before. A published (or superseded) version never changes: answers point at its questions.
 */

type Conn = Db | Transaction<Database>;
export type SetRow = Selectable<ReviewQuestionSetsTable>;
export type QuestionRow = Selectable<ReviewQuestionsTable>;
const Q_TARGET = 'review_question_set';

/** The text in the viewer's language, else English, else any; says which language it is and whether it fell back. */
export function localize(texts: Record<string, string> | null | undefined, lang: Language): { text: string; lang: string; fallback: boolean } | null {
  if (!texts) return null;
  if (texts[lang]) return { text: texts[lang], lang, fallback: false };
  const other = texts.en ? 'en' : LANGUAGES.find((l) => texts[l]) ?? Object.keys(texts)[0];
  return other && texts[other] ? { text: texts[other], lang: other, fallback: true } : null;
}

export const viewerLanguage = (actor: Actor, asked?: string): Language =>
  isLanguage(asked) ? asked : actor.kind === 'user' && isLanguage(actor.language) ? actor.language : 'en';

export function questionOut(q: QuestionRow, lang: Language) {
  return {
    id: q.id, key: q.key, article: q.article, paragraph: q.paragraph, ordinal: q.ordinal, answerType: q.answer_type,
    text: localize(q.texts, lang) ?? { text: q.key, lang: 'en', fallback: true },
    guidance: localize(q.guidance, lang),
    texts: q.texts, contentSha256: q.content_sha256,
  };
}

function setOut(s: SetRow, count: number, lang: Language) {
  return {
    id: s.id, instrument: s.instrument_code, cluster: s.cluster_code, version: s.version, status: s.status,
    title: localize(s.title, lang) ?? { text: `${s.instrument_code} — ${s.cluster_code}`, lang: 'en', fallback: true },
    titles: s.title, publishedAt: s.published_at?.toISOString() ?? null, createdAt: s.created_at.toISOString(), questionCount: count,
  };
}

/** The command line acts as a user with the nil id, who is not in the users table: no author then (the audit log says cli:…). */
const createdBy = (actor: Actor) => (actor.kind === 'user' && actor.id !== '00000000-0000-0000-0000-000000000000' ? actor.id : null);

const isSecretariat = (actor: Actor) => hasRole(actor, 'secretariat');

/** Question sets (published by default); drafts only for the secretariat. Ordered by instrument, cluster, version. */
export async function listSets(db: Conn, actor: Actor, f: { instrument?: string; cluster?: string; status: string; lang?: string }) {
  let q = db.selectFrom('review_question_sets as s')
    .select((eb) => ['s.id', 's.instrument_code', 's.cluster_code', 's.version', 's.status', 's.title', 's.published_at', 's.created_by', 's.created_at',
      eb.selectFrom('review_questions as q').select((e) => e.fn.countAll<number>().as('n')).whereRef('q.set_id', '=', 's.id').as('n')]);
  if (f.instrument) q = q.where('s.instrument_code', '=', f.instrument);
  if (f.cluster) q = q.where('s.cluster_code', '=', f.cluster);
  if (f.status !== 'all') q = q.where('s.status', '=', f.status as SetRow['status']);
  if (!isSecretariat(actor)) q = q.where('s.status', '!=', 'draft');
  const rows = await q.orderBy('s.instrument_code').orderBy('s.cluster_code').orderBy('s.version', 'desc').execute();
  const lang = viewerLanguage(actor, f.lang);
  return rows.map((r) => setOut(r, Number(r.n ?? 0), lang));
}

export async function questionsOf(db: Conn, setIds: readonly string[]): Promise<QuestionRow[]> {
  if (setIds.length === 0) return [];
  return db.selectFrom('review_questions').selectAll().where('set_id', 'in', [...setIds]).orderBy('set_id').orderBy('ordinal').execute();
}

async function findSet(db: Conn, actor: Actor, id: string, forUpdate = false): Promise<SetRow> {
  let q = db.selectFrom('review_question_sets').selectAll().where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const s = await q.executeTakeFirst();
  // A draft is the secretariat's work in progress: for anyone else it does not exist.
  if (!s || (s.status === 'draft' && !isSecretariat(actor))) throw new NotFoundError(`No question set ${id}`);
  return s;
}

export async function getSet(db: Conn, actor: Actor, id: string, lang?: string) {
  const s = await findSet(db, actor, id);
  const qs = await questionsOf(db, [s.id]);
  const l = viewerLanguage(actor, lang);
  return { ...setOut(s, qs.length, l), questions: qs.map((q) => questionOut(q, l)) };
}

function questionRows(setId: string, questions: QuestionInput[]) {
  return questions.map((q, i) => {
    const texts = q.texts as Record<string, string>;
    return {
      set_id: setId, key: q.key, article: q.article, paragraph: q.paragraph ?? null, ordinal: i + 1, answer_type: q.answerType,
      texts: JSON.stringify(texts) as unknown as Record<string, string>, guidance: JSON.stringify(q.guidance ?? {}) as unknown as Record<string, string>,
      content_sha256: questionContentHash({ article: q.article, paragraph: q.paragraph ?? null, answerType: q.answerType, texts }),
    };
  });
}

/** Articles of the cluster for the instrument (reference data): a question on another article is refused. */
async function checkArticles(db: Conn, instrument: string, cluster: string, questions: QuestionInput[], path: string) {
  const arts = await db.selectFrom('cluster_articles').select('article').where('cluster_code', '=', cluster).where('instrument_code', '=', instrument).execute();
  if (arts.length === 0) throw new ValidationError(`The cluster ${cluster} has no articles of ${instrument}`, [{ path: `${path}.cluster`, message: 'unknown cluster for this instrument' }]);
  const allowed = new Set(arts.map((a) => a.article));
  const issues = questions.flatMap((q, i) => (allowed.has(q.article) ? [] : [{ path: `${path}.questions.${i}.article`, message: `article ${q.article} of ${instrument} is not in the cluster ${cluster}` }]));
  if (issues.length) throw new ValidationError(issues[0]!.message, issues);
}

/** A new version (the next number) as a draft, or published at once (the standard questionnaires, the CLI's --publish). */
export async function createVersion(db: Conn, actor: Actor, doc: QuestionSetDocument, opts: { publish?: boolean; path?: string } = {}) {
  await checkArticles(db, doc.instrument, doc.cluster, doc.questions, opts.path ?? 'body');
  return inTransaction(db, async (trx) => {
    // Serialise versions of one instrument and cluster (two secretariat members creating at once).
    await trx.selectFrom('instruments').select('code').where('code', '=', doc.instrument).forUpdate().execute();
    const open = await trx.selectFrom('review_question_sets').select('version').where('instrument_code', '=', doc.instrument)
      .where('cluster_code', '=', doc.cluster).where('status', '=', 'draft').executeTakeFirst();
    if (open) throw new ConflictError(`Version ${open.version} of ${doc.instrument} — ${doc.cluster} is still a draft: edit or publish it first`);
    const last = await trx.selectFrom('review_question_sets').select((e) => e.fn.max('version').as('v'))
      .where('instrument_code', '=', doc.instrument).where('cluster_code', '=', doc.cluster).executeTakeFirst();
    const set = await trx.insertInto('review_question_sets').values({
      instrument_code: doc.instrument, cluster_code: doc.cluster, version: Number(last?.v ?? 0) + 1, title: JSON.stringify(doc.title) as unknown as Record<string, string>,
      created_by: createdBy(actor),
    }).returningAll().executeTakeFirstOrThrow();
    await trx.insertInto('review_questions').values(questionRows(set.id, doc.questions)).execute();
    await audit(trx, { actor: auditActor(actor), action: 'review.questionnaire.created', targetType: Q_TARGET, targetId: set.id, details: { instrument: doc.instrument, cluster: doc.cluster, version: set.version } });
    return opts.publish ? publishIn(trx, actor, set) : set;
  });
}

/** The document of a version (to copy into a new draft, or to export). */
export async function documentOf(db: Conn, s: SetRow): Promise<QuestionSetDocument> {
  const qs = await questionsOf(db, [s.id]);
  return {
    instrument: s.instrument_code as QuestionSetDocument['instrument'], cluster: s.cluster_code, title: s.title,
    questions: qs.map((q) => ({ key: q.key, article: q.article, paragraph: q.paragraph, answerType: q.answer_type, texts: q.texts, guidance: q.guidance })),
  };
}

/** A new draft copied from a version (default: the latest one), or from a given document. */
export async function newDraft(db: Db, actor: Actor, b: { instrument: QuestionSetDocument['instrument']; cluster: string; fromSetId?: string; document?: Omit<QuestionSetDocument, 'instrument' | 'cluster'> }) {
  if (b.document) return createVersion(db, actor, { ...b.document, instrument: b.instrument, cluster: b.cluster }, { path: 'body.document' });
  let from: SetRow | undefined;
  if (b.fromSetId) from = await findSet(db, actor, b.fromSetId);
  else from = await db.selectFrom('review_question_sets').selectAll().where('instrument_code', '=', b.instrument).where('cluster_code', '=', b.cluster).orderBy('version', 'desc').executeTakeFirst();
  if (!from) throw new ValidationError(`No version of ${b.instrument} — ${b.cluster} to copy: give the document`, [{ path: 'body.document', message: 'required for the first version' }]);
  if (from.instrument_code !== b.instrument || from.cluster_code !== b.cluster) throw new ValidationError('The version to copy is of another instrument or cluster', [{ path: 'body.fromSetId', message: 'must be a version of the same instrument and cluster' }]);
  return createVersion(db, actor, await documentOf(db, from));
}

/** Replaces the title and questions of a draft. A published version never changes (409). */
export async function editDraft(db: Db, actor: Actor, id: string, doc: Omit<QuestionSetDocument, 'instrument' | 'cluster'>) {
  return inTransaction(db, async (trx) => {
    const s = await findSet(trx, actor, id, true);
    if (s.status !== 'draft') throw new ConflictError(`Version ${s.version} is ${s.status}: a published questionnaire never changes; create a new version`);
    await checkArticles(trx, s.instrument_code, s.cluster_code, doc.questions, 'body');
    await trx.deleteFrom('review_questions').where('set_id', '=', s.id).execute();
    await trx.insertInto('review_questions').values(questionRows(s.id, doc.questions)).execute();
    const row = await trx.updateTable('review_question_sets').set({ title: JSON.stringify(doc.title) as unknown as Record<string, string> }).where('id', '=', s.id).returningAll().executeTakeFirstOrThrow();
    await audit(trx, { actor: auditActor(actor), action: 'review.questionnaire.created', targetType: Q_TARGET, targetId: s.id, details: { edited: true, version: s.version, questions: doc.questions.length } });
    return row;
  });
}

async function publishIn(trx: Transaction<Database>, actor: Actor, s: SetRow): Promise<SetRow> {
  await trx.updateTable('review_question_sets').set({ status: 'superseded' })
    .where('instrument_code', '=', s.instrument_code).where('cluster_code', '=', s.cluster_code).where('status', '=', 'published').execute();
  const row = await trx.updateTable('review_question_sets').set({ status: 'published', published_at: new Date() }).where('id', '=', s.id).returningAll().executeTakeFirstOrThrow();
  await audit(trx, { actor: auditActor(actor), action: 'review.questionnaire.published', targetType: Q_TARGET, targetId: s.id, details: { instrument: s.instrument_code, cluster: s.cluster_code, version: s.version } });
  return row;
}

/** Publishes a draft; the version published before becomes superseded (reviews already answering keep theirs). */
export async function publish(db: Db, actor: Actor, id: string) {
  return inTransaction(db, async (trx) => {
    const s = await findSet(trx, actor, id, true);
    if (s.status !== 'draft') throw new ConflictError(`Version ${s.version} is already ${s.status}`);
    return publishIn(trx, actor, s);
  });
}

/** The export document: the latest published version of each instrument and cluster (filters optional). */
export async function exportSets(db: Db, f: { instrument?: string; cluster?: string } = {}): Promise<{ sets: QuestionSetDocument[] }> {
  let q = db.selectFrom('review_question_sets').selectAll().where('status', '=', 'published');
  if (f.instrument) q = q.where('instrument_code', '=', f.instrument);
  if (f.cluster) q = q.where('cluster_code', '=', f.cluster);
  const rows = await q.orderBy('instrument_code').orderBy('cluster_code').execute();
  return { sets: await Promise.all(rows.map((s) => documentOf(db, s))) };
}

export { findSet };
