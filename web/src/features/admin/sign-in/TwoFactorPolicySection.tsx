import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentitySettings, IdentitySettingsView } from '../../../api/identity';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useSaveSettings, wholeNumber } from './useSaveSettings';

const POLICIES = ['optional', 'admins', 'everyone'] as const satisfies ReadonlyArray<IdentitySettings['twoFactor']>;
const POLICY_KEYS = {
  optional: ['identity.settings.tfOptional', 'identity.settings.tfOptionalHint'],
  admins: ['identity.settings.tfAdmins', 'identity.settings.tfAdminsHint'],
  everyone: ['identity.settings.tfEveryone', 'identity.settings.tfEveryoneHint'],
} as const;

export function TwoFactorPolicySection({ settings }: { settings: IdentitySettingsView }) {
  const { t } = useTranslation();
  const [policy, setPolicy] = useState(settings.twoFactor);
  const [days, setDays] = useState(String(settings.rememberDeviceDays));
  const { save, errors, setErrors, formError } = useSaveSettings(['twoFactor', 'rememberDeviceDays']);
  const formRef = useFocusFirstError(errors);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const rememberDeviceDays = wholeNumber(days, 0, 90);
    if (rememberDeviceDays === undefined) {
      setErrors({ rememberDeviceDays: t('identity.settings.between', { min: 0, max: 90 }) });
      return;
    }
    save.mutate({ twoFactor: policy, rememberDeviceDays });
  }

  return (
    <section className="card section" aria-labelledby="settings-two-factor">
      <h2 id="settings-two-factor" className="section__title">
        {t('identity.settings.twoFactorTitle')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={formError} />
        <fieldset className="choice-group">
          <legend className="field__label">{t('identity.settings.twoFactorWho')}</legend>
          {POLICIES.map((p) => (
            <label key={p} className="choice">
              <input type="radio" name="two-factor-policy" value={p} checked={policy === p} onChange={() => setPolicy(p)} />
              <span className="choice__text">
                <span className="choice__label">{t(POLICY_KEYS[p][0])}</span>
                <span className="choice__hint">{t(POLICY_KEYS[p][1])}</span>
              </span>
            </label>
          ))}
          {errors.twoFactor ? <p className="field__error">{errors.twoFactor}</p> : null}
        </fieldset>
        <TextField
          label={t('identity.settings.rememberDays')}
          hint={t('identity.settings.rememberDaysHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={90}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={errors.rememberDeviceDays}
          className="input input--narrow"
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
