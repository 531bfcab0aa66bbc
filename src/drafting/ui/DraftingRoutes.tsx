import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../platform/ui/NotFoundPage.tsx';

/** The drafting module's pages, under /drafting/. */
export function DraftingRoutes() {
  return (
    <Routes>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
