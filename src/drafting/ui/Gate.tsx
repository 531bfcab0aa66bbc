import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../web/session.tsx';

/** Who may write requests: practitioners and central-authority officers. */
export const canDraft = (roles: readonly string[] | undefined) => !!roles?.some((r) => r === 'practitioner' || r === 'officer');

/** Asks to log in, or says the account's roles do not write requests. */
export function DraftingGate({ title }: { title: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  return (
    <>
      <h1>{title}</h1>
      {session.user ? (
        <p className="notice">{t('drafting.list.notForRole')}</p>
      ) : (
        <p className="notice">
          {t('drafting.list.needLogin')}{' '}
          <Link to="/login" state={{ from: location.pathname + location.search }}>
            {t('auth.login')}
          </Link>
        </p>
      )}
    </>
  );
}
