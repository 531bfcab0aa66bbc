import { useTranslation } from 'react-i18next';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useApi } from '../../../web/useApi.ts';
import { reviewApi } from './reviewApi.ts';

/** /reviews/nominations: for a State's focal point or officer, the reviews their State takes part in, what is still to nominate and by when. */
export function NominationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('review.nominations.title'));
  const list = useApi((signal) => reviewApi.nominations(i18n.language, signal), [i18n.language]);
  return (
    <div className="review-ui">
      <h1>{t('review.nominations.title')}</h1>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {!list.data && list.status === 'loading' && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('review.list.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="review-table">
          <thead><tr><th>{t('review.reviewed')}</th><th>{t('review.cluster')}</th><th>{t('review.deadlines.state')}</th><th>{t('review.nominations.toNominate')}</th><th>{t('review.deadlines.steps.focal_point')}</th><th>{t('review.deadlines.steps.experts')}</th></tr></thead>
          <tbody>
            {list.data.items.map((i) => (
              <tr key={`${i.reviewId}-${i.state}`}>
                <td>{i.reviewed.name}</td><td>{i.cluster.name}</td><td>{i.state} ({t(`review.side.${i.side}`)})</td>
                <td>{i.toNominate.map((r) => t(`review.role.${r}`)).join(', ') || '—'}</td><td>{i.focalPointDueOn}</td><td>{i.expertsDueOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
