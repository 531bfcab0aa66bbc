import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/**
 * The questionnaires' part of the web UI (texts under `reviewQuestionnaire.`): a review's questionnaire, answered by
 * the reviewed State and read by everyone in the review (/reviews/:id/questionnaire), and the public question sets
 * with the secretariat's draft editor (/review-questionnaires/*).
 */
export const reviewQuestionnaireUi: UiManifest = {
  name: 'reviewQuestionnaire',
  routes: [
    { path: 'reviews/:id/questionnaire', page: lazyPage(() => import('./QuestionnairePage.tsx'), 'QuestionnairePage') },
    { path: 'review-questionnaires/*', page: lazyPage(() => import('./SetsRoutes.tsx'), 'SetsRoutes') },
  ],
  nav: [{ label: 'reviewQuestionnaire.sets.title', to: '/review-questionnaires', order: 96, place: 'footer' }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
