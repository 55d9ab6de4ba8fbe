import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { conversationListKey, fetchConversations, type Conversation, type ConversationFilter } from '../../api/chat';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { formatDateTime, formatRelative } from '../../ui/format';
import { Icon } from '../../ui/icons';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { useDebounced } from '../../ui/useDebounced';
import { useSession } from '../session/SessionContext';
import { conversationTitle, messageExcerpt } from './chatText';
import { useHeardPresence, useListPresence } from './hooks';
import { NewConversationDialog } from './NewConversationDialog';

const FILTERS: ConversationFilter[] = ['all', 'unread', 'archived'];

/** My conversations, newest activity first, with what is unread; a filter box and all / unread / archived. */
export function ConversationList({ selectedId }: { selectedId?: string }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<ConversationFilter>('all');
  const [q, setQ] = useState('');
  const search = useDebounced(q.trim());
  const list = useInfiniteQuery({
    queryKey: conversationListKey(filter, search),
    queryFn: ({ pageParam }) => fetchConversations(filter, search, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  useListPresence(items.flatMap((c) => (c.kind === 'direct' && c.people[0] ? [c.people[0].id] : [])));
  const empty = search ? t('chat.noMatch', { q: search }) : t(`chat.empty.${filter}`);
  return (
    <section className="chat-list" aria-labelledby="chat-list-title">
      <header className="chat-list__head">
        <h1 id="chat-list-title" className="page__title">
          {t('chat.title')}
        </h1>
        <NewConversationDialog />
      </header>
      <div className="chat-list__tools">
        <TextField label={t('chat.search')} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        <div className="kind-filter" role="group" aria-label={t('chat.filter')}>
          {FILTERS.map((f) => (
            <button key={f} type="button" className="kind-filter__item" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(`chat.filters.${f}`)}
            </button>
          ))}
        </div>
      </div>
      {list.isPending ? <Loading block /> : null}
      <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
      {list.isSuccess && items.length === 0 ? (
        <EmptyState title={empty}>{filter === 'all' && !search ? t('chat.empty.lead') : null}</EmptyState>
      ) : null}
      {items.length > 0 ? (
        <ul className="chat-list__items">
          {items.map((c) => (
            <ConversationRow key={c.id} conversation={c} selected={c.id === selectedId} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={list} />
    </section>
  );
}

function ConversationRow({ conversation: c, selected }: { conversation: Conversation; selected: boolean }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const title = conversationTitle(t, c);
  const face = c.kind === 'direct' ? c.people[0] : undefined;
  const nameOf = (id: string) => c.people.find((p) => p.id === id)?.displayName ?? (id === me.id ? t('chat.you') : t('chat.someone'));
  const excerpt = c.lastMessage ? messageExcerpt(t, c.lastMessage, me.id, nameOf) : t('chat.noMessages');
  const unread = c.unreadCount > 0;
  const presence = useHeardPresence(face?.id ?? null);
  return (
    <li>
      <Link
        to={`/chat/${c.id}`}
        className={`chat-row${unread ? ' chat-row--unread' : ''}`}
        aria-current={selected ? 'page' : undefined}
        data-testid="conversation"
      >
        <span className="chat-row__face">
          <Avatar name={face?.displayName ?? title} photoUrl={face?.photoUrl ?? null} />
          {presence && presence.status !== 'offline' ? (
            <span className={`presence__dot presence__dot--${presence.status} chat-row__presence`}>
              <span className="sr-only">{t(`chat.presence.${presence.status}`)}</span>
            </span>
          ) : null}
        </span>
        <span className="chat-row__text">
          <span className="chat-row__top">
            <span className="chat-row__title">{title}</span>
            <time className="chat-row__time" dateTime={c.lastActivityAt} title={formatDateTime(c.lastActivityAt)}>
              {formatRelative(c.lastActivityAt)}
            </time>
          </span>
          <span className="chat-row__bottom">
            <span className="chat-row__excerpt">{excerpt}</span>
            {c.muted ? (
              <span className="chat-row__muted" title={t('chat.muted')}>
                <Icon name="muted" size={16} />
                <span className="sr-only">{t('chat.muted')}</span>
              </span>
            ) : null}
            {unread ? (
              <span className="count-badge" data-testid="conversation-unread">
                <span aria-hidden="true">{c.unreadCount > 99 ? '99+' : c.unreadCount}</span>
                <span className="sr-only">{t('chat.unreadCount', { count: c.unreadCount })}</span>
              </span>
            ) : null}
          </span>
        </span>
      </Link>
    </li>
  );
}
