import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchIdentitySettings, identitySettingsKey } from '../../../api/identity';
import { ErrorAlert } from '../../../ui/Alert';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { EnforceSsoSection } from './EnforceSsoSection';
import { FrontlineSection } from './FrontlineSection';
import { TermsSection } from './TermsSection';
import { TwoFactorPolicySection } from './TwoFactorPolicySection';

/** The company's sign-in policy; each section is saved on its own. */
export function SignInSettingsPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('identity.settings.title'), org.name);
  const settings = useQuery({ queryKey: identitySettingsKey, queryFn: fetchIdentitySettings });
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('identity.settings.title')}</h1>
        <p className="page__lead">{t('identity.settings.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorAlert message={errorMessage(t, settings.error)} /> : null}
      {settings.data ? (
        <>
          <TwoFactorPolicySection settings={settings.data} />
          <FrontlineSection settings={settings.data} />
          <TermsSection settings={settings.data} />
          <EnforceSsoSection settings={settings.data} />
        </>
      ) : null}
    </section>
  );
}
