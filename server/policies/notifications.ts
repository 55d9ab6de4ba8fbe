import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';
import { myConversations } from './chat.js';
import { canFindGroup, findableGroups, type GroupRow, type GroupViewer, type Membership, type PendingKind } from './groups.js';
import { canSeePost, visiblePosts, type PostLike, type PostPlace } from './posts.js';

/**
 * Who hears of what (PRODUCT.md: nothing is sent about anything the recipient may not see).
 *
 * - At send time: a notification about a post (a mention, comment, reply, reaction, new post) goes
 *   only to someone who may see that post now (`canSeePost`); one about a group alone (invitation,
 *   join request, decision) only to someone who may find the group (`canFindGroup`). Never to the
 *   actor. Someone filtered out gets no row and no event, so not even the existence of the thing
 *   leaks.
 * - At read time: `visibleNotifications` drops rows whose post, comment or group the reader may no
 *   longer see (left or removed from the group, deleted post or comment), from the list, the
 *   unread badge and mark-as-read alike; a chat notification goes when the reader no longer takes
 *   part in its conversation (policies/chat.ts).
 */
export function mayHearOfPost(person: GroupViewer, post: PostLike, place: PostPlace): boolean {
  return canSeePost(person, post, place);
}

export function mayHearOfGroup(person: GroupViewer, g: GroupRow, m: Membership, pending: PendingKind): boolean {
  return canFindGroup(person, g, m, pending);
}

/** The WHERE of "my notifications I may still see" over `notifications`. */
export function visibleNotifications(eb: ExpressionBuilder<Database, 'notifications'>, v: GroupViewer): Expression<SqlBool> {
  if (v.status !== 'active') return sql<SqlBool>`1 = 0`;
  const postSeen = eb.exists(
    eb
      .selectFrom('posts')
      .select('posts.id')
      .whereRef('posts.id', '=', 'notifications.post_id')
      .where((pe) => visiblePosts(pe as unknown as ExpressionBuilder<Database, 'posts'>, v)),
  );
  const commentLive = eb.exists(
    eb.selectFrom('comments as nc').select('nc.id').whereRef('nc.id', '=', 'notifications.comment_id').where('nc.deleted_at', 'is', null),
  );
  const groupFound = eb.exists(
    eb
      .selectFrom('groups')
      .select('groups.id')
      .whereRef('groups.id', '=', 'notifications.group_id')
      .where((ge) => findableGroups(ge as unknown as ExpressionBuilder<Database, 'groups'>, v)),
  );
  const conversationJoined = eb.exists(
    eb
      .selectFrom('conversations')
      .select('conversations.id')
      .whereRef('conversations.id', '=', 'notifications.conversation_id')
      .where((ce) => myConversations(ce as unknown as ExpressionBuilder<Database, 'conversations'>, v)),
  );
  return eb.and([
    eb('notifications.org_id', '=', v.org_id),
    eb('notifications.recipient_id', '=', v.id),
    eb.or([eb('notifications.post_id', 'is', null), postSeen]),
    eb.or([eb('notifications.comment_id', 'is', null), commentLive]),
    eb.or([eb('notifications.group_id', 'is', null), groupFound]),
    eb.or([eb('notifications.conversation_id', 'is', null), conversationJoined]),
  ]);
}
