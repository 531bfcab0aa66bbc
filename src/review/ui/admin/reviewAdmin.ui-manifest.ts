import { localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** STUB (contract) — owner: helper draws. This part's pages, navigation and texts (texts under `reviewAdmin.`). */
export const reviewAdminUi: UiManifest = {
  name: 'reviewAdmin',
  routes: [],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })),
};
