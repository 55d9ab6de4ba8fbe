import type { FeedReason, FeedScoreTerms } from '../../../protocol/feed.js';
import type { PostRow } from '../posts/store.js';
import type { Candidate } from './store.js';

/**
 * The Top order's score: a sum of named terms, each computed from facts the person can check,
 * and the `why` reasons are written from those same terms (docs/ARCHITECTURE.md, "Home feed").
 *
 *   recency      100 × 0.5^(age in hours / 24)                       (halves every day)
 *   author        10 × my reactions and comments on the author's posts, last 30 days (at most 50)
 *   group          5 × my reactions and comments in the post's group, last 30 days (at most 25)
 *   engagement    15 × log2(1 + reactions + 2 × comments)
 *   announcement 1000 for an announcement I have not marked seen (so those come first)
 *
 * Ages, counts and "seen" are taken as they stood at the snapshot time of the first page, so
 * every page of one reading orders the same posts the same way.
 */
export const TOP = {
  windowDays: 7,
  perSource: 20,
  candidates: 300,
  interactionDays: 30,
  recencyMax: 100,
  halfLifeHours: 24,
  perAuthorInteraction: 10,
  authorMax: 50,
  perGroupInteraction: 5,
  groupMax: 25,
  engagementFactor: 15,
  unseenAnnouncement: 1000,
  /** Reactions + comments from which a post is called popular. */
  popularFrom: 5,
} as const;

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface Signals {
  at: number;
  authorInteractions: Map<string, number>;
  groupInteractions: Map<string, number>;
  reactions: Map<string, number>;
  comments: Map<string, number>;
  seen: Set<string>;
}

/** Three decimals: the score goes into cursors, so it must be the same number on every page. */
const round = (n: number) => Math.round(n * 1000) / 1000;

export function scoreTerms(c: Candidate, me: string, s: Signals): FeedScoreTerms {
  const ageHours = Math.max(0, s.at - c.created_at) / HOUR;
  const authorN = c.author_id === me ? 0 : (s.authorInteractions.get(c.author_id) ?? 0);
  const groupN = c.group_id ? (s.groupInteractions.get(c.group_id) ?? 0) : 0;
  const weight = (s.reactions.get(c.id) ?? 0) + 2 * (s.comments.get(c.id) ?? 0);
  return {
    recency: round(TOP.recencyMax * 0.5 ** (ageHours / TOP.halfLifeHours)),
    author: Math.min(TOP.authorMax, TOP.perAuthorInteraction * authorN),
    group: Math.min(TOP.groupMax, TOP.perGroupInteraction * groupN),
    engagement: round(TOP.engagementFactor * Math.log2(1 + weight)),
    announcement: c.important === 1 && !s.seen.has(c.id) ? TOP.unseenAnnouncement : 0,
  };
}

export const scoreOf = (t: FeedScoreTerms): number => round(t.recency + t.author + t.group + t.engagement + t.announcement);

/** Where the post comes from: my group, a person I follow, myself. */
export function sourceReasons(r: PostRow, me: string, myGroups: Set<string>, followees: Set<string>): FeedReason[] {
  const out: FeedReason[] = [];
  if (r.author_id === me) out.push({ kind: 'own_post', text: 'You wrote this post.' });
  if (r.group_id && r.group_name !== null && myGroups.has(r.group_id)) {
    out.push({
      kind: 'member_of_group',
      groupId: r.group_id,
      groupName: r.group_name,
      text: `You are a member of ${r.group_name}.`,
    });
  }
  if (followees.has(r.author_id)) {
    out.push({ kind: 'follows_author', authorId: r.author_id, authorName: r.author_name, text: `You follow ${r.author_name}.` });
  }
  return out;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What raised the post in the Top order, in the words of its non-zero terms. */
export function scoreReasons(r: PostRow, c: Candidate, s: Signals, t: FeedScoreTerms): FeedReason[] {
  const out: FeedReason[] = [];
  if (t.announcement > 0) out.push({ kind: 'announcement', text: 'An announcement you have not marked as seen.' });
  if (t.author > 0) {
    const n = s.authorInteractions.get(c.author_id) ?? 0;
    out.push({
      kind: 'interacted_with_author',
      authorId: r.author_id,
      authorName: r.author_name,
      count: n,
      text: `You reacted to or commented on ${r.author_name}’s posts ${times(n)} in the last ${TOP.interactionDays} days.`,
    });
  }
  if (t.group > 0 && r.group_id && r.group_name !== null) {
    const n = s.groupInteractions.get(r.group_id) ?? 0;
    out.push({
      kind: 'interacted_with_group',
      groupId: r.group_id,
      groupName: r.group_name,
      count: n,
      text: `You reacted or commented in ${r.group_name} ${times(n)} in the last ${TOP.interactionDays} days.`,
    });
  }
  const reactions = s.reactions.get(c.id) ?? 0;
  const comments = s.comments.get(c.id) ?? 0;
  if (reactions + comments >= TOP.popularFrom) {
    out.push({
      kind: 'popular',
      count: reactions + comments,
      text: `${plural(reactions, 'reaction', 'reactions')} and ${plural(comments, 'comment', 'comments')}.`,
    });
  }
  if (t.recency >= TOP.recencyMax / 2) out.push({ kind: 'recent', text: 'Posted in the last day.' });
  return out;
}
