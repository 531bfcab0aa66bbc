import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../../web/components/LoadState.tsx';

const AnalysisPage = lazy(() => import('./AnalysisPage.tsx').then((m) => ({ default: m.AnalysisPage })));

/** The review analysis pages, under /review-analysis/. */
export function AnalysisRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<AnalysisPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
