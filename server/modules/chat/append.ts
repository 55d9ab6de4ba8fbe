import type { ChatMessage } from '../../../protocol/chat.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import type { ChatMessagesTable, ConversationsTable } from '../../db/schema.js';
import type { AppContext } from '../../context.js';
import { newId } from '../../lib/ids.js';
import { participantIds } from '../../policies/chat.js';
import { publishToPeople } from '../../realtime/publish.js';
import { indexDocument } from '../search/index-store.js';

/** What a new message (text or system) carries; the seq, id and time are given here. */
export type NewMessage = Omit<ChatMessagesTable, 'id' | 'org_id' | 'conversation_id' | 'seq' | 'created_at' | 'edited_at' | 'deleted_at'>;

/**
 * The one way a message enters a conversation, inside the caller's transaction:
 * 1. takes the next seq with an UPDATE of the conversation row, which locks it until commit, so
 *    sends and membership changes of one conversation happen one after another, in seq order;
 * 2. writes the message;
 * 3. reads the participants once (after the lock: someone removed earlier is not among them) and
 *    writes one numbered `chat.message` event per participant (every device of each, the sender's
 *    other devices too), announced on the bus after commit.
 * `present` turns the stored row into the event's message (the same shape the history gives;
 * nothing personal in it, since one payload goes to everyone).
 * Archived member rows come back to the list when a message arrives.
 */
export async function appendMessage(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  conv: ConversationsTable,
  input: NewMessage,
  present: (trx: Trx, row: ChatMessagesTable) => Promise<ChatMessage>,
  /** Work that needs the message row to exist and must be in the event (attachments taken by it). */
  afterInsert?: (trx: Trx, row: ChatMessagesTable) => Promise<void>,
): Promise<{ row: ChatMessagesTable; message: ChatMessage; recipients: string[] }> {
  const now = Date.now();
  const id = newId();
  const bumped = await trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1), last_message_id: id, last_activity_at: now }))
    .where('id', '=', conv.id)
    .where('org_id', '=', conv.org_id)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  const row: ChatMessagesTable = {
    ...input,
    id,
    org_id: conv.org_id,
    conversation_id: conv.id,
    seq: bumped.last_seq,
    created_at: now,
    edited_at: null,
    deleted_at: null,
  };
  await trx.insertInto('chat_messages').values(row).execute();
  // System messages ("Anna added Bo") are not worth finding; a person's words are.
  if (row.kind === 'text')
    await indexDocument(trx, {
      kind: 'message',
      refId: row.id,
      orgId: row.org_id,
      conversationId: row.conversation_id,
      authorId: row.sender_id,
      createdAt: row.created_at,
      body: row.body,
    });
  await afterInsert?.(trx, row);
  await trx
    .updateTable('conversation_members')
    .set({ archived_at: null })
    .where('conversation_id', '=', conv.id)
    .where('archived_at', 'is not', null)
    .execute();
  const recipients = await participantIds(trx, conv);
  const message = await present(trx, row);
  await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, recipients, 'chat.message', { conversationId: conv.id, message });
  return { row, message, recipients };
}
