import { storeBlocks } from '../blocks/blocks.js';
import type { z } from 'zod';
import type { EventPayload } from '../../../protocol/events.js';
import type { createPostSchema, Post, updatePostSchema } from '../../../protocol/posts.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { PeopleTable, PostsTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { badInput, conflict, forbidden, notFound } from '../../errors.js';
import { canPost, canSeePosts, postNeedsApproval, type GroupViewer } from '../../policies/groups.js';
import {
  canDeletePost,
  canEditPost,
  canPinPost,
  canSeePost,
  canToggleComments,
  type PostLike,
  type PostPlace,
} from '../../policies/posts.js';
import { publishToPeople } from '../../realtime/publish.js';
import { attachUploads, attachmentsOfPosts } from '../files/attachments-store.js';
import { followersWhoSee } from '../feed/audience.js';
import { loadFindable } from '../groups/service.js';
import { memberIds } from '../groups/store.js';
import { notifyNewPost, notifyPinned, notifyPostMentions } from '../notifications/emit.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { webhookPostPublished } from '../webhooks/events.js';
import { loadFeatures, planFeatures, writeFeatures } from './extras.js';
import { parseBody, renderBody, type ParsedBody } from './markdown.js';
import { placeOf, toPost } from './present.js';
import {
  commentCounts,
  findVisiblePost,
  insertPost,
  insertRevision,
  mentionCandidates,
  reactionCounts,
  replacePostMentions,
  softDeletePost,
  updatePost,
  viewerReactions,
  type PostChanges,
  type PostRow,
} from './store.js';

/** Same answer as for an id that was never used. */
export const noSuchPost = () => notFound('No such post.');
export const groupArchived = () => conflict('group_archived', 'This group is archived: it is read-only.');

/** The post if the viewer may see it (the policy's SQL filter and its boolean agree), else 404. */
export async function loadVisiblePost(db: Executor, v: GroupViewer, id: string): Promise<PostRow> {
  const row = await findVisiblePost(db, v, id);
  if (!row || !canSeePost(v, row, placeOf(row))) throw noSuchPost();
  return row;
}

/** Posts with their counts, the viewer's reactions and attachments: four queries for the whole page. */
export async function presentPosts(db: Executor, v: GroupViewer, rows: PostRow[]): Promise<Post[]> {
  const ids = rows.map((r) => r.id);
  const [comments, reactions, mine, attachments] = await Promise.all([
    commentCounts(db, ids),
    reactionCounts(db, ids),
    viewerReactions(db, v.id, ids),
    attachmentsOfPosts(db, ids),
  ]);
  // Polls, events, announcements and approval state (server/modules/posts/extras.ts): constant queries too.
  const features = await loadFeatures(db, v, rows);
  return rows.map((r) => ({ ...toPost(v, r, { comments, reactions, mine, attachments }), ...features(r) }));
}

export async function presentPost(db: Executor, v: GroupViewer, row: PostRow): Promise<Post> {
  const [post] = await presentPosts(db, v, [row]);
  if (!post) throw noSuchPost();
  return post;
}

/**
 * Renders Markdown for a post (or a comment on it): a mention becomes a link only for a person of
 * the company who may see the post; those people are returned, to be stored for notifications.
 */
export async function renderFor(
  db: Executor,
  post: PostLike,
  groupPlace: PostPlace,
  parsed: ParsedBody,
): Promise<{ html: string; mentioned: string[] }> {
  const allowed = new Map<string, string>();
  if (parsed.mentionIds.length > 0) {
    for (const c of await mentionCandidates(db, post.org_id, parsed.mentionIds, post.group_id)) {
      const place = groupPlace && { group: groupPlace.group, membership: c.member_role ? { role: c.member_role } : null };
      if (canSeePost(c, post, place)) allowed.set(c.id, c.display_name);
    }
  }
  return { html: renderBody(parsed, allowed), mentioned: [...allowed.keys()] };
}

/**
 * Who hears of a post's changes: the group's active members (one query), or the profile post's
 * author, and the author's followers who may see it. A pending post only its author and the group's
 * admins and moderators; a declined one its author.
 */
