import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HomeSearch, NewestDocuments } from '../../knowledge/ui/HomeKnowledge.tsx';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { useSession } from '../../web/session.tsx';

const SECTIONS = [
  { to: '/search', key: 'search' },
  { to: '/instruments', key: 'instruments' },
  { to: '/clusters', key: 'clusters' },
  { to: '/states', key: 'states' },
] as const;

/** What Palermo is, and the way into each section. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(null);

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p>{t('home.audience')}</p>
      {user && <p data-testid="welcome">{t('home.welcome', { name: user.displayName })}</p>}
      <HomeSearch />
      <h2>{t('home.sectionsTitle')}</h2>
      <ul className="card-list">
        {SECTIONS.map((s) => (
          <li key={s.key} className="card">
            <h3>
              <Link to={s.to}>{t(`nav.${s.key}`)}</Link>
            </h3>
            <p>{t(`home.sections.${s.key}`)}</p>
          </li>
        ))}
      </ul>
      <NewestDocuments />
      <p className="muted small">{t('home.dataNote')}</p>
    </>
  );
}
