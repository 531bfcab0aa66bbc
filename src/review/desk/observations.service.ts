import type { Selectable } from 'kysely';
import type { Actor } from '../../platform/auth/roles.ts';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/http/errors.ts';
import { listClusters } from '../../reference/reference.service.ts';
import { auditReviewRead, openReview, reviewTransaction, type LoadedReview } from '../review.access.ts';
import type { ReviewObservationsTable } from '../review.tables.ts';
import { assertReviewAction } from '../review.transitions.ts';
import type { ObservationKind, TaCategory } from '../review.vocabulary.ts';
import { auditDesk, idOf, iso, listStateFor, nameOf, publicationsOf, stepsOf, type Trx } from './desk.common.ts';
import type { ObservationDto } from './desk.schemas.ts';

/**
 * Each reviewing State's list of observations, prepared with the reviewed State during the observations stage
 * (resolution 8/2: gaps and challenges, good practices, suggestions, technical-assistance needs, tied to articles).
 * The focal points and experts of both sides draft it; the reviewed State's focal point agrees it; the reviewing
 * State's focal point submits it once agreed. Any change after the agreement withdraws it: it must be agreed again.
 */
type Row = Selectable<ReviewObservationsTable>;

export function observationDto(o: Row): ObservationDto {
  return {
    id: o.id, reviewingState: o.reviewing_state, kind: o.kind, taCategory: o.ta_category, instrument: o.instrument_code,
    articles: o.articles, text: o.text, ordinal: o.ordinal, version: o.version, author: o.author_name, updatedAt: iso(o.updated_at),
  };
}

export async function listObservations(db: Db, actor: Actor, reviewId: string, state?: string) {
  const review = await openReview(db, actor, reviewId, 'view', 'observations');
  await auditReviewRead(db, actor, reviewId, 'observations', state ? { state } : {});
  const [items, steps, pubs] = await Promise.all([
    db.selectFrom('review_observations').selectAll().where('review_id', '=', reviewId).orderBy('ordinal').orderBy('created_at').execute(),
    stepsOf(db, reviewId), publicationsOf(db, reviewId),
  ]);
  const stamp = (s: string, step: string) => { const r = steps.find((x) => x.reviewing_state === s && x.step === step); return r ? { at: iso(r.done_at), by: r.done_by_name } : null; };
  const lists = review.reviewers.filter((s) => !state || s === state).map((s) => {
    const p = pubs.find((x) => x.reviewing_state === s && x.output === 'observations');
    return {
      reviewingState: s,
      items: items.filter((o) => o.reviewing_state === s).map(observationDto),
      agreed: stamp(s, 'observations_agreed'),
      submitted: stamp(s, 'observations'),
      published: p ? { at: iso(p.published_at), by: p.published_by_name } : null,
    };
  });
  return { lists };
}

/** Articles of the review's cluster for an instrument of the review (reference data). */
async function assertArticles(trx: Trx, review: LoadedReview, instrument: string, articles: number[]) {
  if (!review.row.instruments.includes(instrument)) {
    throw new ValidationError(`${instrument} is not reviewed here`, [{ path: 'body.instrument', message: `must be one of ${review.row.instruments.join(', ')}` }]);
  }
  const cluster = (await listClusters(trx, 'en')).find((c) => c.code === review.row.cluster_code);
  const allowed = new Set((cluster?.articles ?? []).filter((a) => a.instrument === instrument).map((a) => a.article));
  const bad = [...new Set(articles)].filter((a) => !allowed.has(a));
  if (bad.length) {
    throw new ValidationError(`Not articles of this cluster for ${instrument}: ${bad.join(', ')}`, [{ path: 'body.articles', message: `must be among ${[...allowed].sort((a, b) => a - b).join(', ')}` }]);
  }
}

function assertCategory(kind: ObservationKind, category: string | null | undefined) {
  if (kind === 'ta_need' && !category) throw new ValidationError('A technical-assistance need has a category', [{ path: 'body.taCategory', message: 'required for a ta_need' }]);
  if (kind !== 'ta_need' && category) throw new ValidationError('Only a technical-assistance need has a category', [{ path: 'body.taCategory', message: 'only for a ta_need' }]);
}

/** The list can still change (not submitted) — and if the reviewed State had agreed it, the change withdraws that. */
async function beforeChange(trx: Trx, actor: Actor, review: LoadedReview, state: string) {
  const steps = await trx.selectFrom('review_steps').select('step').where('review_id', '=', review.id).where('reviewing_state', '=', state).execute();
  if (steps.some((s) => s.step === 'observations')) throw new ConflictError(`${state}’s list of observations has been submitted: it no longer changes`);
  if (steps.some((s) => s.step === 'observations_agreed')) {
    await trx.deleteFrom('review_steps').where('review_id', '=', review.id).where('reviewing_state', '=', state).where('step', '=', 'observations_agreed').execute();
    await auditDesk(trx, actor, review.id, 'review.review.action', { action: 'agreement_withdrawn', step: 'observations_agreed', reviewingState: state, reason: 'the list changed after it was agreed' });
  }
}

