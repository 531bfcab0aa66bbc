import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../platform/ui/NotFoundPage.tsx';

/** The directory module's pages, under /directory/. */
export function DirectoryRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
