import type { AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { ChatMessagesTable, CommentsTable, ConversationKindName, PeopleTable, PostsTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { emitWebhookEvent, orgWantsWebhook } from './emit.js';

/**
 * What the product tells bots, one call per place in the domain code (posts, comments, chat,
 * groups, conversations, reactions). The data holds what a bot needs to act without another call,
 * and nothing it could not read through the API: ids, the text as written (Markdown), the author,
 * the group or conversation, the time. Deliveries of one group (or conversation) keep their order.
 */

type Person = Pick<PeopleTable, 'id' | 'display_name' | 'is_bot'>;
type Post = Pick<PostsTable, 'id' | 'org_id' | 'group_id' | 'body_markdown' | 'created_at' | 'status'>;

const iso = (ms: number) => new Date(Number(ms)).toISOString();
export const webhookPerson = (p: Person) => ({ id: p.id, displayName: p.display_name, isBot: p.is_bot === 1 });

const postData = (post: Post, author: Person) => ({
  id: post.id,
  groupId: post.group_id,
  text: post.body_markdown,
  author: webhookPerson(author),
  createdAt: iso(post.created_at),
});

/** A post published in a group (not while it waits for approval; profile posts are no bot's). */
export async function webhookPostPublished(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  post: Post,
  author: Person,
  mentioned: string[],
): Promise<void> {
  if (!post.group_id || post.status !== 'published') return;
  const base = { orgId: post.org_id, scope: { kind: 'post' as const, id: post.id }, orderingKey: post.group_id, actorId: author.id };
  const data = { post: postData(post, author) };
  await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'post.created', data });
  if (mentioned.length) await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'mention', data, onlyBotIds: mentioned });
}

/** A comment (or a reply) on a post in a group. */
export async function webhookCommentCreated(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  comment: Pick<CommentsTable, 'id' | 'post_id' | 'parent_id' | 'body_markdown' | 'created_at'>,
  post: Pick<PostsTable, 'org_id' | 'group_id'>,
  author: Person,
  mentioned: string[],
): Promise<void> {
  if (!post.group_id) return;
  const base = {
    orgId: post.org_id,
    scope: { kind: 'post' as const, id: comment.post_id },
    orderingKey: post.group_id,
    actorId: author.id,
  };
  const data = {
    comment: {
      id: comment.id,
      postId: comment.post_id,
      parentId: comment.parent_id,
      groupId: post.group_id,
      text: comment.body_markdown,
      author: webhookPerson(author),
      createdAt: iso(comment.created_at),
    },
  };
  await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'comment.created', data });
  if (mentioned.length) await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'mention', data, onlyBotIds: mentioned });
}

/** A message sent in a conversation: to every bot in it but the sender; mentioned bots also get 'mention'. */
export async function webhookMessageCreated(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  message: Pick<ChatMessagesTable, 'id' | 'org_id' | 'conversation_id' | 'body' | 'reply_to_id' | 'created_at'>,
  conversationKind: ConversationKindName,
  sender: Person,
  mentioned: string[],
): Promise<void> {
  const base = {
    orgId: message.org_id,
    scope: { kind: 'conversation' as const, id: message.conversation_id },
    orderingKey: message.conversation_id,
    actorId: sender.id,
  };
  const data = {
    message: {
      id: message.id,
      conversationId: message.conversation_id,
      // One-to-one or not: a bot answering in a direct conversation needs no further call.
      conversationKind,
      text: message.body,
      replyToId: message.reply_to_id,
      author: webhookPerson(sender),
      createdAt: iso(message.created_at),
    },
  };
  await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'message.created', data });
  if (mentioned.length) await emitWebhookEvent(ctx, trx, afterCommit, { ...base, type: 'mention', data, onlyBotIds: mentioned });
}

export type MembershipChange = 'joined' | 'added' | 'left' | 'removed';

/**
 * Someone joined or left a group or a conversation: told to the bots in it, the person included
 * when it is a bot. A bot that left or was removed hears of it although it can no longer see the
 * place (that one delivery is scoped to nothing); its other pending deliveries there are skipped.
 */
export async function webhookMembership(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  change: { orgId: string; place: { kind: 'group' | 'conversation'; id: string }; personId: string; change: MembershipChange },
): Promise<void> {
  const joined = change.change === 'joined' || change.change === 'added';
  const type = joined ? 'member.joined' : 'member.left';
  // The person is read only when some webhook of the company wants to hear of it.
  if (!(await orgWantsWebhook(ctx, trx, change.orgId, type))) return;
  const person = await trx
    .selectFrom('people')
    .select(['id', 'display_name', 'is_bot'])
    .where('org_id', '=', change.orgId)
    .where('id', '=', change.personId)
    .executeTakeFirst();
  if (!person) return;
  const data = {
    ...(change.place.kind === 'group' ? { groupId: change.place.id } : { conversationId: change.place.id }),
    person: webhookPerson(person),
    change: change.change,
  };
  const base = { orgId: change.orgId, type, orderingKey: change.place.id, data } as const;
  await emitWebhookEvent(ctx, trx, afterCommit, { ...base, scope: change.place });
  if (!joined && person.is_bot === 1) await emitWebhookEvent(ctx, trx, afterCommit, { ...base, scope: null, onlyBotIds: [person.id] });
}

/** A reaction added (or changed) on a post in a group or on a chat message. */
export async function webhookReactionAdded(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  reaction: {
    orgId: string;
    kind: string;
    person: Person;
    on: { kind: 'post'; id: string; groupId: string | null } | { kind: 'message'; id: string; conversationId: string };
  },
): Promise<void> {
  const { on } = reaction;
  if (on.kind === 'post' && !on.groupId) return;
  const common = { orgId: reaction.orgId, type: 'reaction.added' as const, actorId: reaction.person.id };
  const data = { reaction: reaction.kind, person: webhookPerson(reaction.person) };
  if (on.kind === 'post')
    await emitWebhookEvent(ctx, trx, afterCommit, {
      ...common,
      scope: { kind: 'post', id: on.id },
      orderingKey: on.groupId ?? on.id,
      data: { ...data, post: { id: on.id, groupId: on.groupId } },
    });
  else
    await emitWebhookEvent(ctx, trx, afterCommit, {
      ...common,
      scope: { kind: 'conversation', id: on.conversationId },
      orderingKey: on.conversationId,
      data: { ...data, message: { id: on.id, conversationId: on.conversationId } },
    });
}
