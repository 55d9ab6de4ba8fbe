import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlugStatus } from './useSlugAvailability';

interface SlugFieldProps {
  value: string;
  onChange(value: string): void;
  status: SlugStatus;
  baseHost: string;
  error?: string | null;
}

const STATUS_KEYS = {
  empty: 'signUp.slugStatus.empty',
  invalid: 'signUp.slugStatus.invalid',
  checking: 'signUp.slugStatus.checking',
  available: 'signUp.slugStatus.available',
  taken: 'signUp.slugStatus.taken',
  reserved: 'signUp.slugStatus.reserved',
  unknown: 'signUp.slugStatus.unknown',
} as const;

/** The address input, with the full address previewed and its availability read out as it changes. */
export function SlugField({ value, onChange, status, baseHost, error }: SlugFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const tone = status === 'available' ? 'ok' : status === 'taken' || status === 'reserved' || status === 'invalid' ? 'bad' : 'neutral';
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {t('signUp.slug')}
      </label>
      <div className="slug-input">
        <input
          id={id}
          className="input slug-input__control"
          value={value}
          onChange={(e) => onChange(e.target.value.toLowerCase())}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          maxLength={40}
          required
          aria-invalid={error || tone === 'bad' ? true : undefined}
          aria-describedby={`${id}-preview ${id}-status${error ? ` ${id}-error` : ''}`}
        />
        <span className="slug-input__suffix" aria-hidden="true">
          .{baseHost}
        </span>
      </div>
      <div className="field__hint" id={`${id}-preview`}>
        {t('signUp.slugPreview')} <strong className="slug-preview">{`${value || t('signUp.slugPlaceholder')}.${baseHost}`}</strong>
      </div>
      <div className={`slug-status slug-status--${tone}`} id={`${id}-status`} role="status">
        {t(STATUS_KEYS[status])}
      </div>
      {error ? (
        <div className="field__error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </div>
  );
}
