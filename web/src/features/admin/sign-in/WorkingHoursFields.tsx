import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentitySettings } from '../../../api/identity';
import { currentLanguage } from '../../../i18n';
import { TextField } from '../../../ui/Field';
import type { PathErrors } from './useSaveSettings';

type Hours = IdentitySettings['workingHours'];

/** Monday first, as most workplaces read a week; the server numbers days 0 = Sunday … 6 = Saturday. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

function dayNames(style: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(currentLanguage(), { weekday: style, timeZone: 'UTC' });
  // 7 January 2024 was a Sunday: day d of the week is 7 + d January.
  return Array.from({ length: 7 }, (_, d) => format.format(new Date(Date.UTC(2024, 0, 7 + d))));
}

function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

interface Props {
  hours: Hours;
  onChange(hours: Hours): void;
  errors: PathErrors;
}

export function WorkingHoursFields({ hours, onChange, errors }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const lang = currentLanguage();
  const [short, long] = useMemo(() => [dayNames('short'), dayNames('long')], [lang]);
  const zones = useMemo(timeZones, []);
  const set = <K extends keyof Hours>(key: K, value: Hours[K]) => onChange({ ...hours, [key]: value });
  const toggleDay = (d: number) => set('days', hours.days.includes(d) ? hours.days.filter((x) => x !== d) : [...hours.days, d]);
  const daysError = errors['workingHours.days'] ?? errors.workingHours;

  return (
    <fieldset className="settings-group">
      <legend className="field__label">{t('identity.settings.hoursTitle')}</legend>
      <label className="choice">
        <input type="checkbox" checked={hours.enabled} onChange={(e) => set('enabled', e.target.checked)} />
        <span className="choice__text">
          <span className="choice__label">{t('identity.settings.hoursOn')}</span>
          <span className="choice__hint">{t('identity.settings.hoursOnHint')}</span>
        </span>
      </label>
      <TextField
        label={t('identity.settings.timeZone')}
        hint={t('identity.settings.timeZoneHint')}
        value={hours.timeZone}
        onChange={(e) => set('timeZone', e.target.value)}
        list={zones.length ? `${id}-zones` : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        error={errors['workingHours.timeZone']}
      />
      {zones.length ? (
        <datalist id={`${id}-zones`}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      ) : null}
      <div className={`field${daysError ? ' field--invalid' : ''}`}>
        <p className="field__label" id={`${id}-days`}>
          {t('identity.settings.days')}
        </p>
        <div
          className="day-toggles"
          role="group"
          aria-labelledby={`${id}-days`}
          aria-describedby={daysError ? `${id}-days-error` : undefined}
        >
          {WEEK.map((d) => (
            <button key={d} type="button" className="day-toggle" aria-pressed={hours.days.includes(d)} onClick={() => toggleDay(d)}>
              {/* The short name on screen, the whole one for screen readers. */}
              <span aria-hidden="true">{short[d]}</span>
              <span className="sr-only">{long[d]}</span>
            </button>
          ))}
        </div>
        {daysError ? (
          <div className="field__error" id={`${id}-days-error`}>
            {daysError}
          </div>
        ) : null}
      </div>
      <div className="form__row form__row--two">
        <TextField
          label={t('identity.settings.start')}
          type="time"
          value={hours.start}
          onChange={(e) => set('start', e.target.value)}
          required
          error={errors['workingHours.start']}
        />
        <TextField
          label={t('identity.settings.end')}
          type="time"
          value={hours.end}
          onChange={(e) => set('end', e.target.value)}
          required
          hint={t('identity.settings.endHint')}
          error={errors['workingHours.end']}
        />
      </div>
    </fieldset>
  );
}
