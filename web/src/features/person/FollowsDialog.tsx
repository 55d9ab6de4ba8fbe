import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { fetchFollows } from '../../api/people';
import { followsKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';

/** "12 followers" as a button that opens the list. */
export function FollowsDialog({ personId, side, count }: { personId: string; side: 'followers' | 'following'; count: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // Following a name in the list goes to that profile: the list has done its job.
  useEffect(() => setOpen(false), [pathname]);
  const list = useInfiniteQuery({
    queryKey: [...followsKey(personId), side],
    queryFn: ({ pageParam }) => fetchFollows(personId, side, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const label = t(side === 'followers' ? 'profilePage.followers' : 'profilePage.followingCount', { count });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="link-button count-button">
          {label}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">
            {t(side === 'followers' ? 'profilePage.followersTitle' : 'profilePage.followingTitle')}
          </Dialog.Title>
          {list.isPending ? <Loading /> : null}
          <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
          {list.isSuccess && items.length === 0 ? <EmptyState title={t('profilePage.nobody')} /> : null}
          <ul className="member-list">
            {items.map((p) => (
              <li key={p.id} className="member-row">
                <PersonLine person={p} />
              </li>
            ))}
          </ul>
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
