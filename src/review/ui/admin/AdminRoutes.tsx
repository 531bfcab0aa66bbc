import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { Loading } from '../../../web/components/LoadState.tsx';
import { useSession } from '../../../web/session.tsx';

const CyclesPage = lazy(() => import('./CyclesPage.tsx').then((m) => ({ default: m.CyclesPage })));
const CyclePage = lazy(() => import('./CyclePage.tsx').then((m) => ({ default: m.CyclePage })));
const DrawAdminPage = lazy(() => import('./DrawAdminPage.tsx').then((m) => ({ default: m.DrawAdminPage })));

/** The secretariat's pages under /review-admin/ (the API refuses anyone else; this only says so politely). */
export function AdminRoutes() {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status === 'loading') return <Loading />;
  if (!session.user?.roles.includes('secretariat')) return <p className="alert" role="alert" data-testid="gate">{t('reviewAdmin.gate')}</p>;
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<CyclesPage />} />
        <Route path="cycles/:id" element={<CyclePage />} />
        <Route path="draws/:id" element={<DrawAdminPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
