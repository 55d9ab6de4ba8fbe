import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { signInWithLogin, ssoStartUrl } from '../../api/identity';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { safeNext } from '../../routes/guards';
import { Alert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { usePageTitle } from '../../ui/usePageTitle';
import { onlyErrors, validateRequired } from '../../ui/validate';
import { identityErrorMessage, identityFieldErrors, ssoErrorMessage } from './identityErrors';
import { SsoSignInButton } from './SsoSignInButton';
import { useFinishSignIn } from './useFinishSignIn';

type Errors = Partial<Record<'login' | 'password', string>>;

/** Problems about the whole attempt (not one input), shown above the form. */
const ABOUT_THE_ATTEMPT = new Set(['invalid_credentials', 'sso_required', 'account_deactivated', 'outside_working_hours']);

export function SignInPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [params] = useSearchParams();
  const returnTo = safeNext(params.get('next'));
  const ssoError = ssoErrorMessage(t, params.get('sso_error'));
  usePageTitle(t('signIn.title'), org.name);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);
  const finish = useFinishSignIn();

  const mutation = useMutation({
    mutationFn: () => signInWithLogin(login.trim(), password),
    // A session re-renders the guard, which sends the person where they were heading; a step opens its page.
    onSuccess: (result) => finish(result, returnTo),
    onError: (error) => setErrors(isApiError(error) && ABOUT_THE_ATTEMPT.has(error.code) ? {} : identityFieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({ login: validateRequired(t, login), password: validateRequired(t, password) });
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  const error = mutation.error;
  const shownUnderFields = isApiError(error) && !ABOUT_THE_ATTEMPT.has(error.code) && Object.keys(identityFieldErrors(t, error)).length > 0;

  return (
    <PublicFrame title={t('signIn.title')} orgName={org.name} intro={<p>{t('signIn.intro', { company: org.name })}</p>}>
      <SsoSignInButton returnTo={returnTo} />
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        {ssoError && !mutation.isError ? <Alert tone="error">{ssoError}</Alert> : null}
        {mutation.isError && !shownUnderFields ? (
          <Alert tone="error">
            {identityErrorMessage(t, error)}
            {isApiError(error) && error.code === 'sso_required' ? (
              <>
                {' '}
                {/* The server's SSO entrance, not a screen of this app: a full page navigation. */}
                <a href={ssoStartUrl(returnTo)}>{t('identity.signIn.withSso')}</a>
              </>
            ) : null}
          </Alert>
        ) : null}
        <TextField
          label={t('identity.signIn.login')}
          name="login"
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={254}
          error={errors.login}
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
      <p className="public__aside public__aside--tight">
        <Link to="/claim">{t('identity.signIn.haveCode')}</Link>
      </p>
    </PublicFrame>
  );
}
