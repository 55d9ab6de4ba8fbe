import { useTranslation } from 'react-i18next';
import { offByHand, type Webhook } from '../../../api/integrations';

/** On; off by hand; or off after repeated failed deliveries (that one is a warning). */
export function WebhookStatus({ webhook }: { webhook: Pick<Webhook, 'enabled' | 'disabledReason'> }) {
  const { t } = useTranslation();
  if (webhook.enabled) return <span className="badge badge--ok">{t('integrations.webhooks.on')}</span>;
  if (offByHand(webhook)) return <span className="badge badge--off">{t('integrations.webhooks.off')}</span>;
  return <span className="badge integ-badge--failed">{t('integrations.webhooks.failedOff')}</span>;
}
