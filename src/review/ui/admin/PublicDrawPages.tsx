import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Breadcrumbs } from '../../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../../web/components/LoadState.tsx';
import { usePageTitle } from '../../../web/components/usePageTitle.ts';
import { useFormat } from '../../../web/format.ts';
import { useDraw, useDraws } from './adminApi.ts';
import { DrawDetails } from './DrawDetails.tsx';
import './review-admin.css';

/** /review-draws: every draw, public (newest first: the order of time, never of any figure). */
export function DrawsListPage() {
  const { t } = useTranslation();
  const f = useFormat();
  usePageTitle(t('reviewAdmin.public.title'));
  const draws = useDraws(undefined);
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { label: t('reviewAdmin.public.title') }]} />
      <h1>{t('reviewAdmin.public.title')}</h1>
      <p className="prose">{t('reviewAdmin.public.intro')}</p>
      {draws.status === 'error' && <ErrorMessage error={draws.error} onRetry={draws.reload} />}
      {!draws.data && draws.status === 'loading' && <Loading />}
      {draws.data && (draws.data.items.length === 0 ? <p className="muted">{t('reviewAdmin.draw.noneYet')}</p> : (
        <ul data-testid="public-draws">
          {draws.data.items.map((d) => (
            <li key={d.id}>
              <Link to={`/review-draws/${d.id}`}>{d.cycle ? `${d.cycle.title} — ` : ''}{t(`reviewAdmin.draw.kinds.${d.kind}`)}</Link> — {t(`reviewAdmin.draw.statuses.${d.status}`)} — {f.date(d.drawnAt ?? d.announcedAt)}
            </li>
          ))}
        </ul>
      ))}
    </>
  );
}

/** /review-draws/:id: one draw as published, with its package and how to verify it. */
export function PublicDrawPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const draw = useDraw(id);
  usePageTitle(t('reviewAdmin.draw.title'));
  if (draw.status === 'error') return <ErrorMessage error={draw.error} onRetry={draw.reload} />;
  if (!draw.data) return <Loading />;
  return (
    <>
      <Breadcrumbs items={[{ to: '/', label: t('nav.home') }, { to: '/review-draws', label: t('reviewAdmin.public.title') }, { label: t('reviewAdmin.draw.title') }]} />
      <h1>{t('reviewAdmin.draw.title')}</h1>
      <DrawDetails draw={draw.data} />
      <section aria-labelledby="verify-title">
        <h2 id="verify-title">{t('reviewAdmin.public.verifyTitle')}</h2>
        <p className="prose">{t('reviewAdmin.public.verifyHelp')}</p>
        <pre dir="ltr" className="ra-codes">node tools/verify-draw.mjs draw-{draw.data.id}.json</pre>
        <p className="muted">{t('reviewAdmin.public.verifyDoc')}</p>
      </section>
    </>
  );
}
