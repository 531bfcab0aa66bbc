import { Route, Routes } from 'react-router';
import { HomePage } from '../platform/ui/HomePage.tsx';
import { Layout } from '../platform/ui/Layout.tsx';
import { LoginPage } from '../platform/ui/LoginPage.tsx';
import { NotFoundPage } from '../platform/ui/NotFoundPage.tsx';
import type { UiManifest } from './manifest.ts';
import { ModulesProvider } from './modules-context.tsx';

/**
 * Every page of the UI: the platform's own (home, login, not found) and those of the modules it is given
 * (composed in src/app/web.tsx), all inside the shell.
 */
export function App({ modules }: { modules: readonly UiManifest[] }) {
  return (
    <ModulesProvider modules={modules}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<HomePage />} />
          {modules.flatMap((m) =>
            (m.routes ?? []).map(({ path, page: Page }) => <Route key={`${m.name}:${path}`} path={path} element={<Page />} />),
          )}
          <Route path="login" element={<LoginPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ModulesProvider>
  );
}
