import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { InboxNavLink } from './InboxNavLink.tsx';
import { useSession } from '../../web/session.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Page frame: skip link, header (brand, language, user), main navigation, main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  const { user } = useSession();

  // after client-side navigation, move focus to the new page's content (as a full page load would)
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
    window.scrollTo(0, 0);
  }, [pathname]);

  const skip = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <>
      <a className="skip-link" href="#main" onClick={skip}>
        {t('layout.skipToContent')}
      </a>
      <header className="site-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              P
            </span>
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <div className="header-tools">
            <LanguageSwitcher />
            <UserMenu />
          </div>
        </div>
        <nav className="main-nav" aria-label={t('layout.mainNav')}>
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/search">{t('nav.search')}</NavLink>
            </li>
            <li>
              <NavLink to="/instruments">{t('nav.instruments')}</NavLink>
            </li>
            <li>
              <NavLink to="/clusters">{t('nav.clusters')}</NavLink>
            </li>
            <li>
              <NavLink to="/states">{t('nav.states')}</NavLink>
            </li>
            <li>
              <NavLink to="/directory">{t('directory.nav')}</NavLink>
            </li>
            {user?.roles.some((r) => r === 'practitioner' || r === 'officer') && (
              <li>
                <NavLink to="/drafting">{t('drafting.nav')}</NavLink>
              </li>
            )}
            {user && (
              <li>
                <InboxNavLink />
              </li>
            )}
            {user?.roles.includes('secretariat') && (
              <li>
                <NavLink to="/import" data-testid="import-link">
                  {t('nav.import')}
                </NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <DemoBanner />
      <main id="main" className="site-main" ref={mainRef} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t('footer.about')}</p>
          <p>
            {t('footer.licence')} · <Link to="/open-data">{t('nav.openData')}</Link> · <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
