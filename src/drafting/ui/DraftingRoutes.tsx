import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../web/components/LoadState.tsx';

// The request writer is loaded when first opened: it brings the draft schema (zod) and many forms that
// readers of the portal never need.
const DraftsPage = lazy(() => import('./DraftsPage.tsx').then((m) => ({ default: m.DraftsPage })));
const WizardPage = lazy(() => import('./WizardPage.tsx').then((m) => ({ default: m.WizardPage })));
const ComparePage = lazy(() => import('./ComparePage.tsx').then((m) => ({ default: m.ComparePage })));
const SharedListPage = lazy(() => import('./SharedPages.tsx').then((m) => ({ default: m.SharedListPage })));
const SharedDraftPage = lazy(() => import('./SharedPages.tsx').then((m) => ({ default: m.SharedDraftPage })));

/** The drafting module's pages, under /drafting/. */
export function DraftingRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<DraftsPage />} />
        <Route path="shared" element={<SharedListPage />} />
        <Route path="shared/:id" element={<SharedDraftPage />} />
        <Route path=":id" element={<WizardPage />} />
        <Route path=":id/compare" element={<ComparePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
