import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errors';
import { Icon } from '../../ui/icons';
import type { usePostActions } from './usePostActions';

/** The post's "…" menu: only what the viewer may do (post.can) appears in it. */
export function PostMenu({ post, actions, onEdit }: { post: Post; actions: ReturnType<typeof usePostActions>; onEdit(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { can } = post;
  if (!can.edit && !can.delete && !can.pin && !can.toggleComments) return null;
  const failed = actions.pin.error ?? actions.toggleComments.error;
  return (
    <>
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger className="icon-button" aria-label={t('posts.menu', { name: post.author.displayName })}>
          <Icon name="more" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="select-content" align="end" sideOffset={4}>
            {can.edit ? (
              <DropdownMenu.Item className="select-item" onSelect={onEdit}>
                {t('common.edit')}
              </DropdownMenu.Item>
            ) : null}
            {can.pin ? (
              <DropdownMenu.Item className="select-item" onSelect={() => actions.pin.mutate()}>
                {t(post.pinned ? 'posts.unpin' : 'posts.pin')}
              </DropdownMenu.Item>
            ) : null}
            {can.toggleComments ? (
              <DropdownMenu.Item className="select-item" onSelect={() => actions.toggleComments.mutate()}>
                {t(post.commentsEnabled ? 'posts.commentsOff' : 'posts.commentsOn')}
              </DropdownMenu.Item>
            ) : null}
            {can.delete ? (
              <DropdownMenu.Item className="select-item select-item--danger" onSelect={() => setConfirming(true)}>
                {t('common.delete')}
              </DropdownMenu.Item>
            ) : null}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={t('posts.deleteTitle')}
        description={t('posts.deleteBody')}
        confirmLabel={t('common.delete')}
        danger
        busy={actions.remove.isPending}
        error={actions.remove.isError ? errorMessage(t, actions.remove.error) : null}
        onConfirm={() => actions.remove.mutate()}
      />
      {failed ? (
        <div className="post__alert">
          <ErrorAlert message={errorMessage(t, failed)} />
        </div>
      ) : null}
    </>
  );
}
