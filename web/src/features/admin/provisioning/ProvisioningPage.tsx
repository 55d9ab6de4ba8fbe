import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { ImportSection } from './ImportSection';
import { LdapSection } from './LdapSection';
import { ScimSection } from './ScimSection';

/** How people come into the company: one section per way (bulk import, …). */
export function ProvisioningPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('imports.page.title'), org.name);
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('imports.page.title')}</h1>
        <p className="page__lead">{t('imports.page.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      <ImportSection />
      <LdapSection />
      <ScimSection />
    </section>
  );
}
