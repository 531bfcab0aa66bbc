import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../../web/components/LoadState.tsx';

// Each page is its own chunk; the charts' library is loaded only when a chart is drawn (StatsChart).
const StatsPage = lazy(() => import('./StatsPage.tsx').then((m) => ({ default: m.StatsPage })));
const SubmissionsPage = lazy(() => import('./SubmissionsPage.tsx').then((m) => ({ default: m.SubmissionsPage })));

/** The case statistics' pages, under /case-statistics/. */
export function StatsRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<StatsPage />} />
        <Route path="submissions" element={<SubmissionsPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
