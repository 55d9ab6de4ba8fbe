import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { fetchOwners, type IdentitySettingsView } from '../../../api/identity';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { errorMessage } from '../../../ui/errors';
import { SelectField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useSaveSettings } from './useSaveSettings';

/**
 * "Enforce SSO" turns passwords off for everyone but one owner, who keeps a way in if the identity
 * provider fails. Single sign-on itself is configured on its own screen; the server refuses to
 * enforce it before it works.
 */
export function EnforceSsoSection({ settings }: { settings: IdentitySettingsView }) {
  const { t } = useTranslation();
  const owners = useQuery({ queryKey: ['admin', 'people', 'owners'], queryFn: fetchOwners });
  const [enforce, setEnforce] = useState(settings.enforceSso);
  const [owner, setOwner] = useState(settings.breakGlassOwnerId ?? '');
  const { save, errors: found, setErrors, formError } = useSaveSettings(['enforceSso', 'breakGlassOwnerId']);
  // The server names the field; the sentence is ours, in the admin's language.
  const errors = {
    enforceSso: found.enforceSso ? t('identity.settings.ssoNotReady') : undefined,
    breakGlassOwnerId: found.breakGlassOwnerId ? t('identity.settings.pickOwner') : undefined,
  };
  const formRef = useFocusFirstError(found);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (enforce && owner === '') {
      setErrors({ breakGlassOwnerId: t('identity.settings.pickOwner') });
      return;
    }
    save.mutate({ enforceSso: enforce, breakGlassOwnerId: owner || null });
  }

  const options = [
    { value: '', label: t('identity.settings.noOwner') },
    ...(owners.data?.items ?? []).map((p) => ({ value: p.id, label: p.email ? `${p.displayName} (${p.email})` : p.displayName })),
  ];

  return (
    <section className="card section" aria-labelledby="settings-sso">
      <h2 id="settings-sso" className="section__title">
        {t('identity.settings.ssoTitle')}
      </h2>
      <p className="muted">
        {t('identity.settings.ssoLead')} <Link to="/admin/sso">{t('identity.settings.ssoSetUpLink')}</Link>
      </p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={formError} />
        <ErrorAlert message={owners.isError ? errorMessage(t, owners.error) : null} />
        <div className={`field${errors.enforceSso ? ' field--invalid' : ''}`}>
          <label className="choice">
            <input
              type="checkbox"
              checked={enforce}
              onChange={(e) => setEnforce(e.target.checked)}
              aria-invalid={errors.enforceSso ? true : undefined}
              aria-describedby={errors.enforceSso ? 'settings-sso-enforce-error' : undefined}
            />
            <span className="choice__text">
              <span className="choice__label">{t('identity.settings.enforceSso')}</span>
              <span className="choice__hint">{t('identity.settings.enforceSsoHint')}</span>
            </span>
          </label>
          {errors.enforceSso ? (
            <div className="field__error" id="settings-sso-enforce-error">
              {errors.enforceSso}
            </div>
          ) : null}
        </div>
        <SelectField
          label={t('identity.settings.breakGlass')}
          hint={t('identity.settings.breakGlassHint')}
          value={owner}
          onChange={(e) => setOwner(e.target.value)}
          options={options}
          disabled={owners.isPending}
          error={errors.breakGlassOwnerId}
        />
        {save.isSuccess ? <Alert tone="success">{t('identity.settings.saved')}</Alert> : null}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {t('common.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
