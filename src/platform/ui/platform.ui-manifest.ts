import { lazyPage, type UiManifest } from '../../web/manifest.ts';

/**
 * The platform's own pages that take part in navigation like a module's (composed in src/app/web.tsx): the
 * inbox of every module's notices, with the sections modules add below them (slot `inbox.sections`).
 */
export const platformUi: UiManifest = {
  name: 'platform',
  routes: [{ path: 'inbox', page: lazyPage(() => import('./InboxRoute.tsx'), 'InboxRoute') }],
  nav: [{ label: 'nav.inbox', to: '/inbox', order: 70, visible: (v) => v !== null, component: lazyPage(() => import('./InboxNavLink.tsx'), 'InboxNavLink') }],
};
