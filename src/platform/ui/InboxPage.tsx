import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ApiError } from '../../web/api/client.ts';
import { errorText } from '../../web/components/errors.ts';
import { ErrorMessage, Loading } from '../../web/components/LoadState.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useFormat } from '../../web/format.ts';
import { useLang } from '../../web/i18n.ts';
import { useSession } from '../../web/session.tsx';
import { useApi } from '../../web/useApi.ts';
import { inboxChanged } from './inboxEvents.ts';
import { NotificationSettings } from './NotificationSettings.tsx';
import { notificationsApi, type InboxMessage } from './notificationsApi.ts';

const PAGE = 50;

/**
 * /inbox (logged-in users): the notices of every module, written by the server in the UI's language, then
 * what modules add below (`children`: the knowledge portal's saved searches), then the notice settings.
 */
export function InboxPage({ children }: { children?: ReactNode }) {
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
      <Messages />
      {children}
      <NotificationSettings />
    </>
  );
}

function Messages() {
  const { t } = useTranslation();
  const f = useFormat();
  const lang = useLang();
  const res = useApi((signal) => notificationsApi.inbox({ lang, limit: PAGE }, signal), [lang]);
  const [older, setOlder] = useState<InboxMessage[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [read, setRead] = useState<Set<number> | 'all'>(new Set());
  const [error, setError] = useState<string | null>(null);
  const isRead = (m: InboxMessage) => m.read || read === 'all' || read.has(m.id);
  const loaded = [...(res.data?.items ?? []), ...older];
  const messages = loaded.map((m) => (isRead(m) ? { ...m, read: true } : m));
  // The server counts the whole inbox (not only the pages shown); less what was marked read here since.
  const unread = read === 'all' ? 0 : Math.max(0, (res.data?.unread ?? 0) - loaded.filter((m) => !m.read && read.has(m.id)).length);
  const more = next === undefined ? (res.data?.next ?? null) : next;

  const act = async (fn: () => Promise<void>) => {
    setError(null);
    try {
      await fn();
      inboxChanged();
    } catch (err) {
      setError(err instanceof ApiError ? errorText(t, err) : t('error.unexpected'));
    }
  };
  const markRead = (m: InboxMessage) =>
    act(async () => {
      await notificationsApi.markRead(m.id);
      setRead((s) => (s === 'all' ? s : new Set(s).add(m.id)));
    });
  const markAll = () =>
    act(async () => {
      await notificationsApi.markAllRead();
      setRead('all');
    });
  const loadOlder = () =>
    act(async () => {
      if (more === null) return;
      const page = await notificationsApi.inbox({ lang, limit: PAGE, before: more });
      setOlder((o) => [...o, ...page.items]);
      setNext(page.next);
    });

  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t('knowledge.inbox.messages')}</h2>
      <p className="result-count" role="status" aria-live="polite" data-testid="inbox-count">
        {res.data ? (messages.length === 0 ? t('knowledge.inbox.empty') : t('knowledge.inbox.count', { count: messages.length, unread })) : ''}
      </p>
      {unread > 0 && (
        <button type="button" className="button-secondary button-small" onClick={() => void markAll()} data-testid="mark-all-read">
          {t('notifications.markAllRead')}
        </button>
      )}
      {error && (
        <div className="alert" role="alert">
          <p>{error}</p>
        </div>
      )}
      {res.status === 'error' && <ErrorMessage error={res.error} onRetry={res.reload} />}
      {res.status === 'loading' && !res.data && <Loading />}
      <ul className="messages">
        {messages.map((m) => (
          <Message key={m.id} m={m} date={f.date(m.createdAt)} onRead={() => void markRead(m)} />
        ))}
      </ul>
      {more !== null && res.data && (
        <button type="button" className="button-secondary" onClick={() => void loadOlder()} data-testid="inbox-older">
          {t('notifications.older')}
        </button>
      )}
    </section>
  );
}

function Message({ m, date, onRead }: { m: InboxMessage; date: string | null; onRead: () => void }) {
  const { t } = useTranslation();
  return (
    <li className={`message${m.read ? '' : ' is-unread'}`} data-testid="inbox-message" data-kind={m.kind} data-read={m.read}>
      <div className="message-head">
        <h3 className="message-subject">
          {!m.read && <span className="badge badge-new">{t('knowledge.inbox.new')}</span>}{' '}
          {m.link ? <Link to={m.link}>{m.subject}</Link> : m.subject}
        </h3>
        <p className="muted small">{date}</p>
      </div>
      {m.body && <p className="message-body">{m.body}</p>}
      {m.items && m.items.length > 0 && (
        <ul className="plain-list">
          {m.items.map((i, n) => (
            <li key={i.link ?? n}>
              {i.link ? (
                <Link to={i.link} lang={i.lang} dir="auto">
                  {i.text}
                </Link>
              ) : (
                <span lang={i.lang} dir="auto">
                  {i.text}
                </span>
              )}
              {i.detail && <span className="muted small"> · {i.detail}</span>}
            </li>
          ))}
        </ul>
      )}
      {!m.read && (
        <button type="button" className="button-secondary button-small" onClick={onRead} data-testid="mark-read">
          {t('knowledge.inbox.markRead')}
        </button>
      )}
    </li>
  );
}
