import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import type { SearchParams } from './searchParams.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { useFormat } from '../../web/format.ts';
import { useApi } from '../../web/useApi.ts';
import { BarChart } from './BarChart.tsx';
import { useStateNames, useYearFormat } from './names.ts';
import { ResultItem } from './ResultItem.tsx';
import { searchHref } from './searchUrl.ts';
import { useScrollToHash } from './useScrollToHash.ts';
import { searchQueryString } from './searchParams.ts';

/** The groups of linked records an article page shows, in this order. */
export const KNOWLEDGE_GROUPS = [
  { key: 'legislation', types: ['legislation'] },
  { key: 'cases', types: ['case', 'cooperation-case'] },
  { key: 'recommendations', types: ['recommendation'] },
  { key: 'documents', types: ['cop-document'] },
  { key: 'resources', types: ['guide', 'bibliography', 'database-link'] },
] as const;

const PER_GROUP = 5;

/** A few records of one kind for a search, with "See all N" leading to the search page. */
export function RecordGroup({ title, id, params, count, level = 3 }: { title: string; id: string; params: SearchParams; count?: number; level?: 2 | 3 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const key = JSON.stringify(params);
  const H = `h${level}` as 'h3';
  const HItem = level === 2 ? 3 : 4;
  // a known count of 0 needs no request
  const res = useApi(
    (signal) =>
      count === 0 ? Promise.resolve({ items: [], facets: {}, total: 0, approximate: false, next: null, article: null }) : ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ ...params, sort: 'date', limit: PER_GROUP }), signal })),
    [key, count === 0],
  );
  const total = count ?? res.data?.total ?? 0;
  return (
    <section aria-labelledby={id} className="record-group" data-testid="record-group" data-group={id}>
      <H id={id}>
        {title} {res.data && <span className="muted count">({f.number(total)})</span>}
      </H>
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data && res.data.items.length === 0 && <p className="muted">{t('knowledge.groups.none')}</p>}
      {res.data && res.data.items.length > 0 && (
        <>
          <ul className="results results-compact">
            {res.data.items.map((h) => (
              <ResultItem key={h.id} hit={h} withSnippet={false} headingLevel={HItem} />
            ))}
          </ul>
          <p>
            <Link to={searchHref({ ...params, sort: 'date' })} data-testid="see-all">
              {t('knowledge.groups.seeAll', { count: res.data.total })}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

/**
 * Below an article: the knowledge linked to it (legislation, cases, recommendations, documents), counts by State
 * and by year, and by paragraph of the article (each with an anchor, #para_13, that links to the Convention use).
 */
export function ArticleKnowledge({ instrument, article }: { instrument: string; article: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const states = useStateNames();
  const formatYear = useYearFormat();
  const ref = `${instrument}:${article}`;
  const all = useApi((signal) => ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ article: [ref], limit: 1 }), signal })), [ref]);
  useScrollToHash(all.status === 'ok');
  const data = all.data;
  const types = data?.facets.type ?? {};
  const paragraphs = Object.entries(data?.facets.article ?? {})
    .filter(([k]) => k.startsWith(`${ref}:`))
    .map(([k, n]) => ({ ref: k, number: Number(k.split(':')[2]), count: n }))
    .sort((a, b) => a.number - b.number);
  const topStates = Object.entries(data?.facets.state ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10);
  const years = Object.entries(data?.facets.year ?? {})
    .map(([y, n]) => ({ key: y, label: formatYear(y), value: n }))
    .sort((a, b) => a.key.localeCompare(b.key));

  return (
    <section aria-labelledby="article-knowledge-title" className="article-knowledge" data-testid="article-knowledge">
      <h2 id="article-knowledge-title">{t('knowledge.article.title')}</h2>
      <p className="result-count" role="status" aria-live="polite" data-testid="article-total">
        {data
          ? data.total === 0
            ? t('knowledge.article.none')
            : data.approximate
              ? t('knowledge.article.totalAbout', { count: data.total })
              : t('knowledge.article.total', { count: data.total })
          : all.status === 'loading'
            ? t('common.loading')
            : ''}
      </p>
      {all.status === 'error' && <ErrorMessage error={all.error} onRetry={all.reload} />}
      {data && data.total > 0 && (
        <>
          <p>
            <Link to={searchHref({ article: [ref] })}>{t('knowledge.article.searchAll')}</Link>
          </p>
          {paragraphs.length > 0 && (
            <section aria-labelledby="by-paragraph" data-testid="by-paragraph">
              <h3 id="by-paragraph">{t('knowledge.article.byParagraph')}</h3>
              <ul className="paragraph-counts">
                {paragraphs.map((p) => (
                  <li key={p.ref} id={`para_${p.number}`} data-testid="paragraph-count" data-paragraph={p.number}>
                    <Link to={searchHref({ article: [p.ref] })}>
                      {t('knowledge.ref.paragraph', { paragraph: f.number(p.number) })}
                      {t('common.colon')}
                      {t('knowledge.common.recordCount', { count: p.count })}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {KNOWLEDGE_GROUPS.map((g) => {
            const count = g.types.reduce((n, ty) => n + (types[ty] ?? 0), 0);
            if (count === 0 && g.key === 'resources') return null;
            return (
              <RecordGroup key={g.key} id={`group-${g.key}`} title={t(`knowledge.groups.${g.key}`)} params={{ article: [ref], type: [...g.types] }} count={count} />
            );
          })}
          <div className="stats-grid">
            {topStates.length > 0 && (
              <section aria-labelledby="by-state">
                <h3 id="by-state">{t('knowledge.article.byState')}</h3>
                <ol className="count-list" data-testid="by-state">
                  {topStates.map(([iso3, n]) => (
                    <li key={iso3}>
                      <Link to={searchHref({ article: [ref], state: [iso3] })}>{states.get(iso3) ?? iso3}</Link>
                      <span className="count">{f.number(n)}</span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
            {years.length > 0 && (
              <BarChart
                id="article-year-chart"
                caption={t('knowledge.article.byYear')}
                keyHeading={t('knowledge.facets.year')}
                valueHeading={t('knowledge.common.records')}
                bars={years}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
