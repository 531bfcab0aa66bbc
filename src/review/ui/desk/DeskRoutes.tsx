import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useApi } from '../../../web/useApi.ts';
import { deskApi } from './deskApi.ts';
import { FeedbackTab } from './FeedbackTab.tsx';
import { ObservationsTab } from './ObservationsTab.tsx';
import { PublicationTab } from './PublicationTab.tsx';
import { SummaryTab } from './SummaryTab.tsx';
import './desk.css';

const TABS = ['feedback', 'observations', 'summary', 'publication'] as const;

/**
 * The desk review of one review, under /reviews/:id/desk/: feedback and clarifications per question, the lists of
 * observations, the summaries, publication. What the viewer may do comes from the review's `actions`; observers
 * and the secretariat see everything read-only.
 */
export function DeskRoutes() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  // State and cluster names in the page's language, not the account's
  const review = useApi((signal) => deskApi.review(id, i18n.language, signal), [id, i18n.language]);
  usePageTitle(review.data ? t('reviewDesk.title', { state: review.data.reviewed.name }) : t('reviewDesk.titleShort'));
  if (review.status === 'error') return <div className="review-desk"><ErrorMessage error={review.error} onRetry={review.reload} /></div>;
  if (!review.data) return <Loading />;
  const r = review.data;
  const props = { review: r, onChanged: review.reload };
  return (
    <div className="review-desk">
      <p className="small"><a href={`/reviews/${r.id}`}>{t('reviewDesk.back')}</a></p>
      <h1>{t('reviewDesk.title', { state: r.reviewed.name })}</h1>
      <p className="desk-meta">
        {r.cluster.name} · {r.cycle.title} · {t('reviewDesk.stage')}: <strong data-testid="desk-stage">{t(`reviewDesk.stages.${r.stage}`)}</strong>
        {' · '}{t('reviewDesk.reviewers')}: {r.reviewers.map((x) => x.name).join(', ')}
      </p>
      {r.standing.role === 'observer' && <p className="desk-note" role="note">{t('reviewDesk.readOnly')}</p>}
      <nav className="desk-tabs" aria-label={t('reviewDesk.tabsLabel')}>
        {TABS.map((tab) => (
          <NavLink key={tab} to={`/reviews/${r.id}/desk/${tab === 'feedback' ? '' : tab}`} end className={({ isActive }) => (isActive ? 'active' : '')} data-testid={`desk-tab-${tab}`}>
            {t(`reviewDesk.tabs.${tab}`)}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<FeedbackTab {...props} />} />
        <Route path="observations" element={<ObservationsTab {...props} />} />
        <Route path="summary" element={<SummaryTab {...props} />} />
        <Route path="publication" element={<PublicationTab {...props} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
