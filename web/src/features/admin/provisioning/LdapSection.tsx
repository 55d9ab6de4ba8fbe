import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fetchLdapConfig, ldapConfigKey } from '../../../api/ldap';
import { ErrorAlert } from '../../../ui/Alert';
import { errorMessage } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { LdapConfigForm } from './LdapConfigForm';
import { LdapRuns } from './LdapRuns';

/**
 * LDAP / Active Directory: the directory's configuration (with a connection test), then dry runs,
 * syncs and their reports once it is saved.
 */
export function LdapSection() {
  const { t } = useTranslation();
  const config = useQuery({ queryKey: ldapConfigKey, queryFn: fetchLdapConfig });
  let body;
  if (config.isPending) body = <Loading />;
  else if (config.isError) body = <ErrorAlert message={errorMessage(t, config.error)} />;
  else
    body = (
      <>
        <LdapConfigForm config={config.data} />
        {config.data ? (
          <>
            <h3 className="section__subtitle">{t('ldap.syncTitle')}</h3>
            <LdapRuns config={config.data} />
          </>
        ) : null}
      </>
    );
  return (
    <section className="card section" aria-labelledby="ldap-title">
      <h2 id="ldap-title" className="section__title">
        {t('ldap.title')}
      </h2>
      <p className="muted">{t('ldap.lead')}</p>
      {body}
    </section>
  );
}
