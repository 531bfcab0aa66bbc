import { Route, Routes } from 'react-router';
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

/** Every page of the UI; each page component lives with its module (platform or reference). */
export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="instruments" element={<InstrumentsPage />} />
        <Route path="instruments/:code" element={<InstrumentPage />} />
        <Route path="instruments/:code/articles/:article" element={<ArticlePage />} />
        <Route path="clusters" element={<ClustersPage />} />
        <Route path="states" element={<StatesPage />} />
        <Route path="states/:iso3" element={<StatePage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
