import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { RealtimeEvent, RealtimeSignal } from '../../../../protocol/events';
import {
  chatUnreadKey,
  conversationKey,
  conversationsKey,
  fetchMessages,
  membersKey,
  messagesKey,
  presenceKey,
  receiptsKey,
  type ChatMessage,
  type ChatUnread,
  type Conversation,
  type Presence,
  type Receipts,
} from '../../api/chat';
import type { Page, SessionInfo } from '../../api/types';
import { sessionKey } from '../session/sessionQuery';
import { contiguousTop, mergeMessages, type MessageList } from './messageList';
import { pendingStore, typingStore } from './stores';

const myId = (client: QueryClient): string | undefined => client.getQueryData<SessionInfo | null>(sessionKey)?.person.id;

/** Changes one conversation wherever it is held: its own query and every loaded page of every list. */
export function patchConversation(client: QueryClient, id: string, patch: (c: Conversation) => Conversation): void {
  client.setQueryData<Conversation>(conversationKey(id), (c) => (c ? patch(c) : c));
  client.setQueriesData<InfiniteData<Page<Conversation>>>({ queryKey: conversationsKey }, (data) =>
    data ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((c) => (c.id === id ? patch(c) : c)) })) } : data,
  );
}

/**
 * Puts server messages (a send's answer, an event, a page) into the conversation's history, once
 * each, and drops the optimistic copies they confirm.
 */
export function receiveMessages(client: QueryClient, conversationId: string, messages: ChatMessage[]): void {
  const me = myId(client);
  const confirmed = () => {
    for (const m of messages) if (m.clientKey && m.sender.id === me) pendingStore.remove(conversationId, m.clientKey);
  };
  const key = messagesKey(conversationId);
  const held = client.getQueryData<MessageList>(key);
  // A read of the history under way may have started before these messages existed, and its
  // answer would replace them: read again (cancelling it), and keep the optimistic copies until then.
  const reading = client.getQueryState(key)?.fetchStatus === 'fetching';
  if (reading) {
    if (held) client.setQueryData(key, mergeMessages(held, messages));
    void client.invalidateQueries({ queryKey: key }).then(confirmed, confirmed);
    return;
  }
  confirmed();
  // Not open: nothing to update; the history is read when the conversation is.
  if (!held) return;
  const next = mergeMessages(held, messages);
  client.setQueryData(key, next);
  // A hole before the newest message (one missed between two live ones): read what is missing.
  const last = next.items[next.items.length - 1];
  if (last && contiguousTop(next) < last.seq) void client.invalidateQueries({ queryKey: messagesKey(conversationId) });
}

function onNewMessage(client: QueryClient, conversationId: string, message: ChatMessage): void {
  receiveMessages(client, conversationId, [message]);
  // The event's shared post is an unfilled card; read the message as me to fill it (if I may see the post).
  if (message.post && !message.post.visible && client.getQueryData(messagesKey(conversationId))) {
    fetchMessages(conversationId, { after: message.seq - 1, limit: 1 }).then(
      (page) => receiveMessages(client, conversationId, page.items),
      () => undefined,
    );
  }
  typingStore.stopped(conversationId, message.sender.id);
  const mine = message.sender.id === myId(client);
  let found = false;
  patchConversation(client, conversationId, (c) => {
    found = true;
    if (message.seq <= c.lastSeq) return c;
    return {
      ...c,
      lastSeq: message.seq,
      lastMessage: message,
      lastActivityAt: message.createdAt,
      archived: false,
      unreadCount: mine ? c.unreadCount : c.unreadCount + 1,
      lastReadSeq: mine ? message.seq : c.lastReadSeq,
    };
  });
  // The newest conversation goes first; a list that did not hold it reads again.
  client.setQueriesData<InfiniteData<Page<Conversation>>>({ queryKey: conversationsKey }, (data) => {
    if (!data) return data;
    const all = data.pages.flatMap((p) => p.items);
    const moved = all.find((c) => c.id === conversationId);
    if (!moved || data.pages[0]?.items[0]?.id === conversationId) return data;
    return {
      ...data,
      pages: data.pages.map((p, i) => ({
        ...p,
        items: [...(i === 0 ? [moved] : []), ...p.items.filter((c) => c.id !== conversationId)],
      })),
    };
  });
  if (!found) void client.invalidateQueries({ queryKey: conversationsKey });
  if (!mine) void client.invalidateQueries({ queryKey: chatUnreadKey });
}

