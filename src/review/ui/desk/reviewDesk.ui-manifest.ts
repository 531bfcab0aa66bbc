import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/**
 * The desk review's part of the web UI: a review's desk (feedback and clarifications, lists of observations,
 * summaries, publication) under /reviews/:id/desk/, and the public pages of published outputs under
 * /review-published/ (texts under `reviewDesk.`).
 */
export const reviewDeskUi: UiManifest = {
  name: 'reviewDesk',
  routes: [
    { path: 'reviews/:id/desk/*', page: lazyPage(() => import('./DeskRoutes.tsx'), 'DeskRoutes') },
    { path: 'review-published/*', page: lazyPage(() => import('./PublishedRoutes.tsx'), 'PublishedRoutes') },
  ],
  nav: [{ label: 'reviewDesk.published.nav', to: '/review-published', order: 95, place: 'footer' }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
