import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { Icon } from '../../ui/icons';
import { useChatUnread } from './hooks';

function Badge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="count-badge nav-badge" data-testid="chat-badge">
      <span aria-hidden="true">{count > 99 ? '99+' : count}</span>
      <span className="sr-only">{t('chat.unreadCount', { count })}</span>
    </span>
  );
}

/** "Chat" in the side bar (wide) or the bottom tabs (narrow), with the total of unread messages. */
export function ChatNavItem({ variant }: { variant: 'side' | 'tab' }) {
  const { t } = useTranslation();
  const unread = useChatUnread();
  const count = unread.data?.total ?? 0;
  if (variant === 'side') {
    return (
      <li>
        <NavLink to="/chat" className="sidenav__link">
          <Icon name="chat" />
          <span>{t('nav.chat')}</span>
          <Badge count={count} />
        </NavLink>
      </li>
    );
  }
  return (
    <li className="tabs__item">
      <NavLink to="/chat" className="tabs__link tabs__link--badged">
        <Icon name="chat" />
        <span className="tabs__label">{t('nav.chat')}</span>
        <Badge count={count} />
      </NavLink>
    </li>
  );
}
