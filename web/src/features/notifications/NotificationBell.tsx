import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { fetchUnreadCount } from '../../api/notifications';
import { unreadCountKey } from '../../api/queryKeys';

/** The bell in the top bar: how many notifications are unread, kept live by realtime events. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useQuery({ queryKey: unreadCountKey, queryFn: fetchUnreadCount, staleTime: 60_000 });
  const count = unread.data?.unreadCount ?? 0;
  return (
    <NavLink to="/notifications" className="bell" aria-label={t('notifications.bell', { count })} data-testid="notification-bell">
      <svg
        className="icon"
        width={22}
        height={22}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        aria-hidden="true"
        focusable="false"
      >
        <path d="M6 16V11a6 6 0 1 1 12 0v5l1.5 2h-15L6 16Zm4 4a2 2 0 0 0 4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {count > 0 ? (
        <span className="bell__badge" aria-hidden="true">
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </NavLink>
  );
}
