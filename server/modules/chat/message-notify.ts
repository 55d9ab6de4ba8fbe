import type { AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { ChatMessagesTable, ConversationsTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { notify } from '../notifications/service.js';
import { touchOpenAggregates } from '../notifications/store.js';

/**
 * Chat notifications, through the notifications module's one path (rows in the caller's transaction,
 * a background job above NOTIFY_INLINE_LIMIT, the recipient's participation checked again when told
 * and when read):
 * - `chat_mention`: each participant mentioned, even in a muted conversation (a mention is addressed
 *   to you); never the sender.
 * - `chat_message`: participants who are not looking at Commonplace right now (no device seen within
 *   LOOKING_MS) and have not muted the conversation; one unread row per conversation that gathers
 *   the senders ("Anna and 2 others sent messages"). Those mentioned got their mention instead.
 *   Someone whose unread row already names the sender only has it brought up to date (batched).
 * Who is muted or looking is found with a constant number of queries, whatever the audience.
 */

/** A device that reported within this time counts as someone looking (the heartbeat refreshes it well within). */
export const LOOKING_MS = 90_000;
const IN_LIST = 500;

export async function notifyMentions(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  row: Pick<ChatMessagesTable, 'id' | 'org_id' | 'conversation_id' | 'sender_id'>,
  mentioned: string[],
): Promise<void> {
  if (mentioned.length === 0) return;
  await notify(trx, afterCommit, ctx, {
    orgId: row.org_id,
    actorId: row.sender_id,
    kind: 'chat_mention',
    recipients: mentioned,
    conversationId: row.conversation_id,
    messageId: row.id,
    groupKey: null,
    once: true,
  });
}

export async function notifyNewMessage(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  conv: ConversationsTable,
  row: ChatMessagesTable,
  participants: string[],
  mentioned: string[],
): Promise<void> {
  const skip = new Set([row.sender_id, ...mentioned, ...(await mutedIn(trx, conv.id))]);
  const candidates = participants.filter((id) => !skip.has(id));
  if (candidates.length === 0) return;
  const looking = await lookingAmong(trx, conv.org_id, candidates, Date.now() - LOOKING_MS);
  const away = candidates.filter((id) => !looking.has(id));
  const groupKey = `chat:${conv.id}`;
  // Told of this sender already (unread): just brought up to date, in a constant number of queries.
  const told = new Set<string>();
  for (let i = 0; i < away.length; i += IN_LIST) {
    const slice = away.slice(i, i + IN_LIST);
    const touched = await touchOpenAggregates(trx, {
      orgId: conv.org_id,
      groupKey,
      actorId: row.sender_id,
      recipientIds: slice,
      messageId: row.id,
    });
    for (const id of touched) told.add(id);
  }
  const recipients = away.filter((id) => !told.has(id));
  if (recipients.length === 0) return;
  await notify(trx, afterCommit, ctx, {
    orgId: conv.org_id,
    actorId: row.sender_id,
    kind: 'chat_message',
    recipients,
    conversationId: conv.id,
    messageId: row.id,
    groupKey,
  });
}

/** Who muted the conversation: one query (muted rows are few). */
async function mutedIn(db: Executor, conversationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('conversation_members')
    .select('person_id')
    .where('conversation_id', '=', conversationId)
    .where('muted', '=', 1)
    .execute();
  return rows.map((r) => r.person_id);
}

/** Of `ids`, those with a device seen since `since`: one query per IN_LIST people. */
async function lookingAmong(db: Executor, orgId: string, ids: string[], since: number): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < ids.length; i += IN_LIST) {
    const rows = await db
      .selectFrom('presence_devices')
      .select('person_id')
      .distinct()
      .where('org_id', '=', orgId)
      .where('person_id', 'in', ids.slice(i, i + IN_LIST))
      .where('seen_at', '>', since)
      .execute();
    for (const r of rows) out.add(r.person_id);
  }
  return out;
}
