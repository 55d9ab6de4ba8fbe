import type { z } from 'zod';
import type {
  ChatMessage,
  Conversation,
  conversationMemberSchema,
  CreateConversation,
  chatUnreadSchema,
  messagePageSchema,
  Presence,
  receiptsSchema,
} from '../../../protocol/chat';
import type { ReactionKindName } from '../../../protocol/posts';
import { api } from './client';
import type { Page } from './types';

export type { ChatMessage, Conversation, ConversationKind, CreateConversation, Presence } from '../../../protocol/chat';
export type ConversationMember = z.infer<typeof conversationMemberSchema>;
export type MessagePage = z.infer<typeof messagePageSchema>;
export type Receipts = z.infer<typeof receiptsSchema>;
export type ChatUnread = z.infer<typeof chatUnreadSchema>;
export type ConversationFilter = 'all' | 'unread' | 'archived';

// Copied from protocol/chat.ts rather than imported, so that the web bundle does not pull in zod.
export const TYPING_SIGNAL_TTL_MS = 6_000;
export const TYPING_SEND_INTERVAL_MS = 3_000;
export const CHAT_MESSAGE_MAX_CHARS = 10_000;
export const CONVERSATION_NAME_MAX = 100;
export const MESSAGES_PAGE_SIZE = 50;
export const CONVERSATIONS_PAGE_SIZE = 30;

/** Every chat query lives under `chatKey`, so a resync or sign-out reaches them all in one pass. */
export const chatKey = ['chat'] as const;
export const conversationsKey = ['chat', 'conversations'] as const;
export const conversationListKey = (filter: ConversationFilter, q: string) => ['chat', 'conversations', filter, q] as const;
export const conversationKey = (id: string) => ['chat', 'conversation', id] as const;
export const membersKey = (id: string) => ['chat', 'conversation', id, 'members'] as const;
export const receiptsKey = (id: string) => ['chat', 'conversation', id, 'receipts'] as const;
export const messagesKey = (id: string) => ['chat', 'messages', id] as const;
export const chatUnreadKey = ['chat', 'unread'] as const;
export const presenceKey = (personId: string) => ['chat', 'presence', personId] as const;

const c = (id: string) => `/api/v1/conversations/${encodeURIComponent(id)}`;
const m = (id: string) => `/api/v1/messages/${encodeURIComponent(id)}`;

export const fetchConversations = (filter: ConversationFilter, q: string, cursor?: string): Promise<Page<Conversation>> =>
  api('/api/v1/conversations', { query: { filter, q, cursor, limit: CONVERSATIONS_PAGE_SIZE } });
export const fetchConversation = (id: string): Promise<Conversation> => api(c(id));
export const createConversation = (input: CreateConversation): Promise<Conversation> =>
  api('/api/v1/conversations', { method: 'POST', body: input });
export const renameConversation = (id: string, name: string): Promise<Conversation> => api(c(id), { method: 'PATCH', body: { name } });
export const updateConversationSettings = (id: string, settings: { muted?: boolean; archived?: boolean }): Promise<Conversation> =>
  api(`${c(id)}/settings`, { method: 'PUT', body: settings });
export const fetchMembers = (id: string, cursor?: string): Promise<Page<ConversationMember>> =>
  api(`${c(id)}/members`, { query: { cursor, limit: 100 } });
export const addMembers = (id: string, personIds: string[]): Promise<unknown> =>
  api(`${c(id)}/members`, { method: 'POST', body: { personIds } });
export const removeMember = (id: string, personId: string): Promise<unknown> =>
  api(`${c(id)}/members/${encodeURIComponent(personId)}`, { method: 'DELETE' });
export const markConversationRead = (id: string, seq: number): Promise<unknown> => api(`${c(id)}/read`, { method: 'POST', body: { seq } });
export const fetchReceipts = (id: string): Promise<Receipts> => api(`${c(id)}/receipts`);

export const fetchMessages = (id: string, page: { before?: number; after?: number; limit?: number }): Promise<MessagePage> =>
  api(`${c(id)}/messages`, { query: { before: page.before, after: page.after, limit: page.limit ?? MESSAGES_PAGE_SIZE } });

export interface SendInput {
  clientKey: string;
  body: string;
  replyToId?: string;
  attachmentIds?: string[];
  postId?: string;
}
export const sendMessage = (conversationId: string, input: SendInput): Promise<ChatMessage> =>
  api(`${c(conversationId)}/messages`, { method: 'POST', body: input });
export const editMessage = (id: string, body: string): Promise<ChatMessage> => api(m(id), { method: 'PATCH', body: { body } });
export const deleteMessage = (id: string): Promise<unknown> => api(m(id), { method: 'DELETE' });
export const setMessageReaction = (id: string, kind: ReactionKindName | null): Promise<unknown> =>
  kind ? api(`${m(id)}/reaction`, { method: 'PUT', body: { kind } }) : api(`${m(id)}/reaction`, { method: 'DELETE' });

export const fetchChatUnread = (): Promise<ChatUnread> => api('/api/v1/chat/unread');

/** The answer is a list of presences; accepted bare or as `{ items }`. */
export async function fetchPresence(ids: string[]): Promise<Presence[]> {
  const answer = await api<Presence[] | { items: Presence[] }>('/api/v1/presence', { query: { ids: ids.join(',') } });
  return Array.isArray(answer) ? answer : answer.items;
}
