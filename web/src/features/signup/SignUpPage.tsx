import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { signUpCompany } from '../../api/orgs';
import { baseHost, useAppContext } from '../../app/appContext';
import { currentLanguage } from '../../i18n';
import { RootNav } from '../../routes/RootRoutes';
import { PublicFrame } from '../../routes/PublicFrame';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { fieldErrors, formError } from '../../ui/errors';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { onlyErrors, validateEmail, validatePassword, validateRequired } from '../../ui/validate';
import { SlugField } from './SlugField';
import { isSlugShaped, slugFromName, useSlugAvailability } from './useSlugAvailability';

const FIELDS = ['companyName', 'slug', 'ownerName', 'email', 'password'] as const;
type Errors = Partial<Record<(typeof FIELDS)[number], string>>;

export function SignUpPage() {
  const { t } = useTranslation();
  const { baseUrl } = useAppContext();
  usePageTitle(t('signUp.title'));
  const [companyName, setCompanyName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugEdited, setSlugEdited] = useState(false);
  const [ownerName, setOwnerName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);
  const slugStatus = useSlugAvailability(slug);

  const mutation = useMutation({
    mutationFn: signUpCompany,
    // The server answers with a one-time link that signs the owner in on the new company's address.
    onSuccess: (result) => window.location.assign(result.continueUrl),
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function onCompanyName(value: string): void {
    setCompanyName(value);
    if (!slugEdited) setSlug(slugFromName(value));
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const clean: Errors = onlyErrors({
      companyName: validateRequired(t, companyName),
      slug: !isSlugShaped(slug)
        ? t('validation.slugFormat')
        : slugStatus === 'taken' || slugStatus === 'reserved'
          ? t('errors.slugTaken')
          : undefined,
      ownerName: validateRequired(t, ownerName),
      email: validateEmail(t, email),
      password: validatePassword(t, password),
    });
    setErrors(clean);
    if (Object.keys(clean).length > 0) return;
    mutation.mutate({
      companyName: companyName.trim(),
      slug,
      ownerName: ownerName.trim(),
      email: email.trim(),
      password,
      locale: currentLanguage(),
    });
  }

  return (
    <PublicFrame title={t('signUp.title')} intro={<p>{t('signUp.intro')}</p>} nav={<RootNav />}>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={mutation.isError ? formError(t, mutation.error, FIELDS) : null} />
        <TextField
          label={t('signUp.companyName')}
          value={companyName}
          onChange={(e) => onCompanyName(e.target.value)}
          autoComplete="organization"
          required
          maxLength={100}
          error={errors.companyName}
        />
        <SlugField
          value={slug}
          onChange={(v) => {
            setSlugEdited(true);
            setSlug(v);
          }}
          status={slugStatus}
          baseHost={baseHost(baseUrl)}
          error={errors.slug}
        />
        <TextField
          label={t('signUp.ownerName')}
          value={ownerName}
          onChange={(e) => setOwnerName(e.target.value)}
          autoComplete="name"
          required
          maxLength={100}
          error={errors.ownerName}
        />
        <TextField
          label={t('fields.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField
          label={t('fields.password')}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          required
          hint={t('validation.passwordHint')}
          error={errors.password}
        />
        <Button type="submit" busy={mutation.isPending || mutation.isSuccess} className="btn--block">
          {t('signUp.submit')}
        </Button>
      </form>
      <p className="public__aside">
        {t('signUp.alreadyHave')} <Link to="/find-company">{t('findCompany.navLink')}</Link>
      </p>
    </PublicFrame>
  );
}
