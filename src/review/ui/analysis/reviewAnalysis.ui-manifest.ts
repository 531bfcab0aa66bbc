import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/** The secretariat's analysis of the reviews (texts under `reviewAnalysis.`): /review-analysis. */
export const reviewAnalysisUi: UiManifest = {
  name: 'reviewAnalysis',
  routes: [{ path: 'review-analysis/*', page: lazyPage(() => import('./AnalysisRoutes.tsx'), 'AnalysisRoutes') }],
  nav: [{ label: 'reviewAnalysis.nav', to: '/review-analysis', order: 86, visible: (v) => !!v?.roles.includes('secretariat'), testId: 'nav-review-analysis' }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