function setTotal(client: QueryClient, total: number): void {
  client.setQueryData<ChatUnread>(chatUnreadKey, (old) => ({ total, conversations: old?.conversations ?? 0 }));
}

function onReceipt(client: QueryClient, p: { conversationId: string; personId: string; lastReadSeq: number }): void {
  client.setQueryData<Receipts>(receiptsKey(p.conversationId), (old) => {
    if (!old) return old;
    const known = old.items.some((r) => r.personId === p.personId);
    const items = known
      ? old.items.map((r) => (r.personId === p.personId ? { ...r, lastReadSeq: Math.max(r.lastReadSeq, p.lastReadSeq) } : r))
      : [...old.items, { personId: p.personId, lastReadSeq: p.lastReadSeq }];
    return { items };
  });
}

/** Brings the chat caches up to date with one numbered `chat.*` event. */
export function applyChatEvent(client: QueryClient, event: RealtimeEvent): void {
  switch (event.type) {
    case 'chat.message': {
      const { conversationId, message } = event.payload as { conversationId: string; message: ChatMessage };
      onNewMessage(client, conversationId, message);
      break;
    }
    case 'chat.message.updated': {
      const { conversationId, message } = event.payload as { conversationId: string; message: ChatMessage };
      receiveMessages(client, conversationId, [message]);
      patchConversation(client, conversationId, (c) => (c.lastMessage?.id === message.id ? { ...c, lastMessage: message } : c));
      break;
    }
    case 'chat.conversation': {
      const { conversationId } = event.payload as { conversationId: string };
      void client.invalidateQueries({ queryKey: conversationKey(conversationId) });
      void client.invalidateQueries({ queryKey: conversationsKey });
      break;
    }
    case 'chat.membership': {
      const { conversationId, personId, change } = event.payload as { conversationId: string; personId: string; change: string };
      if (personId === myId(client) && change !== 'added') {
        // No longer in it: forget what was held; an open conversation asks again and is told "not found".
        client.removeQueries({ queryKey: messagesKey(conversationId) });
        client.removeQueries({ queryKey: receiptsKey(conversationId) });
        void client.invalidateQueries({ queryKey: chatUnreadKey });
      }
      void client.invalidateQueries({ queryKey: conversationKey(conversationId) });
      void client.invalidateQueries({ queryKey: membersKey(conversationId) });
      void client.invalidateQueries({ queryKey: conversationsKey });
      break;
    }
    case 'chat.read.mine': {
      const p = event.payload as { conversationId: string; lastReadSeq: number; unreadCount: number; total: number };
      patchConversation(client, p.conversationId, (c) =>
        p.lastReadSeq >= c.lastReadSeq ? { ...c, lastReadSeq: p.lastReadSeq, unreadCount: p.unreadCount } : c,
      );
      setTotal(client, p.total);
      break;
    }
    case 'chat.receipt':
      onReceipt(client, event.payload as { conversationId: string; personId: string; lastReadSeq: number });
      break;
    case 'chat.settings': {
      const p = event.payload as { conversationId: string; muted: boolean; archived: boolean; total: number };
      patchConversation(client, p.conversationId, (c) => ({ ...c, muted: p.muted, archived: p.archived }));
      setTotal(client, p.total);
      void client.invalidateQueries({ queryKey: conversationsKey });
      break;
    }
  }
}

/** Live-only signals: typing, receipts of big conversations, presence. */
export function applyChatSignal(client: QueryClient, signal: RealtimeSignal): void {
  switch (signal.type) {
    case 'chat.typing': {
      const { conversationId, personId } = signal.payload as { conversationId: string; personId: string };
      if (personId !== myId(client)) typingStore.heard(conversationId, personId);
      break;
    }
    case 'chat.receipt':
      onReceipt(client, signal.payload as { conversationId: string; personId: string; lastReadSeq: number });
      break;
    case 'presence': {
      const presence = signal.payload as Presence;
      client.setQueryData(presenceKey(presence.personId), presence);
      break;
    }
  }
}

/**
 * A socket is ready again after a drop: missed numbered events are replayed by the server, and the
 * open conversations also read what came after the messages they hold (a no-op when nothing did).
 */
export function onChatReady(client: QueryClient, reconnected: boolean): void {
  if (!reconnected) return;
  void client.invalidateQueries({ queryKey: ['chat', 'messages'] });
  void client.invalidateQueries({ queryKey: ['chat', 'conversation'] });
  void client.invalidateQueries({ queryKey: chatUnreadKey });
}
