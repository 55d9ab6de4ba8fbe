import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { ChatNavItem } from '../features/chat/ChatNav';
import { useIsAdmin } from '../features/session/SessionContext';
import { Icon, type IconName } from '../ui/icons';
import { AccountSheet } from './AccountSheet';

function Tab({ to, icon, label, end }: { to: string; icon: IconName; label: string; end?: boolean }) {
  return (
    <li className="tabs__item">
      <NavLink to={to} end={end} className="tabs__link">
        <Icon name={icon} />
        <span className="tabs__label">{label}</span>
      </NavLink>
    </li>
  );
}

/** Phone navigation: the few places people go daily under the thumb; at most five; the rest in "More". */
export function BottomTabs() {
  const { t } = useTranslation();
  const isAdmin = useIsAdmin();
  const [moreOpen, setMoreOpen] = useState(false);
  const { pathname } = useLocation();
  // Five tabs at most: for admins, "Admin" moves into "More".
  const inMore = pathname.startsWith('/security') || pathname.startsWith('/profile') || (isAdmin && pathname.startsWith('/admin'));
  return (
    <nav className="tabs" aria-label={t('nav.main')}>
      <ul className="tabs__list">
        <Tab to="/" end icon="home" label={t('nav.home')} />
        <Tab to="/groups" icon="groups" label={t('nav.groups')} />
        <ChatNavItem variant="tab" />
        <Tab to="/people" icon="people" label={t('nav.directory')} />
        <li className="tabs__item">
          <button
            type="button"
            className={`tabs__link${inMore ? ' active' : ''}`}
            aria-haspopup="dialog"
            aria-expanded={moreOpen}
            onClick={() => setMoreOpen(true)}
          >
            <Icon name="more" />
            <span className="tabs__label">{t('nav.more')}</span>
          </button>
        </li>
      </ul>
      <AccountSheet open={moreOpen} onOpenChange={setMoreOpen} />
    </nav>
  );
}
