import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { api, ok } from '../../web/api/client.ts';
import { useFormat } from '../../web/format.ts';
import { useSession } from '../../web/session.tsx';
import { onInboxChanged } from './inboxEvents.ts';

/** "Inbox" in the main navigation with the number of unread messages, checked on each navigation (no timer). */
export function InboxNavLink() {
  const { t } = useTranslation();
  const f = useFormat();
  const { user } = useSession();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  const userId = user?.id;

  useEffect(() => onInboxChanged(() => setTick((n) => n + 1)), []);

  useEffect(() => {
    if (!userId) {
      setUnread(0);
      return;
    }
    const ctrl = new AbortController();
    ok(api.GET('/api/v1/inbox', { params: { query: { unread: 'true' } }, signal: ctrl.signal })).then((r) => r.items).then(
      (items) => setUnread(items.length),
      () => {
        // the badge is a convenience: a failed check leaves the last count
      },
    );
    return () => ctrl.abort();
  }, [userId, pathname, tick]);

  if (!user) return null;
  return (
    <NavLink to="/inbox" data-testid="inbox-link">
      {t('nav.inbox')}
      {unread > 0 && (
        <>
          <span className="count-badge" aria-hidden="true" data-testid="unread-count">
            {f.number(unread)}
          </span>
          <span className="visually-hidden">{t('knowledge.inbox.unreadCount', { count: unread })}</span>
        </>
      )}
    </NavLink>
  );
}
