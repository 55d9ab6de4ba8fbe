import { useTranslation } from 'react-i18next';
import { SCIM_PATH } from '../../../api/scim';
import { CopyField } from '../../../ui/CopyField';
import { useSession } from '../../session/SessionContext';
import { ScimTokenForm } from './ScimTokenForm';
import { ScimTokenList } from './ScimTokenList';

/**
 * SCIM 2.0: the address the identity provider (Microsoft Entra ID, Okta, …) provisions to, and
 * the bearer tokens it uses: made here (each shown once), listed without their secret, revoked.
 */
export function ScimSection() {
  const { t } = useTranslation();
  const { org } = useSession();
  const baseUrl = `${org.url.replace(/\/+$/, '')}${SCIM_PATH}`;
  return (
    <section className="card section" aria-labelledby="scim-title">
      <h2 id="scim-title" className="section__title">
        {t('scim.title')}
      </h2>
      <p className="muted">{t('scim.lead')}</p>
      <CopyField label={t('scim.baseUrl')} value={baseUrl} testId="scim-base-url" />
      <p className="field__hint">{t('scim.baseUrlHint')}</p>
      <h3 className="section__subtitle">{t('scim.tokensTitle')}</h3>
      <p className="muted">{t('scim.tokensLead')}</p>
      <ScimTokenForm />
      <ScimTokenList />
    </section>
  );
}
