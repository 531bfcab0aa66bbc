import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/**
 * The case statistics' part of the web UI: a State's own statistics (officers) and the secretariat's view of the
 * aggregates States submitted. Its own manifest (texts under `caseStats.`) so that its pages and texts live apart
 * from the work queue's.
 */
export const caseStatsUi: UiManifest = {
  name: 'caseStats',
  routes: [{ path: 'case-statistics/*', page: lazyPage(() => import('./StatsRoutes.tsx'), 'StatsRoutes') }],
  nav: [{ label: 'caseStats.nav', to: '/case-statistics', order: 75, visible: (v) => !!v?.roles.some((r) => r === 'officer' || r === 'secretariat') }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
