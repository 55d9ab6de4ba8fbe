import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createIntegrationToken,
  fetchIntegrationTokens,
  integrationKey,
  integrationTokensKey,
  revokeIntegrationToken,
  rotateIntegrationToken,
  type Integration,
  type IntegrationToken,
  type IntegrationTokenCreated,
} from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { SelectField } from '../../../ui/Field';
import { errorMessage } from '../../../ui/errors';
import { formatDate, formatRelative } from '../../../ui/format';
import { Loading } from '../../../ui/Loading';
import { SecretField } from './SecretField';

const EXPIRIES = ['', '30', '90', '365'] as const;

/**
 * Tokens the integration calls the API with: made (shown once), rotated (a new one in place of an
 * old one, which stops at once) and revoked. Listed by their first characters, never in full.
 */
export function TokensSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = integration.id;
  const [expires, setExpires] = useState<(typeof EXPIRIES)[number]>('');
  const [shown, setShown] = useState<IntegrationTokenCreated | null>(null);
  const [asking, setAsking] = useState<{ token: IntegrationToken; action: 'rotate' | 'revoke' } | null>(null);
  const tokens = useQuery({ queryKey: integrationTokensKey(id), queryFn: () => fetchIntegrationTokens(id) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: integrationTokensKey(id) });
    void client.invalidateQueries({ queryKey: integrationKey(id), exact: true });
  };
  const days = expires ? Number(expires) : undefined;
  const create = useMutation({
    mutationFn: () => createIntegrationToken(id, days),
    onSuccess: (made) => {
      setShown(made);
      refresh();
    },
  });
  const act = useMutation({
    mutationFn: async ({ token, action }: { token: IntegrationToken; action: 'rotate' | 'revoke' }) =>
      action === 'rotate' ? rotateIntegrationToken(id, token.id, days) : (await revokeIntegrationToken(id, token.id), null),
    onSuccess: (made) => {
      setAsking(null);
      if (made) setShown(made);
      refresh();
    },
  });
  const items = tokens.data?.items ?? [];

  return (
    <section className="card section integ-area--wide" aria-labelledby="integration-tokens-title">
      <h2 id="integration-tokens-title" className="section__title">
        {t('integrations.tokens.title')}
      </h2>
      <p className="muted">{t('integrations.tokens.lead')}</p>
      {shown ? (
        <SecretField
          title={t('integrations.tokens.created')}
          label={t('integrations.tokens.tokenLabel')}
          value={shown.token}
          testId="integration-token"
          onDone={() => setShown(null)}
        />
      ) : (
        <div className="integ-inline-form">
          <SelectField
            label={t('integrations.tokens.expires')}
            value={expires}
            onChange={(e) => setExpires(e.target.value as (typeof EXPIRIES)[number])}
            options={EXPIRIES.map((v) => ({
              value: v,
              label: v ? t('integrations.tokens.expiresIn', { count: Number(v) }) : t('integrations.tokens.never'),
            }))}
          />
          <Button busy={create.isPending} onClick={() => create.mutate()}>
            {t('integrations.tokens.create')}
          </Button>
        </div>
      )}
      <ErrorAlert message={create.isError ? errorMessage(t, create.error) : null} />
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <ErrorAlert message={errorMessage(t, tokens.error)} /> : null}
      {tokens.isSuccess && items.length === 0 ? <p className="integ-none">{t('integrations.tokens.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="invite-list" aria-label={t('integrations.tokens.listLabel')}>
          {items.map((token) => (
            <TokenRow key={token.id} token={token} onAsk={(action) => setAsking({ token, action })} />
          ))}
        </ul>
      ) : null}
      <ConfirmDialog
        open={asking !== null}
        onOpenChange={(open) => {
          if (!open) {
            setAsking(null);
            act.reset();
          }
        }}
        title={t(asking?.action === 'rotate' ? 'integrations.tokens.rotateTitle' : 'integrations.tokens.revokeTitle', {
          prefix: asking?.token.prefix ?? '',
        })}
        description={t(asking?.action === 'rotate' ? 'integrations.tokens.rotateText' : 'integrations.tokens.revokeText')}
        confirmLabel={t(asking?.action === 'rotate' ? 'integrations.tokens.rotate' : 'integrations.tokens.revoke')}
        danger
        busy={act.isPending}
        error={act.isError ? errorMessage(t, act.error) : null}
        onConfirm={() => asking && act.mutate(asking)}
      />
    </section>
  );
}

function tokenState(token: IntegrationToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

function TokenRow({ token, onAsk }: { token: IntegrationToken; onAsk(action: 'rotate' | 'revoke'): void }) {
  const { t } = useTranslation();
  const state = tokenState(token);
  return (
    <li className="invite-row" data-testid="token-row">
      <div className="invite-row__main">
        <p className="invite-row__name">
          <code className="integ-code">{token.prefix}…</code>
          <span className={`badge badge--${state === 'active' ? 'ok' : 'off'}`}>{t(`integrations.tokens.state.${state}`)}</span>
        </p>
        <p className="invite-row__meta">
          {t('integrations.tokens.createdOn', { date: formatDate(token.createdAt) })}
          {' · '}
          {token.lastUsedAt
            ? t('integrations.tokens.lastUsed', { when: formatRelative(token.lastUsedAt) })
            : t('integrations.tokens.neverUsed')}
          {' · '}
          {token.revokedAt
            ? t('integrations.tokens.revokedOn', { date: formatDate(token.revokedAt) })
            : token.expiresAt
              ? t(state === 'expired' ? 'integrations.tokens.expiredOn' : 'integrations.tokens.expiresOn', {
                  date: formatDate(token.expiresAt),
                })
              : t('integrations.tokens.noExpiry')}
        </p>
      </div>
      {state === 'active' ? (
        <div className="actions">
          <Button
            variant="secondary"
            small
            onClick={() => onAsk('rotate')}
            aria-label={t('integrations.tokens.rotateLabel', { prefix: token.prefix })}
          >
            {t('integrations.tokens.rotate')}
          </Button>
          <Button
            variant="danger-outline"
            small
            onClick={() => onAsk('revoke')}
            aria-label={t('integrations.tokens.revokeLabel', { prefix: token.prefix })}
          >
            {t('integrations.tokens.revoke')}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
