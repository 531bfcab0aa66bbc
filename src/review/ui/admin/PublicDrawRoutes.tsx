import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../../web/components/LoadState.tsx';

const DrawsListPage = lazy(() => import('./PublicDrawPages.tsx').then((m) => ({ default: m.DrawsListPage })));
const PublicDrawPage = lazy(() => import('./PublicDrawPages.tsx').then((m) => ({ default: m.PublicDrawPage })));

/** The public draw pages under /review-draws/. */
export function PublicDrawRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<DrawsListPage />} />
        <Route path=":id" element={<PublicDrawPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
