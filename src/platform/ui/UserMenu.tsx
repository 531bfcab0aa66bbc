import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../web/session.tsx';

/** The signed-in user's name and "Log out", or a "Log in" link. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (session.status === 'loading') return <div className="user-menu" aria-hidden="true" />;

  if (!session.user) {
    if (location.pathname === '/login') return <div className="user-menu" />;
    return (
      <div className="user-menu">
        <Link to="/login" state={{ from: location.pathname + location.search }}>
          {t('auth.login')}
        </Link>
      </div>
    );
  }

  const onLogout = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await session.logout();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="user-menu">
      <span className="visually-hidden">{t('auth.signedInAs')}</span>
      <span className="current-user" data-testid="current-user">
        {session.user.displayName}
      </span>
      <button type="button" className="button-secondary button-small" onClick={onLogout} disabled={busy}>
        {t('auth.logout')}
      </button>
      {failed && (
        <span role="alert" className="small">
          {t('auth.logoutFailed')}
        </span>
      )}
    </div>
  );
}
