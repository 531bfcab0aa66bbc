import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ApiError, ok } from '../../web/api/client.ts';
import type { SavedSearch } from '../../web/api/types.ts';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { useFormat } from '../../web/format.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { useFacetLabel } from './names.ts';
import { fromSavedQuery, LIST_FACETS, searchHref } from './searchUrl.ts';

/** The saved searches of the logged-in user, with their alerts' channel; shown on the inbox page (a slot of it). */
export function SavedSearchesSection() {
  const session = useSession();
  if (!session.user) return null;
  return <SavedSearches />;
}

function SavedSearches() {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useFacetLabel();
  const res = useApi((signal) => ok(api.GET('/api/v1/saved-searches', { signal })).then((r) => r.items), []);
  const [deleted, setDeleted] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const list = (res.data ?? []).filter((s) => !deleted.has(s.id));

  const remove = async (s: SavedSearch) => {
    if (!window.confirm(t('knowledge.saved.confirmDelete', { name: s.name }))) return;
    setBusy(s.id);
    setMessage(null);
    try {
      await ok(api.DELETE('/api/v1/saved-searches/{id}', { params: { path: { id: s.id } } }));
      setDeleted((d) => new Set(d).add(s.id));
      setMessage({ text: t('knowledge.saved.deleted', { name: s.name }), error: false });
    } catch (err) {
      setMessage({ text: err instanceof ApiError ? errorText(t, err) : t('error.unexpected'), error: true });
    } finally {
      setBusy(null);
    }
  };

  const describe = (s: SavedSearch): string => {
    const p = fromSavedQuery(s.query);
    const parts: string[] = [];
    if (p.q) parts.push(t('knowledge.saved.words', { q: p.q }));
    for (const fc of LIST_FACETS) for (const v of p[fc] ?? []) parts.push(label(fc, v));
    if (p.year) parts.push(p.year);
    return parts.join(t('knowledge.listSeparator')) || t('knowledge.saved.everything');
  };

  return (
    <section aria-labelledby="saved-title">
      <h2 id="saved-title">{t('knowledge.saved.title')}</h2>
      <p className="small muted">{t('knowledge.saved.intro')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {message && !message.error ? message.text : ''}
      </p>
      {message?.error && (
        <div className="alert" role="alert">
          <p>{message.text}</p>
        </div>
      )}
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      {res.data && list.length === 0 && (
        <p className="notice">
          {t('knowledge.saved.none')} <Link to="/search">{t('knowledge.saved.goSearch')}</Link>
        </p>
      )}
      {list.length > 0 && (
        <ul className="saved-searches">
          {list.map((s) => (
            <li key={s.id} data-testid="saved-search" data-id={s.id}>
              <div>
                <h3 className="saved-name">
                  <Link to={searchHref(fromSavedQuery(s.query))} data-testid="run-saved-search">
                    {s.name}
                  </Link>
                </h3>
                <p className="small muted">
                  {describe(s)} · {s.email ? t('knowledge.saved.byEmail') : t('knowledge.saved.inboxOnly')} · {t('knowledge.saved.since', { date: f.date(s.createdAt) })}
                </p>
              </div>
              <button
                type="button"
                className="button-secondary button-small button-danger"
                onClick={() => void remove(s)}
                disabled={busy === s.id}
                aria-label={t('knowledge.saved.deleteLabel', { name: s.name })}
                data-testid="delete-saved-search"
              >
                {t('knowledge.saved.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
