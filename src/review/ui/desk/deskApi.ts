/** The desk review pages' calls, on the generated client (paths, bodies and answers checked against the API). */
import type { components } from '../../../../generated/api-schema.d.ts';
import { api, ok } from '../../../web/api/client.ts';

type S = components['schemas'];
export type Review = S['Review'];
export type Questionnaire = S['ReviewQuestionnaire'];
export type Thread = S['ReviewThread'];
export type Comment = S['ReviewComment'];
export type ObservationList = S['ReviewObservationList'];
export type Observation = S['ReviewObservation'];
export type Summary = S['ReviewSummary'];
export type PublishedReview = S['PublishedReview'];
export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export type NewObservation = { reviewingState: string; kind: Observation['kind']; taCategory?: string; instrument: string; articles: number[]; text: string };

const path = (id: string) => ({ params: { path: { id } } });

export const deskApi = {
  review: (id: string, lang: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}', { params: { path: { id }, query: { lang: lang as never } }, signal })),
  questionnaire: (id: string, lang: Lang, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}/questionnaire', { params: { path: { id }, query: { lang } }, signal })),
  threads: (id: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}/comments', { params: { path: { id }, query: {} }, signal })),
  comment: (id: string, body: { kind: Comment['kind']; body: string; questionId?: string; parentId?: string; dueOn?: string }) =>
    ok(api.POST('/api/v1/reviews/{id}/comments', { ...path(id), body })),
  editComment: (id: string, cid: string, body: { body?: string; dueOn?: string }) => ok(api.PATCH('/api/v1/reviews/{id}/comments/{cid}', { params: { path: { id, cid } }, body })),
  send: (id: string, cid: string) => ok(api.POST('/api/v1/reviews/{id}/comments/{cid}/send', { params: { path: { id, cid } } })),
  step: (id: string, body: { step: 'feedback' | 'observations_agreed' | 'observations' | 'summary'; reviewingState?: string }) =>
    ok(api.POST('/api/v1/reviews/{id}/steps', { ...path(id), body })),
  observations: (id: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}/observations', { params: { path: { id }, query: {} }, signal })),
  addObservation: (id: string, body: NewObservation) => ok(api.POST('/api/v1/reviews/{id}/observations', { ...path(id), body: body as never })),
  editObservation: (id: string, oid: string, body: { version: number } & Partial<NewObservation>) =>
    ok(api.PATCH('/api/v1/reviews/{id}/observations/{oid}', { params: { path: { id, oid } }, body: body as never })),
  deleteObservation: (id: string, oid: string) => ok(api.DELETE('/api/v1/reviews/{id}/observations/{oid}', { params: { path: { id, oid } } })),
  summaries: (id: string, signal?: AbortSignal) => ok(api.GET('/api/v1/reviews/{id}/summaries', { ...path(id), signal })),
  saveSummary: (id: string, state: string, body: { text: string; version?: number }) => ok(api.PUT('/api/v1/reviews/{id}/summaries/{state}', { params: { path: { id, state } }, body })),
  publish: (id: string, body: { output: 'observations' | 'summary'; reviewingState: string }) => ok(api.POST('/api/v1/reviews/{id}/publications', { ...path(id), body })),
  published: (lang: Lang, signal?: AbortSignal) => ok(api.GET('/api/v1/review/published', { params: { query: { lang } }, signal })),
  publishedReview: (reviewId: string, lang: Lang, signal?: AbortSignal) => ok(api.GET('/api/v1/review/published/{reviewId}', { params: { path: { reviewId }, query: { lang } }, signal })),
};

/** Whether the viewer may take a workflow action now, and why not (the review's `actions`, reasons as the server words them). */
export function actionOf(review: Review, action: string): { allowed: boolean; reasons: Array<{ code: string; message: string }> } {
  const a = review.actions.find((x) => x.action === action);
  return { allowed: !!a?.allowed, reasons: a && !a.allowed ? a.reasons : [] };
}
