import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentitySettings, IdentitySettingsView } from '../../../api/identity';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { useSaveSettings, wholeNumber, type PathErrors } from './useSaveSettings';
import { WorkingHoursFields } from './WorkingHoursFields';

type Hours = IdentitySettings['workingHours'];

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** How long access codes last, and the hours when frontline staff may use the app. */
export function FrontlineSection({ settings }: { settings: IdentitySettingsView }) {
  const { t } = useTranslation();
  const [codeDays, setCodeDays] = useState(String(settings.accessCodeDays));
  const [hours, setHours] = useState<Hours>(settings.workingHours);
  const { save, errors, setErrors, formError } = useSaveSettings(['accessCodeDays', 'workingHours']);
  const formRef = useFocusFirstError(errors);

  function submit(event: FormEvent): void {
    event.preventDefault();
    const accessCodeDays = wholeNumber(codeDays, 1, 90);
    const found: PathErrors = {};
    if (accessCodeDays === undefined) found.accessCodeDays = t('identity.settings.between', { min: 1, max: 90 });
    const timeZone = hours.timeZone.trim();
    if (!isTimeZone(timeZone)) found['workingHours.timeZone'] = t('identity.settings.badTimeZone');
    if (hours.enabled && hours.days.length === 0) found['workingHours.days'] = t('identity.settings.noDays');
    if (!/^\d{2}:\d{2}$/.test(hours.start)) found['workingHours.start'] = t('identity.settings.badTime');
    if (!/^\d{2}:\d{2}$/.test(hours.end)) found['workingHours.end'] = t('identity.settings.badTime');
    else if (hours.enabled && hours.start === hours.end) found['workingHours.end'] = t('identity.settings.sameTimes');
    setErrors(found);
    if (Object.keys(found).length > 0 || accessCodeDays === undefined) return;
    save.mutate({ accessCodeDays, workingHours: { ...hours, timeZone, days: [...hours.days].sort() } });
  }

  return (
    <section className="card section" aria-labelledby="settings-frontline">
      <h2 id="settings-frontline" className="section__title">
        {t('identity.settings.frontlineTitle')}
      </h2>
      <p className="muted">{t('identity.settings.frontlineLead')}</p>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={formError} />
        <TextField
          label={t('identity.settings.codeDays')}
          hint={t('identity.settings.codeDaysHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          value={codeDays}
          onChange={(e) => setCodeDays(e.target.value)}
          error={errors.accessCodeDays}
          className="input input--narrow"
        />
        <WorkingHoursFields
          hours={hours}
          onChange={setHours}
          errors={{
            ...errors,
            ...(errors['workingHours.timeZone'] ? { 'workingHours.timeZone': t('identity.settings.badTimeZone') } : {}),
          }}
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
