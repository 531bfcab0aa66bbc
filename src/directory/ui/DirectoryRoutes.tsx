import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../platform/ui/NotFoundPage.tsx';
import { AuthorityPage } from './AuthorityPage.tsx';
import { DirectoryHome } from './DirectoryHome.tsx';
import { EditAuthorityPage, EditMeasurePage, NewAuthorityPage, NotificationFormPage } from './EditPages.tsx';
import { ExpertsPage } from './ExpertsPage.tsx';
import { RouteWizard } from './RouteWizard.tsx';
import { StalePage } from './StalePage.tsx';
import { StateDirectoryPage } from './StateDirectoryPage.tsx';

/** The directory module's pages, under /directory/. */
export function DirectoryRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryHome />} />
      <Route path="route" element={<RouteWizard />} />
      <Route path="states/:iso3" element={<StateDirectoryPage />} />
      <Route path="states/:iso3/new" element={<NewAuthorityPage />} />
      <Route path="states/:iso3/measures/:measure" element={<EditMeasurePage />} />
      <Route path="states/:iso3/notifications/new" element={<NotificationFormPage />} />
      <Route path="notifications/:id/edit" element={<NotificationFormPage />} />
      <Route path="authorities/:id" element={<AuthorityPage />} />
      <Route path="authorities/:id/edit" element={<EditAuthorityPage />} />
      <Route path="stale" element={<StalePage />} />
      <Route path="experts" element={<ExpertsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
