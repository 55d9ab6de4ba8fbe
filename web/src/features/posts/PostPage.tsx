import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchPost } from '../../api/posts';
import { NotFoundPage } from '../../routes/NotFoundPage';
import { ErrorAlert } from '../../ui/Alert';
import { errorMessage } from '../../ui/errors';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { useSession } from '../session/SessionContext';
import { PostCard } from './PostCard';

/** One post on its own page, comments open: where notifications and shared links lead. */
export function PostPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { id = '' } = useParams();
  // Under the posts key (as a one-post "feed"), so that edits, counts and deletion reach it too.
  const post = useQuery({
    queryKey: ['posts', 'one', id],
    queryFn: async () => ({ pages: [{ items: [await fetchPost(id)], nextCursor: null }], pageParams: [undefined] }),
    retry: (n, e) => !(isApiError(e) && e.status === 404) && n < 2,
  });
  const current = post.data?.pages[0]?.items[0];
  usePageTitle(current ? t('posts.postBy', { name: current.author.displayName }) : t('posts.feedTitle'), org.name);
  if (post.isError && isApiError(post.error) && post.error.status === 404) return <NotFoundPage />;
  if (post.isPending) return <Loading block />;
  if (!post.data) return <ErrorAlert message={errorMessage(t, post.error)} />;
  if (!current) return <NotFoundPage />;
  return (
    <section className="page">
      <h1 className="page__title page__header">{t('posts.postBy', { name: current.author.displayName })}</h1>
      <PostCard post={current} commentsOpen />
    </section>
  );
}
