import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { fetchIntegration, fetchWebhook, integrationKey, webhookKey } from '../../../api/integrations';
import { ErrorAlert } from '../../../ui/Alert';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { DeliveryLog } from './DeliveryLog';
import { WebhookSettings } from './WebhookSettings';
import { WebhookStatusSection } from './WebhookStatusSection';

/** One webhook: whether it is on (and why not), its counts, its settings and its delivery log. */
export function WebhookPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { id = '', webhookId = '' } = useParams();
  const integration = useQuery({ queryKey: integrationKey(id), queryFn: () => fetchIntegration(id) });
  const hook = useQuery({ queryKey: webhookKey(id, webhookId), queryFn: () => fetchWebhook(id, webhookId) });
  const name = integration.data?.name ?? '';
  usePageTitle(t('integrations.webhook.title', { name }), org.name);
  const failed = integration.error ?? hook.error;
  return (
    <section className="page page--wide">
      <p className="integ-back">
        <Link to={`/admin/integrations/${id}`}>{name ? t('integrations.webhook.back', { name }) : t('integrations.detail.back')}</Link>
      </p>
      <header className="page__header">
        <h1 className="page__title">{t('integrations.webhook.title', { name })}</h1>
        {hook.data ? <p className="page__lead integ-url">{hook.data.url}</p> : null}
      </header>
      <AdminTabs />
      {hook.isPending || integration.isPending ? <Loading /> : null}
      <ErrorAlert message={failed ? errorMessage(t, failed) : null} />
      {hook.data && integration.data ? (
        <div className="integ-sections">
          <WebhookStatusSection integrationId={id} webhook={hook.data} />
          <DeliveryLog integrationId={id} webhook={hook.data} />
          <WebhookSettings integrationId={id} webhook={hook.data} />
        </div>
      ) : null}
    </section>
  );
}
