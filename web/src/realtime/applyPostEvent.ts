import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { EventPayload, RealtimeEvent } from '../../../protocol/events';
import { isApiError } from '../api/client';
import { fetchPost, type Post } from '../api/posts';
import { postKey, postsKey } from '../api/queryKeys';
import type { Page } from '../api/types';
import { addNewPost, forgetNewPost } from '../features/posts/newPosts';
import { isPostLoaded, removePost, replacePost, updatePostCounts } from '../features/posts/postCache';

function loadedCopy(client: QueryClient, id: string): Post | undefined {
  for (const [, data] of client.getQueriesData<InfiniteData<Page<Post>>>({ queryKey: postsKey })) {
    const found = data?.pages?.flatMap((p) => p.items).find((x) => x.id === id);
    if (found) return found;
  }
  return undefined;
}

/** The post with the new tallies of its poll, event or announcement; my own choices stay. */
function withTally(post: Post, tally: EventPayload<'post.tally'>): Post {
  const votes = new Map(tally.poll?.options.map((o) => [o.id, o.votes]));
  return {
    ...post,
    poll:
      post.poll && tally.poll
        ? { ...post.poll, voters: tally.poll.voters, options: post.poll.options.map((o) => ({ ...o, votes: votes.get(o.id) ?? o.votes })) }
        : post.poll,
    event: post.event && tally.event ? { ...post.event, counts: tally.event } : post.event,
    announcement: post.announcement && tally.announcement ? { ...post.announcement, ...tally.announcement } : post.announcement,
  };
}

/**
 * Posts: a new post is announced to its feeds (shown when the reader asks); a changed one is read
 * again where it is shown (or dropped when it can no longer be seen); counts change in place.
 */
export function applyPostEvent(client: QueryClient, event: RealtimeEvent): void {
  const { postId, groupId } = event.payload as EventPayload<'post.created'>;
  switch (event.type) {
    case 'post.created':
      if (isPostLoaded(client, postId)) break;
      if (groupId) addNewPost(`group:${groupId}`, postId);
      addNewPost(`person:${(event.payload as EventPayload<'post.created'>).authorId}`, postId);
      addNewPost('home', postId);
      break;
    case 'post.updated':
      void client.invalidateQueries({ queryKey: postKey(postId) });
      if (!isPostLoaded(client, postId)) break;
      fetchPost(postId).then(
        (post) => replacePost(client, post),
        (err: unknown) => {
          if (isApiError(err) && err.status === 404) removePost(client, postId);
        },
      );
      break;
    case 'post.deleted':
      forgetNewPost(postId);
      removePost(client, postId);
      break;
    case 'post.counts': {
      const { comments, reactions } = event.payload as EventPayload<'post.counts'>;
      const before = loadedCopy(client, postId);
      if (!before) break;
      updatePostCounts(client, postId, { comments, reactions });
      // Someone commented or deleted a comment: the open thread is read again.
      if (before.counts.comments !== comments) void client.invalidateQueries({ queryKey: postKey(postId) });
      break;
    }
    case 'post.tally': {
      const tally = event.payload as EventPayload<'post.tally'>;
      const before = loadedCopy(client, postId);
      if (before) replacePost(client, withTally(before, tally));
      break;
    }
  }
}
