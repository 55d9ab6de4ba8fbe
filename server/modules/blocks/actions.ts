import type { BlockActionInput } from '../../../protocol/blocks.js';
import { inTx, type AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { AppError, badInput, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { conversationForViewer } from '../../policies/chat.js';
import { findMessage } from '../chat/message-store.js';
import { findPerson } from '../people/store.js';
import { findVisiblePost } from '../posts/store.js';
import { emitWebhookEvent } from '../webhooks/emit.js';
import { checkAction, type CheckedAction } from './blocks.js';

/**
 * A person acts on a bot's interactive message or post: the action is checked against the blocks
 * they can see, and passed to the bot as an `interaction` webhook (durable, retried, in order
 * with the conversation's other events). What follows is the bot's: it edits the message (everyone
 * sees it change live) or writes to the person. A bot with no webhook for interactions cannot
 * take the action, and the person is told so instead of waiting.
 */
export async function actOnMessage(
  ctx: AppContext,
  v: PeopleTable,
  id: string,
  input: BlockActionInput,
): Promise<{ interactionId: string }> {
  return inTx(ctx, async (trx, afterCommit) => {
    const msg = await findMessage(trx, v.org_id, id);
    const conv = msg && (await conversationForViewer(trx, v, msg.conversation_id));
    if (!msg || !conv || msg.deleted_at !== null) throw notFound('No such message.');
    const bot = await botAuthor(trx, v, msg.sender_id, msg.blocks);
    const action = checkAction(msg.blocks, input);
    await assertListening(trx, v, bot);
    const interactionId = newId();
    await emitWebhookEvent(ctx, trx, afterCommit, {
      orgId: v.org_id,
      type: 'interaction',
      scope: { kind: 'conversation', id: conv.id },
      orderingKey: conv.id,
      onlyBotIds: [bot.id],
      actorId: v.id,
      data: interactionData(interactionId, action, v, { kind: 'message', id: msg.id, conversationId: conv.id }),
    });
    return { interactionId };
  });
}

export async function actOnPost(ctx: AppContext, v: PeopleTable, id: string, input: BlockActionInput): Promise<{ interactionId: string }> {
  return inTx(ctx, async (trx, afterCommit) => {
    const post = await findVisiblePost(trx, v, id);
    if (!post || post.deleted_at !== null || post.status !== 'published') throw notFound('No such post.');
    const bot = await botAuthor(trx, v, post.author_id, post.blocks);
    const action = checkAction(post.blocks, input);
    await assertListening(trx, v, bot);
    const interactionId = newId();
    await emitWebhookEvent(ctx, trx, afterCommit, {
      orgId: v.org_id,
      type: 'interaction',
      scope: { kind: 'post', id: post.id },
      orderingKey: post.group_id ?? post.id,
      onlyBotIds: [bot.id],
      actorId: v.id,
      data: interactionData(interactionId, action, v, { kind: 'post', id: post.id, groupId: post.group_id }),
    });
    return { interactionId };
  });
}

/** The bot that wrote the message or post (400 when it is not a bot's interactive one). */
async function botAuthor(trx: Trx, v: PeopleTable, authorId: string, blocks: string | null): Promise<PeopleTable> {
  const author = await findPerson(trx, v.org_id, authorId);
  if (!author || author.is_bot !== 1 || !blocks) throw badInput('actionId', 'is not an action of this message');
  return author;
}

/** A bot without an active webhook for interactions cannot take the action: say so at once. */
async function assertListening(trx: Trx, v: PeopleTable, bot: PeopleTable): Promise<void> {
  const hooks = await trx
    .selectFrom('integrations as i')
    .innerJoin('webhooks as w', 'w.integration_id', 'i.id')
    .select('w.events')
    .where('i.org_id', '=', v.org_id)
    .where('i.bot_person_id', '=', bot.id)
    .where('i.disabled_at', 'is', null)
    .where('w.status', '=', 'active')
    .execute();
  if (bot.status !== 'active' || !hooks.some((w) => (JSON.parse(w.events) as string[]).includes('interaction')))
    throw new AppError(409, 'bot_not_listening', `${bot.display_name} is not taking answers right now. Try again later.`);
}

function interactionData(
  interactionId: string,
  action: CheckedAction,
  v: PeopleTable,
  on: { kind: 'message'; id: string; conversationId: string } | { kind: 'post'; id: string; groupId: string | null },
) {
  return {
    interactionId,
    action,
    person: { id: v.id, displayName: v.display_name },
    ...(on.kind === 'message'
      ? { message: { id: on.id, conversationId: on.conversationId } }
      : { post: { id: on.id, groupId: on.groupId } }),
  };
}
