import { useTranslation } from 'react-i18next';
import { NotFoundMessage } from '../../web/components/NotFound.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';

/** Any address the UI does not know. */
export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <NotFoundMessage title={t('notFound.title')} backTo="/" backLabel={t('notFound.home')}>
      <p>{t('notFound.text')}</p>
    </NotFoundMessage>
  );
}
