import type { FeedItem, FeedOrder, FeedReason } from '../../../protocol/feed';
import { api } from './client';
import type { Post } from './posts';
import type { Page } from './types';

export type { FeedOrder, FeedReason } from '../../../protocol/feed';
/** A post of the home feed, with why it is there (kept on the post so that feed updates keep it). */
export type FeedPost = Post & { why?: FeedItem['why'] };

export const FEED_ORDERS: readonly FeedOrder[] = ['recent', 'top'];

export async function fetchHomeFeed(order: FeedOrder, cursor?: string): Promise<Page<FeedPost>> {
  const page = await api<Page<FeedItem>>('/api/v1/feed', { query: { order, cursor, limit: 10 } });
  return { items: page.items.map((x) => ({ ...x.post, why: x.why })), nextCursor: page.nextCursor };
}

export type { FeedItem };
export const reasonsOf = (post: FeedPost): FeedReason[] => post.why?.reasons ?? [];
