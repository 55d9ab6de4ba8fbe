import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentitySettingsView } from '../../../api/identity';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextAreaField, TextField } from '../../../ui/Field';
import { formatDateTime } from '../../../ui/format';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useSaveSettings, wholeNumber, type PathErrors } from './useSaveSettings';

const TERMS_MAX = 20_000;

/** The usage terms everyone accepts when signing in, and how often they accept them again. */
export function TermsSection({ settings }: { settings: IdentitySettingsView }) {
  const { t } = useTranslation();
  const [required, setRequired] = useState(settings.terms.required);
  const [text, setText] = useState(settings.terms.text);
  const [months, setMonths] = useState(String(settings.terms.renewMonths));
  const { save, errors, setErrors, formError } = useSaveSettings(['terms']);
  const formRef = useFocusFirstError(errors);
  const changedText = text.trim() !== settings.terms.text.trim();

  function submit(event: FormEvent): void {
    event.preventDefault();
    const renewMonths = wholeNumber(months, 0, 60);
    const found: PathErrors = {};
    if (renewMonths === undefined) found['terms.renewMonths'] = t('identity.settings.between', { min: 0, max: 60 });
    if (required && text.trim() === '') found['terms.text'] = t('identity.settings.termsEmpty');
    setErrors(found);
    if (Object.keys(found).length > 0 || renewMonths === undefined) return;
    save.mutate({ terms: { required, text: text.trim(), renewMonths } });
  }

  return (
    <section className="card section" aria-labelledby="settings-terms">
      <h2 id="settings-terms" className="section__title">
        {t('identity.settings.termsTitle')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={formError ?? errors.terms ?? null} />
        <label className="choice">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
          <span className="choice__text">
            <span className="choice__label">{t('identity.settings.termsRequired')}</span>
            <span className="choice__hint">{t('identity.settings.termsRequiredHint')}</span>
          </span>
        </label>
        <TextAreaField
          label={t('identity.settings.termsText')}
          hint={
            settings.termsUpdatedAt
              ? t('identity.settings.termsUpdated', { date: formatDateTime(settings.termsUpdatedAt) })
              : t('identity.settings.termsTextHint')
          }
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={8}
          maxLength={TERMS_MAX}
          error={errors['terms.text']}
        />
        {changedText && settings.terms.required ? <Alert tone="info">{t('identity.settings.termsWillRenew')}</Alert> : null}
        <TextField
          label={t('identity.settings.renewMonths')}
          hint={t('identity.settings.renewMonthsHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          value={months}
          onChange={(e) => setMonths(e.target.value)}
          error={errors['terms.renewMonths']}
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
