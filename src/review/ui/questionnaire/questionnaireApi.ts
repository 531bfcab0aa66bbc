import type { components } from '../../../../generated/api-schema.d.ts';
import { api, ok } from '../../../web/api/client.ts';
import { useApi } from '../../../web/useApi.ts';

/** The questionnaires API's shapes (review/questionnaires/questionnaires.schemas.ts), from the generated schema. */
type S = components['schemas'];
export type Questionnaire = S['ReviewQuestionnaire'];
export type QuestionView = Questionnaire['instruments'][number]['articles'][number]['questions'][number];
export type Answer = S['ReviewAnswer'];
export type Consultation = S['ReviewConsultation'];
export type QuestionSet = S['ReviewQuestionSet'];
export type QuestionSetFull = S['ReviewQuestionSetWithQuestions'];
export type Review = S['Review'];
export type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

export function useQuestionnaire(id: string, lang: string, deps: readonly unknown[]) {
  return useApi((signal) => ok(api.GET('/api/v1/reviews/{id}/questionnaire', { params: { path: { id }, query: { lang: lang as Lang } }, signal })), [id, lang, ...deps]);
}
export function useReview(id: string, lang: string, deps: readonly unknown[]) {
  return useApi((signal) => ok(api.GET('/api/v1/reviews/{id}', { params: { path: { id }, query: { lang: lang as Lang } }, signal })), [id, lang, ...deps]);
}
export const saveAnswer = (id: string, questionId: string, body: { value: Record<string, unknown>; version?: number; prefilledFrom?: string }) =>
  ok(api.PUT('/api/v1/reviews/{id}/answers/{questionId}', { params: { path: { id, questionId } }, body }));
export const submitAnswers = (id: string) => ok(api.POST('/api/v1/reviews/{id}/actions', { params: { path: { id } }, body: { action: 'submit_answers' } }));

export function useConsultations(id: string, deps: readonly unknown[]) {
  return useApi((signal) => ok(api.GET('/api/v1/reviews/{id}/consultations', { params: { path: { id } }, signal })), [id, ...deps]);
}
export const addConsultation = (id: string, body: { bodyName: string; sector: Consultation['sector']; consultedOn?: string; note: string }) =>
  ok(api.POST('/api/v1/reviews/{id}/consultations', { params: { path: { id } }, body }));

export function useQuestionSets(lang: string, status: 'published' | 'all', deps: readonly unknown[] = []) {
  return useApi((signal) => ok(api.GET('/api/v1/review/question-sets', { params: { query: { lang: lang as Lang, status } }, signal })), [lang, status, ...deps]);
}
export function useQuestionSet(id: string, lang: string, deps: readonly unknown[]) {
  return useApi((signal) => ok(api.GET('/api/v1/review/question-sets/{id}', { params: { path: { id }, query: { lang: lang as Lang } }, signal })), [id, lang, ...deps]);
}
export const newVersion = (instrument: QuestionSet['instrument'], cluster: string) =>
  ok(api.POST('/api/v1/review/question-sets', { body: { instrument: instrument as 'UNTOC', cluster } }));
export const editDraft = (id: string, body: { title: Record<string, string>; questions: Array<{ key: string; article: number; paragraph?: string | null; answerType: QuestionView['answerType']; texts: Record<string, string>; guidance?: Record<string, string> }> }) =>
  ok(api.PUT('/api/v1/review/question-sets/{id}', { params: { path: { id } }, body }));
export const publishDraft = (id: string) => ok(api.POST('/api/v1/review/question-sets/{id}/publish', { params: { path: { id } } }));
