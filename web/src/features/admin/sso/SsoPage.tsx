import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchSsoSettings, ssoSettingsKey } from '../../../api/sso';
import { ErrorAlert } from '../../../ui/Alert';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { usePageTitle } from '../../../ui/usePageTitle';
import { useSession } from '../../session/SessionContext';
import { AdminTabs } from '../AdminTabs';
import { SsoForm } from './SsoForm';

/** The company's identity provider: OpenID Connect or SAML 2.0, our values for it, test, on/off. */
export function SsoPage() {
  const { t } = useTranslation();
  const { org } = useSession();
  usePageTitle(t('sso.page.title'), org.name);
  const settings = useQuery({ queryKey: ssoSettingsKey, queryFn: fetchSsoSettings });
  return (
    <section className="page">
      <header className="page__header">
        <h1 className="page__title">{t('sso.page.title')}</h1>
        <p className="page__lead">{t('sso.page.lead', { company: org.name })}</p>
      </header>
      <AdminTabs />
      {settings.isPending ? <Loading /> : null}
      {settings.isError ? <ErrorAlert message={errorMessage(t, settings.error)} /> : null}
      {settings.data ? <SsoForm settings={settings.data} /> : null}
    </section>
  );
}
