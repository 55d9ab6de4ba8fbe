import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import {
  deleteSsoConnection,
  saveSsoConnection,
  ssoAvailabilityKey,
  ssoSettingsKey,
  testSsoConnection,
  type SsoProtocolName,
  type SsoSettings,
} from '../../../api/sso';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { TextField } from '../../../ui/Field';
import { errorMessage, fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { OidcFields } from './OidcFields';
import { SamlFields } from './SamlFields';
import { ServiceProviderValues } from './ServiceProviderValues';
import { draftFrom, inputOf, missingFields, type SsoDraft } from './ssoDraft';
import { SsoTestResult } from './SsoTestResult';

const FIELDS = [
  'protocol',
  'displayName',
  'enabled',
  'jit',
  'issuer',
  'clientId',
  'clientSecret',
  'scopes',
  'claims',
  'entryPoint',
  'idpEntityId',
  'idpCertificates',
  'spEntityId',
  'nameIdFormat',
  'attributes',
];
const PROTOCOLS: SsoProtocolName[] = ['oidc', 'saml'];

/** One connection per company: which protocol, the provider's values, and what the sign-in does. */
export function SsoForm({ settings }: { settings: SsoSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const saved = settings.connection;
  const [draft, setDraft] = useState<SsoDraft>(() => draftFrom(saved));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const formRef = useFocusFirstError(errors);
  const set = <K extends keyof SsoDraft>(key: K, value: SsoDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const secretStored = saved?.protocol === 'oidc' && saved.clientSecretSet && draft.protocol === 'oidc';

  // "Enforced" is about another setting: say so in the admin's language, under the switch it blocks.
  const errorsOf = (error: unknown) =>
    isApiError(error) && error.code === 'sso_enforced' ? { enabled: t('sso.errors.enforced') } : fieldErrors(t, error);
  const refresh = (next: SsoSettings | null) => {
    if (next) client.setQueryData(ssoSettingsKey, next);
    else void client.invalidateQueries({ queryKey: ssoSettingsKey });
    void client.invalidateQueries({ queryKey: ssoAvailabilityKey });
  };

  const save = useMutation({
    mutationFn: () => saveSsoConnection(inputOf(draft)),
    onSuccess: (next) => {
      setErrors({});
      setDraft(draftFrom(next.connection));
      refresh(next);
    },
    onError: (error) => setErrors(errorsOf(error)),
  });
  const test = useMutation({
    mutationFn: () => {
      const input = inputOf(draft);
      return testSsoConnection(
        input.protocol === 'oidc'
          ? { protocol: 'oidc', issuer: input.issuer, clientId: input.clientId }
          : { protocol: 'saml', entryPoint: input.entryPoint, idpEntityId: input.idpEntityId, idpCertificates: input.idpCertificates },
      );
    },
    onSuccess: () => setErrors({}),
    onError: (error) => setErrors(errorsOf(error)),
  });
  const remove = useMutation({
    mutationFn: deleteSsoConnection,
    onSuccess: () => {
      setConfirmRemove(false);
      setDraft(draftFrom(null));
      refresh(null);
    },
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const missing = Object.fromEntries(missingFields(draft, secretStored).map((f) => [f, t('validation.required')]));
    setErrors(missing);
    if (Object.keys(missing).length === 0) save.mutate();
  }

  const failure = save.error ?? test.error;
  const shownFailure = isApiError(failure) && failure.code === 'sso_enforced' ? null : formError(t, failure, FIELDS);
  return (
    <section className="card section" aria-labelledby="sso-title">
      <h2 id="sso-title" className="section__title">
        {t('sso.form.title')}
        {saved ? (
          <span className={saved.enabled ? 'badge badge--ok' : 'badge badge--off'}>
            {saved.enabled ? t('sso.form.on') : t('sso.form.off')}
          </span>
        ) : null}
      </h2>
      <form ref={formRef} className="form form--wide" onSubmit={submit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">{t('sso.form.protocol')}</legend>
          {PROTOCOLS.map((p) => (
            <label key={p} className="choice">
              <input type="radio" name="sso-protocol" value={p} checked={draft.protocol === p} onChange={() => set('protocol', p)} />
              <span className="choice__text">
                <span className="choice__label">{t(`sso.protocols.${p}.label`)}</span>
                <span className="choice__hint">{t(`sso.protocols.${p}.hint`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ServiceProviderValues protocol={draft.protocol} sp={settings.serviceProvider} spEntityId={draft.spEntityId} />
        <TextField
          label={t('sso.form.displayName')}
          value={draft.displayName}
          onChange={(e) => set('displayName', e.target.value)}
          placeholder={t('sso.form.displayNamePlaceholder')}
          hint={t('sso.form.displayNameHint')}
          error={errors.displayName}
          maxLength={60}
        />
        {draft.protocol === 'oidc' ? (
          <OidcFields draft={draft} set={set} errors={errors} secretStored={secretStored} />
        ) : (
          <SamlFields draft={draft} setDraft={setDraft} errors={errors} sp={settings.serviceProvider} />
        )}
        <div className={`field${errors.enabled ? ' field--invalid' : ''}`}>
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.enabled}
              onChange={(e) => set('enabled', e.target.checked)}
              aria-invalid={errors.enabled ? true : undefined}
              aria-describedby={errors.enabled ? 'sso-enabled-error' : undefined}
            />
            <span className="choice__text">
              <span className="choice__label">{t('sso.form.enabled')}</span>
              <span className="choice__hint">{t('sso.form.enabledHint')}</span>
            </span>
          </label>
          {errors.enabled ? (
            <div className="field__error" id="sso-enabled-error">
              {errors.enabled}
            </div>
          ) : null}
        </div>
        <label className="choice">
          <input type="checkbox" checked={draft.jit} onChange={(e) => set('jit', e.target.checked)} />
          <span className="choice__text">
            <span className="choice__label">{t('sso.form.jit')}</span>
            <span className="choice__hint">{t('sso.form.jitHint')}</span>
          </span>
        </label>
        <ErrorAlert message={shownFailure} />
        {save.isSuccess && !save.isPending ? <Alert tone="success">{t('sso.form.saved')}</Alert> : null}
        {test.data ? <SsoTestResult result={test.data} /> : null}
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            {t('sso.form.save')}
          </Button>
          <Button variant="secondary" busy={test.isPending} onClick={() => test.mutate()}>
            {t('sso.form.test')}
          </Button>
          {saved ? (
            <Button variant="danger-outline" onClick={() => setConfirmRemove(true)}>
              {t('sso.form.remove')}
            </Button>
          ) : null}
        </div>
        <ConfirmDialog
          open={confirmRemove}
          onOpenChange={setConfirmRemove}
          title={t('sso.form.removeTitle')}
          description={t('sso.form.removeBody')}
          confirmLabel={t('sso.form.remove')}
          danger
          busy={remove.isPending}
          error={
            remove.isError
              ? isApiError(remove.error) && remove.error.code === 'sso_enforced'
                ? t('sso.errors.enforced')
                : errorMessage(t, remove.error)
              : null
          }
          onConfirm={() => remove.mutate()}
        />
      </form>
    </section>
  );
}
