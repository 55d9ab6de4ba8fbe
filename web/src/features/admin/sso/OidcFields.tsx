import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/Field';
import { CLAIM_FIELDS, type ClaimsDraft, type SsoDraft } from './ssoDraft';

interface Props {
  draft: SsoDraft;
  set: <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) => void;
  errors: Record<string, string>;
  secretStored: boolean;
}

/** The provider's issuer and our client there; which claims give a person's fields. */
export function OidcFields({ draft, set, errors, secretStored }: Props) {
  const { t } = useTranslation();
  const setClaim = (key: keyof ClaimsDraft, value: string) => set('claims', { ...draft.claims, [key]: value });
  return (
    <>
      <TextField
        label={t('sso.oidc.issuer')}
        value={draft.issuer}
        onChange={(e) => set('issuer', e.target.value)}
        placeholder="https://login.example.com"
        hint={t('sso.oidc.issuerHint')}
        error={errors.issuer}
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
      />
      <div className="form__row form__row--two">
        <TextField
          label={t('sso.oidc.clientId')}
          value={draft.clientId}
          onChange={(e) => set('clientId', e.target.value)}
          error={errors.clientId}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label={t('sso.oidc.clientSecret')}
          type="password"
          value={draft.clientSecret}
          onChange={(e) => set('clientSecret', e.target.value)}
          hint={secretStored ? t('sso.oidc.clientSecretKept') : undefined}
          error={errors.clientSecret}
          autoComplete="new-password"
        />
      </div>
      <TextField
        label={t('sso.oidc.scopes')}
        value={draft.scopes}
        onChange={(e) => set('scopes', e.target.value)}
        hint={t('sso.oidc.scopesHint')}
        error={errors.scopes}
        spellCheck={false}
      />
      <fieldset className="sso-mapping">
        <legend className="field__label">{t('sso.oidc.claims')}</legend>
        <p className="field__hint">{t('sso.oidc.claimsHint')}</p>
        {errors.claims ? <p className="field__error">{errors.claims}</p> : null}
        <div className="sso-mapping__grid">
          {CLAIM_FIELDS.map((f) => (
            <TextField
              key={f}
              label={t(`sso.fields.${f}`)}
              value={draft.claims[f]}
              onChange={(e) => setClaim(f, e.target.value)}
              spellCheck={false}
              autoComplete="off"
            />
          ))}
        </div>
      </fieldset>
    </>
  );
}
