import { useTranslation } from 'react-i18next';

/** STUB (contract only; a UI helper writes the pages). */
export function StatsRoutes() {
  const { t } = useTranslation();
  return <h1>{t('caseStats.nav')}</h1>;
}
