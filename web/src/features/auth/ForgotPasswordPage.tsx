import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { requestPasswordReset } from '../../api/auth';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { validateEmail } from '../../ui/validate';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const org = useOrg();
  usePageTitle(t('forgot.title'), org.name);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ email?: string }>({});
  const formRef = useFocusFirstError(errors);
  const mutation = useMutation({
    mutationFn: requestPasswordReset,
    onError: (err) => setErrors({ email: fieldErrors(t, err).email }),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const problem = validateEmail(t, email);
    setErrors(problem ? { email: problem } : {});
    if (!problem) mutation.mutate(email.trim());
  }

  return (
    <PublicFrame title={t('forgot.title')} orgName={org.name} intro={<p>{t('forgot.intro')}</p>}>
      {mutation.isSuccess ? (
        // Always the same answer, so this page cannot tell anyone which addresses have accounts.
        <Alert tone="success">{t('forgot.sent', { email: email.trim() })}</Alert>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <ErrorAlert message={mutation.isError ? formError(t, mutation.error, ['email']) : null} />
          <TextField
            label={t('fields.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="email"
            required
            error={errors.email}
          />
          <Button type="submit" busy={mutation.isPending} className="btn--block">
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <p className="public__aside">
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </PublicFrame>
  );
}
