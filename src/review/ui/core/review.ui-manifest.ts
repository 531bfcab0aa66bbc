import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/**
 * The reviews' part of the web UI (texts under `review.`): my reviews (/reviews), the nominations a State still owes
 * (/reviews/nominations), one review (/reviews/:id) and accepting an invitation (/review-invitations/:token).
 */
export const reviewUi: UiManifest = {
  name: 'review',
  routes: [
    { path: 'reviews', page: lazyPage(() => import('./ReviewListPage.tsx'), 'ReviewListPage') },
    { path: 'reviews/nominations', page: lazyPage(() => import('./NominationsPage.tsx'), 'NominationsPage') },
    { path: 'reviews/:id', page: lazyPage(() => import('./ReviewPage.tsx'), 'ReviewPage') },
    { path: 'review-invitations/:token', page: lazyPage(() => import('./InvitationPage.tsx'), 'InvitationPage') },
  ],
  // people of a State and the secretariat; the API decides who sees which review, this only hides the link
  nav: [{ label: 'review.nav', to: '/reviews', order: 80, testId: 'nav-reviews', visible: (v) => !!v && (!!v.state || v.roles.includes('secretariat')) }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
