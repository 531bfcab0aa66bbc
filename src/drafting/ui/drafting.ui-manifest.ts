import { lazyPage, localesFrom, type UiManifest } from '../../web/manifest.ts';

/** The request writer's part of the web UI (composed in src/app/web.tsx). */
export const draftingUi: UiManifest = {
  name: 'drafting',
  routes: [{ path: 'drafting/*', page: lazyPage(() => import('./DraftingRoutes.tsx'), 'DraftingRoutes') }],
  // drafts are written by practitioners and central-authority officers; the API decides, this only hides the link
  nav: [{ label: 'drafting.nav', to: '/drafting', order: 60, visible: (v) => !!v?.roles.some((r) => r === 'practitioner' || r === 'officer') }],
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
