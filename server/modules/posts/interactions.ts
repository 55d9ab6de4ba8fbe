import type { Post } from '../../../protocol/posts.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable, RsvpAnswer } from '../../db/schema.js';
import { badInput, conflict, forbidden, notFound } from '../../errors.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canInteract, canSeeSeenBy } from '../../policies/posts.js';
import { publishToPeople } from '../../realtime/publish.js';
import { memberIds } from '../groups/store.js';
import { eventsOf, markSeen, optionTallies, pollsOf, replaceVotes, upsertRsvp } from './extras-store.js';
import { isClosed, pollTally, rsvpTally, seenTally } from './extras.js';
import { placeOf } from './present.js';
import { groupArchived, loadVisiblePost, lockAndLoadPost, presentPost, tellAudience } from './service.js';
import type { PostRow } from './store.js';

/**
 * Voting in polls, answering events, marking announcements seen. Who may: those who may comment
 * and react (policies/posts.ts, canInteract); a pending post takes none of it.
 */

const noSuchPoll = () => notFound('No such poll.');
const noSuchEvent = () => notFound('No such event.');
const noSuchAnnouncement = () => notFound('No such announcement.');

function assertCanInteract(v: GroupViewer, post: PostRow, what: string): void {
  if (post.group_archived_at !== null) throw groupArchived();
  if (!canInteract(v, post, placeOf(post))) {
    throw post.status === 'published' ? forbidden(`Join the group to ${what}.`) : conflict('post_pending', 'This post is not published.');
  }
}

/** The post and its poll, if the viewer may see the post and it has a poll; otherwise 404. */
export async function loadPoll(db: Executor, v: GroupViewer, postId: string) {
  const post = await loadVisiblePost(db, v, postId);
  const poll = (await pollsOf(db, [post.id])).get(post.id);
  if (!poll) throw noSuchPoll();
  return { post, poll };
}

export async function loadEvent(db: Executor, v: GroupViewer, postId: string) {
  const post = await loadVisiblePost(db, v, postId);
  const event = (await eventsOf(db, [post.id])).get(post.id);
  if (!event) throw noSuchEvent();
  return { post, event };
}

/**
 * Replaces my choices (an empty list takes my vote back). One person voting twice at once: both
 * run under the company's lock, one after the other, and the last one's choice stays.
 */
export async function vote(ctx: AppContext, v: PeopleTable, postId: string, optionIds: string[]): Promise<Post> {
  await inTx(ctx, async (trx, afterCommit) => {
    const post = await lockAndLoadPost(ctx, trx, v, postId);
    const poll = (await pollsOf(trx, [post.id])).get(post.id);
    if (!poll) throw noSuchPoll();
    assertCanInteract(v, post, 'vote');
    if (isClosed(poll.closes_at)) throw conflict('poll_closed', 'This poll is closed.');
    if (poll.multiple === 0 && optionIds.length > 1)
      throw badInput('optionIds', 'must hold one option at most: this poll takes one choice');
    const known = new Set((await optionTallies(trx, [post.id])).map((o) => o.id));
    if (optionIds.some((id) => !known.has(id))) throw badInput('optionIds', 'must be options of this poll');
    if (await replaceVotes(trx, post.org_id, post.id, v.id, optionIds)) {
      await tellAudience(ctx, trx, afterCommit, post, 'post.tally', {
        postId: post.id,
        groupId: post.group_id,
        poll: await pollTally(trx, post.id),
      });
    }
  });
  return presentPost(ctx.db, v, await loadVisiblePost(ctx.db, v, postId));
}

export async function answerEvent(ctx: AppContext, v: PeopleTable, postId: string, answer: RsvpAnswer): Promise<Post> {
  await inTx(ctx, async (trx, afterCommit) => {
    const post = await lockAndLoadPost(ctx, trx, v, postId);
    if (!(await eventsOf(trx, [post.id])).has(post.id)) throw noSuchEvent();
    assertCanInteract(v, post, 'answer');
    if (await upsertRsvp(trx, { org_id: post.org_id, post_id: post.id, person_id: v.id, answer })) {
      await tellAudience(ctx, trx, afterCommit, post, 'post.tally', {
        postId: post.id,
        groupId: post.group_id,
        event: await rsvpTally(trx, post.id),
      });
    }
  });
  return presentPost(ctx.db, v, await loadVisiblePost(ctx.db, v, postId));
}

/**
 * Marks an announcement seen (again: nothing changes). The author is not asked. The new count goes
 * to those who follow it, the author and the group's admins and moderators, not to every member:
 * in a company-wide group that would be one event per member for every member's mark.
 */
export async function markAnnouncementSeen(ctx: AppContext, v: PeopleTable, postId: string): Promise<Post> {
  await inTx(ctx, async (trx, afterCommit) => {
    const post = await lockAndLoadPost(ctx, trx, v, postId);
    if (post.important !== 1 || post.group_id === null) throw noSuchAnnouncement();
    if (post.status !== 'published') throw conflict('post_pending', 'This post is not published.');
    if (!post.my_role) throw forbidden('Only the group’s members are asked to mark it seen.');
    if (post.author_id === v.id) return;
    if (await markSeen(trx, post.org_id, post.id, v.id)) {
      const watchers = [post.author_id, ...(await memberIds(trx, post.org_id, post.group_id, ['admin', 'moderator']))];
      await publishToPeople(trx, afterCommit, ctx.bus, post.org_id, watchers, 'post.tally', {
        postId: post.id,
        groupId: post.group_id,
        announcement: await seenTally(trx, post.id),
      });
    }
  });
  return presentPost(ctx.db, v, await loadVisiblePost(ctx.db, v, postId));
}

/** The announcement, if the viewer may see who has seen it: 404 when they may not see the post, 403 when they see it but not the list. */
export async function loadSeenBy(db: Executor, v: GroupViewer, postId: string): Promise<PostRow & { group_id: string }> {
  const post = await loadVisiblePost(db, v, postId);
  if (post.important !== 1 || post.group_id === null) throw noSuchAnnouncement();
  if (!canSeeSeenBy(v, post, placeOf(post))) throw forbidden('Only the author and the group’s admins and moderators see who has seen it.');
  return { ...post, group_id: post.group_id };
}
