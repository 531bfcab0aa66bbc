import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError, ok } from '../../web/api/client.ts';
import { exportUrl, feedUrl, searchQueryString, type SearchFacet, type SearchParams } from './searchParams.ts';
import type { SearchHit } from '../../web/api/types.ts';
import { ErrorMessage } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useApi } from '../../web/useApi.ts';
import { ArticleHint } from './ArticleHint.tsx';
import { BarChart } from './BarChart.tsx';
import { FacetPanel } from './FacetPanel.tsx';
import { LicenceNote } from './LicenceNote.tsx';
import { useFacetLabel, useYearFormat } from './names.ts';
import { ResultItem } from './ResultItem.tsx';
import { SaveSearchForm } from './SaveSearchForm.tsx';
import { hasFilters, paramsFromUrl, toggleYear, urlQuery, yearRange } from './searchUrl.ts';

const PAGE = 20;

/** The facets in the order the panel shows them. */
const PANEL: SearchFacet[] = ['type', 'state', 'group', 'instrument', 'article', 'cluster', 'crime', 'year', 'lang', 'access'];

function selectedValues(p: SearchParams, facet: SearchFacet): string[] {
  if (facet !== 'year') return p[facet] ?? [];
  const r = yearRange(p.year);
  if (!r) return [];
  const out: string[] = [];
  for (let y = r[0]; y <= r[1]; y++) out.push(String(y));
  return out;
}

function without(p: SearchParams, facet: SearchFacet): SearchParams {
  const c = { ...p };
  if (facet === 'year') delete c.year;
  else delete c[facet];
  return c;
}

/** Facets filtered by a selection: counted again without their own filter, so the other values stay choosable. */
type OwnCounts = Partial<Record<SearchFacet, Record<string, number>>>;

/**
 * /search: full-text search of the knowledge portal in six languages, with facets, active-filter chips, sort,
 * "load more", a chart by year, feed, export and "save this search". The whole search lives in the address.
 */
