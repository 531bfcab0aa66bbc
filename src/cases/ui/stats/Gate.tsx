import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../../web/session.tsx';

/** Asks to log in, says the page is for a State's officers, or sends the secretariat to the submissions it receives. */
export function Gate({ title, secretariat = false }: { title: string; secretariat?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  return (
    <>
      <h1>{title}</h1>
      {!session.user ? (
        <p className="notice">
          {t('caseStats.gate.needLogin')}{' '}
          <Link to="/login" state={{ from: location.pathname + location.search }}>
            {t('auth.login')}
          </Link>
        </p>
      ) : secretariat ? (
        <p className="notice">
          {t('caseStats.gate.secretariat')} <Link to="/case-statistics/submissions">{t('caseStats.submissions.title')}</Link>
        </p>
      ) : (
        <p className="notice" data-testid="stats-not-for-role">
          {t('caseStats.gate.notForRole')}
        </p>
      )}
    </>
  );
}
