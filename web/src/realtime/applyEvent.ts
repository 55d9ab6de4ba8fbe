import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { EventPayload, RealtimeEvent } from '../../../protocol/events';
import { fetchSession } from '../api/auth';
import {
  adminGroupsKey,
  directoryKey,
  groupFeedKey,
  groupKey,
  groupsKey,
  notificationsKey,
  profileKey,
  unreadCountKey,
} from '../api/queryKeys';
import type { Page, Person, SessionItem } from '../api/types';
import { applySession, updateSessionPerson } from '../features/session/sessionQuery';
import { applyChatEvent } from '../features/chat/chatCache';
import { applyCallEvent } from '../features/calls/callEvents';
import { applyPostEvent } from './applyPostEvent';

export const adminPeopleKey = ['admin', 'people'] as const;
export const mySessionsKey = ['me', 'sessions'] as const;

/** Puts a changed person into every loaded page of the admin people list, where it appears. */
export function replacePerson(client: QueryClient, person: Person): void {
  client.setQueriesData<InfiniteData<Page<Person>>>({ queryKey: adminPeopleKey }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.id === person.id ? person : x)) })) } : data,
  );
}

/** Brings the caches up to date with one event from the server. */
export function applyRealtimeEvent(client: QueryClient, event: RealtimeEvent): void {
  switch (event.type) {
    case 'person.updated': {
      const { person } = event.payload as { person: Person };
      updateSessionPerson(client, person);
      replacePerson(client, person);
      break;
    }
    case 'people.changed':
      void client.invalidateQueries({ queryKey: adminPeopleKey });
      void client.invalidateQueries({ queryKey: directoryKey });
      break;
    case 'group.updated':
    case 'group.membership': {
      const groupId =
        event.type === 'group.updated'
          ? (event.payload as { group: { id: string } }).group.id
          : (event.payload as { groupId: string }).groupId;
      // The group, its members and requests, and every list it appears in; a group the viewer may
      // no longer find answers 404 on refetch, and its page turns into "not found".
      void client.invalidateQueries({ queryKey: groupKey(groupId) });
      void client.invalidateQueries({ queryKey: groupFeedKey(groupId) });
      void client.invalidateQueries({ queryKey: groupsKey });
      void client.invalidateQueries({ queryKey: adminGroupsKey });
      break;
    }
    case 'person.followed': {
      const { followerId, followeeId } = event.payload as { followerId: string; followeeId: string };
      void client.invalidateQueries({ queryKey: profileKey(followerId) });
      void client.invalidateQueries({ queryKey: profileKey(followeeId) });
      break;
    }
    case 'post.created':
    case 'post.updated':
    case 'post.deleted':
    case 'post.counts':
    case 'post.tally':
      applyPostEvent(client, event);
      break;
    case 'chat.message':
    case 'chat.message.updated':
    case 'chat.conversation':
    case 'chat.membership':
    case 'chat.read.mine':
    case 'chat.receipt':
    case 'chat.settings':
      applyChatEvent(client, event);
      break;
    case 'call.updated':
      applyCallEvent(event.payload as EventPayload<'call.updated'>);
      break;
    case 'notification.created':
    case 'notification.updated':
    case 'notifications.read': {
      const { unreadCount } = event.payload as { unreadCount: number };
      client.setQueryData(unreadCountKey, { unreadCount });
      void client.invalidateQueries({ queryKey: notificationsKey, predicate: (q) => q.queryKey[1] !== 'unread-count' });
      break;
    }
    case 'session.revoked': {
      const { sessionId } = event.payload as { sessionId: string };
      const known = client.getQueryData<Page<SessionItem>>(mySessionsKey)?.items.find((s) => s.id === sessionId);
      if (known?.current) {
        applySession(client, null);
        break;
      }
      void client.invalidateQueries({ queryKey: mySessionsKey });
      // SessionInfo does not name the current session, so ask the server whether ours still stands.
      void fetchSession().then(
        (info) => {
          if (info === null) applySession(client, null);
        },
        () => undefined,
      );
      break;
    }
  }
}
