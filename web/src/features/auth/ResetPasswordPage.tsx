import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { completePasswordReset } from '../../api/auth';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { onlyErrors, validatePassword } from '../../ui/validate';
import { useFinishSignIn } from './useFinishSignIn';

type Errors = Partial<Record<'password' | 'confirm', string>>;

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const finish = useFinishSignIn();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  usePageTitle(t('reset.title'), org.name);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () => completePasswordReset(token, password),
    // Signed in, or one more step (second factor, terms) on its own page.
    onSuccess: (result) => finish(result, '/'),
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({
      password: validatePassword(t, password),
      confirm: confirm !== password ? t('validation.passwordsDiffer') : undefined,
    });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  return (
    <PublicFrame title={t('reset.title')} orgName={org.name} intro={token ? <p>{t('reset.intro')}</p> : null}>
      {token.length < 10 ? (
        <Alert tone="error">{t('errors.resetLinkInvalid')}</Alert>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <ErrorAlert message={mutation.isError ? formError(t, mutation.error, ['password']) : null} />
          <TextField
            label={t('reset.newPassword')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
            hint={t('validation.passwordHint')}
            error={errors.password}
          />
          <TextField
            label={t('reset.confirm')}
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
            required
            error={errors.confirm}
          />
          <Button type="submit" busy={mutation.isPending} className="btn--block">
            {t('reset.submit')}
          </Button>
        </form>
      )}
      <p className="public__aside">
        <Link to="/forgot-password">{t('reset.newLink')}</Link>
      </p>
    </PublicFrame>
  );
}
