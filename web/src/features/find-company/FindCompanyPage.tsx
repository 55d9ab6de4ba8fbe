import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { findCompany } from '../../api/orgs';
import { PublicFrame } from '../../routes/PublicFrame';
import { RootNav } from '../../routes/RootRoutes';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { validateEmail } from '../../ui/validate';

export function FindCompanyPage() {
  const { t } = useTranslation();
  usePageTitle(t('findCompany.title'));
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ email?: string }>({});
  const formRef = useFocusFirstError(errors);
  const mutation = useMutation({
    mutationFn: findCompany,
    onError: (err) => setErrors({ email: fieldErrors(t, err).email }),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const problem = validateEmail(t, email);
    setErrors(problem ? { email: problem } : {});
    if (!problem) mutation.mutate(email.trim());
  }

  return (
    <PublicFrame title={t('findCompany.title')} intro={<p>{t('findCompany.intro')}</p>} nav={<RootNav />}>
      {mutation.isSuccess ? (
        <Alert tone="success">{t('findCompany.sent', { email: email.trim() })}</Alert>
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
            {t('findCompany.submit')}
          </Button>
        </form>
      )}
    </PublicFrame>
  );
}
