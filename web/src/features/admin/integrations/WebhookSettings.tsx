import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  removeWebhook,
  rollWebhookSecret,
  updateWebhook,
  webhookKey,
  webhooksKey,
  type WebhookDetail,
  type WebhookPatch,
} from '../../../api/integrations';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorMessage } from '../../../ui/errors';
import { SecretField } from './SecretField';
import { webhookFieldErrors } from './webhookErrors';
import { WebhookForm } from './WebhookForm';

/** Change the address (checked again) and events; a new signing secret; remove the webhook. */
export function WebhookSettings({ integrationId, webhook: w }: { integrationId: string; webhook: WebhookDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<'roll' | 'remove' | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => {
    void client.invalidateQueries({ queryKey: webhookKey(integrationId, w.id), exact: true });
    void client.invalidateQueries({ queryKey: webhooksKey(integrationId), exact: true });
  };
  const save = useMutation({
    mutationFn: (patch: WebhookPatch) => updateWebhook(integrationId, w.id, patch),
    onSuccess: refresh,
    onError: (error) => setServerErrors(webhookFieldErrors(t, error)),
  });
  const roll = useMutation({
    mutationFn: () => rollWebhookSecret(integrationId, w.id),
    onSuccess: (made) => {
      setAsking(null);
      setSecret(made.secret);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeWebhook(integrationId, w.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: webhooksKey(integrationId), exact: true });
      void navigate(`/admin/integrations/${integrationId}`);
    },
  });
  const close = (open: boolean) => {
    if (open) return;
    setAsking(null);
    roll.reset();
    remove.reset();
  };

  return (
    <section className="card section" aria-labelledby="webhook-settings-title">
      <h2 id="webhook-settings-title" className="section__title">
        {t('integrations.webhook.settings')}
      </h2>
      <WebhookForm
        key={`${w.url} ${w.events.join()}`}
        initial={{ url: w.url, events: w.events }}
        submitLabel={t('integrations.webhook.save')}
        busy={save.isPending}
        error={save.error}
        serverErrors={serverErrors}
        onSubmit={(draft) => {
          setServerErrors({});
          const patch: WebhookPatch = { events: draft.events };
          if (draft.url !== w.url) patch.url = draft.url;
          save.mutate(patch);
        }}
      />
      {save.isSuccess ? <Alert tone="success">{t('integrations.webhook.saved')}</Alert> : null}
      <h3 className="section__subtitle">{t('integrations.webhook.secretTitle')}</h3>
      <p className="muted">{t('integrations.webhook.secretLead')}</p>
      {secret ? (
        <SecretField
          title={t('integrations.webhook.secretRolled')}
          label={t('integrations.webhooks.secretLabel')}
          value={secret}
          testId="webhook-secret"
          onDone={() => setSecret(null)}
        />
      ) : (
        <div className="actions">
          <Button variant="secondary" onClick={() => setAsking('roll')}>
            {t('integrations.webhook.roll')}
          </Button>
        </div>
      )}
      <h3 className="section__subtitle">{t('integrations.webhook.removeTitle')}</h3>
      <p className="muted">{t('integrations.webhook.removeLead')}</p>
      <div className="actions">
        <Button variant="danger-outline" onClick={() => setAsking('remove')}>
          {t('integrations.webhook.remove')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking === 'roll'}
        onOpenChange={close}
        title={t('integrations.webhook.rollTitle')}
        description={t('integrations.webhook.rollText')}
        confirmLabel={t('integrations.webhook.roll')}
        danger
        busy={roll.isPending}
        error={roll.isError ? errorMessage(t, roll.error) : null}
        onConfirm={() => roll.mutate()}
      />
      <ConfirmDialog
        open={asking === 'remove'}
        onOpenChange={close}
        title={t('integrations.webhook.removeConfirmTitle')}
        description={t('integrations.webhook.removeText')}
        confirmLabel={t('integrations.webhook.remove')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate()}
      />
    </section>
  );
}