async function itemOf(trx: Trx, review: LoadedReview, oid: string): Promise<Row> {
  const o = await trx.selectFrom('review_observations').selectAll().where('id', '=', oid).where('review_id', '=', review.id).forUpdate().executeTakeFirst();
  if (!o) throw new NotFoundError(`No observation ${oid}`);
  return o;
}

export interface NewObservation { reviewingState: string; kind: ObservationKind; taCategory?: TaCategory | undefined; instrument: string; articles: number[]; text: string }

export async function createObservation(db: Db, actor: Actor, reviewId: string, input: NewObservation): Promise<ObservationDto> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'draft_observation', 'observations');
    const state = listStateFor(review, input.reviewingState, 'list of observations');
    assertCategory(input.kind, input.taCategory);
    await assertArticles(trx, review, input.instrument, input.articles);
    await beforeChange(trx, actor, review, state);
    const last = await trx.selectFrom('review_observations').select((eb) => eb.fn.max('ordinal').as('m')).where('review_id', '=', reviewId).where('reviewing_state', '=', state).executeTakeFirst();
    const row = await trx.insertInto('review_observations').values({
      review_id: reviewId, reviewing_state: state, kind: input.kind, ta_category: input.taCategory ?? null, instrument_code: input.instrument,
      articles: [...new Set(input.articles)].sort((a, b) => a - b), text: input.text, ordinal: (last?.m ?? 0) + 1, author_id: idOf(actor), author_name: nameOf(actor),
    }).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.observation.saved', { observation: row.id, reviewingState: state, event: 'created' });
    return observationDto(row);
  });
}

export interface ObservationPatch { version: number; kind?: ObservationKind | undefined; taCategory?: TaCategory | null | undefined; instrument?: string | undefined; articles?: number[] | undefined; text?: string | undefined }

export async function updateObservation(db: Db, actor: Actor, reviewId: string, oid: string, patch: ObservationPatch): Promise<ObservationDto> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'draft_observation', 'observations');
    const o = await itemOf(trx, review, oid);
    listStateFor(review, o.reviewing_state, 'list of observations');
    if (o.version !== patch.version) throw new ConflictError(`Someone changed this observation since you read it (version ${o.version}, you sent ${patch.version}): reload it`);
    const kind = patch.kind ?? o.kind;
    const category = patch.taCategory !== undefined ? patch.taCategory : kind === 'ta_need' ? o.ta_category : null;
    assertCategory(kind, category);
    const instrument = patch.instrument ?? o.instrument_code;
    const articles = patch.articles ? [...new Set(patch.articles)].sort((a, b) => a - b) : o.articles;
    if (patch.instrument || patch.articles) await assertArticles(trx, review, instrument, articles);
    await beforeChange(trx, actor, review, o.reviewing_state);
    const row = await trx.updateTable('review_observations').set({
      kind, ta_category: category ?? null, instrument_code: instrument, articles, text: patch.text ?? o.text,
      version: o.version + 1, updated_at: new Date(), author_id: idOf(actor), author_name: nameOf(actor),
    }).where('id', '=', oid).returningAll().executeTakeFirstOrThrow();
    await auditDesk(trx, actor, reviewId, 'review.observation.saved', { observation: oid, reviewingState: o.reviewing_state, event: 'updated' });
    return observationDto(row);
  });
}

export async function deleteObservation(db: Db, actor: Actor, reviewId: string, oid: string): Promise<void> {
  await reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'draft_observation', 'observations');
    const o = await itemOf(trx, review, oid);
    listStateFor(review, o.reviewing_state, 'list of observations');
    await beforeChange(trx, actor, review, o.reviewing_state);
    await trx.deleteFrom('review_observations').where('id', '=', oid).execute();
    await auditDesk(trx, actor, reviewId, 'review.observation.deleted', { observation: oid, reviewingState: o.reviewing_state });
  });
}

/** A new order for a whole list: the ids must be exactly the list's items. */
export async function reorderObservations(db: Db, actor: Actor, reviewId: string, input: { reviewingState: string; ids: string[] }): Promise<ObservationDto[]> {
  return reviewTransaction(db, async (trx) => {
    const { review } = await assertReviewAction(trx, actor, reviewId, 'draft_observation', 'observations');
    const state = listStateFor(review, input.reviewingState, 'list of observations');
    const items = await trx.selectFrom('review_observations').select('id').where('review_id', '=', reviewId).where('reviewing_state', '=', state).execute();
    const have = new Set(items.map((i) => i.id));
    if (input.ids.length !== have.size || new Set(input.ids).size !== have.size || input.ids.some((id) => !have.has(id))) {
      throw new ValidationError('The new order must name every item of the list once', [{ path: 'body.ids', message: 'must be exactly the list’s items' }]);
    }
    await beforeChange(trx, actor, review, state);
    for (const [i, id] of input.ids.entries()) await trx.updateTable('review_observations').set({ ordinal: i + 1 }).where('id', '=', id).execute();
    await auditDesk(trx, actor, reviewId, 'review.observation.saved', { reviewingState: state, event: 'reordered' });
    const rows = await trx.selectFrom('review_observations').selectAll().where('review_id', '=', reviewId).where('reviewing_state', '=', state).orderBy('ordinal').execute();
    return rows.map(observationDto);
  });
}
