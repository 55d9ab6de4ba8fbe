import { useSyncExternalStore } from 'react';
import { TYPING_SIGNAL_TTL_MS, type ChatMessage } from '../../api/chat';
import type { Attachment } from '../../api/posts';

/** A message pressed "send" on and not yet acknowledged by the server (or refused: then it can be retried). */
export interface PendingMessage {
  clientKey: string;
  conversationId: string;
  body: string;
  replyTo: ChatMessage | null;
  attachments: Attachment[];
  status: 'sending' | 'failed';
  error: string | null;
  createdAt: string;
}

/** A tiny external store: a value per conversation and the components listening to it. */
function createStore<T>(empty: T) {
  const values = new Map<string, T>();
  const listeners = new Set<() => void>();
  return {
    get: (id: string): T => values.get(id) ?? empty,
    set(id: string, value: T): void {
      if (value === empty) values.delete(id);
      else values.set(id, value);
      for (const l of listeners) l();
    },
    clear(): void {
      values.clear();
      for (const l of listeners) l();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const NO_PENDING: PendingMessage[] = [];
const pending = createStore<PendingMessage[]>(NO_PENDING);

export const pendingStore = {
  get: pending.get,
  put(message: PendingMessage): void {
    const list = pending.get(message.conversationId);
    const at = list.findIndex((p) => p.clientKey === message.clientKey);
    pending.set(message.conversationId, at < 0 ? [...list, message] : list.map((p, i) => (i === at ? message : p)));
  },
  /** The server's message with this key arrived (answer or event): the optimistic copy goes. */
  remove(conversationId: string, clientKey: string): void {
    const list = pending.get(conversationId);
    if (!list.some((p) => p.clientKey === clientKey)) return;
    const next = list.filter((p) => p.clientKey !== clientKey);
    pending.set(conversationId, next.length ? next : NO_PENDING);
  },
  clear: pending.clear,
};

export const usePending = (conversationId: string): PendingMessage[] =>
  useSyncExternalStore(pending.subscribe, () => pending.get(conversationId));

/** Who is typing where, each until TYPING_SIGNAL_TTL_MS after their last signal. */
const NO_TYPISTS: string[] = [];
const typing = createStore<string[]>(NO_TYPISTS);
const expiries = new Map<string, ReturnType<typeof setTimeout>>();

export const typingStore = {
  heard(conversationId: string, personId: string): void {
    const key = `${conversationId}:${personId}`;
    clearTimeout(expiries.get(key));
    expiries.set(
      key,
      setTimeout(() => typingStore.stopped(conversationId, personId), TYPING_SIGNAL_TTL_MS),
    );
    const list = typing.get(conversationId);
    if (!list.includes(personId)) typing.set(conversationId, [...list, personId]);
  },
  /** Their message arrived, or the signal expired. */
  stopped(conversationId: string, personId: string): void {
    const key = `${conversationId}:${personId}`;
    clearTimeout(expiries.get(key));
    expiries.delete(key);
    const list = typing.get(conversationId);
    if (!list.includes(personId)) return;
    const next = list.filter((p) => p !== personId);
    typing.set(conversationId, next.length ? next : NO_TYPISTS);
  },
};

export const useTypists = (conversationId: string): string[] => useSyncExternalStore(typing.subscribe, () => typing.get(conversationId));
