import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

/**
 * A value to copy, shown in a read-only text box. When the clipboard API is unavailable (plain
 * http, older browsers) the text is selected instead, so the person can copy it by hand.
 * A textarea rather than an input: long links wrap on a phone instead of hiding their end, and
 * its text content is the value, for those who read it either way.
 */
export function CopyField({
  label,
  value,
  testId,
  copyLabel,
  describedBy,
  copiedText,
  manualText,
}: {
  label: string;
  value: string;
  testId?: string;
  /** The button's words (default "Copy link"). */
  copyLabel?: string;
  /** An element that says more about the value (e.g. that it is shown only once). */
  describedBy?: string;
  /** What to say once copied, and when it must be copied by hand (defaults speak of a link). */
  copiedText?: string;
  manualText?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const input = useRef<HTMLTextAreaElement>(null);
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');

  async function copy(): Promise<void> {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setStatus('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus('manual');
    }
  }

  return (
    <div className="copy-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <textarea
          ref={input}
          id={id}
          className="input copy-field__input"
          readOnly
          rows={2}
          value={value}
          data-testid={testId}
          aria-describedby={describedBy}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{copyLabel ?? t('common.copyLink')}</Button>
      </div>
      <p className="copy-field__status" role="status">
        {status === 'copied' ? (copiedText ?? t('common.copied')) : status === 'manual' ? (manualText ?? t('common.copyManually')) : ''}
      </p>
    </div>
  );
}
