import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { conflict, forbidden } from '../../errors.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canReviewPosts } from '../../policies/posts.js';
import { loadFindable } from '../groups/service.js';
import { notifyPostReviewed } from '../notifications/emit.js';
import { findPerson } from '../people/store.js';
import { webhookPostPublished } from '../webhooks/events.js';
import { placeOf } from './present.js';
import { groupArchived, lockAndLoadPost, tellAudience } from './service.js';
import { postMentionIds, selectVisiblePosts, type PostRow } from './store.js';

/**
 * Post approval (a group setting): posts by members who are not the group's admins or moderators
 * wait as 'pending' until one of those approves (published, announced to the group as new) or
 * declines it (left to its author). Admins' and moderators' own posts never wait.
 */

/**
 * Approves or declines a pending post. A member who is not its author does not see it (404);
 * its author sees it but may not decide (403); a post that is not pending answers 409.
 * After a decline only the author sees the post.
 */
export async function reviewPost(ctx: AppContext, v: PeopleTable, id: string, approve: boolean): Promise<void> {
  await inTx(ctx, async (trx, afterCommit) => {
    const r = await lockAndLoadPost(ctx, trx, v, id);
    if (!canReviewPosts(v, placeOf(r))) throw forbidden('Only the group’s admins and moderators approve or decline posts.');
    if (r.status !== 'pending') throw conflict('not_pending', 'This post is not waiting for approval.');
    if (r.group_archived_at !== null) throw groupArchived();
    const status = approve ? 'published' : 'declined';
    const now = Date.now();
    // An approved post is published now: it goes to the top of the feeds, above posts that were
    // published while it waited, and cursors keyed on created_at stay stable.
    const res = await trx
      .updateTable('posts')
      .set({ status, reviewed_by: v.id, reviewed_at: now, ...(approve ? { created_at: now } : {}) })
      .where('org_id', '=', r.org_id)
      .where('id', '=', r.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw conflict('not_pending', 'This post is not waiting for approval.');
    const payload = { postId: r.id, groupId: r.group_id };
    if (approve) {
      // To the whole group now, as a new post.
      await tellAudience(ctx, trx, afterCommit, { ...r, status }, 'post.created', { ...payload, authorId: r.author_id });
      await notifyPostReviewed(ctx, trx, afterCommit, v, r.id, true);
      const author = await findPerson(trx, r.org_id, r.author_id);
      if (author)
        await webhookPostPublished(
          ctx,
          trx,
          afterCommit,
          { ...r, status, created_at: now },
          author,
          await postMentionIds(trx, r.org_id, r.id),
        );
    } else {
      // The author and the group's admins and moderators (who saw it pending) refetch: it is gone for the latter.
      await tellAudience(ctx, trx, afterCommit, r, 'post.updated', payload);
      await notifyPostReviewed(ctx, trx, afterCommit, v, r.id, false);
    }
  });
}

/** The group's queue: its admins and moderators; others who find the group 403, others 404 (loadFindable). */
export async function loadPendingQueue(ctx: AppContext, v: PeopleTable, groupId: string): Promise<void> {
  const g = await loadFindable(ctx.db, v, groupId);
  if (!canReviewPosts(v, { group: g, membership: g.my_role ? { role: g.my_role } : null })) {
    throw forbidden('Only the group’s admins and moderators see posts waiting for approval.');
  }
}

/** The group's pending posts, oldest first (a queue); the cursor is (created_at, id). */
export function listPendingPosts(
  db: Executor,
  v: GroupViewer,
  groupId: string,
  after: [number, string] | null,
  limit: number,
): Promise<PostRow[]> {
  let q = selectVisiblePosts(db, v).where('posts.group_id', '=', groupId).where('posts.status', '=', 'pending');
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('posts.created_at', '>', at), eb.and([eb('posts.created_at', '=', at), eb('posts.id', '>', id)])]));
  }
  return q
    .orderBy('posts.created_at')
    .orderBy('posts.id')
    .limit(limit + 1)
    .execute();
}
