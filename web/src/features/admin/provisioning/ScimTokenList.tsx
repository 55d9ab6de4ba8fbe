import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchScimTokens, revokeScimToken, scimTokensKey, type ScimToken } from '../../../api/scim';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { EmptyState } from '../../../ui/EmptyState';
import { errorMessage } from '../../../ui/errors';
import { formatDate, formatRelative } from '../../../ui/format';
import { LoadMore } from '../../../ui/LoadMore';
import { Loading } from '../../../ui/Loading';

/** Tokens in use: name, who made it and when, when it was last used; each can be revoked. */
export function ScimTokenList() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [revoking, setRevoking] = useState<ScimToken | null>(null);
  const tokens = useInfiniteQuery({
    queryKey: scimTokensKey,
    queryFn: ({ pageParam }) => fetchScimTokens(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeScimToken(id),
    onSuccess: () => {
      setRevoking(null);
      void client.invalidateQueries({ queryKey: scimTokensKey });
    },
  });
  const items = tokens.data?.pages.flatMap((p) => p.items) ?? [];

  if (tokens.isPending) return <Loading />;
  if (tokens.isError) return <ErrorAlert message={errorMessage(t, tokens.error)} />;
  if (items.length === 0) return <EmptyState title={t('scim.empty')} />;

  return (
    <>
      <ul className="invite-list" aria-label={t('scim.tokensTitle')}>
        {items.map((token) => (
          <li key={token.id} className="invite-row">
            <div className="invite-row__main">
              <p className="invite-row__name">{token.name}</p>
              <p className="invite-row__meta">
                {token.createdBy
                  ? t('scim.createdBy', { date: formatDate(token.createdAt), name: token.createdBy.displayName })
                  : t('scim.createdOn', { date: formatDate(token.createdAt) })}
                {' · '}
                {token.lastUsedAt ? t('scim.lastUsed', { when: formatRelative(token.lastUsedAt) }) : t('scim.neverUsed')}
              </p>
            </div>
            <Button
              variant="danger-outline"
              small
              onClick={() => setRevoking(token)}
              aria-label={t('scim.revokeLabel', { name: token.name })}
            >
              {t('scim.revoke')}
            </Button>
          </li>
        ))}
      </ul>
      <LoadMore query={tokens} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => {
          if (!open) {
            setRevoking(null);
            revoke.reset();
          }
        }}
        title={t('scim.revokeTitle', { name: revoking?.name ?? '' })}
        description={t('scim.revokeText')}
        confirmLabel={t('scim.revoke')}
        danger
        busy={revoke.isPending}
        error={revoke.isError ? errorMessage(t, revoke.error) : null}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
      />
    </>
  );
}
