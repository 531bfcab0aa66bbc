import { useTranslation } from 'react-i18next';

/** STUB (contract only; a UI helper writes the pages). */
export function CasesRoutes() {
  const { t } = useTranslation();
  return <h1>{t('cases.nav')}</h1>;
}
