import type { AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { NotifyLevel, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { postMentionIds } from '../posts/store.js';
import { notify, withdraw } from './service.js';
import { findCommentTarget, findPostTarget, followPost, membersAtLevel, moderatorIds, postFollowers, type PostTarget } from './store.js';

/**
 * What each action tells whom. Posts, comments, reactions and groups call one of these, in their
 * transaction, once the change is written. A person hears of one action once, the most personal
 * way: a mention before a reply, a reply before a comment on a followed post, a mention before a
 * new-post notice. Every call goes through `notify`, which drops the actor and anyone who may not
 * see the post or group.
 */
type Emit<A extends unknown[]> = (ctx: AppContext, trx: Trx, afterCommit: AfterCommit, actor: PeopleTable, ...args: A) => Promise<void>;

/**
 * A new post. Published: mentions; then, in a group, its members by level: 'all' hears of every
 * post; 'highlights' of announcements only (and pinned posts, see notifyPinned); 'off' of none.
 * Pending (post approval): the group's admins and moderators, who decide. The author follows the
 * post (hears of its comments).
 */
export const notifyNewPost: Emit<[postId: string, mentioned: string[]]> = async (ctx, trx, afterCommit, actor, postId, mentioned) => {
  const post = await findPostTarget(trx, actor.org_id, postId);
  if (!post) return;
  await followPost(trx, post.org_id, post.id, post.author_id);
  if (post.status === 'pending' && post.group_id) {
    const reviewers = await moderatorIds(trx, post.org_id, post.group_id);
    const base = { orgId: post.org_id, actorId: post.author_id, postId: post.id, groupId: post.group_id };
    // One row per post (not aggregated): a declined post takes its own row away, not its neighbours'.
    await notify(trx, afterCommit, ctx, { ...base, kind: 'post_pending', recipients: reviewers });
  }
  if (post.status === 'published') await announceNewPost(ctx, trx, afterCommit, post, mentioned);
};

/** A published post, told as its author's (also when a reviewer approved it). */
async function announceNewPost(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, post: PostTarget, mentioned: string[]): Promise<void> {
  const base = { orgId: post.org_id, actorId: post.author_id, postId: post.id, groupId: post.group_id ?? undefined };
  const told = await notify(trx, afterCommit, ctx, {
    ...base,
    kind: 'mention_post',
    recipients: mentioned,
    once: true,
  });
  if (!post.group_id) return;
  const important = post.important === 1;
  const levels: NotifyLevel[] = important ? ['all', 'highlights'] : ['all'];
  const members = await membersAtLevel(trx, post.org_id, post.group_id, levels);
  await notify(trx, afterCommit, ctx, {
    ...base,
    kind: important ? 'announcement' : 'group_post',
    recipients: members.filter((id) => !told.includes(id)),
    once: true,
    groupLevels: levels,
  });
}

/** A reviewer approved or declined a pending post: its author hears which; an approved one is then announced as new. */
export const notifyPostReviewed: Emit<[postId: string, approved: boolean]> = async (ctx, trx, afterCommit, actor, postId, approved) => {
  const post = await findPostTarget(trx, actor.org_id, postId);
  if (!post) return;
  const base = { orgId: post.org_id, actorId: actor.id, postId: post.id, groupId: post.group_id ?? undefined };
  await notify(trx, afterCommit, ctx, { ...base, kind: approved ? 'post_approved' : 'post_declined', recipients: [post.author_id] });
  if (approved) await announceNewPost(ctx, trx, afterCommit, post, await postMentionIds(trx, post.org_id, post.id));
};

/** People newly mentioned by an edit (those already told of this post's mention are not told again). */
export const notifyPostMentions: Emit<[postId: string, mentioned: string[]]> = async (ctx, trx, afterCommit, actor, postId, mentioned) => {
  const post = await findPostTarget(trx, actor.org_id, postId);
  if (!post || post.status !== 'published') return;
  await notify(trx, afterCommit, ctx, {
    orgId: post.org_id,
    actorId: actor.id,
    kind: 'mention_post',
    recipients: mentioned,
    postId: post.id,
    groupId: post.group_id ?? undefined,
    once: true,
  });
};

/** A pinned post: members at 'all' or 'highlights' (once per post). */
export const notifyPinned: Emit<[postId: string]> = async (ctx, trx, afterCommit, actor, postId) => {
  const post = await findPostTarget(trx, actor.org_id, postId);
  if (!post?.group_id || post.status !== 'published') return;
  const members = await membersAtLevel(trx, post.org_id, post.group_id, ['all', 'highlights']);
  await notify(trx, afterCommit, ctx, {
    orgId: post.org_id,
    actorId: actor.id,
    kind: 'post_pinned',
    recipients: members,
    postId: post.id,
    groupId: post.group_id,
    once: true,
  });
};

/**
 * A new comment: mentions in it; a reply's parent author; then the post's followers ("Anna and
 * 2 others commented", one unread row per post). The commenter follows the post from now on.
 */
export const notifyNewComment: Emit<[commentId: string, mentioned: string[]]> = async (
  ctx,
  trx,
  afterCommit,
  actor,
  commentId,
  mentioned,
) => {
  const comment = await findCommentTarget(trx, actor.org_id, commentId);
  const post = comment && (await findPostTarget(trx, actor.org_id, comment.post_id));
  if (!comment || !post) return;
  await followPost(trx, post.org_id, post.id, actor.id);
  const base = { orgId: post.org_id, actorId: actor.id, postId: post.id, commentId: comment.id, groupId: post.group_id ?? undefined };
  const told = new Set(
    await notify(trx, afterCommit, ctx, {
      ...base,
      kind: 'mention_comment',
      recipients: mentioned,
      once: true,
    }),
  );
  if (comment.parent_id) {
    const parent = await findCommentTarget(trx, actor.org_id, comment.parent_id);
    if (parent && !told.has(parent.author_id)) {
      for (const id of await notify(trx, afterCommit, ctx, {
        ...base,
        kind: 'reply',
        recipients: [parent.author_id],
        groupKey: `reply:${parent.id}`,
      })) {
        told.add(id);
      }
    }
  }
  const followers = (await postFollowers(trx, post.org_id, post.id)).filter((id) => !told.has(id));
  await notify(trx, afterCommit, ctx, { ...base, kind: 'comment', recipients: followers, groupKey: `comment:${post.id}` });
};

/** People newly mentioned by a comment's edit. */
export const notifyCommentMentions: Emit<[commentId: string, mentioned: string[]]> = async (
  ctx,
  trx,
  afterCommit,
  actor,
  commentId,
  mentioned,
) => {
  const comment = await findCommentTarget(trx, actor.org_id, commentId);
  if (!comment) return;
  await notify(trx, afterCommit, ctx, {
    orgId: actor.org_id,
    actorId: actor.id,
    kind: 'mention_comment',
    recipients: mentioned,
    postId: comment.post_id,
    commentId: comment.id,
    groupId: comment.group_id ?? undefined,
    once: true,
  });
};

/** A reaction taken back: its actor leaves the unread "Anna and 4 others" row of that post or comment. */
export const withdrawReaction: Emit<[targetId: string]> = (ctx, trx, afterCommit, actor, targetId) =>
  withdraw(trx, afterCommit, ctx, actor.org_id, actor.id, `reaction:${targetId}`);

/** A reaction: the post's or comment's author, aggregated into one unread row per target. */
export const notifyReaction: Emit<[target: 'post' | 'comment', targetId: string]> = async (
  ctx,
  trx,
  afterCommit,
  actor,
  target,
  targetId,
) => {
  if (target === 'post') {
    const post = await findPostTarget(trx, actor.org_id, targetId);
    if (!post) return;
    const base = { orgId: post.org_id, actorId: actor.id, postId: post.id, groupId: post.group_id ?? undefined };
    await notify(trx, afterCommit, ctx, { ...base, kind: 'reaction_post', recipients: [post.author_id], groupKey: `reaction:${post.id}` });
    return;
  }
  const comment = await findCommentTarget(trx, actor.org_id, targetId);
  if (!comment) return;
  await notify(trx, afterCommit, ctx, {
    orgId: actor.org_id,
    actorId: actor.id,
    kind: 'reaction_comment',
    recipients: [comment.author_id],
    postId: comment.post_id,
    commentId: comment.id,
    groupId: comment.group_id ?? undefined,
    groupKey: `reaction:${comment.id}`,
  });
};

/** Invited to a group. */
export const notifyInvited: Emit<[groupId: string, personId: string]> = async (ctx, trx, afterCommit, actor, groupId, personId) => {
  await notify(trx, afterCommit, ctx, { orgId: actor.org_id, actorId: actor.id, kind: 'group_invite', recipients: [personId], groupId });
};

/** Someone asked to join: the group's admins and moderators ("Anna and 2 others asked to join"). */
export const notifyJoinRequest: Emit<[groupId: string]> = async (ctx, trx, afterCommit, actor, groupId) => {
  const recipients = await moderatorIds(trx, actor.org_id, groupId);
  await notify(trx, afterCommit, ctx, {
    orgId: actor.org_id,
    actorId: actor.id,
    kind: 'join_request',
    recipients,
    groupId,
    groupKey: `join_request:${groupId}`,
  });
};

/** A join request was answered: the person who asked. */
export const notifyRequestDecided: Emit<[groupId: string, personId: string, approved: boolean]> = async (
  ctx,
  trx,
  afterCommit,
  actor,
  groupId,
  personId,
  approved,
) => {
  await notify(trx, afterCommit, ctx, {
    orgId: actor.org_id,
    actorId: actor.id,
    kind: approved ? 'request_approved' : 'request_declined',
    recipients: [personId],
    groupId,
  });
};
