import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchPendingPosts } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { PostCard } from './PostCard';

/** For a group's admins and moderators: posts waiting for their approval, oldest first. */
export function PendingPosts({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  // Under the posts key, so that approving or declining one takes it out of this list too.
  const list = useInfiniteQuery({
    queryKey: ['posts', 'pending', groupId],
    queryFn: ({ pageParam }) => fetchPendingPosts(groupId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isError) return <ErrorAlert message={errorMessage(t, list.error)} />;
  if (items.length === 0) return null;
  return (
    <details className="pending-posts card">
      <summary>{t(list.hasNextPage ? 'posts.pending.title' : 'posts.pending.count', { count: items.length })}</summary>
      <ol className="feed__list">
        {items.map((post) => (
          <li key={post.id}>
            <PostCard post={post} showGroup={false} />
          </li>
        ))}
      </ol>
      <LoadMore query={list} />
    </details>
  );
}
