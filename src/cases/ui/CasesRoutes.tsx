import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../web/components/LoadState.tsx';

// Each page is its own chunk: the queue is what most visits open; a case page and the register form load when first used.
const QueuePage = lazy(() => import('./QueuePage.tsx').then((m) => ({ default: m.QueuePage })));
const CasePage = lazy(() => import('./CasePage.tsx').then((m) => ({ default: m.CasePage })));
const RegisterPage = lazy(() => import('./RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));

/** The case tracker's pages, under /cases/: the work queues, registering a case by hand, one case (cases.css styles only inside .cases-ui). */
export function CasesRoutes() {
  return (
    <div className="cases-ui">
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<QueuePage />} />
          <Route path="new" element={<RegisterPage />} />
          <Route path=":id" element={<CasePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </div>
  );
}
