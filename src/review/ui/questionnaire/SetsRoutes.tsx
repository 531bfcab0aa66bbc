import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../../web/components/LoadState.tsx';

const SetsListPage = lazy(() => import('./SetsListPage.tsx').then((m) => ({ default: m.SetsListPage })));
const SetPage = lazy(() => import('./SetPage.tsx').then((m) => ({ default: m.SetPage })));

/** The question sets' pages, under /review-questionnaires/ (public; the secretariat also sees and edits drafts). */
export function SetsRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<SetsListPage />} />
        <Route path=":id" element={<SetPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
