import type { z } from 'zod';
import type { Announcement, Poll, PostEvent, RsvpCounts } from '../../../protocol/post-extras.js';
import type { createPostSchema } from '../../../protocol/posts.js';
import type { Executor } from '../../db/index.js';
import type { PostsTable, PostStatus, RsvpAnswer } from '../../db/schema.js';
import { badInput, forbidden } from '../../errors.js';
import type { GroupViewer } from '../../policies/groups.js';
import { canMarkImportant, type PostPlace } from '../../policies/posts.js';
import { iso } from '../people/present.js';
import {
  eventsOf,
  insertEvent,
  insertPoll,
  optionTallies,
  pollsOf,
  rsvpCounts,
  rsvpsOf,
  seenOf,
  seenTallies,
  voterCounts,
  votesOf,
} from './extras-store.js';
import type { PostRow } from './store.js';

/** What a post carries besides its body: poll, event, announcement, approval state. */
export interface PostFeatures {
  status: PostStatus;
  poll: Poll | null;
  event: PostEvent | null;
  announcement: Announcement | null;
}

type CreateInput = z.infer<typeof createPostSchema>;

/**
 * The approval state and announcement flag of a new post, checked against the policy: only the
 * group's admins and moderators mark a group post important; a profile post cannot be one.
 */
export function planFeatures(
  v: GroupViewer,
  input: CreateInput,
  place: PostPlace,
  needsApproval: boolean,
): Pick<PostsTable, 'status' | 'important'> {
  if (input.important && place === null) throw badInput('important', 'only a group post can be an announcement');
  if (input.important && !canMarkImportant(v, place)) throw forbidden('Only the group’s admins and moderators can post announcements.');
  if (input.poll?.closesAt !== undefined && Date.parse(input.poll.closesAt) <= Date.now()) {
    throw badInput('poll.closesAt', 'must be in the future');
  }
  return { status: needsApproval ? 'pending' : 'published', important: input.important ? 1 : 0 };
}

/** Writes the new post's poll and event, in its transaction. */
export async function writeFeatures(db: Executor, post: Pick<PostsTable, 'id' | 'org_id'>, input: CreateInput): Promise<void> {
  if (input.poll) {
    await insertPoll(db, post.org_id, post.id, {
      multiple: input.poll.multiple ?? false,
      closesAt: input.poll.closesAt === undefined ? null : Date.parse(input.poll.closesAt),
      options: input.poll.options.map((o) => o.trim()),
    });
  }
  if (input.event) {
    await insertEvent(db, {
      post_id: post.id,
      org_id: post.org_id,
      title: input.event.title?.trim() ?? null,
      starts_at: Date.parse(input.event.startsAt),
      ends_at: input.event.endsAt === undefined ? null : Date.parse(input.event.endsAt),
      place: input.event.place?.trim() ?? null,
    });
  }
}

export const isClosed = (closesAt: number | null, now = Date.now()): boolean => closesAt !== null && closesAt <= now;

export function toRsvpCounts(m: Map<RsvpAnswer, number> | undefined): RsvpCounts {
  return { going: m?.get('going') ?? 0, maybe: m?.get('maybe') ?? 0, declined: m?.get('declined') ?? 0 };
}

/**
 * Polls, events and announcements of a page of posts, with the viewer's own choices: two rounds
 * of at most five queries each, whatever the page size (a round is skipped when nothing needs it).
 */
export async function loadFeatures(db: Executor, v: GroupViewer, rows: PostRow[]): Promise<(r: PostRow) => PostFeatures> {
  const ids = rows.map((r) => r.id);
  const announced = rows.filter((r) => r.important === 1 && r.group_id !== null).map((r) => r.id);
  const [polls, events, seen, mineSeen] = await Promise.all([
    pollsOf(db, ids),
    eventsOf(db, ids),
    seenTallies(db, announced),
    seenOf(db, v.id, announced),
  ]);
  const pollIds = [...polls.keys()];
  const eventIds = [...events.keys()];
  const [options, voters, myVotes, rsvps, myRsvps] = await Promise.all([
    optionTallies(db, pollIds),
    voterCounts(db, pollIds),
    votesOf(db, v.id, pollIds),
    rsvpCounts(db, eventIds),
    rsvpsOf(db, v.id, eventIds),
  ]);
  const now = Date.now();
  return (r) => {
    const poll = polls.get(r.id);
    const event = events.get(r.id);
    const tally = seen.get(r.id);
    return {
      status: r.status,
      poll: poll
        ? {
            multiple: poll.multiple === 1,
            closesAt: poll.closes_at === null ? null : iso(poll.closes_at),
            closed: isClosed(poll.closes_at, now),
            voters: voters.get(r.id) ?? 0,
            options: options.filter((o) => o.post_id === r.id).map((o) => ({ id: o.id, text: o.text, votes: o.votes })),
            viewerChoices: myVotes.filter((m) => m.post_id === r.id).map((m) => m.option_id),
          }
        : null,
      event: event
        ? {
            title: event.title,
            startsAt: iso(event.starts_at),
            endsAt: event.ends_at === null ? null : iso(event.ends_at),
            place: event.place,
            counts: toRsvpCounts(rsvps.get(r.id)),
            viewerAnswer: myRsvps.get(r.id) ?? null,
          }
        : null,
      announcement:
        r.important === 1 && r.group_id !== null
          ? {
              // The author is not asked to mark their own announcement seen.
              seenByViewer: r.author_id === v.id || mineSeen.has(r.id),
              seenCount: tally?.seen ?? 0,
              audienceCount: tally?.audience ?? 0,
            }
          : null,
    };
  };
}

/** The poll's new tally, for the realtime event. */
export async function pollTally(db: Executor, postId: string): Promise<{ voters: number; options: Array<{ id: string; votes: number }> }> {
  const [options, voters] = await Promise.all([optionTallies(db, [postId]), voterCounts(db, [postId])]);
  return { voters: voters.get(postId) ?? 0, options: options.map((o) => ({ id: o.id, votes: o.votes })) };
}

export async function rsvpTally(db: Executor, postId: string): Promise<RsvpCounts> {
  return toRsvpCounts((await rsvpCounts(db, [postId])).get(postId));
}

export async function seenTally(db: Executor, postId: string): Promise<{ seenCount: number; audienceCount: number }> {
  const t = (await seenTallies(db, [postId])).get(postId);
  return { seenCount: t?.seen ?? 0, audienceCount: t?.audience ?? 0 };
}
