import { z } from 'zod';
import { pageQuerySchema } from './api.js';
import { postSchema } from './posts.js';

/** The home feed: GET /api/v1/feed. */

export const FEED_ORDERS = ['recent', 'top'] as const;
export const feedQuerySchema = pageQuerySchema.extend({ order: z.enum(FEED_ORDERS).default('recent') }).strict();
export type FeedOrder = (typeof FEED_ORDERS)[number];

/**
 * Why a post is in my feed, one reason per fact; `text` says it in plain words (English), and
 * clients that translate use `kind` with `groupName` / `authorName` / `count`.
 */
export const FEED_REASON_KINDS = [
  // Where it comes from.
  'member_of_group',
  'follows_author',
  'own_post',
  // What raised it in the Top order.
  'announcement',
  'popular',
  'interacted_with_author',
  'interacted_with_group',
  'recent',
] as const;
export const feedReasonSchema = z.object({
  kind: z.enum(FEED_REASON_KINDS),
  groupId: z.string().optional(),
  groupName: z.string().optional(),
  authorId: z.string().optional(),
  authorName: z.string().optional(),
  count: z.number().optional(),
  text: z.string(),
});
export type FeedReason = z.infer<typeof feedReasonSchema>;

/** The Top order's score and its terms (docs/ARCHITECTURE.md, "Home feed"); they add up to `score`. */
export const feedScoreTermsSchema = z.object({
  recency: z.number(),
  author: z.number(),
  group: z.number(),
  engagement: z.number(),
  announcement: z.number(),
});
export type FeedScoreTerms = z.infer<typeof feedScoreTermsSchema>;

export const feedItemSchema = z.object({
  post: postSchema,
  why: z.object({
    reasons: z.array(feedReasonSchema),
    score: z.number().optional(),
    terms: feedScoreTermsSchema.optional(),
  }),
});
export type FeedItem = z.infer<typeof feedItemSchema>;
