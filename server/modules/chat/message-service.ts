import { storeBlocks } from '../blocks/blocks.js';
import type { Block } from '../../../protocol/blocks.js';
import type { ChatMessage, SendMessage } from '../../../protocol/chat.js';
import type { ReactionKindName } from '../../../protocol/posts.js';
import { inSharedTx, inTx, type AppContext } from '../../context.js';
import { isUniqueViolation, type Executor, type Trx } from '../../db/index.js';
import type { ChatMessagesTable, ConversationsTable, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { badInput, conflict, forbidden, notFound } from '../../errors.js';
import { ChatSendLimits } from '../../lib/rate-limits.js';
import { conversationForViewer, participantIds } from '../../policies/chat.js';
import { canSeePost } from '../../policies/posts.js';
import { publishToPeople } from '../../realtime/publish.js';
import { attachUploadsToMessage } from '../files/attachments-store.js';
import { parseBody, renderBody } from '../posts/markdown.js';
import { placeOf } from '../posts/present.js';
import { selectVisiblePosts } from '../posts/store.js';
import { webhookMessageCreated, webhookReactionAdded } from '../webhooks/events.js';
import { appendMessage } from './append.js';
import { notifyMentions, notifyNewMessage } from './message-notify.js';
import { presentMessage, presentMessages } from './message-present.js';
import { findByClientKey, findMessage, participantsAmong, putReaction, removeReaction, updateMessage } from './message-store.js';

/** Sending, editing, deleting and reacting to chat messages. Every refusal of what one may not see is a 404. */

export const noSuchConversation = () => notFound('No such conversation.');
export const noSuchMessage = () => notFound('No such message.');
const messageDeleted = () => conflict('message_deleted', 'This message was deleted.');

/** One limiter per server (its Redis connection, when set, makes it shared by every process). */
const limits = new WeakMap<AppContext, ChatSendLimits>();
function sendLimits(ctx: AppContext): ChatSendLimits {
  let l = limits.get(ctx);
  if (!l) {
    l = new ChatSendLimits({ perTenSeconds: ctx.config.chatSendLimit, redis: ctx.redis, prefix: ctx.config.redisPrefix });
    limits.set(ctx, l);
  }
  return l;
}

/**
 * Runs a write transaction again when PostgreSQL chose it as a deadlock victim (or could not
 * serialise it): it was rolled back whole, so running it again is safe. Publishing takes people's
 * row locks in one order, so this is a safety net for lock orders no one foresaw, not a path.
 */
async function retryOnDeadlock<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (attempt >= 3 || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

/**
 * Renders a message body: a mention becomes a link only for a participant of the conversation (anyone
 * else stays plain text, telling nothing of who exists); returns those people, to store and notify.
 */
async function render(db: Executor, conv: ConversationsTable, body: string): Promise<{ html: string; mentioned: string[] }> {
  const parsed = parseBody(body);
  const allowed = new Map<string, string>();
  for (const p of await participantsAmong(db, conv, parsed.mentionIds)) allowed.set(p.id, p.display_name);
  // In the order written, as parseBody found them.
  const mentioned = parsed.mentionIds.filter((id) => allowed.has(id));
  return { html: renderBody(parsed, allowed), mentioned };
}

/**
 * A retried send: the first message if this sender already used the key (and still takes part in
 * the conversation: 404 otherwise). The same key for another conversation or another text is a
 * client bug, told as 409 rather than silently answered.
 */
async function replay(db: Executor, v: PeopleTable, conversationId: string, input: SendMessage): Promise<ChatMessage | null> {
  const first = await findByClientKey(db, v.id, input.clientKey);
  if (!first) return null;
  if (!(await conversationForViewer(db, v, conversationId))) throw noSuchConversation();
  if (
    first.conversation_id !== conversationId ||
    first.body !== input.body ||
    first.reply_to_id !== (input.replyToId ?? null) ||
    first.post_id !== (input.postId ?? null)
  )
    throw conflict('client_key_reused', 'clientKey: already used for another message', 'clientKey');
  return presentMessage(db, first, v);
}

/**
 * Sends a message; `created` is false when the answer is the first message of a retried key.
 * Order of checks: a retry -> the first message (not counted against the flood limit, so a device
 * catching up on lost acknowledgements is never refused); over the limit -> 429 (the budget is the
 * person's, whatever the conversation, so it tells nothing of conversations); not a participant ->
 * 404; then the inputs. The common path costs one key lookup before the transaction.
 */
export async function sendMessage(
  ctx: AppContext,
  v: PeopleTable,
  conversationId: string,
  input: SendMessage,
): Promise<{ message: ChatMessage; created: boolean }> {
  const retried = await replay(ctx.db, v, conversationId, input);
  if (retried) return { message: retried, created: false };
  await sendLimits(ctx).consume(v.id);
  try {
    return await retryOnDeadlock(() => inSharedTx(ctx, (trx, afterCommit) => send(ctx, trx, afterCommit, v, conversationId, input)));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    // The same key sent twice at once: the other request won the (sender_id, client_key) index. On
    // PostgreSQL this transaction is aborted, so the winner is read in a new one.
    const winner = await inTx(ctx, (trx) => replay(trx, v, conversationId, input));
    if (!winner) throw err;
    return { message: winner, created: false };
  }
}

async function send(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  v: PeopleTable,
  conversationId: string,
  input: SendMessage,
): Promise<{ message: ChatMessage; created: boolean }> {
  const conv = await conversationForViewer(trx, v, conversationId);
  if (!conv) throw noSuchConversation();
  // A retry that raced past the check before the transaction meets the (sender_id, client_key)
  // unique index at the insert, and sendMessage answers it with the winner.
  if (input.replyToId) {
    const quoted = await findMessage(trx, v.org_id, input.replyToId);
    if (!quoted || quoted.conversation_id !== conv.id) throw badInput('replyToId', 'must be a message of this conversation');
  }
  if (input.postId) {
    const post = await selectVisiblePosts(trx, v).where('posts.id', '=', input.postId).executeTakeFirst();
    if (!post || !canSeePost(v, post, placeOf(post))) throw badInput('postId', 'must be a post you can see');
  }
  if (input.blocks?.length && v.is_bot !== 1) throw badInput('blocks', 'only bots attach interactive blocks');
  const { html, mentioned } = await render(trx, conv, input.body);
  const attachmentIds = input.attachmentIds ?? [];
  const { row, message, recipients } = await appendMessage(
    ctx,
    trx,
    afterCommit,
    conv,
    {
      kind: 'text',
      sender_id: v.id,
      client_key: input.clientKey,
      body: input.body,
      body_html: html,
      mentions: JSON.stringify(mentioned),
      system: null,
      reply_to_id: input.replyToId ?? null,
      post_id: input.postId ?? null,
      blocks: storeBlocks(input.blocks),
    },
    // A new message has no reactions yet, and files only if it took uploads: two queries fewer per send.
    (t, r) => presentMessages(t, [r], undefined, { fresh: true, withAttachments: attachmentIds.length > 0 }).then((m) => m[0]!),
    async (t, r) => {
      // Taken after the row exists (attachments.message_id refers to it), before the event is presented.
      if (attachmentIds.length > 0 && !(await attachUploadsToMessage(t, v.org_id, v.id, r.id, attachmentIds)))
        throw badInput('attachmentIds', 'must be your own uploads, not yet in a post or message');
    },
  );
  await notifyMentions(ctx, trx, afterCommit, row, mentioned);
  await notifyNewMessage(ctx, trx, afterCommit, conv, row, recipients, mentioned);
  await webhookMessageCreated(ctx, trx, afterCommit, row, conv.kind, v, mentioned);
  // The event's message is the sender's too, but for a shared post's card, which is per viewer.
  return { message: row.post_id ? await presentMessage(trx, row, v) : message, created: true };
}

/** The message and its conversation if the viewer takes part in it, else 404. */
async function loadForChange(trx: Trx, v: PeopleTable, id: string): Promise<{ msg: ChatMessagesTable; conv: ConversationsTable }> {
  const msg = await findMessage(trx, v.org_id, id);
  const conv = msg && (await conversationForViewer(trx, v, msg.conversation_id));
  if (!msg || !conv) throw noSuchMessage();
  return { msg, conv };
}

/** Tells every participant's devices the message's new state (it keeps its seq and place). */
async function tellChanged(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, conv: ConversationsTable, id: string): Promise<void> {
  const row = await findMessage(trx, conv.org_id, id);
  if (!row) throw noSuchMessage();
  const message = await presentMessage(trx, row);
  await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, await participantIds(trx, conv), 'chat.message.updated', {
    conversationId: conv.id,
    message,
  });
}

async function answer(trx: Trx, v: PeopleTable, id: string): Promise<ChatMessage> {
  const row = await findMessage(trx, v.org_id, id);
  if (!row) throw noSuchMessage();
  return presentMessage(trx, row, v);
}

/** A new body, and for a bot new blocks (null: none); what is not given stays. */
export function editMessage(
  ctx: AppContext,
  v: PeopleTable,
  id: string,
  change: { body?: string | undefined; blocks?: Block[] | null | undefined },
): Promise<ChatMessage> {
  return retryOnDeadlock(() =>
    inTx(ctx, async (trx, afterCommit) => {
      const { msg, conv } = await loadForChange(trx, v, id);
      if (msg.sender_id !== v.id || msg.kind !== 'text') throw forbidden('You can only edit your own messages.');
      if (msg.deleted_at !== null) throw messageDeleted();
      if (change.blocks !== undefined && v.is_bot !== 1) throw badInput('blocks', 'only bots attach interactive blocks');
      const body = change.body ?? msg.body;
      const blocks = change.blocks === undefined ? msg.blocks : storeBlocks(change.blocks);
      if (body.trim() === '' && blocks === null) throw badInput('body', 'must not be empty');
      const { html, mentioned } = await render(trx, conv, body);
      await updateMessage(trx, msg.id, { body, body_html: html, mentions: JSON.stringify(mentioned), blocks, edited_at: Date.now() });
      await tellChanged(ctx, trx, afterCommit, conv, msg.id);
      // Only people newly mentioned by the edit hear of it.
      const before = new Set(JSON.parse(msg.mentions) as string[]);
      await notifyMentions(
        ctx,
        trx,
        afterCommit,
        msg,
        mentioned.filter((p) => !before.has(p)),
      );
      return answer(trx, v, msg.id);
    }),
  );
}

/** A tombstone: the text, reactions and (through the files policy) attachments go; the place in the conversation stays. */
export function deleteMessage(ctx: AppContext, v: PeopleTable, id: string): Promise<ChatMessage> {
  return retryOnDeadlock(() =>
    inTx(ctx, async (trx, afterCommit) => {
      const { msg, conv } = await loadForChange(trx, v, id);
      if (msg.sender_id !== v.id || msg.kind !== 'text') throw forbidden('You can only delete your own messages.');
      if (msg.deleted_at === null) {
        await updateMessage(trx, msg.id, { body: '', body_html: '', mentions: '[]', blocks: null, deleted_at: Date.now() });
        await removeReaction(trx, msg.id);
        await tellChanged(ctx, trx, afterCommit, conv, msg.id);
      }
      return answer(trx, v, msg.id);
    }),
  );
}

/** Sets (kind) or removes (null) my one reaction to a message. */
export function reactToMessage(ctx: AppContext, v: PeopleTable, id: string, kind: ReactionKindName | null): Promise<ChatMessage> {
  return retryOnDeadlock(() =>
    inTx(ctx, async (trx, afterCommit) => {
      const { msg, conv } = await loadForChange(trx, v, id);
      if (msg.deleted_at !== null) throw messageDeleted();
      if (kind) await putReaction(trx, v.org_id, msg.id, v.id, kind);
      // Taking back a reaction I did not have changes nothing: nobody is told.
      const changed = kind !== null || (await removeReaction(trx, msg.id, v.id)) > 0;
      if (changed) await tellChanged(ctx, trx, afterCommit, conv, msg.id);
      if (kind)
        await webhookReactionAdded(ctx, trx, afterCommit, {
          orgId: v.org_id,
          kind,
          person: v,
          on: { kind: 'message', id: msg.id, conversationId: conv.id },
        });
      return answer(trx, v, msg.id);
    }),
  );
}
