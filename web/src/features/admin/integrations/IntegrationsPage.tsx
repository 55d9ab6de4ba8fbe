import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { AllowedHostsSection } from './AllowedHostsSection';
import { CreateIntegrationForm } from './CreateIntegrationForm';
import { IntegrationList } from './IntegrationList';

/** The admin's integrations (bots): the list, a new one, and the company-wide webhook setting. */
export function IntegrationsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('integrations.page.title'), org.name);
  return (
    <section className="page page--wide">
      <header className="page__header">
        <h1 className="page__title">{t('integrations.page.title')}</h1>
        <p className="page__lead">{t('integrations.page.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <IntegrationList />
      <CreateIntegrationForm />
      <AllowedHostsSection />
    </section>
  );
}
