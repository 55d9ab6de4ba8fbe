import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchReactions, type ReactionCounts, type ReactionKindName, type ReactionTarget } from '../../api/posts';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonLine } from '../people/PersonLine';
import { REACTION_EMOJI, totalReactions, usedKinds } from './reactions';

/** The reaction summary ("👍❤️ 3") as a button that lists who reacted, with a filter by kind. */
export function ReactionsDialog({
  target,
  id,
  counts,
  subject,
}: {
  target: ReactionTarget;
  id: string;
  counts: ReactionCounts;
  subject: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ReactionKindName | undefined>(undefined);
  const total = totalReactions(counts);
  const kinds = usedKinds(counts);
  const list = useInfiniteQuery({
    queryKey: ['post', 'reactions', target, id, kind ?? 'all', total],
    queryFn: ({ pageParam }) => fetchReactions(target, id, kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: open,
  });
  if (total === 0) return null;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className="reaction-summary" aria-label={t('posts.whoReacted', { count: total, subject })}>
          <span aria-hidden="true">{kinds.slice(0, 3).map((k) => REACTION_EMOJI[k])}</span>
          <span aria-hidden="true">{total}</span>
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined}>
          <Dialog.Title className="dialog__title">{t('posts.reactionsTitle')}</Dialog.Title>
          <div className="kind-filter" role="group" aria-label={t('posts.filterReactions')}>
            <button type="button" className="kind-filter__item" aria-pressed={kind === undefined} onClick={() => setKind(undefined)}>
              {t('posts.allReactions', { count: total })}
            </button>
            {kinds.map((k) => (
              <button key={k} type="button" className="kind-filter__item" aria-pressed={kind === k} onClick={() => setKind(k)}>
                <span aria-hidden="true">{REACTION_EMOJI[k]} </span>
                {t('posts.kindCount', { reaction: t(`posts.reactions.${k}`), count: counts[k] })}
              </button>
            ))}
          </div>
          {list.isPending ? <Loading /> : null}
          <ErrorAlert message={list.isError ? errorMessage(t, list.error) : null} />
          {list.isSuccess && items.length === 0 ? <EmptyState title={t('posts.noReactions')} /> : null}
          <ul className="member-list">
            {items.map((r) => (
              <li key={r.person.id} className="member-row">
                <PersonLine
                  person={{ ...r.person, status: r.person.deactivated ? 'deactivated' : 'active' }}
                  extra={
                    <span className="reaction-item__kind" role="img" aria-label={t(`posts.reactions.${r.kind}`)}>
                      {REACTION_EMOJI[r.kind]}
                    </span>
                  }
                />
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
