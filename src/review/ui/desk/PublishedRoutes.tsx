import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useParams } from 'react-router';
import { NotFoundPage } from '../../../platform/ui/NotFoundPage.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useLang } from '../../../web/i18n.ts';
import { useApi } from '../../../web/useApi.ts';
import { deskApi } from './deskApi.ts';
import './desk.css';

const KINDS = ['gap', 'good_practice', 'suggestion', 'ta_need'] as const;

/** Public: the reviews with outputs their reviewed State published, in State-name order (never by a figure). */
function PublishedList() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('reviewDesk.published.title'));
  const list = useApi((signal) => deskApi.published(lang, signal), [lang]);
  return (
    <>
      <h1>{t('reviewDesk.published.title')}</h1>
      <p>{t('reviewDesk.published.intro')}</p>
      {list.status === 'error' && <ErrorMessage error={list.error} onRetry={list.reload} />}
      {list.status === 'loading' && <Loading />}
      {list.data && list.data.items.length === 0 && <p>{t('reviewDesk.published.none')}</p>}
      <ul className="desk-published">
        {list.data?.items.map((i) => (
          <li key={i.reviewId}>
            <Link to={`/review-published/${i.reviewId}`}>{i.reviewed.name}</Link> — {i.cluster.name} · {i.cycle.title}
            <span className="small"> ({i.outputs.map((o) => t(`reviewDesk.pub.${o.output}`, { state: o.reviewingState })).join('; ')})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Public: one review's published outputs, and nothing else. */
function PublishedReview() {
  const { reviewId = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const r = useApi((signal) => deskApi.publishedReview(reviewId, lang, signal), [reviewId, lang]);
  usePageTitle(r.data ? t('reviewDesk.title', { state: r.data.reviewed.name }) : t('reviewDesk.published.title'));
  if (r.status === 'error') return r.error.status === 404 ? <NotFoundPage /> : <ErrorMessage error={r.error} onRetry={r.reload} />;
  if (!r.data) return <Loading />;
  const d = r.data;
  return (
    <>
      <p className="small"><Link to="/review-published">{t('reviewDesk.published.title')}</Link></p>
      <h1>{t('reviewDesk.title', { state: d.reviewed.name })}</h1>
      <p className="desk-meta">{d.cluster.name} · {d.cycle.title}</p>
      {d.observations.map((o) => (
        <section key={o.reviewingState} className="desk-obs-list">
          <h2>{t('reviewDesk.obs.listOf', { state: o.reviewingState })}</h2>
          {KINDS.map((k) => {
            const items = o.items.filter((i) => i.kind === k);
            return items.length === 0 ? null : (
              <div key={k} className="desk-obs-kind">
                <h3>{t(`reviewDesk.obsKinds.${k}`)}</h3>
                <ul>{items.map((i) => <li key={i.id}><span className="desk-obs-ref">{i.instrument} {t('reviewDesk.obs.art')} {i.articles.join(', ')}</span> {i.taCategory && <span className="badge">{t(`reviewDesk.ta.${i.taCategory}`)}</span>}<p dir="auto">{i.text}</p></li>)}</ul>
              </div>
            );
          })}
        </section>
      ))}
      {d.summaries.map((s) => (
        <section key={s.reviewingState} className="desk-question">
          <h2>{t('reviewDesk.sum.of', { state: s.reviewingState })}</h2>
          <p className="desk-summary" dir="auto">{s.text}</p>
        </section>
      ))}
    </>
  );
}

export function PublishedRoutes() {
  return (
    <div className="review-desk">
      <Routes>
        <Route index element={<PublishedList />} />
        <Route path=":reviewId" element={<PublishedReview />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
