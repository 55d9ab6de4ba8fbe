import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offByHand, updateWebhook, webhookKey, webhooksKey, type WebhookDetail } from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorMessage } from '../../../ui/errors';
import { formatRelative } from '../../../ui/format';
import { WebhookStatus } from './WebhookStatus';

/** On or off (and why), the counts of its deliveries; turning it off asks first, on does not. */
export function WebhookStatusSection({ integrationId, webhook: w }: { integrationId: string; webhook: WebhookDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const toggle = useMutation({
    mutationFn: (enabled: boolean) => updateWebhook(integrationId, w.id, { enabled }),
    onSuccess: () => {
      setAsking(false);
      void client.invalidateQueries({ queryKey: webhookKey(integrationId, w.id) });
      void client.invalidateQueries({ queryKey: webhooksKey(integrationId), exact: true });
    },
  });
  const autoOff = !w.enabled && !offByHand(w);
  const s = w.stats;
  return (
    <section className="card section" aria-labelledby="webhook-status-title">
      <h2 id="webhook-status-title" className="section__title">
        {t('integrations.webhook.status')}
        <WebhookStatus webhook={w} />
      </h2>
      {autoOff ? (
        <div className="alert alert--error integ-alert" role="note" data-testid="webhook-auto-off">
          <p className="integ-alert__title">{t('integrations.webhook.autoOffTitle')}</p>
          <p>{t('integrations.webhooks.reason', { reason: w.disabledReason ?? '' })}</p>
          <p>{t('integrations.webhook.autoOffHelp')}</p>
        </div>
      ) : null}
      {!w.enabled && !autoOff ? <Alert tone="info">{t('integrations.webhook.offByHand', { reason: w.disabledReason ?? '' })}</Alert> : null}
      {w.enabled && w.failures > 0 ? <Alert tone="info">{t('integrations.webhooks.failuresInRow', { count: w.failures })}</Alert> : null}
      <dl className="integ-stats">
        <Stat label={t('integrations.webhook.delivered')} value={s.delivered} />
        <Stat label={t('integrations.webhook.failed')} value={s.failed} />
        <Stat label={t('integrations.webhook.pending')} value={s.pending} />
        <Stat label={t('integrations.webhook.skipped')} value={s.skipped} />
      </dl>
      <p className="muted">
        {s.lastDeliveredAt
          ? t('integrations.webhook.lastDelivered', { when: formatRelative(s.lastDeliveredAt) })
          : t('integrations.webhook.neverDelivered')}
      </p>
      <ErrorAlert message={toggle.isError && !asking ? errorMessage(t, toggle.error) : null} />
      <div className="actions">
        {w.enabled ? (
          <Button variant="danger-outline" onClick={() => setAsking(true)}>
            {t('integrations.webhook.turnOff')}
          </Button>
        ) : (
          <Button busy={toggle.isPending} onClick={() => toggle.mutate(true)}>
            {t('integrations.webhook.turnOn')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={asking}
        onOpenChange={(open) => {
          setAsking(open);
          if (!open) toggle.reset();
        }}
        title={t('integrations.webhook.offTitle')}
        description={t('integrations.webhook.offText')}
        confirmLabel={t('integrations.webhook.turnOff')}
        danger
        busy={toggle.isPending}
        error={toggle.isError ? errorMessage(t, toggle.error) : null}
        onConfirm={() => toggle.mutate(false)}
      />
    </section>
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <div className="integ-stats__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
