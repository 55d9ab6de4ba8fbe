import type { QueryClient } from '@tanstack/react-query';
import { excerptOf } from './chatText';
import { fetchMessages, messagesKey, MESSAGES_PAGE_SIZE, type ChatMessage } from '../../api/chat';

/** What the app holds of one conversation's history: messages in seq order, each once. */
export interface MessageList {
  items: ChatMessage[];
  /** Whether older messages than the first held remain on the server. */
  hasOlder: boolean;
}

/**
 * Adds messages to a list, keyed by id (a later copy replaces an earlier one: an edit, a reaction)
 * and by seq (one message per place in the order), sorted by seq. A deleted message stays deleted
 * even if a page read before the deletion arrives late.
 */
export function mergeMessages(list: MessageList | undefined, incoming: ChatMessage[], hasOlder?: boolean): MessageList {
  const byId = new Map<string, ChatMessage>();
  for (const m of list?.items ?? []) byId.set(m.id, m);
  for (const m of incoming) {
    const held = byId.get(m.id);
    if (held?.deletedAt && !m.deletedAt) continue;
    // An event carries a shared post's card unfilled (it is the same for every participant): keep the one read for me.
    byId.set(m.id, held?.post?.visible && m.post && !m.post.visible && !m.deletedAt ? { ...m, post: held.post } : m);
  }
  // Replies quote what they answer: an edit or a deletion shows in the quotes too.
  for (const changed of incoming) {
    const m = byId.get(changed.id);
    if (!m || (!m.editedAt && !m.deletedAt)) continue;
    for (const [id, reply] of byId) {
      if (reply.replyTo?.id !== m.id) continue;
      const quote = m.deletedAt ? { ...reply.replyTo, deleted: true, excerpt: null } : { ...reply.replyTo, excerpt: excerptOf(m.html) };
      byId.set(id, { ...reply, replyTo: quote });
    }
  }
  const bySeq = new Map<number, ChatMessage>();
  for (const m of byId.values()) bySeq.set(m.seq, m);
  const items = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  return { items, hasOlder: hasOlder ?? list?.hasOlder ?? false };
}

/**
 * The highest seq up to which the held history has no hole, counted from the oldest message held:
 * a catch-up reads everything after it, so a message missed between two live ones is found too.
 */
export function contiguousTop(list: MessageList): number {
  const first = list.items[0];
  if (!first) return 0;
  let top = first.seq;
  for (const m of list.items) {
    if (m.seq > top + 1) break;
    top = Math.max(top, m.seq);
  }
  return top;
}

const CATCH_UP_MAX_PAGES = 20;

/**
 * Reads a conversation's messages: the newest page the first time; afterwards (a refetch, a
 * reconnect, a resync) only what comes after the messages already held, so nothing is missing and
 * nothing shows twice.
 */
export async function loadMessages(client: QueryClient, conversationId: string): Promise<MessageList> {
  const held = client.getQueryData<MessageList>(messagesKey(conversationId));
  if (!held) {
    const page = await fetchMessages(conversationId, { limit: MESSAGES_PAGE_SIZE });
    return mergeMessages(client.getQueryData<MessageList>(messagesKey(conversationId)), page.items, page.hasMore);
  }
  let after = contiguousTop(held);
  let list = held;
  for (let i = 0; i < CATCH_UP_MAX_PAGES; i++) {
    const page = await fetchMessages(conversationId, { after, limit: 100 });
    // Live messages may have come in while this was read: merge into the newest copy.
    list = mergeMessages(client.getQueryData<MessageList>(messagesKey(conversationId)) ?? list, page.items);
    const last = page.items[page.items.length - 1];
    if (!page.hasMore || !last) break;
    after = last.seq;
  }
  return list;
}

/** Reads the page before the oldest message held. */
export async function loadOlder(client: QueryClient, conversationId: string): Promise<void> {
  const held = client.getQueryData<MessageList>(messagesKey(conversationId));
  const first = held?.items[0];
  if (!held || !first) return;
  const page = await fetchMessages(conversationId, { before: first.seq, limit: MESSAGES_PAGE_SIZE });
  client.setQueryData<MessageList>(messagesKey(conversationId), (now) => mergeMessages(now ?? held, page.items, page.hasMore));
}
