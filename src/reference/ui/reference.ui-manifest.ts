import { lazyPage, type UiManifest } from '../../web/manifest.ts';

const article = lazyPage(() => import('./ArticlePage.tsx'), 'ArticlePage');

/** The reference data's part of the web UI (composed in src/app/web.tsx). Its texts are in the platform's locale files. */
export const referenceUi: UiManifest = {
  name: 'reference',
  routes: [
    { path: 'instruments', page: lazyPage(() => import('./InstrumentsPage.tsx'), 'InstrumentsPage') },
    { path: 'instruments/:code', page: lazyPage(() => import('./InstrumentPage.tsx'), 'InstrumentPage') },
    { path: 'instruments/:code/articles/:article', page: article },
    // the form the links from knowledge records use
    { path: 'articles/:code/:article', page: article },
    { path: 'clusters', page: lazyPage(() => import('./ClustersPage.tsx'), 'ClustersPage') },
    { path: 'states', page: lazyPage(() => import('./StatesPage.tsx'), 'StatesPage') },
    { path: 'states/:iso3', page: lazyPage(() => import('./StatePage.tsx'), 'StatePage') },
  ],
  nav: [
    { label: 'nav.instruments', to: '/instruments', order: 20 },
    { label: 'nav.clusters', to: '/clusters', order: 30 },
    { label: 'nav.states', to: '/states', order: 40 },
  ],
  homeCards: [
    { to: '/instruments', title: 'nav.instruments', text: 'home.sections.instruments', order: 20 },
    { to: '/clusters', title: 'nav.clusters', text: 'home.sections.clusters', order: 30 },
    { to: '/states', title: 'nav.states', text: 'home.sections.states', order: 40 },
  ],
};
