import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchComments, type Post } from '../../api/posts';
import { commentsKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { BodyForm } from './BodyForm';
import { CommentItem } from './CommentItem';
import { useCommentActions } from './useCommentActions';

/** A post's comments, oldest first, each with its replies, and the box to add one. */
export function Comments({ post, id }: { post: Post; id: string }) {
  const { t } = useTranslation();
  const actions = useCommentActions(post);
  const list = useInfiniteQuery({
    queryKey: commentsKey(post.id),
    queryFn: ({ pageParam }) => fetchComments(post.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="comments" id={id} aria-label={t('posts.commentsOf', { name: post.author.displayName })}>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
      {items.length > 0 ? (
        <ul className="comment-list">
          {items.map((c) => (
            <CommentItem key={c.id} comment={c} post={post} />
          ))}
        </ul>
      ) : null}
      <LoadMore query={list} label={t('posts.moreComments')} />
      {post.can.comment ? (
        <BodyForm
          label={t('posts.commentLabel')}
          hideLabel
          placeholder={t('posts.commentPlaceholder')}
          submitLabel={t('posts.sendComment')}
          busy={actions.create.isPending}
          error={actions.create.error}
          rows={2}
          onSubmit={async (body) => {
            try {
              await actions.create.mutateAsync({ body });
              return true;
            } catch {
              return false;
            }
          }}
        />
      ) : (
        <p className="muted comments__closed">{t(post.commentsEnabled ? 'posts.cannotComment' : 'posts.commentsAreOff')}</p>
      )}
    </section>
  );
}
