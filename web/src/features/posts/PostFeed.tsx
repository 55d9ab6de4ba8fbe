import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/posts';
import type { Page } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { clearNewPosts, useNewPosts } from './newPosts';
import { PostCard } from './PostCard';

interface Props {
  queryKey: QueryKey;
  fetchPage(cursor?: string): Promise<Page<Post>>;
  /** Where announcements of new posts for this feed are kept (see newPosts.ts); none: no prompt. */
  scope?: string;
  emptyTitle: string;
  emptyBody?: ReactNode;
  /** Off in a group's own feed, where every post is in that group. */
  showGroup?: boolean;
  /** Something to show in each post card next to the post, such as why it is in the feed. */
  note?(post: Post): ReactNode;
}

/**
 * A list of posts read page by page. New posts announced live wait behind "N new posts — show"
 * so that what the reader is looking at does not move; "show" reads the feed again.
 */
export function PostFeed({ queryKey, fetchPage, scope, emptyTitle, emptyBody, showGroup = true, note }: Props) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const [showing, setShowing] = useState(false);
  const feed = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = feed.data?.pages.flatMap((p) => p.items) ?? [];
  const loaded = new Set(items.map((p) => p.id));
  const waiting = useNewPosts(scope ?? '').filter((id) => !loaded.has(id));

  async function showNew(): Promise<void> {
    setShowing(true);
    await feed.refetch();
    if (scope) clearNewPosts(scope);
    setShowing(false);
    listRef.current?.querySelector<HTMLElement>('[data-testid="post"]')?.focus();
  }

  return (
    <div className="feed">
      <div className="feed__prompt" role="status">
        {scope && waiting.length > 0 ? (
          <Button variant="primary" small busy={showing} onClick={() => void showNew()}>
            {t('posts.newPosts', { count: waiting.length })}
          </Button>
        ) : null}
      </div>
      {feed.isPending ? <Loading block /> : null}
      <ErrorAlert message={feed.isError ? errorMessage(t, feed.error) : null} />
      {feed.isSuccess && items.length === 0 ? <EmptyState title={emptyTitle}>{emptyBody}</EmptyState> : null}
      <ol className="feed__list" ref={listRef}>
        {items.map((post) => (
          <li key={post.id}>
            <PostCard post={post} showGroup={showGroup} note={note?.(post)} />
          </li>
        ))}
      </ol>
      <LoadMore query={feed} label={t('posts.morePosts')} />
    </div>
  );
}
