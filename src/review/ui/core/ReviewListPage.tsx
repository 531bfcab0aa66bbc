import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useLang } from '../../../web/i18n.ts';
import { useApi } from '../../../web/useApi.ts';
import { reviewApi } from './reviewApi.ts';
import { STAGES } from './stages.ts';
import './review.css';

/** /reviews: my reviews (the secretariat: all, filtered by stage), with how many are at each stage — progress, never a ranking. */
export function ReviewListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [stage, setStage] = useState('');
  usePageTitle(t('review.list.title'));
  const list = useApi((signal) => reviewApi.list({ stage, lang }, signal), [stage, lang]);
  return (
    <div className="review-ui">
      <h1>{t('review.list.title')}</h1>
      <p><Link to="/reviews/nominations">{t('review.nominations.link')}</Link></p>
      {list.data && (
        <ul className="review-stage-counts" aria-label={t('review.list.byStage')}>
          {STAGES.map((s) => (
            <li key={s}>
              <button type="button" aria-pressed={stage === s} onClick={() => setStage(stage === s ? '' : s)}>
                {t(`review.stage.${s}`)}: <strong>{list.data!.byStage[s] ?? 0}</strong>
              </button>
            </li>
          ))}
        </ul>
      )}
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('review.list.none')}</p>}
      {list.data && list.data.items.length > 0 && (
        <table className="review-table" data-testid="review-list">
          <thead><tr><th>{t('review.reviewed')}</th><th>{t('review.cluster')}</th><th>{t('review.reviewers')}</th><th>{t('review.stageLabel')}</th><th>{t('review.cycle')}</th></tr></thead>
          <tbody>
            {list.data.items.map((r) => (
              <tr key={r.id}>
                <td><Link to={`/reviews/${r.id}`}>{r.reviewed.name}</Link></td>
                <td>{r.cluster.name}</td>
                <td>{r.reviewers.map((x) => x.name).join(', ')}</td>
                <td>{t(`review.stage.${r.stage}`)}</td>
                <td>{r.cycle.code}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
