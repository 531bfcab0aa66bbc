import { localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** STUB (contract) — owner: helper analysis. This part's pages, navigation and texts (texts under `reviewAnalysis.`). */
export const reviewAnalysisUi: UiManifest = {
  name: 'reviewAnalysis',
  routes: [],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { eager: true, import: 'default' })),
};
