import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/me';
import { mySessionsKey } from '../../realtime/applyEvent';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { onlyErrors, validatePassword, validateRequired } from '../../ui/validate';

type Errors = Partial<Record<'currentPassword' | 'newPassword' | 'confirm', string>>;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () => changePassword(currentPassword, newPassword),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setConfirm('');
      // Changing the password ends the other sessions on the server.
      void client.invalidateQueries({ queryKey: mySessionsKey });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({
      currentPassword: validateRequired(t, currentPassword),
      newPassword: validatePassword(t, newPassword),
      confirm: confirm !== newPassword ? t('validation.passwordsDiffer') : undefined,
    });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  return (
    <section className="card section" aria-labelledby="security-password">
      <h2 id="security-password" className="section__title">
        {t('security.passwordTitle')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={mutation.isError ? formError(t, mutation.error, ['currentPassword', 'newPassword']) : null} />
        <TextField
          label={t('security.currentPassword')}
          type="password"
          value={currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <TextField
          label={t('security.newPassword')}
          type="password"
          value={newPassword}
          onChange={(e) => setNew(e.target.value)}
          autoComplete="new-password"
          required
          hint={t('validation.passwordHint')}
          error={errors.newPassword}
        />
        <TextField
          label={t('security.confirmPassword')}
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          autoComplete="new-password"
          required
          error={errors.confirm}
        />
        <div className="actions">
          <Button type="submit" busy={mutation.isPending}>
            {t('security.changePassword')}
          </Button>
        </div>
        {mutation.isSuccess ? <Alert tone="success">{t('security.passwordChanged')}</Alert> : null}
      </form>
    </section>
  );
}
