import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { api, ApiError, ok } from '../../web/api/client.ts';
import type { InboxMessage, SavedSearch } from '../../web/api/types.ts';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { TypeBadge } from './Badges.tsx';
import { inboxChanged } from './inboxEvents.ts';
import { dirOf, useFacetLabel } from './names.ts';
import { shortTitle } from './RecordPage.tsx';
import { fromSavedQuery, LIST_FACETS, searchHref } from './searchUrl.ts';

/** /inbox (logged-in users): alerts from saved searches with their new records, and the saved searches themselves. */
export function InboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  usePageTitle(t('knowledge.inbox.title'));

  if (session.status === 'loading') return <Loading />;
  if (!session.user) {
    return (
      <>
        <h1>{t('knowledge.inbox.title')}</h1>
        <p className="notice">
          {t('knowledge.inbox.needLogin')}{' '}
          <Link to="/login" state={{ from: location.pathname }}>
            {t('auth.login')}
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>{t('knowledge.inbox.title')}</h1>
      <Messages csrfToken={session.csrfToken ?? ''} />
      <SavedSearches csrfToken={session.csrfToken ?? ''} />
    </>
  );
}

function Messages({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const res = useApi((signal) => ok(api.GET('/api/v1/inbox', { signal })).then((r) => r.items), []);
  const [read, setRead] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const messages = (res.data ?? []).map((m) => (read.has(m.id) ? { ...m, read: true } : m));
  const unread = messages.filter((m) => !m.read).length;

  const markRead = async (m: InboxMessage) => {
    setError(null);
    try {
      await ok(api.POST('/api/v1/inbox/{id}/read', { params: { path: { id: m.id } } }));
      setRead((s) => new Set(s).add(m.id));
      inboxChanged();
    } catch (err) {
      setError(err instanceof ApiError ? errorText(t, err) : t('error.unexpected'));
    }
  };

  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('knowledge.inbox.messages')}</h2>
      <p className="result-count" role="status" aria-live="polite" data-testid="inbox-count">
        {res.data ? (messages.length === 0 ? t('knowledge.inbox.empty') : t('knowledge.inbox.count', { count: messages.length, unread })) : ''}
      </p>
      {error && (
        <div className="alert" role="alert">
          <p>{error}</p>
        </div>
      )}
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      <ul className="messages">
        {messages.map((m) => (
          <li key={m.id} className={`message${m.read ? '' : ' is-unread'}`} data-testid="inbox-message" data-read={m.read}>
            <div className="message-head">
              <h3 className="message-subject">
                {!m.read && <span className="badge badge-new">{t('knowledge.inbox.new')}</span>} {messageSubject(t, m)}
              </h3>
              <p className="muted small">{f.date(m.createdAt)}</p>
            </div>
            {m.body.items && m.body.items.length > 0 && (
              <ul className="plain-list">
                {m.body.items.map((i) => (
                  <li key={i.id}>
                    <TypeBadge type={i.type} />{' '}
                    <Link to={`/records/${i.id}`} lang={i.lang} dir={dirOf(i.lang)}>
                      {shortTitle(i.title, 140)}
                    </Link>
                    {i.date && <span className="muted small"> · {f.date(i.date)}</span>}
                  </li>
                ))}
              </ul>
            )}
            {!m.read && (
              <button type="button" className="button-secondary button-small" onClick={() => void markRead(m)} data-testid="mark-read">
                {t('knowledge.inbox.markRead')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The API writes the subject in English ("3 new record(s) for “name”"); alerts of saved searches are said in the UI language. */
function messageSubject(t: (k: string, o?: Record<string, unknown>) => string, m: InboxMessage): string {
  const name = m.subject.match(/“(.*)”/)?.[1];
  if (m.kind === 'saved-search' && name !== undefined) return t('knowledge.inbox.alertSubject', { count: m.body.total ?? m.body.items?.length ?? 0, name });
  return m.subject;
}

function SavedSearches({ csrfToken }: { csrfToken: string }) {
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
