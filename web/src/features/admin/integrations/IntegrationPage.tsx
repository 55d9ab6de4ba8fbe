import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { fetchIntegration, integrationKey } from '../../../api/integrations';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { BotBadge } from '../../../ui/BotBadge';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { useLabels } from './Choices';
import { DangerSection } from './DangerSection';
import { GroupsSection } from './GroupsSection';
import { IntegrationStatus } from './IntegrationStatus';
import { AboutSection, AvatarSection, PermissionsSection } from './SettingsSections';
import { TokensSection } from './TokensSection';
import { WebhooksSection } from './WebhooksSection';

/** One integration: what it may do, where its bot is, its tokens and webhooks, turning it off. */
export function IntegrationPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  const { id = '' } = useParams();
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  const labels = useLabels();
  const query = useQuery({ queryKey: integrationKey(id), queryFn: () => fetchIntegration(id) });
  const integration = query.data;
  usePageTitle(integration?.name ?? t('integrations.page.title'), org.name);

  return (
    <section className="page page--wide">
      <p className="integ-back">
        <Link to="/admin/integrations">{t('integrations.detail.back')}</Link>
      </p>
      <header className="page__header">
        <h1 className="page__title integ-title">
          <span>{integration?.name ?? t('integrations.page.title')}</span>
          {integration ? (
            <>
              <BotBadge show />
              <IntegrationStatus integration={integration} />
            </>
          ) : null}
        </h1>
        {integration?.description ? <p className="page__lead">{integration.description}</p> : null}
      </header>
      <AdminTabs />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <ErrorAlert message={errorMessage(t, query.error)} /> : null}
      {integration?.removed ? (
        <>
          <Alert tone="info">{t('integrations.detail.removedNote')}</Alert>
          <p className="muted integ-removed-scopes">
            {integration.scopes.length
              ? t('integrations.list.scopes', { scopes: integration.scopes.map(labels.scope).join(', ') })
              : t('integrations.list.noScopes')}
          </p>
        </>
      ) : null}
      {integration && !integration.removed ? (
        <>
          {created ? <Alert tone="success">{t('integrations.detail.createdNote', { name: integration.name })}</Alert> : null}
          {integration.disabled ? <Alert tone="info">{t('integrations.detail.offNote')}</Alert> : null}
          <div className="integ-sections integ-sections--detail">
            <PermissionsSection integration={integration} />
            <GroupsSection integrationId={integration.id} />
            <AboutSection integration={integration} />
            <AvatarSection integration={integration} />
            <TokensSection integration={integration} />
            <WebhooksSection integration={integration} />
            <DangerSection integration={integration} />
          </div>
        </>
      ) : null}
    </section>
  );
}
