import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchInvites, revokeInvite } from '../../../api/admin';
import type { Invite } from '../../../api/types';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { formatDate } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { roleLabelKey, rolePluralKey } from '../../../ui/roles';
import { invitesKey } from './EmailInviteForm';

const STATUS_KEYS = {
  active: 'invites.status.active',
  used: 'invites.status.used',
  expired: 'invites.status.expired',
  revoked: 'invites.status.revoked',
} as const;

export function InvitesList({ kind }: { kind: Invite['kind'] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const invites = useInfiniteQuery({
    queryKey: invitesKey(kind),
    queryFn: ({ pageParam }) => fetchInvites(kind, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: revokeInvite,
    onSuccess: () => void client.invalidateQueries({ queryKey: invitesKey(kind) }),
  });
  const items = invites.data?.pages.flatMap((p) => p.items) ?? [];

  if (invites.isPending) return <Loading />;
  if (invites.isError) return <ErrorAlert message={errorMessage(t, invites.error)} />;
  if (items.length === 0) return <EmptyState title={kind === 'email' ? t('invites.emptyEmail') : t('invites.emptyLinks')} />;

  return (
    <>
      <ErrorAlert message={revoke.isError ? errorMessage(t, revoke.error) : null} />
      <ul className="invite-list">
        {items.map((invite) => {
          const name = kind === 'email' ? (invite.email ?? '') : t('invites.linkFor', { role: t(rolePluralKey(invite.role)) });
          return (
            <li key={invite.id} className="invite-row">
              <div className="invite-row__main">
                <p className="invite-row__name">
                  {name}
                  <span className={`badge badge--${invite.status === 'active' ? 'ok' : 'off'}`}>{t(STATUS_KEYS[invite.status])}</span>
                </p>
                <p className="invite-row__meta">
                  {kind === 'email' ? t(roleLabelKey(invite.role)) : t('invites.uses', { uses: invite.uses, max: invite.maxUses })}
                  {' · '}
                  {invite.status === 'active'
                    ? t('invites.expires', { date: formatDate(invite.expiresAt) })
                    : t('invites.created', { date: formatDate(invite.createdAt) })}
                </p>
              </div>
              {invite.status === 'active' ? (
                <Button
                  variant="secondary"
                  small
                  busy={revoke.isPending && revoke.variables === invite.id}
                  onClick={() => revoke.mutate(invite.id)}
                  aria-label={t('invites.revokeLabel', { name })}
                >
                  {t('invites.revoke')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {invites.hasNextPage ? (
        <div className="actions actions--center">
          <Button variant="secondary" busy={invites.isFetchingNextPage} onClick={() => void invites.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
