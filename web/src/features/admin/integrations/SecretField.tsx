import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';

/**
 * A secret shown this once (a token, a signing secret): read-only, a copy button, the warning that
 * it cannot be shown again, and "I have copied it" to put it away. Where the clipboard is not
 * available the text is selected for copying by hand.
 */
export function SecretField({
  title,
  label,
  value,
  testId,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  testId: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      box.current?.focus();
      box.current?.select();
      setStatus('manual');
    }
  }

  return (
    <div className="created-link integ-secret">
      <Alert tone="success">{title}</Alert>
      <div className="copy-field">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <div className="copy-field__row">
          <textarea
            ref={box}
            id={id}
            className="input copy-field__input"
            readOnly
            rows={2}
            value={value}
            data-testid={testId}
            aria-describedby={`${id}-once`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button onClick={() => void copy()}>{t('integrations.secret.copy')}</Button>
        </div>
        <p className="copy-field__status" role="status">
          {status === 'copied' ? t('integrations.secret.copied') : status === 'manual' ? t('integrations.secret.copyManually') : ''}
        </p>
      </div>
      <p className="integ-warning" id={`${id}-once`}>
        {t('integrations.secret.once')}
      </p>
      <div className="actions">
        <Button variant="secondary" onClick={onDone}>
          {t('integrations.secret.done')}
        </Button>
      </div>
    </div>
  );
}