export function SearchPage() {
  const { t } = useTranslation();
  const formatYear = useYearFormat();
  const label = useFacetLabel();
  const [url, setUrl] = useSearchParams();
  const params = useMemo(() => paramsFromUrl(url), [url]);
  const key = searchQueryString(params);
  const res = useApi((signal) => ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ ...params, limit: PAGE }), signal })), [key]);
  const active = PANEL.filter((fc) => selectedValues(params, fc).length > 0);
  const own = useApi(
    (signal) =>
      Promise.all(active.map((fc) => ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ ...without(params, fc), limit: 1 }), signal })).then((r) => [fc, r.facets[fc] ?? {}] as const))).then(
        (pairs) => Object.fromEntries(pairs) as OwnCounts,
      ),
    [key],
  );
  const wide = useWideScreen();
  usePageTitle(params.q ? t('knowledge.search.titleFor', { q: params.q }) : t('knowledge.search.title'));

  // the words typed in the box, in step with the address (back button, a shared link)
  const [q, setQ] = useState(params.q ?? '');
  useEffect(() => setQ(params.q ?? ''), [params.q]);

  // "load more": pages after the first, for this search only
  const [more, setMore] = useState<{ key: string; items: SearchHit[]; next: string | null; error?: ApiError } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [announce, setAnnounce] = useState('');
  const resultsRef = useRef<HTMLOListElement>(null);
  const extra = more?.key === key ? more : null;
  const items = [...(res.data?.items ?? []), ...(extra?.items ?? [])];
  const next = extra ? extra.next : (res.data?.next ?? null);

  const navigate = useCallback(
    (p: SearchParams) => {
      setUrl(new URLSearchParams(urlQuery(p, url)));
    },
    [setUrl, url],
  );

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate({ ...params, q: q.trim() || undefined });
  };

  const toggle = (facet: SearchFacet, value: string, checked: boolean) => {
    if (facet === 'year') {
      navigate({ ...params, year: toggleYear(params.year, Number(value), checked) });
      return;
    }
    const cur = params[facet] ?? [];
    const nextValues = checked ? [...cur, value] : cur.filter((v) => v !== value);
    navigate({ ...params, [facet]: nextValues.length ? nextValues : undefined });
  };

  const loadMore = async () => {
    if (!next) return;
    setLoadingMore(true);
    const before = items.length;
    try {
      const r = await ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ ...params, cursor: next, limit: PAGE }) }));
      setMore({ key, items: [...(extra?.items ?? []), ...r.items], next: r.next });
      setAnnounce(t('knowledge.search.moreLoaded', { count: r.items.length }));
      // keyboard users continue from the first new result
      requestAnimationFrame(() => resultsRef.current?.querySelectorAll<HTMLAnchorElement>('.result-title a')[before]?.focus());
    } catch (err) {
      setMore({ key, items: extra?.items ?? [], next, error: err instanceof ApiError ? err : new ApiError(0, 'client', String(err)) });
    } finally {
      setLoadingMore(false);
    }
  };

  const data = res.data;
  const facetsOf = (fc: SearchFacet) => (active.includes(fc) ? (own.data?.[fc] ?? data?.facets[fc]) : data?.facets[fc]) ?? {};
  const chips = PANEL.flatMap((fc): { facet: SearchFacet; value: string; text: string }[] =>
    fc === 'year'
      ? params.year
        ? [{ facet: fc, value: params.year, text: yearText(params.year, formatYear) }]
        : []
      : (params[fc] ?? []).map((v) => ({ facet: fc, value: v, text: label(fc, v) })),
  );
  const removeChip = (fc: SearchFacet, value: string) => {
    if (fc === 'year') navigate({ ...params, year: undefined });
    else toggle(fc, value, false);
  };

  const years = Object.entries(data?.facets.year ?? {})
    .map(([y, n]) => ({ key: y, label: formatYear(y), value: n }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const yearSel = yearRange(params.year);

  const totalText =
    res.status === 'loading' && !data
      ? t('knowledge.search.searching')
      : !data
        ? ''
        : data.total === 0
          ? t('knowledge.search.none')
          : data.approximate
            ? t('knowledge.search.totalAbout', { count: data.total })
            : t('knowledge.search.total', { count: data.total });

  return (
    <div className="search-page">
      <h1>{t('knowledge.search.title')}</h1>
      <form className="search-form" role="search" onSubmit={onSubmit} aria-label={t('knowledge.search.formLabel')}>
        <label htmlFor="search-q">{t('knowledge.search.label')}</label>
        <div className="search-box">
          <input
            id="search-q"
            name="q"
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('knowledge.search.placeholder')}
            aria-describedby="search-tips"
            autoComplete="off"
            spellCheck={false}
            maxLength={500}
          />
          <button type="submit">{t('knowledge.search.submit')}</button>
        </div>
        <p id="search-tips" className="small muted">
          {t('knowledge.search.tips')}
        </p>
      </form>

      <div className="search-layout">
        <aside className="search-facets" aria-labelledby="facets-title">
          <details className="facets-details" open={wide}>
            <summary>
              <h2 id="facets-title">{t('knowledge.search.filters')}</h2>
            </summary>
            {data &&
              PANEL.map((fc) => (
                <FacetPanel
                  key={fc}
                  facet={fc}
                  title={t(`knowledge.facets.${fc}`)}
                  counts={facetsOf(fc)}
                  extra={selectedValues(params, fc)}
                  selected={(v) => selectedValues(params, fc).includes(v)}
                  label={(v) => label(fc, v)}
                  onToggle={(v, c) => toggle(fc, v, c)}
                  help={fc === 'year' ? t('knowledge.search.yearHelp') : undefined}
                  busy={res.status === 'loading'}
                />
              ))}
          </details>
        </aside>

        <section className="search-results" aria-labelledby="results-title">
          <h2 id="results-title" className="visually-hidden">
            {t('knowledge.search.results')}
          </h2>
          {chips.length > 0 && (
            <div className="chips" aria-label={t('knowledge.search.activeFilters')} role="group">
              <ul>
                {chips.map((c) => (
                  <li key={`${c.facet}:${c.value}`}>
                    <button
                      type="button"
                      className="chip"
                      data-testid="filter-chip"
                      data-facet={c.facet}
                      data-value={c.value}
                      onClick={() => removeChip(c.facet, c.value)}
                      aria-label={t('knowledge.search.removeFilter', { facet: t(`knowledge.facets.${c.facet}`), value: c.text })}
                    >
                      <span className="chip-facet">{t(`knowledge.facets.${c.facet}`)}</span>
                      {t('common.colon')}
                      {c.text}
                      <span aria-hidden="true" className="chip-x">
                        ×
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {hasFilters(params) && (
                <Link className="small" to={`/search${params.q ? `?${urlQuery({ q: params.q })}` : ''}`} data-testid="clear-filters">
                  {t('knowledge.search.clearFilters')}
                </Link>
              )}
            </div>
          )}

          {data && <ArticleHint article={data.article} />}

          <div className="results-bar">
            <p className="result-count" role="status" aria-live="polite" data-testid="search-total" data-total={data?.total ?? ''}>
              {totalText}
            </p>
            <div className="sort-field">
              <label htmlFor="search-sort">{t('knowledge.search.sort')}</label>
              <select id="search-sort" value={params.sort ?? 'relevance'} onChange={(e) => navigate({ ...params, sort: e.target.value === 'date' ? 'date' : undefined })}>
                <option value="relevance">{t('knowledge.search.sortRelevance')}</option>
                <option value="date">{t('knowledge.search.sortDate')}</option>
              </select>
            </div>
          </div>
          {data?.approximate && <p className="small muted">{t('knowledge.search.approximateNote')}</p>}

          {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}

          {years.length > 0 && (
            <BarChart
              id="year-chart"
              caption={t('knowledge.search.byYear')}
              keyHeading={t('knowledge.facets.year')}
              valueHeading={t('knowledge.common.records')}
              bars={years}
              selected={(y) => !!yearSel && Number(y) >= yearSel[0] && Number(y) <= yearSel[1]}
              onSelect={(y) => navigate({ ...params, year: params.year === y ? undefined : y })}
            />
          )}

          {items.length > 0 && (
            <ol className="results" ref={resultsRef} aria-busy={res.status === 'loading'} data-testid="search-results">
              {items.map((h) => (
                <ResultItem key={h.id} hit={h} />
              ))}
            </ol>
          )}
          {data && data.total === 0 && (
            <div className="notice">
              <p>{t('knowledge.search.noneHelp')}</p>
            </div>
          )}
          {extra?.error && <ErrorMessage error={extra.error} onRetry={() => void loadMore()} />}
          {next && (
            <p>
              <button type="button" className="button-secondary" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more">
                {loadingMore ? t('common.loading') : t('knowledge.search.loadMore')}
              </button>
            </p>
          )}
          <p className="visually-hidden" role="status" aria-live="polite">
            {announce}
          </p>

          <div className="search-tools">
            <ul className="inline-links">
              <li>
                <a href={feedUrl(params)} type="application/atom+xml" data-testid="feed-link">
                  {t('knowledge.search.feed')}
                </a>
              </li>
              <li>
                <a href={exportUrl(params, 'csv')} download data-testid="export-csv">
                  {t('knowledge.search.exportCsv')}
                </a>
              </li>
              <li>
                <a href={exportUrl(params, 'jsonl')} download data-testid="export-jsonl">
                  {t('knowledge.search.exportJsonl')}
                </a>
              </li>
            </ul>
            <SaveSearchForm params={params} defaultName={params.q ?? (chips.map((c) => c.text).join(', ') || t('knowledge.search.title'))} />
          </div>
          <LicenceNote />
        </section>
      </div>
      <FeedLink href={feedUrl(params)} title={t('knowledge.search.feed')} />
    </div>
  );
}

function yearText(year: string, fmt: (y: string | number) => string): string {
  const r = yearRange(year);
  if (!r) return year;
  return r[0] === r[1] ? fmt(r[0]) : `${fmt(r[0])}–${fmt(r[1])}`;
}

/** Filters start open on a wide screen and folded on a phone (the results come first there). */
function useWideScreen(): boolean {
  const [wide] = useState(() => window.matchMedia?.('(min-width: 60rem)').matches ?? true);
  return wide;
}

/** <link rel="alternate"> in the head, so feed readers find the search's feed. */
function FeedLink({ href, title }: { href: string; title: string }) {
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.href = href;
    link.title = title;
    document.head.appendChild(link);
    return () => link.remove();
  }, [href, title]);
  return null;
}