export async function audienceOf(trx: Trx, post: Pick<PostsTable, 'org_id' | 'group_id' | 'author_id' | 'status'>): Promise<string[]> {
  if (post.status === 'declined') return [post.author_id];
  if (post.group_id && post.status === 'pending') {
    return [...new Set([post.author_id, ...(await memberIds(trx, post.org_id, post.group_id, ['admin', 'moderator']))])];
  }
  const direct = post.group_id ? await memberIds(trx, post.org_id, post.group_id) : [post.author_id];
  // And the author's followers who may see it: it is in their home feed (new-posts prompt, live counts).
  return [...new Set([...direct, ...(await followersWhoSee(trx, { ...post, deleted_at: null }))])];
}

/** Publishes to the post's audience under the company's lock (taken first by the caller). */
export async function tellAudience<T extends 'post.created' | 'post.updated' | 'post.deleted' | 'post.counts' | 'post.tally'>(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  post: Pick<PostsTable, 'org_id' | 'group_id' | 'author_id' | 'status'>,
  type: T,
  payload: EventPayload<T>,
): Promise<void> {
  await publishToPeople(trx, afterCommit, ctx.bus, post.org_id, await audienceOf(trx, post), type, payload);
}

/** Loads for a change: the company's lock first (ARCHITECTURE.md, "Locks"), then the post. */
export async function lockAndLoadPost(ctx: AppContext, trx: Trx, v: PeopleTable, id: string): Promise<PostRow> {
  await lockPeopleOfOrg(trx, ctx.dialect, v.org_id);
  return loadVisiblePost(trx, v, id);
}

export async function createPost(ctx: AppContext, v: PeopleTable, input: z.infer<typeof createPostSchema>): Promise<Post> {
  const parsed = parseBody(input.body);
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, v.org_id);
    let place: PostPlace = null;
    let needsApproval = false;
    if (input.groupId !== undefined) {
      const g = await loadFindable(trx, v, input.groupId);
      if (g.archived_at !== null) throw groupArchived();
      const membership = g.my_role ? { role: g.my_role } : null;
      if (!canPost(v, g, membership)) throw forbidden('You cannot post in this group.');
      place = { group: g, membership };
      needsApproval = postNeedsApproval(g, membership);
    } else if (v.role === 'guest') {
      throw forbidden('Guests post in their groups only.');
    }
    if (input.blocks?.length && v.is_bot !== 1) throw badInput('blocks', 'only bots attach interactive blocks');
    const features = planFeatures(v, input, place, needsApproval);
    // Mentions are rendered for the audience the post has once published (a pending post waits for that).
    const like: PostLike = { org_id: v.org_id, author_id: v.id, group_id: input.groupId ?? null, deleted_at: null, status: 'published' };
    const { html, mentioned } = await renderFor(trx, like, place, parsed);
    const post = await insertPost(trx, {
      org_id: v.org_id,
      author_id: v.id,
      group_id: like.group_id,
      body_markdown: input.body,
      body_html: html,
      blocks: storeBlocks(input.blocks),
      ...features,
    });
    await replacePostMentions(trx, v.org_id, post.id, mentioned);
    await writeFeatures(trx, post, input);
    if (input.attachmentIds?.length && !(await attachUploads(trx, v.org_id, v.id, post.id, input.attachmentIds))) {
      throw badInput('attachmentIds', 'must be uploads of yours that are not in a post yet');
    }
    // A pending post is told to its author and the group's admins and moderators only (audienceOf).
    await tellAudience(ctx, trx, afterCommit, post, 'post.created', { postId: post.id, groupId: post.group_id, authorId: post.author_id });
    await notifyNewPost(ctx, trx, afterCommit, v, post.id, mentioned);
    // Bots hear of it once it is published (a pending post when it is approved: approval.ts).
    await webhookPostPublished(ctx, trx, afterCommit, post, v, mentioned);
    return presentPost(trx, v, await loadVisiblePost(trx, v, post.id));
  });
}

