import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../db/index.js';
import type { ConversationsTable, Database, PeopleTable } from '../db/schema.js';

/**
 * Who is in a conversation, and so who may read it, send to it, react in it, see its typing and
 * receipts, download its files and receive any of its events. Everything in chat asks here.
 *
 * - direct and group conversations: the people with a `conversation_members` row;
 * - linked conversations: the members of the group (their `conversation_members` row, if any, only
 *   holds their read position and settings), so joining or leaving the group joins or leaves its chat.
 * Only active people of the conversation's company take part. A conversation someone is not in
 * answers 404, exactly like an id that never existed.
 */
export type ChatViewer = Pick<PeopleTable, 'id' | 'org_id' | 'status'>;
export type ConversationRow = Pick<ConversationsTable, 'id' | 'org_id' | 'kind' | 'group_id'>;

/** The conversation if the viewer takes part in it, otherwise null (answer 404). One query. */
export async function conversationForViewer(db: Executor, viewer: ChatViewer, conversationId: string): Promise<ConversationsTable | null> {
  if (viewer.status !== 'active') return null;
  const row = await db
    .selectFrom('conversations')
    .selectAll()
    .where('id', '=', conversationId)
    .where((eb) => myConversations(eb, viewer))
    .executeTakeFirst();
  return row ?? null;
}

export async function isParticipant(db: Executor, viewer: ChatViewer, conv: ConversationRow): Promise<boolean> {
  if (viewer.status !== 'active' || viewer.org_id !== conv.org_id) return false;
  const hit =
    conv.kind === 'linked'
      ? await db
          .selectFrom('group_members')
          .select('person_id')
          .where('group_id', '=', conv.group_id ?? '')
          .where('person_id', '=', viewer.id)
          .executeTakeFirst()
      : await db
          .selectFrom('conversation_members')
          .select('person_id')
          .where('conversation_id', '=', conv.id)
          .where('person_id', '=', viewer.id)
          .executeTakeFirst();
  return !!hit;
}

/**
 * Every active participant, in one query whatever the size: the recipients of the conversation's
 * events. Read inside the transaction that writes the message (after its `last_seq` update has
 * locked the conversation row), so a person removed before the send is not among them.
 */
export async function participantIds(db: Executor, conv: ConversationRow): Promise<string[]> {
  const rows =
    conv.kind === 'linked'
      ? await db
          .selectFrom('group_members as m')
          .innerJoin('people as p', 'p.id', 'm.person_id')
          .select('m.person_id')
          .where('m.group_id', '=', conv.group_id ?? '')
          .where('p.org_id', '=', conv.org_id)
          .where('p.status', '=', 'active')
          .execute()
      : await db
          .selectFrom('conversation_members as m')
          .innerJoin('people as p', 'p.id', 'm.person_id')
          .select('m.person_id')
          .where('m.conversation_id', '=', conv.id)
          .where('p.org_id', '=', conv.org_id)
          .where('p.status', '=', 'active')
          .execute();
  return rows.map((r) => r.person_id);
}

/**
 * SQL filter "conversations the viewer takes part in", for lists (conversations, search later):
 * a member row of a direct / group conversation, or membership of a linked conversation's group.
 */
export function myConversations(eb: ExpressionBuilder<Database, 'conversations'>, viewer: ChatViewer): Expression<SqlBool> {
  if (viewer.status !== 'active') return sql<SqlBool>`1 = 0`;
  return eb.and([
    eb('conversations.org_id', '=', viewer.org_id),
    eb.or([
      eb.and([
        eb('conversations.kind', '!=', 'linked'),
        eb.exists(
          eb
            .selectFrom('conversation_members as cm')
            .select('cm.person_id')
            .whereRef('cm.conversation_id', '=', 'conversations.id')
            .where('cm.person_id', '=', viewer.id),
        ),
      ]),
      eb.and([
        eb('conversations.kind', '=', 'linked'),
        eb.exists(
          eb
            .selectFrom('group_members as gm')
            .select('gm.person_id')
            .whereRef('gm.group_id', '=', 'conversations.group_id')
            .where('gm.person_id', '=', viewer.id),
        ),
      ]),
    ]),
  ]);
}

/** Renaming and adding people: any participant of a group conversation (not direct; linked follows its group). */
export const canRenameOrAdd = (conv: Pick<ConversationsTable, 'kind'>): boolean => conv.kind === 'group';
/** Removing someone else: the group conversation's admins (its creator, and whoever they made admin). */
export const canRemoveOthers = (conv: Pick<ConversationsTable, 'kind'>, myRole: 'admin' | 'member' | null): boolean =>
  conv.kind === 'group' && myRole === 'admin';
/** Leaving: group conversations only (a direct one is archived instead; a linked one is left by leaving the group). */
export const canLeave = (conv: Pick<ConversationsTable, 'kind'>): boolean => conv.kind === 'group';
