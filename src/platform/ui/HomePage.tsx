import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../web/components/usePageTitle.ts';
import { Slot, useModules } from '../../web/modules-context.tsx';
import { useSession } from '../../web/session.tsx';

/** What Palermo is, and the way into each section (the modules' home cards and slots). */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  usePageTitle(null);
  const modules = useModules();
  const cards = useMemo(() => modules.flatMap((m) => m.homeCards ?? []).sort((a, b) => a.order - b.order), [modules]);

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>
      <p>{t('home.audience')}</p>
      {user && <p data-testid="welcome">{t('home.welcome', { name: user.displayName })}</p>}
      <Slot name="home.top" props={{}} />
      <h2>{t('home.sectionsTitle')}</h2>
      <ul className="card-list">
        {cards.map((c) => (
          <li key={c.to} className="card">
            <h3>
              <Link to={c.to}>{t(c.title)}</Link>
            </h3>
            <p>{t(c.text)}</p>
          </li>
        ))}
      </ul>
      <Slot name="home.bottom" props={{}} />
      <p className="muted small">{t('home.dataNote')}</p>
    </>
  );
}