/** The author edits the body (the replaced version is kept); the author or a group admin turns comments on or off. */
export async function editPost(ctx: AppContext, v: PeopleTable, id: string, input: z.infer<typeof updatePostSchema>): Promise<Post> {
  const parsed = input.body === undefined ? null : parseBody(input.body);
  return inTx(ctx, async (trx, afterCommit) => {
    const r = await lockAndLoadPost(ctx, trx, v, id);
    const place = placeOf(r);
    if (r.group_archived_at !== null) throw groupArchived();
    if (parsed && !canEditPost(v, r, place)) throw forbidden('Only the author can edit a post.');
    if (input.commentsEnabled !== undefined && !canToggleComments(v, r, place)) {
      throw forbidden('Only the author or the group’s admins can turn comments on or off.');
    }
    const changes: PostChanges = {};
    const now = Date.now();
    if (parsed && input.body !== undefined && input.body !== r.body_markdown) {
      const { html, mentioned } = await renderFor(trx, r, place, parsed);
      await insertRevision(trx, {
        org_id: r.org_id,
        post_id: r.id,
        body_markdown: r.body_markdown,
        body_html: r.body_html,
        written_at: r.edited_at ?? r.created_at,
        replaced_at: now,
      });
      Object.assign(changes, { body_markdown: input.body, body_html: html, edited_at: now });
      await replacePostMentions(trx, r.org_id, r.id, mentioned);
      await notifyPostMentions(ctx, trx, afterCommit, v, r.id, mentioned);
    }
    if (input.commentsEnabled !== undefined && (input.commentsEnabled ? 1 : 0) !== r.comments_enabled) {
      changes.comments_enabled = input.commentsEnabled ? 1 : 0;
    }
    if (input.blocks !== undefined) {
      if (v.is_bot !== 1 || r.author_id !== v.id) throw badInput('blocks', 'only the bot that wrote the post changes its blocks');
      const blocks = storeBlocks(input.blocks);
      if (blocks !== r.blocks) changes.blocks = blocks;
    }
    if (Object.keys(changes).length > 0) {
      if (!(await updatePost(trx, r.org_id, r.id, changes))) throw noSuchPost();
      await tellAudience(ctx, trx, afterCommit, r, 'post.updated', { postId: r.id, groupId: r.group_id });
    }
    return presentPost(trx, v, await loadVisiblePost(trx, v, id));
  });
}

/** Soft delete: from now on the post answers 404 everywhere, with its comments and reactions. */
export function deletePost(ctx: AppContext, v: PeopleTable, id: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    const r = await lockAndLoadPost(ctx, trx, v, id);
    if (!canDeletePost(v, r, placeOf(r)))
      throw forbidden('Only the author, the group’s admins and moderators, or company admins can delete a post.');
    if (!(await softDeletePost(trx, r.org_id, r.id, v.id))) throw noSuchPost();
    await tellAudience(ctx, trx, afterCommit, r, 'post.deleted', { postId: r.id, groupId: r.group_id });
  });
}

export function setPinned(ctx: AppContext, v: PeopleTable, id: string, pinned: boolean): Promise<Post> {
  return inTx(ctx, async (trx, afterCommit) => {
    const r = await lockAndLoadPost(ctx, trx, v, id);
    if (r.group_archived_at !== null) throw groupArchived();
    if (!canPinPost(v, r, placeOf(r))) throw forbidden('Only the group’s admins and moderators can pin posts.');
    if ((r.pinned === 1) !== pinned) {
      await updatePost(trx, r.org_id, r.id, { pinned: pinned ? 1 : 0, pinned_at: pinned ? Date.now() : null });
      if (pinned) await notifyPinned(ctx, trx, afterCommit, v, r.id);
      await tellAudience(ctx, trx, afterCommit, r, 'post.updated', { postId: r.id, groupId: r.group_id });
    }
    return presentPost(trx, v, await loadVisiblePost(trx, v, id));
  });
}

/** The group, if the viewer may see its posts; otherwise 404 like a group that does not exist. */
export async function loadGroupFeed(ctx: AppContext, v: PeopleTable, groupId: string): Promise<void> {
  const g = await loadFindable(ctx.db, v, groupId);
  if (!canSeePosts(v, g, g.my_role ? { role: g.my_role } : null)) throw notFound('No such group.');
}
