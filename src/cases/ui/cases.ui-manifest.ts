import { lazyPage, localesFrom, type UiManifest } from '../../web/manifest.ts';

/** The case tracker's part of the web UI (composed in src/app/web.tsx): work queues, cases, registering a case. */
export const casesUi: UiManifest = {
  name: 'cases',
  routes: [{ path: 'cases/*', page: lazyPage(() => import('./CasesRoutes.tsx'), 'CasesRoutes') }],
  // cases are handled by central-authority officers and assigned practitioners; the API decides, this only hides the link
  nav: [{ label: 'cases.nav', to: '/cases', order: 70, visible: (v) => !!v?.state && !!v.roles.some((r) => r === 'practitioner' || r === 'officer') }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
