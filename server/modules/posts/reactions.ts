import type { Comment, Post } from '../../../protocol/posts.js';
import { inTx, type AppContext } from '../../context.js';
import type { PeopleTable, ReactionKind } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import { canInteract } from '../../policies/posts.js';
import { notifyReaction, withdrawReaction } from '../notifications/emit.js';
import { lockPeopleOfOrg } from '../people/store.js';
import { webhookReactionAdded } from '../webhooks/events.js';
import { loadComment, noSuchComment, presentComments, tellCounts } from './comments.js';
import { findCommentAnyState } from './comments-store.js';
import { placeOf } from './present.js';
import { deleteReaction, upsertReaction } from './reactions-store.js';
import { groupArchived, loadVisiblePost, lockAndLoadPost, presentPost } from './service.js';
import type { PostRow } from './store.js';

/** Reactions on posts and comments: one per person per target; reacting again with another kind replaces it. */

function assertCanReact(v: PeopleTable, post: PostRow): void {
  if (post.group_archived_at !== null) throw groupArchived();
  if (!canInteract(v, post, placeOf(post))) throw forbidden('Join the group to react.');
}

/** Sets (kind) or removes (null) my reaction to a post. */
export async function reactToPost(ctx: AppContext, v: PeopleTable, postId: string, kind: ReactionKind | null): Promise<Post> {
  await inTx(ctx, async (trx, afterCommit) => {
    const post = await lockAndLoadPost(ctx, trx, v, postId);
    assertCanReact(v, post);
    const changed = kind
      ? await upsertReaction(trx, { org_id: v.org_id, target_type: 'post', target_id: post.id, post_id: post.id, person_id: v.id, kind })
      : await deleteReaction(trx, v.org_id, post.id, v.id);
    if (changed) await tellCounts(ctx, trx, afterCommit, post);
    if (changed && kind) {
      await notifyReaction(ctx, trx, afterCommit, v, 'post', post.id);
      const on = { kind: 'post' as const, id: post.id, groupId: post.group_id };
      await webhookReactionAdded(ctx, trx, afterCommit, { orgId: v.org_id, kind, person: v, on });
    }
    if (changed && !kind) await withdrawReaction(ctx, trx, afterCommit, v, post.id);
  });
  return presentPost(ctx.db, v, await loadVisiblePost(ctx.db, v, postId));
}

/** Sets (kind) or removes (null) my reaction to a comment. */
export async function reactToComment(ctx: AppContext, v: PeopleTable, commentId: string, kind: ReactionKind | null): Promise<Comment> {
  await inTx(ctx, async (trx, afterCommit) => {
    await lockPeopleOfOrg(trx, ctx.dialect, v.org_id);
    const { comment, post } = await loadComment(trx, v, commentId);
    assertCanReact(v, post);
    if (kind) {
      const changed = await upsertReaction(trx, {
        org_id: v.org_id,
        target_type: 'comment',
        target_id: comment.id,
        post_id: post.id,
        person_id: v.id,
        kind,
      });
      if (changed) await notifyReaction(ctx, trx, afterCommit, v, 'comment', comment.id);
    } else if (await deleteReaction(trx, v.org_id, comment.id, v.id)) {
      await withdrawReaction(ctx, trx, afterCommit, v, comment.id);
    }
  });
  const row = await findCommentAnyState(ctx.db, v.org_id, commentId);
  const [c] = row ? await presentComments(ctx.db, v, [row]) : [];
  if (!c) throw noSuchComment();
  return c;
}
