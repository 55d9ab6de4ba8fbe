import type { Executor } from '../../db/index.js';
import type { ChatMessagesTable, ConversationsTable, PeopleTable } from '../../db/schema.js';
import { reindexText, unindexDocument, unindexFilesOf } from '../search/index-store.js';

/** The only code that reads or writes chat_messages and chat_reactions (appendMessage inserts; everything else is here). */

export async function findMessage(db: Executor, orgId: string, id: string): Promise<ChatMessagesTable | undefined> {
  return db.selectFrom('chat_messages').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The sender's earlier message with this key, whatever the conversation: keys are per sender. */
export async function findByClientKey(db: Executor, senderId: string, clientKey: string): Promise<ChatMessagesTable | undefined> {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_key', '=', clientKey)
    .executeTakeFirst();
}

/**
 * A page of a conversation, ascending by seq: `before` the newest messages older than it (scrolling
 * upward), `after` the oldest newer than it (catching up), neither the newest. `hasMore` says whether
 * there are more in the direction asked.
 */
export async function listMessages(
  db: Executor,
  conversationId: string,
  q: { before?: number | undefined; after?: number | undefined; limit: number },
): Promise<{ rows: ChatMessagesTable[]; hasMore: boolean }> {
  let query = db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', conversationId);
  if (q.after !== undefined) {
    const rows = await query
      .where('seq', '>', q.after)
      .orderBy('seq', 'asc')
      .limit(q.limit + 1)
      .execute();
    return { rows: rows.slice(0, q.limit), hasMore: rows.length > q.limit };
  }
  if (q.before !== undefined) query = query.where('seq', '<', q.before);
  const rows = await query
    .orderBy('seq', 'desc')
    .limit(q.limit + 1)
    .execute();
  return { rows: rows.slice(0, q.limit).reverse(), hasMore: rows.length > q.limit };
}

/** Of `ids`, the active people of the company who take part in the conversation, with their names: one query. */
export async function participantsAmong(
  db: Executor,
  conv: Pick<ConversationsTable, 'id' | 'org_id' | 'kind' | 'group_id'>,
  ids: string[],
): Promise<Array<Pick<PeopleTable, 'id' | 'display_name'>>> {
  if (ids.length === 0) return [];
  const people = db
    .selectFrom('people')
    .select(['people.id', 'people.display_name'])
    .where('people.org_id', '=', conv.org_id)
    .where('people.status', '=', 'active')
    .where('people.id', 'in', ids);
  return conv.kind === 'linked'
    ? people
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('group_members as gm')
              .select('gm.person_id')
              .whereRef('gm.person_id', '=', 'people.id')
              .where('gm.group_id', '=', conv.group_id ?? ''),
          ),
        )
        .execute()
    : people
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('conversation_members as cm')
              .select('cm.person_id')
              .whereRef('cm.person_id', '=', 'people.id')
              .where('cm.conversation_id', '=', conv.id),
          ),
        )
        .execute();
}

export async function updateMessage(
  db: Executor,
  id: string,
  set: Partial<Pick<ChatMessagesTable, 'body' | 'body_html' | 'mentions' | 'blocks' | 'edited_at' | 'deleted_at'>>,
): Promise<void> {
  await db.updateTable('chat_messages').set(set).where('id', '=', id).execute();
  if (set.deleted_at) {
    await unindexDocument(db, 'message', id);
    await unindexFilesOf(db, { messageId: id });
  } else if (set.body !== undefined) await reindexText(db, 'message', id, set.body);
}

/** Sets (or replaces) the person's one reaction to a message. */
export async function putReaction(db: Executor, orgId: string, messageId: string, personId: string, kind: string): Promise<void> {
  const now = Date.now();
  await db
    .insertInto('chat_reactions')
    .values({ message_id: messageId, person_id: personId, org_id: orgId, kind, created_at: now })
    .onConflict((oc) => oc.columns(['message_id', 'person_id']).doUpdateSet({ kind, created_at: now }))
    .execute();
}

/** Removes one person's reaction (or all of a message's); says how many went. */
export async function removeReaction(db: Executor, messageId: string, personId?: string): Promise<number> {
  let q = db.deleteFrom('chat_reactions').where('message_id', '=', messageId);
  if (personId !== undefined) q = q.where('person_id', '=', personId);
  const res = await q.executeTakeFirst();
  return Number(res.numDeletedRows);
}

export interface SenderRow {
  id: string;
  display_name: string;
  photo_file_id: string | null;
  status: PeopleTable['status'];
  is_bot: number;
}

export async function sendersOf(db: Executor, ids: string[]): Promise<Map<string, SenderRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'display_name', 'photo_file_id', 'status', 'is_bot'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Reactions of a page of messages, oldest first within each kind: one query. */
export async function reactionsOf(db: Executor, messageIds: string[]): Promise<Map<string, Array<{ kind: string; person_id: string }>>> {
  const out = new Map<string, Array<{ kind: string; person_id: string }>>();
  if (messageIds.length === 0) return out;
  const rows = await db
    .selectFrom('chat_reactions')
    .select(['message_id', 'person_id', 'kind'])
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .orderBy('person_id')
    .execute();
  for (const r of rows) out.set(r.message_id, [...(out.get(r.message_id) ?? []), r]);
  return out;
}

/** The messages that a page's replies quote, with their senders' names: one query. */
export async function quotedOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, QuotedRow>();
  const rows = await db
    .selectFrom('chat_messages as q')
    .innerJoin('people as qp', 'qp.id', 'q.sender_id')
    .select(['q.id', 'q.seq', 'q.sender_id', 'qp.display_name', 'q.body_html', 'q.deleted_at'])
    .where('q.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
export type QuotedRow = Pick<ChatMessagesTable, 'id' | 'seq' | 'sender_id' | 'body_html' | 'deleted_at'> & { display_name: string };
