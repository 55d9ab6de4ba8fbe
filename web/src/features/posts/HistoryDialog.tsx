import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchRevisions, type Post } from '../../api/posts';
import { postKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';

/** "Edited" next to the time, as a button that shows the current and earlier versions. */
export function HistoryDialog({ post }: { post: Post }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useInfiniteQuery({
    queryKey: [...postKey(post.id), 'revisions', post.editedAt],
    queryFn: ({ pageParam }) => fetchRevisions(post.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
  });
  if (!post.editedAt) return null;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="link-button post__edited" title={formatDateTime(post.editedAt)}>
          {t('posts.edited')}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--wide" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{t('posts.historyTitle')}</Dialog.Title>
          <ol className="revisions">
            <li className="revision">
              <p className="revision__when">{t('posts.currentVersion', { when: formatDateTime(post.editedAt) })}</p>
              {/* Sanitised on the server when it was written (allow-listed tags, safe links only). */}
              <div className="markdown" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
            </li>
            {items.map((r) => (
              <li key={r.id} className="revision">
                <p className="revision__when">{t('posts.versionOf', { when: formatDateTime(r.writtenAt) })}</p>
                <div className="markdown" dangerouslySetInnerHTML={{ __html: r.bodyHtml }} />
              </li>
            ))}
          </ol>
          {list.isPending ? <Loading /> : null}
          <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
          <LoadMore query={list} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="secondary">{t('common.close')}</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
