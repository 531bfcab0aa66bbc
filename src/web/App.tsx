import { Route, Routes } from 'react-router';
import { DirectoryRoutes } from '../directory/ui/DirectoryRoutes.tsx';
import { DraftingRoutes } from '../drafting/ui/DraftingRoutes.tsx';
import { ImportPage } from '../knowledge/ui/ImportPage.tsx';
import { InboxPage } from '../platform/ui/InboxPage.tsx';
import { SavedSearchesSection } from '../knowledge/ui/SavedSearchesSection.tsx';
import { OpenDataPage } from '../knowledge/ui/OpenDataPage.tsx';
import { RecordPage } from '../knowledge/ui/RecordPage.tsx';
import { RecordVersionsPage } from '../knowledge/ui/RecordVersionsPage.tsx';
import { SearchPage } from '../knowledge/ui/SearchPage.tsx';
import { HomePage } from '../platform/ui/HomePage.tsx';
import { Layout } from '../platform/ui/Layout.tsx';
import { LoginPage } from '../platform/ui/LoginPage.tsx';
import { NotFoundPage } from '../platform/ui/NotFoundPage.tsx';
import { ArticlePage } from '../reference/ui/ArticlePage.tsx';
import { ClustersPage } from '../reference/ui/ClustersPage.tsx';
import { InstrumentPage } from '../reference/ui/InstrumentPage.tsx';
import { InstrumentsPage } from '../reference/ui/InstrumentsPage.tsx';
import { StatePage } from '../reference/ui/StatePage.tsx';
import { StatesPage } from '../reference/ui/StatesPage.tsx';

/** Every page of the UI; each page component lives with its module (platform, reference or knowledge). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="instruments" element={<InstrumentsPage />} />
        <Route path="instruments/:code" element={<InstrumentPage />} />
        <Route path="instruments/:code/articles/:article" element={<ArticlePage />} />
        <Route path="articles/:code/:article" element={<ArticlePage />} />
        <Route path="clusters" element={<ClustersPage />} />
        <Route path="states" element={<StatesPage />} />
        <Route path="states/:iso3" element={<StatePage />} />
        <Route path="search" element={<SearchPage />} />
        <Route path="records/:id" element={<RecordPage />} />
        <Route path="records/:id/versions" element={<RecordVersionsPage />} />
        <Route path="import" element={<ImportPage />} />
        <Route path="inbox" element={<InboxPage><SavedSearchesSection /></InboxPage>} />
        <Route path="open-data" element={<OpenDataPage />} />
        <Route path="directory/*" element={<DirectoryRoutes />} />
        <Route path="drafting/*" element={<DraftingRoutes />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
