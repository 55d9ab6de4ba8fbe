import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Comment, Post, ReactionCounts } from '../../api/posts';
import { postKey, postsKey } from '../../api/queryKeys';
import type { Page } from '../../api/types';

type Feed = InfiniteData<Page<Post>>;
type CommentPages = InfiniteData<Page<Comment>>;

function mapFeeds(client: QueryClient, change: (items: Post[]) => Post[]): void {
  client.setQueriesData<Feed>({ queryKey: postsKey }, (data) =>
    data?.pages ? { ...data, pages: data.pages.map((p) => ({ ...p, items: change(p.items) })) } : data,
  );
}

/** Puts the server's latest copy of a post into every feed that shows it. */
export function replacePost(client: QueryClient, post: Post): void {
  // Merged, so that what a feed adds to its posts (the home feed's "why") stays.
  mapFeeds(client, (items) => items.map((x) => (x.id === post.id ? { ...x, ...post } : x)));
}

export function removePost(client: QueryClient, id: string): void {
  mapFeeds(client, (items) => items.filter((x) => x.id !== id));
  client.removeQueries({ queryKey: postKey(id) });
}

export function updatePostCounts(client: QueryClient, id: string, counts: { comments: number; reactions: ReactionCounts }): void {
  mapFeeds(client, (items) => items.map((x) => (x.id === id ? { ...x, counts } : x)));
}

/** Whether any loaded feed already holds the post (my own, added when it was sent). */
export function isPostLoaded(client: QueryClient, id: string): boolean {
  return client
    .getQueriesData<Feed>({ queryKey: postsKey })
    .some(([, data]) => data?.pages?.some((p) => p.items.some((x) => x.id === id)) ?? false);
}

/** Adds a post I just wrote at the top of a feed (after pinned posts), unless it is already there. */
export function prependPost(client: QueryClient, queryKey: readonly unknown[], post: Post): void {
  client.setQueryData<Feed>(queryKey, (data) => {
    if (!data?.pages?.length || data.pages.some((p) => p.items.some((x) => x.id === post.id))) return data;
    const [first, ...rest] = data.pages;
    if (!first) return data;
    const pinned = first.items.filter((x) => x.pinned);
    const others = first.items.filter((x) => !x.pinned);
    return { ...data, pages: [{ ...first, items: [...pinned, post, ...others] }, ...rest] };
  });
}

/** Puts a changed comment (an edit, a reaction) into the list of its post that holds it. */
export function replaceComment(client: QueryClient, comment: Comment): void {
  client.setQueriesData<CommentPages>({ queryKey: postKey(comment.postId) }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.map((x) => (x.id === comment.id ? comment : x)) })) }
      : data,
  );
}
