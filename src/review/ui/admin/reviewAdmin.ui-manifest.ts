import { lazyPage, localesFrom, type UiManifest } from '../../../web/manifest.ts';

/**
 * Review cycles and draws in the web UI (texts under `reviewAdmin.`): the secretariat's cycles, work plan, groups
 * and draw flow under /review-admin/, and the public draw records under /review-draws/ (anyone can verify a draw).
 */
export const reviewAdminUi: UiManifest = {
  name: 'reviewAdmin',
  routes: [
    { path: 'review-admin/*', page: lazyPage(() => import('./AdminRoutes.tsx'), 'AdminRoutes') },
    { path: 'review-draws/*', page: lazyPage(() => import('./PublicDrawRoutes.tsx'), 'PublicDrawRoutes') },
  ],
  nav: [
    { label: 'reviewAdmin.nav', to: '/review-admin', order: 82, visible: (v) => !!v?.roles.includes('secretariat'), testId: 'nav-review-admin' },
    { label: 'reviewAdmin.public.title', to: '/review-draws', order: 82, place: 'footer' },
  ],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
