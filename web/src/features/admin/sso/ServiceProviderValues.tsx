import { useTranslation } from 'react-i18next';
import type { SsoProtocolName, SsoSettings } from '../../../api/sso';
import { CopyField } from '../../../ui/CopyField';

/** What the provider's admin types on their side, for the protocol chosen. */
export function ServiceProviderValues({
  protocol,
  sp,
  spEntityId,
}: {
  protocol: SsoProtocolName;
  sp: SsoSettings['serviceProvider'];
  /** The entity id typed in the form, which replaces ours once saved. */
  spEntityId: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="sso-values">
      <legend className="field__label">{t('sso.sp.title')}</legend>
      <p className="field__hint">{t(protocol === 'oidc' ? 'sso.sp.leadOidc' : 'sso.sp.leadSaml')}</p>
      <div className="sso-values__list">
        {protocol === 'oidc' ? (
          <CopyField label={t('sso.sp.redirectUri')} value={sp.redirectUri} testId="sso-redirect-uri" />
        ) : (
          <>
            <CopyField label={t('sso.sp.acsUrl')} value={sp.acsUrl} testId="sso-acs-url" />
            <CopyField label={t('sso.sp.entityId')} value={spEntityId.trim() || sp.entityId} testId="sso-entity-id" />
            <CopyField label={t('sso.sp.metadataUrl')} value={sp.metadataUrl} testId="sso-metadata-url" />
          </>
        )}
        <CopyField label={t('sso.sp.startUrl')} value={sp.startUrl} testId="sso-start-url" />
      </div>
    </fieldset>
  );
}
