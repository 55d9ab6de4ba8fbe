import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { fetchNotifications, markAllNotificationsRead, markNotificationRead, type Notification } from '../../api/notifications';
import { notificationsKey, unreadCountKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { formatDateTime, formatRelative } from '../../ui/format';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';

/** Where a notification leads: the post, else the group (its requests for a join request). */
function targetOf(n: Notification): string | null {
  // Chat and call notifications (chat_mention, chat_message, call_missed) lead to their conversation.
  if (n.conversationId) return `/chat/${n.conversationId}`;
  if (n.postId) return `/posts/${n.postId}`;
  if (n.groupId) return n.kind === 'join_request' ? `/groups/${n.groupId}/requests` : `/groups/${n.groupId}`;
  return null;
}

function useSentence() {
  const { t } = useTranslation();
  return (n: Notification): string => {
    const actor = n.actors[0]?.displayName ?? t('notifications.someone');
    const who = n.actorCount > 1 ? t('notifications.andOthers', { actor, count: n.actorCount - 1 }) : actor;
    return t(`notifications.kinds.${n.kind}`, { actor: who, group: n.groupName ?? '' });
  };
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('notifications.title'), org.name);
  const client = useQueryClient();
  const navigate = useNavigate();
  const sentence = useSentence();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useInfiniteQuery({
    queryKey: [...notificationsKey, unreadOnly ? 'unread' : 'all'],
    queryFn: ({ pageParam }) => fetchNotifications(unreadOnly, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const onCount = ({ unreadCount }: { unreadCount: number }) => {
    client.setQueryData(unreadCountKey, { unreadCount });
    void client.invalidateQueries({ queryKey: notificationsKey, predicate: (q) => q.queryKey[1] !== 'unread-count' });
  };
  const readAll = useMutation({ mutationFn: markAllNotificationsRead, onSuccess: onCount });
  const readOne = useMutation({ mutationFn: markNotificationRead, onSuccess: onCount });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  function open(n: Notification): void {
    if (!n.read) readOne.mutate(n.id);
    const to = targetOf(n);
    if (to) void navigate(to);
  }

  return (
    <section className="page">
      <header className="page__header page__header--split">
        <h1 className="page__title">{t('notifications.title')}</h1>
        <Button variant="secondary" small busy={readAll.isPending} onClick={() => readAll.mutate()}>
          {t('notifications.markAllRead')}
        </Button>
      </header>
      <div className="kind-filter" role="group" aria-label={t('notifications.filter')}>
        <button type="button" className="kind-filter__item" aria-pressed={!unreadOnly} onClick={() => setUnreadOnly(false)}>
          {t('notifications.all')}
        </button>
        <button type="button" className="kind-filter__item" aria-pressed={unreadOnly} onClick={() => setUnreadOnly(true)}>
          {t('notifications.unread')}
        </button>
      </div>
      {list.isPending ? <Loading block /> : null}
      <ErrorAlert message={list.isError ? errorMessage(t, list.error) : readAll.isError ? errorMessage(t, readAll.error) : null} />
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title={t(unreadOnly ? 'notifications.noneUnread' : 'notifications.none')} />
      ) : null}
      <ul className="notification-list card">
        {items.map((n) => (
          <li key={n.id} className={`notification${n.read ? '' : ' notification--unread'}`} data-testid="notification">
            <button type="button" className="notification__button" onClick={() => open(n)}>
              <Avatar name={n.actors[0]?.displayName ?? '?'} photoUrl={n.actors[0]?.photoUrl ?? null} />
              <span className="notification__text">
                <span className="notification__sentence">{sentence(n)}</span>
                {n.excerpt ? <span className="notification__excerpt">“{n.excerpt}”</span> : null}
                <time className="identity__meta" dateTime={n.updatedAt} title={formatDateTime(n.updatedAt)}>
                  {formatRelative(n.updatedAt)}
                </time>
              </span>
              {n.read ? null : <span className="notification__dot">{t('notifications.unreadMark')}</span>}
            </button>
          </li>
        ))}
      </ul>
      <LoadMore query={list} />
    </section>
  );
}
