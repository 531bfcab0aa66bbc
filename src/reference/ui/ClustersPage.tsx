import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import type { Cluster } from '../../web/api/types.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useApi } from '../../web/useApi.ts';
import { byCode, useInstruments } from './useInstruments.ts';

type ClusterArticle = Cluster['articles'][number];

function byInstrument(articles: ClusterArticle[]): [string, ClusterArticle[]][] {
  const m = new Map<string, ClusterArticle[]>();
  for (const a of articles) m.set(a.instrument, [...(m.get(a.instrument) ?? []), a]);
  return [...m.entries()];
}

/** /clusters: the review mechanism's four thematic clusters and the articles in each. */
export function ClustersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const f = useFormat();
  const { hash } = useLocation();
  const res = useApi((signal) => ok(api.GET('/api/v1/clusters', { params: { query: { lang } }, signal })).then((r) => r.items), [lang]);
  const instruments = byCode(useInstruments().data);
  usePageTitle(t('clusters.title'));

  // the content arrives after the page: scroll to /clusters#code once it is there
  const loaded = res.status === 'ok';
  useEffect(() => {
    if (!loaded || !hash) return;
    const el = document.getElementById(decodeURIComponent(hash.slice(1)));
    el?.scrollIntoView();
    el?.focus();
  }, [loaded, hash]);

  return (
    <>
      <h1>{t('clusters.title')}</h1>
      <p>{t('clusters.intro')}</p>
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data?.map((c, i) => (
        <section key={c.code} aria-labelledby={c.code} data-testid="cluster" data-code={c.code}>
          <h2 id={c.code} tabIndex={-1}>
            {t('clusters.heading', { number: f.number(i + 1), name: c.name })}
          </h2>
          <ul className="cluster-articles">
            {byInstrument(c.articles).map(([code, arts]) => {
              // restricted articles get a footnote mark (*, **) pointing at a note under the line
              const limits = [...new Set(arts.map((a) => a.reviewedOnlyIfNotPartyTo).filter((x): x is string => x !== null))];
              const noteId = (limit: string) => `note-${c.code}-${code}-${limit}`;
              return (
                <li key={code}>
                  <Link to={`/instruments/${code}`}>{instruments.get(code)?.shortName ?? code}</Link>
                  {t('common.colon')}
                  <ul className="article-links">
                    {arts.map((a) => {
                      const limit = a.reviewedOnlyIfNotPartyTo;
                      return (
                        <li key={a.article}>
                          <Link to={`/instruments/${code}/articles/${a.article}`} aria-describedby={limit ? noteId(limit) : undefined}>
                            {t('articles.short', { number: f.number(a.article) })}
                          </Link>
                          {limit && <sup aria-hidden="true">{'*'.repeat(limits.indexOf(limit) + 1)}</sup>}
                        </li>
                      );
                    })}
                  </ul>
                  {limits.map((limit, k) => (
                    <span key={limit} id={noteId(limit)} className="review-note" data-testid="reviewed-only-if-not-party">
                      <span aria-hidden="true">{'*'.repeat(k + 1)} </span>
                      {t('articles.reviewedOnlyIfNotPartyTo', { instrument: instruments.get(limit)?.shortName ?? limit })}
                    </span>
                  ))}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}
