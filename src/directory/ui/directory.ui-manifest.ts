import { lazyPage, localesFrom, type UiManifest } from '../../web/manifest.ts';

/** The directory's part of the web UI (composed in src/app/web.tsx). */
export const directoryUi: UiManifest = {
  name: 'directory',
  routes: [{ path: 'directory/*', page: lazyPage(() => import('./DirectoryRoutes.tsx'), 'DirectoryRoutes') }],
  nav: [{ label: 'directory.nav', to: '/directory', order: 50 }],
  slots: {
    'state.sections': [{ component: lazyPage(() => import('./StateDirectorySection.tsx'), 'StateDirectorySection'), order: 10 }],
  },
  locales: localesFrom(import.meta.glob<Record<string, unknown>>('./locales/*.json', { import: 'default' })),
};
