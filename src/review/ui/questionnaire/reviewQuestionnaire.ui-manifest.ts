import { localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** STUB (contract) — owner: helper questionnaires. This part's pages, navigation and texts (texts under `reviewQuestionnaire.`). */
export const reviewQuestionnaireUi: UiManifest = {
  name: 'reviewQuestionnaire',
  routes: [],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })),
};
