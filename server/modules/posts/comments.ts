import type { z } from 'zod';
import type { Comment, createCommentSchema } from '../../../protocol/posts.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canDeleteComment, canEditComment, canInteract } from '../../policies/posts.js';
import { notifyCommentMentions, notifyNewComment } from '../notifications/emit.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { webhookCommentCreated } from '../webhooks/events.js';
import {
  findComment,
  findCommentAnyState,
  insertComment,
  replaceCommentMentions,
  replyCounts,
  softDeleteComment,
  updateCommentBody,
  type CommentRow,
} from './comments-store.js';
import { parseBody } from './markdown.js';
import { placeOf, toAuthor, toCounts } from './present.js';
import { groupArchived, loadVisiblePost, lockAndLoadPost, renderFor, tellAudience } from './service.js';
import { commentCounts, reactionCounts, viewerReactions, type PostRow } from './store.js';

/**
 * Comments with one level of replies. A reply to a reply joins the same top-level comment (the
 * thread stays one level deep, as people expect when they answer someone in a thread).
 */

export const noSuchComment = () => notFound('No such comment.');
const commentsOff = () => conflict('comments_off', 'Comments are turned off for this post.');

/** A live comment and its post, if the viewer may see the post; otherwise 404. */
export async function loadComment(db: Executor, v: GroupViewer, id: string): Promise<{ comment: CommentRow; post: PostRow }> {
  const comment = await findComment(db, v.org_id, id);
  if (!comment) throw noSuchComment();
  try {
    return { comment, post: await loadVisiblePost(db, v, comment.post_id) };
  } catch {
    throw noSuchComment();
  }
}

/** A top-level comment whose replies are listed: a tombstone still shows the replies it kept. */
export async function loadThread(db: Executor, v: GroupViewer, id: string): Promise<CommentRow> {
  const comment = await findCommentAnyState(db, v.org_id, id);
  if (!comment) throw noSuchComment();
  try {
    await loadVisiblePost(db, v, comment.post_id);
  } catch {
    throw noSuchComment();
  }
  return comment;
}

export async function presentComments(db: Executor, v: GroupViewer, rows: CommentRow[]): Promise<Comment[]> {
  const ids = rows.map((r) => r.id);
  const [replies, reactions, mine] = await Promise.all([replyCounts(db, ids), reactionCounts(db, ids), viewerReactions(db, v.id, ids)]);
  return rows.map((r) => {
    const deleted = r.deleted_at !== null;
    return {
      id: r.id,
      postId: r.post_id,
      parentId: r.parent_id,
      author: deleted
        ? null
        : toAuthor({
            id: r.author_id,
            display_name: r.author_name,
            photo_file_id: r.author_photo,
            status: r.author_status,
            is_bot: r.author_is_bot,
          }),
      bodyMarkdown: deleted ? null : r.body_markdown,
      bodyHtml: deleted ? null : r.body_html,
      createdAt: new Date(r.created_at).toISOString(),
      editedAt: r.edited_at === null ? null : new Date(r.edited_at).toISOString(),
      deleted,
      replyCount: replies.get(r.id) ?? 0,
      counts: { reactions: toCounts(reactions.get(r.id)) },
      viewerReaction: mine.get(r.id) ?? null,
    };
  });
}

async function presentOne(db: Executor, v: GroupViewer, id: string): Promise<Comment> {
  const row = await findCommentAnyState(db, v.org_id, id);
  const [c] = row ? await presentComments(db, v, [row]) : [];
  if (!c) throw noSuchComment();
  return c;
}

/** Tells the post's audience its new comment and reaction counts. */
export async function tellCounts(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, post: PostRow): Promise<void> {
  const [comments, reactions] = await Promise.all([commentCounts(trx, [post.id]), reactionCounts(trx, [post.id])]);
  await tellAudience(ctx, trx, afterCommit, post, 'post.counts', {
    postId: post.id,
    groupId: post.group_id,
    comments: comments.get(post.id) ?? 0,
    reactions: toCounts(reactions.get(post.id)),
  });
}

/** Archived groups are read-only; then the policy; then the post's own switch. */
function assertCanComment(v: GroupViewer, post: PostRow): void {
  if (post.group_archived_at !== null) throw groupArchived();
  if (!canInteract(v, post, placeOf(post))) throw forbidden('Join the group to comment.');
  if (post.comments_enabled !== 1) throw commentsOff();
}

export async function createComment(
  ctx: AppContext,
  v: PeopleTable,
  postId: string,
  input: z.infer<typeof createCommentSchema>,
): Promise<Comment> {
  const parsed = parseBody(input.body);
  const id = await inTx(ctx, async (trx, afterCommit) => {
    const post = await lockAndLoadPost(ctx, trx, v, postId);
    assertCanComment(v, post);
    let parentId: string | null = null;
    if (input.parentId !== undefined) {
      const parent = await findComment(trx, v.org_id, input.parentId);
      if (!parent || parent.post_id !== post.id) throw notFound('No such comment to reply to.');
      parentId = parent.parent_id ?? parent.id;
    }
    const { html, mentioned } = await renderFor(trx, post, placeOf(post), parsed);
    const c = await insertComment(trx, {
      org_id: v.org_id,
      post_id: post.id,
      parent_id: parentId,
      author_id: v.id,
      body_markdown: input.body,
      body_html: html,
    });
    await replaceCommentMentions(trx, v.org_id, c.id, mentioned);
    await notifyNewComment(ctx, trx, afterCommit, v, c.id, mentioned);
    await webhookCommentCreated(ctx, trx, afterCommit, c, post, v, mentioned);
    await tellCounts(ctx, trx, afterCommit, post);
    return c.id;
  });
  return presentOne(ctx.db, v, id);
}

export async function editComment(ctx: AppContext, v: PeopleTable, id: string, body: string): Promise<Comment> {
  const parsed = parseBody(body);
  await inTx(ctx, async (trx, afterCommit) => {
    const { comment, post } = await loadComment(trx, v, id);
    if (post.group_archived_at !== null) throw groupArchived();
    if (!canEditComment(v, comment, post, placeOf(post))) throw forbidden('Only the author can edit a comment.');
    if (body === comment.body_markdown) return;
    const { html, mentioned } = await renderFor(trx, post, placeOf(post), parsed);
    if (!(await updateCommentBody(trx, v.org_id, id, body, html))) throw noSuchComment();
    await replaceCommentMentions(trx, v.org_id, id, mentioned);
    await notifyCommentMentions(ctx, trx, afterCommit, v, id, mentioned);
  });
  return presentOne(ctx.db, v, id);
}

/** A tombstone: its replies stay under it; the body and author are no longer shown. */
export function deleteComment(ctx: AppContext, v: PeopleTable, id: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, v.org_id);
    const { comment, post } = await loadComment(trx, v, id);
    if (!canDeleteComment(v, comment, post, placeOf(post))) throw forbidden('You cannot delete this comment.');
    if (!(await softDeleteComment(trx, v.org_id, id))) throw noSuchComment();
    await tellCounts(ctx, trx, afterCommit, post);
  });
}
