import { localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** STUB (contract) — owner: helper reviews. This part's pages, navigation and texts (texts under `review.`). */
export const reviewUi: UiManifest = {
  name: 'review',
  routes: [],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })),
};
