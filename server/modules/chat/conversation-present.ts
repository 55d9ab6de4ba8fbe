import type { Conversation } from '../../../protocol/chat.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { canLeave, canRemoveOthers, canRenameOrAdd } from '../../policies/chat.js';
import { iso } from '../people/present.js';
import { toAuthor } from '../posts/present.js';
import { presentMessages } from './message-present.js';
import { memberCounts, messagesById, peopleOf, unreadCounts, type ConversationListRow } from './conversation-store.js';

/** How many people a conversation shows beside its title (avatars, default name). */
const PEOPLE_SHOWN = 5;

/**
 * Conversations as one person sees them (their unread count, settings and rights), a whole page at
 * once: one query each for unread counts, member counts, people and last messages.
 */
export async function presentConversations(db: Executor, viewer: PeopleTable, rows: ConversationListRow[]): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const lastIds = rows.flatMap((r) => (r.last_message_id ? [r.last_message_id] : []));
  const [unread, counts, people, lastRows] = await Promise.all([
    unreadCounts(db, viewer.id, ids),
    memberCounts(db, rows),
    peopleOf(db, viewer.id, rows, PEOPLE_SHOWN),
    messagesById(db, lastIds),
  ]);
  const messages = await presentMessages(db, lastRows, viewer);
  const lastById = new Map(messages.map((m) => [m.id, m]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    group: r.kind === 'linked' && r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
    memberCount: counts.get(r.id) ?? 0,
    people: (people.get(r.id) ?? []).map(toAuthor),
    lastSeq: r.last_seq,
    lastMessage: (r.last_message_id && lastById.get(r.last_message_id)) || null,
    lastActivityAt: iso(r.last_activity_at),
    unreadCount: unread.get(r.id) ?? 0,
    lastReadSeq: r.my_last_read_seq ?? 0,
    muted: (r.my_muted ?? 0) === 1,
    archived: r.my_archived_at !== null,
    can: {
      rename: canRenameOrAdd(r),
      addPeople: canRenameOrAdd(r),
      removePeople: canRemoveOthers(r, r.my_role),
      leave: canLeave(r),
    },
  }));
}

export async function presentConversation(db: Executor, viewer: PeopleTable, row: ConversationListRow): Promise<Conversation> {
  const [one] = await presentConversations(db, viewer, [row]);
  if (!one) throw new Error('a conversation presents as one');
  return one;
}
