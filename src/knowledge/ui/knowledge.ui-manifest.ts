import { lazyPage, type UiManifest } from '../../web/manifest.ts';

/** The knowledge portal's part of the web UI (composed in src/app/web.tsx). Its texts are in the platform's locale files. */
export const knowledgeUi: UiManifest = {
  name: 'knowledge',
  routes: [
    { path: 'search', page: lazyPage(() => import('./SearchPage.tsx'), 'SearchPage') },
    { path: 'records/:id', page: lazyPage(() => import('./RecordPage.tsx'), 'RecordPage') },
    { path: 'records/:id/versions', page: lazyPage(() => import('./RecordVersionsPage.tsx'), 'RecordVersionsPage') },
    { path: 'import', page: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage') },
    { path: 'open-data', page: lazyPage(() => import('./OpenDataPage.tsx'), 'OpenDataPage') },
  ],
  nav: [
    { label: 'nav.search', to: '/search', order: 10 },
    { label: 'nav.import', to: '/import', order: 80, visible: (v) => !!v?.roles.includes('secretariat'), testId: 'import-link' },
    { label: 'nav.openData', to: '/open-data', order: 10, place: 'footer' },
  ],
  homeCards: [{ to: '/search', title: 'nav.search', text: 'home.sections.search', order: 10 }],
  slots: {
    'home.top': [{ component: lazyPage(() => import('./HomeKnowledge.tsx'), 'HomeSearch'), order: 10 }],
    'home.bottom': [{ component: lazyPage(() => import('./HomeKnowledge.tsx'), 'NewestDocuments'), order: 10 }],
    'state.sections': [{ component: lazyPage(() => import('./StateKnowledge.tsx'), 'StateKnowledge'), order: 20 }],
    'inbox.sections': [{ component: lazyPage(() => import('./SavedSearchesSection.tsx'), 'SavedSearchesSection'), order: 10 }],
    'article.sections': [{ component: lazyPage(() => import('./ArticleKnowledge.tsx'), 'ArticleKnowledge'), order: 10 }],
  },
};
