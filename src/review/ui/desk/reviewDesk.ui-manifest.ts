import { localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** STUB (contract) — owner: helper desk. This part's pages, navigation and texts (texts under `reviewDesk.`). */
export const reviewDeskUi: UiManifest = {
  name: 'reviewDesk',
  routes: [],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })),
};
