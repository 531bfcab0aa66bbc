import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { useApi } from '../../web/useApi.ts';
import { ResultItem } from './ResultItem.tsx';
import { searchHref } from './searchUrl.ts';
import { searchQueryString } from './searchParams.ts';

/** The home page's search box: it leads to /search with the words typed. */
export function HomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    navigate(searchHref({ q: q.trim() || undefined }));
  };
  return (
    <form className="search-form home-search" role="search" onSubmit={onSubmit} aria-labelledby="home-search-label">
      <label htmlFor="home-search-q" id="home-search-label">
        {t('knowledge.home.searchLabel')}
      </label>
      <div className="search-box">
        <input
          id="home-search-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('knowledge.search.placeholder')}
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
        />
        <button type="submit">{t('knowledge.search.submit')}</button>
      </div>
    </form>
  );
}

/** The five newest Conference documents. */
export function NewestDocuments() {
  const { t } = useTranslation();
  const res = useApi((signal) => ok(api.GET('/api/v1/search', { querySerializer: () => searchQueryString({ type: ['cop-document'], sort: 'date', limit: 5 }), signal })), []);
  return (
    <section aria-labelledby="newest-title" data-testid="newest-documents">
      <h2 id="newest-title">{t('knowledge.home.newest')}</h2>
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data && res.data.items.length === 0 && <p className="muted">{t('knowledge.home.noDocuments')}</p>}
      {res.data && res.data.items.length > 0 && (
        <>
          <ul className="results results-compact">
            {res.data.items.map((h) => (
              <ResultItem key={h.id} hit={h} withSnippet={false} />
            ))}
          </ul>
          <p>
            <Link to={searchHref({ type: ['cop-document'], sort: 'date' })}>{t('knowledge.home.allDocuments')}</Link>
          </p>
        </>
      )}
    </section>
  );
}
