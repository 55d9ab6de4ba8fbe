import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { SearchBox } from '../features/search/SearchBox';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { ConnectionIndicator } from '../realtime/ConnectionIndicator';
import { ConnectionProvider, useRealtimeConnection } from '../realtime/useRealtime';
import { useSession } from '../features/session/SessionContext';
import { useIsWide } from '../ui/useMediaQuery';
import { Icon } from '../ui/icons';
import { CallLayer } from '../features/calls/CallLayer';
import { BottomTabs } from './BottomTabs';
import { SideNav } from './SideNav';

/** The signed-in frame: a top bar, the side bar (wide) or bottom tabs (narrow), and the page. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const wide = useIsWide();
  const connection = useRealtimeConnection(session.eventSeq);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone an open conversation takes the whole screen, as in every chat app: the composer sits
  // at the bottom edge, and the conversation's own header leads back to the list.
  const tabs = !wide && !/^\/chat\/[^/]+/.test(pathname);
  const firstPath = useRef(pathname);
  // A new screen in a single-page app is silent to screen readers: start them at its content.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    window.scrollTo(0, 0);
    main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <ConnectionProvider value={connection}>
      <div className={`shell ${wide ? 'shell--wide' : 'shell--narrow'}${wide || tabs ? '' : ' shell--no-tabs'}`}>
        <a className="skip-link" href="#main">
          {t('nav.skip')}
        </a>
        <header className="topbar">
          <div className="brand">
            <img className="brand__logo" src="/icon.svg" alt="" width={28} height={28} />
            <span className="brand__name">{session.org.name}</span>
          </div>
          {wide ? <SearchBox /> : null}
          <div className="topbar__end">
            <ConnectionIndicator state={connection} />
            {wide ? null : (
              <NavLink to="/search" className="topbar__search" aria-label={t('search.open')} data-testid="search-link">
                <Icon name="search" />
              </NavLink>
            )}
            <NotificationBell />
          </div>
        </header>
        {wide ? <SideNav /> : null}
        <main ref={main} id="main" className="shell__main" tabIndex={-1}>
          <Outlet />
        </main>
        {tabs ? <BottomTabs /> : null}
        <CallLayer />
      </div>
    </ConnectionProvider>
  );
}
