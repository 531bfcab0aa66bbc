import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { Breadcrumbs } from '../../web/components/Breadcrumbs.tsx';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { Slot } from '../../web/modules-context.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { ArticleTitle } from './ArticleTitle.tsx';
import { chapterText } from './chapterTitle.ts';
import { ClusterBadge } from './ClusterBadge.tsx';
import { byCode, useInstruments } from './useInstruments.ts';

/**
 * /instruments/:code/articles/:n (also /articles/:code/:n, the form links from knowledge records use): one article,
 * its chapter and its review cluster, then what the modules add (the knowledge linked to it).
 */
export function ArticlePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const params = useParams();
  const code = (params.code ?? '').toUpperCase();
  const n = params.article ?? '';
  const res = useApi((signal) => ok(api.GET('/api/v1/instruments/{code}/articles/{article}', { params: { path: { code, article: Number(n) }, query: { lang } }, signal })), [code, n, lang]);
  const all = byCode(useInstruments().data);
  const siblings = useApi((signal) => ok(api.GET('/api/v1/instruments/{code}', { params: { path: { code }, query: { lang } }, signal })), [code, lang]).data?.articles.map((a) => a.article) ?? [];
  const data = res.data?.instrument === code && String(res.data.article) === n ? res.data : undefined;
  const heading = t('articles.heading', { number: data ? f.number(data.article) : n });
  usePageTitle(data ? `${data.instrumentShortName}, ${heading}` : heading);

  if (res.status === 'error' && (res.error.status === 404 || res.error.status === 400)) {
    return (
      <NotFoundMessage title={t('articles.notFoundTitle')} backTo={`/instruments/${code}`} backLabel={t('articles.backToInstrument')}>
        <p>{t('articles.notFoundText', { code, number: n })}</p>
      </NotFoundMessage>
    );
  }

  const crumbs = [
    { to: '/', label: t('nav.home') },
    { to: '/instruments', label: t('nav.instruments') },
    { to: `/instruments/${code}`, label: data?.instrumentShortName ?? code },
    { label: heading },
  ];
  if (!data) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        {res.status === 'error' ? <ErrorMessage error={res.error} onRetry={res.reload} /> : <Loading />}
      </>
    );
  }

  const at = siblings.indexOf(data.article);
  const prev = at > 0 ? siblings[at - 1] : undefined;
  const next = at >= 0 ? siblings[at + 1] : undefined;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <p className="muted">{data.instrumentName}</p>
      <h1>
        {heading}
        <span className="visually-hidden">: </span>
        <br />
        <ArticleTitle article={data} />
      </h1>
      <dl className="facts">
        <dt>{t('articles.instrument')}</dt>
        <dd>
          <Link to={`/instruments/${code}`}>{data.instrumentShortName}</Link>
        </dd>
        {data.chapter && (
          <>
            <dt>{t('articles.chapterLabel')}</dt>
            <dd>{chapterText(t, code, data)}</dd>
          </>
        )}
        <dt>{t('articles.cluster')}</dt>
        <dd>
          <ClusterBadge article={data} instrumentName={(c) => all.get(c)?.shortName ?? c} />
        </dd>
        <dt>{t('articles.eid')}</dt>
        <dd>
          <code>{data.eid}</code>
        </dd>
      </dl>
      <Slot name="article.sections" props={{ instrument: code, article: data.article }} />
      {(prev !== undefined || next !== undefined) && (
        <nav aria-label={t('articles.pager')}>
          <p>
            {prev !== undefined && (
              <Link to={`/instruments/${code}/articles/${prev}`} rel="prev">
                {t('articles.previous', { number: f.number(prev) })}
              </Link>
            )}
            {prev !== undefined && next !== undefined && ' · '}
            {next !== undefined && (
              <Link to={`/instruments/${code}/articles/${next}`} rel="next">
                {t('articles.next', { number: f.number(next) })}
              </Link>
            )}
          </p>
        </nav>
      )}
    </>
  );
}
