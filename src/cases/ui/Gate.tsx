import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../web/session.tsx';

/**
 * Whether to show the case pages at all: cases belong to a State's central-authority officers and the
 * practitioners assigned to them. This only spares others an empty page; the API decides every call.
 */
export function useCasesAccess(): 'loading' | 'ok' | 'login' | 'role' {
  const session = useSession();
  if (session.status === 'loading') return 'loading';
  if (!session.user) return 'login';
  const roles = session.user.roles as readonly string[];
  return session.user.state && roles.some((r) => r === 'officer' || r === 'practitioner') ? 'ok' : 'role';
}

/** Asks to log in, or says the account does not handle cases. */
export function CasesGate({ title }: { title: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  return (
    <>
      <h1>{title}</h1>
      {session.user ? (
        <p className="notice" data-testid="cases-not-for-role">
          {t('cases.gate.notForRole')}
        </p>
      ) : (
        <p className="notice">
          {t('cases.gate.needLogin')}{' '}
          <Link to="/login" state={{ from: location.pathname + location.search }}>
            {t('auth.login')}
          </Link>
        </p>
      )}
    </>
  );
}
