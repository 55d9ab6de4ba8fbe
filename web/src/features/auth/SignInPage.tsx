import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { signIn } from '../../api/auth';
import { isApiError } from '../../api/client';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { onlyErrors, validateEmail, validateRequired } from '../../ui/validate';
import { applySession } from '../session/sessionQuery';

type Errors = Partial<Record<'email' | 'password', string>>;

export function SignInPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const client = useQueryClient();
  usePageTitle(t('signIn.title'), org.name);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () => signIn(email.trim(), password),
    // Storing the session re-renders the guard, which sends the person where they were heading.
    onSuccess: (info) => applySession(client, info),
    // "E-mail and password don't match" is about the pair, so it goes above the form, not under one.
    onError: (error) => setErrors(isApiError(error) && error.code === 'invalid_credentials' ? {} : fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({ email: validateEmail(t, email), password: validateRequired(t, password) });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  return (
    <PublicFrame title={t('signIn.title')} orgName={org.name} intro={<p>{t('signIn.intro', { company: org.name })}</p>}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert
          message={
            mutation.isError
              ? formError(
                  t,
                  mutation.error,
                  isApiError(mutation.error) && mutation.error.code === 'invalid_credentials' ? [] : ['email', 'password'],
                )
              : null
          }
        />
        <TextField
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="username"
          required
          error={errors.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <Button type="submit" busy={mutation.isPending} className="btn--block">
          {t('signIn.submit')}
        </Button>
      </form>
      <p className="public__aside">
        <Link to="/forgot-password">{t('signIn.forgot')}</Link>
      </p>
    </PublicFrame>
  );
}
