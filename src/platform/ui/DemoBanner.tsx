import { useTranslation } from 'react-i18next';
import { useSession } from '../../web/session.tsx';

/** Shown on every page while a demo account is logged in. */
export function DemoBanner() {
  const { t } = useTranslation();
  const { user } = useSession();
  if (!user?.demo) return null;
  return (
    <div className="demo-banner" data-testid="demo-banner" role="note">
      <p>
        <strong>{t('demo.title')}</strong> {t('demo.text')}
      </p>
    </div>
  );
}
