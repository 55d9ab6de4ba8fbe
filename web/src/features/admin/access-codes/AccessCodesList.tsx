import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessCodesKey, fetchAccessCodes, revokeAccessCode, type AccessCodeItem } from '../../../api/identity';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { formatDate } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';
import { identityErrorMessage } from '../../auth/identityErrors';

const STATUS_KEYS = {
  active: 'identity.codes.status.active',
  used: 'identity.codes.status.used',
  expired: 'identity.codes.status.expired',
  revoked: 'identity.codes.status.revoked',
} as const;

/** Every code issued, newest first (never the codes themselves); an unused one can be revoked. */
export function AccessCodesList() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [revoking, setRevoking] = useState<AccessCodeItem | null>(null);
  const codes = useInfiniteQuery({
    queryKey: accessCodesKey,
    queryFn: ({ pageParam }) => fetchAccessCodes(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeAccessCode(id),
    onSuccess: () => {
      setRevoking(null);
      void client.invalidateQueries({ queryKey: accessCodesKey });
    },
  });
  const items = codes.data?.pages.flatMap((p) => p.items) ?? [];

  if (codes.isPending) return <Loading />;
  if (codes.isError) return <ErrorAlert message={errorMessage(t, codes.error)} />;
  if (items.length === 0) return <EmptyState title={t('identity.codes.listEmpty')} />;

  return (
    <>
      <ul className="invite-list" data-testid="access-codes">
        {items.map((c) => (
          <li key={c.id} className="invite-row">
            <div className="invite-row__main">
              <p className="invite-row__name">
                {c.person.displayName}
                <span className={`badge badge--${c.status === 'active' ? 'ok' : 'off'}`}>{t(STATUS_KEYS[c.status])}</span>
              </p>
              <p className="invite-row__meta">
                {c.person.login}
                {' · '}
                {c.status === 'used' && c.usedAt
                  ? t('identity.codes.usedOn', { date: formatDate(c.usedAt) })
                  : c.status === 'active'
                    ? t('identity.codes.expires', { date: formatDate(c.expiresAt) })
                    : t('identity.codes.issuedOn', { date: formatDate(c.createdAt) })}
              </p>
            </div>
            {c.status === 'active' ? (
              <Button
                variant="secondary"
                small
                onClick={() => {
                  revoke.reset();
                  setRevoking(c);
                }}
                aria-label={t('identity.codes.revokeLabel', { name: c.person.displayName })}
              >
                {t('identity.codes.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <LoadMore query={codes} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => (open ? null : setRevoking(null))}
        title={t('identity.codes.revokeTitle', { name: revoking?.person.displayName ?? '' })}
        description={t('identity.codes.revokeBody')}
        confirmLabel={t('identity.codes.revoke')}
        danger
        busy={revoke.isPending}
        error={revoke.isError ? identityErrorMessage(t, revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </>
  );
}
