import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  createWebhook,
  fetchWebhooks,
  offByHand,
  webhooksKey,
  type Integration,
  type Scope,
  type Webhook,
  type WebhookWithSecret,
} from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { useLabels } from './Choices';
import { SecretField } from './SecretField';
import { webhookFieldErrors } from './webhookErrors';
import { WebhookForm, type WebhookDraft } from './WebhookForm';
import { WebhookStatus } from './WebhookStatus';

const MAX_WEBHOOKS = 10;

/** Events of groups need groups:read, of conversations chat:read (server/policies/webhooks.ts); an interaction needs none. */
const HEARD_IN: Record<'groups:read' | 'chat:read', readonly string[]> = {
  'groups:read': ['post.created', 'comment.created', 'mention', 'member.joined', 'member.left', 'reaction.added'],
  'chat:read': ['message.created', 'mention', 'member.joined', 'member.left', 'reaction.added'],
};

/** Read scopes the integration lacks although its webhooks ask for events that need them. */
function missingReadScopes(integration: Integration, hooks: Webhook[]): Scope[] {
  const asked = new Set<string>(hooks.flatMap((w) => w.events));
  return (Object.keys(HEARD_IN) as Array<keyof typeof HEARD_IN>).filter(
    (scope) => !integration.scopes.includes(scope) && HEARD_IN[scope].some((e) => asked.has(e)),
  );
}

/** The addresses the integration is told about events at; each opens on its own page with its log. */
export function WebhooksSection({ integration }: { integration: Integration }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const id = integration.id;
  const [adding, setAdding] = useState(false);
  const [made, setMade] = useState<WebhookWithSecret | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const hooks = useQuery({ queryKey: webhooksKey(id), queryFn: () => fetchWebhooks(id) });
  const create = useMutation({
    mutationFn: (d: WebhookDraft) => createWebhook(id, { url: d.url, events: d.events, ...(d.secret ? { secret: d.secret } : {}) }),
    onSuccess: (w) => {
      setAdding(false);
      setMade(w);
      void client.invalidateQueries({ queryKey: webhooksKey(id) });
    },
    onError: (error) => setServerErrors(webhookFieldErrors(t, error)),
  });
  const items = hooks.data?.items ?? [];
  const labels = useLabels();
  const missing = missingReadScopes(integration, items);

  return (
    <section className="card section integ-area--wide" aria-labelledby="integration-webhooks-title">
      <h2 id="integration-webhooks-title" className="section__title">
        {t('integrations.webhooks.title')}
      </h2>
      <p className="muted">{t('integrations.webhooks.lead')}</p>
      {hooks.isPending ? <Loading /> : null}
      {hooks.isError ? <ErrorAlert message={errorMessage(t, hooks.error)} /> : null}
      {hooks.isSuccess && items.length === 0 && !adding ? <p className="integ-none">{t('integrations.webhooks.empty')}</p> : null}
      {missing.length > 0 ? (
        <Alert tone="info">{t('integrations.webhooks.needsScope', { scopes: missing.map(labels.scope).join(', ') })}</Alert>
      ) : null}
      {items.length > 0 ? (
        <ul className="integ-hooks">
          {items.map((w) => (
            <WebhookRow key={w.id} integrationId={id} webhook={w} />
          ))}
        </ul>
      ) : null}
      {made ? (
        <SecretField
          title={t('integrations.webhooks.created')}
          label={t('integrations.webhooks.secretLabel')}
          value={made.secret}
          testId="webhook-secret"
          onDone={() => setMade(null)}
        />
      ) : null}
      {adding ? (
        <>
          <h3 className="section__subtitle">{t('integrations.webhooks.addTitle')}</h3>
          <p className="muted">{t('integrations.webhooks.addLead')}</p>
          <WebhookForm
            withSecret
            submitLabel={t('integrations.webhooks.add')}
            busy={create.isPending}
            error={create.error}
            serverErrors={serverErrors}
            onSubmit={(draft) => {
              setServerErrors({});
              create.mutate(draft);
            }}
            onCancel={() => {
              setAdding(false);
              create.reset();
              setServerErrors({});
            }}
          />
        </>
      ) : !made && items.length < MAX_WEBHOOKS ? (
        <div className="actions">
          <Button variant="secondary" onClick={() => setAdding(true)}>
            {t('integrations.webhooks.addButton')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function WebhookRow({ integrationId, webhook: w }: { integrationId: string; webhook: Webhook }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <li className="integ-hook" data-testid="webhook-row">
      <p className="integ-hook__url">
        <Link to={`/admin/integrations/${integrationId}/webhooks/${w.id}`}>{w.url}</Link>
        <WebhookStatus webhook={w} />
      </p>
      <p className="integ-row__meta">{w.events.map(labels.event).join(', ')}</p>
      {!w.enabled && !offByHand(w) && w.disabledReason ? (
        <p className="integ-hook__reason">{t('integrations.webhooks.reason', { reason: w.disabledReason })}</p>
      ) : w.enabled && w.failures > 0 ? (
        <p className="integ-hook__reason">{t('integrations.webhooks.failuresInRow', { count: w.failures })}</p>
      ) : null}
    </li>
  );
}
