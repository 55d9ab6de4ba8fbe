import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createScimToken, scimTokensKey, type ScimTokenCreated } from '../../../api/scim';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';

/** Names and makes a token; the token is shown once, with a copy button, until "Done". */
export function ScimTokenForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  // Only this answer holds the token: once dismissed it cannot be shown again.
  const [created, setCreated] = useState<ScimTokenCreated | null>(null);
  const create = useMutation({
    mutationFn: () => createScimToken(name.trim()),
    onSuccess: (result) => {
      setCreated(result);
      setName('');
      void client.invalidateQueries({ queryKey: scimTokensKey });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('scim.nameRequired') });
      return;
    }
    setErrors({});
    create.mutate();
  }

  if (created) {
    return (
      <div className="created-link">
        <Alert tone="success">{t('scim.created', { name: created.name })}</Alert>
        <SecretField label={t('scim.tokenLabel')} value={created.token} />
        <p className="muted">{t('scim.tokenOnce')}</p>
        <div className="actions">
          <Button variant="secondary" onClick={() => setCreated(null)}>
            {t('scim.done')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={create.isError ? formError(t, create.error, ['name']) : null} />
      <TextField
        label={t('scim.name')}
        hint={t('scim.nameHint')}
        value={name}
        maxLength={100}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <div className="actions">
        <Button type="submit" busy={create.isPending}>
          {t('scim.create')}
        </Button>
      </div>
    </form>
  );
}

/** The token in a read-only box with "Copy token"; selected for copying by hand where the clipboard is not available. */
function SecretField({ label, value }: { label: string; value: string }) {
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
          data-testid="scim-token"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button onClick={() => void copy()}>{t('scim.copyToken')}</Button>
      </div>
      <p className="copy-field__status" role="status">
        {status === 'copied' ? t('scim.copied') : status === 'manual' ? t('scim.copyManually') : ''}
      </p>
    </div>
  );
}
