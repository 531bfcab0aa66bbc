import { Fragment, Suspense, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { Loading } from '../../web/components/LoadState.tsx';
import type { NavEntry } from '../../web/manifest.ts';
import { useModules } from '../../web/modules-context.tsx';
import { useSession } from '../../web/session.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { LanguageSwitcher } from './LanguageSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Page frame: skip link, header (brand, language, user), main navigation (the modules' entries), main content, footer. */
export function Layout() {
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  const { user } = useSession();
  const modules = useModules();
  const entries = useMemo(() => modules.flatMap((m) => m.nav ?? []).sort((a, b) => a.order - b.order), [modules]);
  const shown = entries.filter((e) => !e.visible || e.visible(user));
  const main = shown.filter((e) => (e.place ?? 'main') === 'main');
  const footer = shown.filter((e) => e.place === 'footer');

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
            {main.map((e) => (
              <li key={e.to}>
                <NavItem entry={e} />
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <DemoBanner />
      <main id="main" className="site-main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>{t('footer.about')}</p>
          <p>
            {t('footer.licence')}
            {footer.map((e) => (
              <Fragment key={e.to}>
                {' · '}
                <Link to={e.to} data-testid={e.testId}>
                  {t(e.label)}
                </Link>
              </Fragment>
            ))}
            {' · '}
            <a href="/api/docs">{t('footer.apiDocs')}</a>
          </p>
        </div>
      </footer>
    </>
  );
}

/** One module's link in the main navigation: its own component, or its label. */
function NavItem({ entry }: { entry: NavEntry }) {
  const { t } = useTranslation();
  if (entry.component) {
    const Custom = entry.component;
    return (
      <Suspense fallback={null}>
        <Custom />
      </Suspense>
    );
  }
  return (
    <NavLink to={entry.to} data-testid={entry.testId}>
      {t(entry.label)}
    </NavLink>
  );
}
