/** Table types of Work Chat and presence (migration 0010_chat). */

export type ConversationKindName = 'direct' | 'group' | 'linked';

export interface ConversationsTable {
  id: string;
  org_id: string;
  kind: ConversationKindName;
  name: string | null;
  /** `name` folded for accent-blind search; null without a name. */
  name_key: string | null;
  /** Set for a linked conversation: the group whose members are its participants. */
  group_id: string | null;
  /** Set for a direct conversation: the two people's ids, sorted, joined by ':'. */
  direct_key: string | null;
  created_by: string;
  /** Seq of the newest message; the next one takes last_seq + 1. */
  last_seq: number;
  last_message_id: string | null;
  last_activity_at: number;
  created_at: number;
}

export interface ConversationMembersTable {
  conversation_id: string;
  person_id: string;
  org_id: string;
  role: 'admin' | 'member';
  last_read_seq: number;
  /** 0 or 1 (SQLite has no boolean). */
  muted: number;
  archived_at: number | null;
  joined_at: number;
}

export interface ChatMessagesTable {
  id: string;
  org_id: string;
  conversation_id: string;
  seq: number;
  kind: 'text' | 'system';
  sender_id: string;
  client_key: string | null;
  body: string;
  body_html: string;
  /** JSON array of the ids of people mentioned. */
  mentions: string;
  /** JSON of a system message: { action, personIds, name }. */
  system: string | null;
  reply_to_id: string | null;
  post_id: string | null;
  created_at: number;
  edited_at: number | null;
  deleted_at: number | null;
  /** JSON array of interactive blocks a bot attached (migration 0020; protocol/blocks.ts), or null. */
  blocks: string | null;
}

export interface ChatReactionsTable {
  message_id: string;
  person_id: string;
  org_id: string;
  kind: string;
  created_at: number;
}

export interface PresenceDevicesTable {
  connection_id: string;
  org_id: string;
  person_id: string;
  status: 'active' | 'away';
  seen_at: number;
}
