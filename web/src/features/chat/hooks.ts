import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  chatUnreadKey,
  conversationKey,
  fetchChatUnread,
  fetchConversation,
  fetchMembers,
  fetchPresence,
  fetchReceipts,
  markConversationRead,
  membersKey,
  messagesKey,
  presenceKey,
  receiptsKey,
  sendMessage,
  type ChatMessage,
  type Conversation,
} from '../../api/chat';
import { isApiError } from '../../api/client';
import type { Attachment } from '../../api/posts';
import { errorMessage } from '../../ui/errors';
import { useWatchPresence } from '../../realtime/live';
import { patchConversation, receiveMessages } from './chatCache';
import { newClientKey } from './chatText';
import { loadMessages, type MessageList } from './messageList';
import { pendingStore, type PendingMessage } from './stores';

const notFoundRetry = (n: number, e: unknown) => !(isApiError(e) && e.status === 404) && n < 2;

export const useConversation = (id: string) =>
  useQuery({ queryKey: conversationKey(id), queryFn: () => fetchConversation(id), retry: notFoundRetry });

export function useMessages(id: string) {
  const client = useQueryClient();
  return useQuery<MessageList>({ queryKey: messagesKey(id), queryFn: () => loadMessages(client, id), retry: notFoundRetry });
}

/** The first hundred people (names for receipts, mentions and system messages; the people dialog pages on). */
export const useMembers = (id: string, enabled = true) =>
  useQuery({ queryKey: membersKey(id), queryFn: () => fetchMembers(id), enabled, retry: notFoundRetry });

export const useReceipts = (id: string) => useQuery({ queryKey: receiptsKey(id), queryFn: () => fetchReceipts(id), retry: notFoundRetry });

/** The total badge; a server without chat yet simply shows none. */
export const useChatUnread = () =>
  useQuery({ queryKey: chatUnreadKey, queryFn: fetchChatUnread, staleTime: 60_000, retry: false, refetchOnWindowFocus: true });

/** Someone's presence, read once and then kept live by `presence` signals while watched. */
export function usePresence(personId: string | null) {
  useWatchPresence(personId ? [personId] : []);
  return useQuery({
    queryKey: presenceKey(personId ?? ''),
    queryFn: async () => (await fetchPresence([personId ?? ''])).find((p) => p.personId === personId) ?? null,
    enabled: personId !== null,
    staleTime: 60_000,
    retry: false,
  });
}

/**
 * The presence of the other people of the direct conversations listed: read in one request, kept
 * live by `presence` signals (each person's entry under presenceKey).
 */
export function useListPresence(personIds: string[]): void {
  const client = useQueryClient();
  const ids = [...new Set(personIds)].sort();
  useWatchPresence(ids);
  useQuery({
    queryKey: ['chat', 'presence-list', ids.join(',')],
    queryFn: async () => {
      const found = await fetchPresence(ids);
      for (const p of found) client.setQueryData(presenceKey(p.personId), p);
      return found.length;
    },
    enabled: ids.length > 0,
    staleTime: 60_000,
    retry: false,
  });
}

/** One person's presence as last heard (from the list's request or a signal), without asking. */
export const useHeardPresence = (personId: string | null) =>
  useQuery({
    queryKey: presenceKey(personId ?? ''),
    queryFn: () => fetchPresence([personId ?? '']).then((l) => l[0] ?? null),
    enabled: false,
  }).data ?? null;

async function deliver(client: QueryClient, p: PendingMessage, t: ReturnType<typeof useTranslation>['t']): Promise<void> {
  pendingStore.put({ ...p, status: 'sending', error: null });
  try {
    const message = await sendMessage(p.conversationId, {
      clientKey: p.clientKey,
      body: p.body,
      replyToId: p.replyTo?.id,
      attachmentIds: p.attachments.length ? p.attachments.map((a) => a.id) : undefined,
    });
    receiveMessages(client, p.conversationId, [message]);
    pendingStore.remove(p.conversationId, p.clientKey);
  } catch (err) {
    // The server's copy may have arrived by event meanwhile: then there is nothing left to retry.
    const stillPending = pendingStore.get(p.conversationId).some((x) => x.clientKey === p.clientKey);
    const held = client.getQueryData<MessageList>(messagesKey(p.conversationId))?.items.some((m) => m.clientKey === p.clientKey);
    if (stillPending && !held) pendingStore.put({ ...p, status: 'failed', error: errorMessage(t, err) });
  }
}

/** Optimistic sending: shown at once as "sending", then replaced by the server's message, or "not sent" with a retry. */
export function useSend(conversationId: string) {
  const client = useQueryClient();
  const { t } = useTranslation();
  const send = useCallback(
    (input: { body: string; replyTo: ChatMessage | null; attachments: Attachment[] }) => {
      const p: PendingMessage = {
        clientKey: newClientKey(),
        conversationId,
        ...input,
        status: 'sending',
        error: null,
        createdAt: new Date().toISOString(),
      };
      void deliver(client, p, t);
    },
    [client, conversationId, t],
  );
  // A retry sends the same key: if the first attempt did reach the server, the same message comes back.
  const retry = useCallback((p: PendingMessage) => void deliver(client, p, t), [client, t]);
  return { send, retry };
}

function useAttention(): boolean {
  const read = () => document.visibilityState === 'visible' && document.hasFocus();
  const [attentive, setAttentive] = useState(read);
  useEffect(() => {
    const update = () => setAttentive(read());
    window.addEventListener('focus', update);
    window.addEventListener('blur', update);
    document.addEventListener('visibilitychange', update);
    return () => {
      window.removeEventListener('focus', update);
      window.removeEventListener('blur', update);
      document.removeEventListener('visibilitychange', update);
    };
  }, []);
  return attentive;
}

/** Marks the conversation read up to its newest message while it is on screen and the tab has focus. */
export function useMarkRead(conversation: Conversation | undefined, newestSeq: number): void {
  const client = useQueryClient();
  const attentive = useAttention();
  const sent = useRef(0);
  const id = conversation?.id;
  const lastRead = conversation?.lastReadSeq ?? 0;
  useEffect(() => {
    if (!id || !attentive || newestSeq <= lastRead || newestSeq <= sent.current) return;
    sent.current = newestSeq;
    markConversationRead(id, newestSeq).then(
      () => {
        patchConversation(client, id, (c) => (newestSeq > c.lastReadSeq ? { ...c, lastReadSeq: newestSeq, unreadCount: 0 } : c));
        void client.invalidateQueries({ queryKey: chatUnreadKey });
      },
      // Not recorded: try again with the next message or the next focus.
      () => (sent.current = 0),
    );
  }, [client, id, attentive, newestSeq, lastRead]);
}
