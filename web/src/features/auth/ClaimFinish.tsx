import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { claimAccessCode, ssoStartUrl, type AccessCodeCheck } from '../../api/identity';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { onlyErrors, validatePassword } from '../../ui/validate';
import { identityFieldErrors, identityFormError } from './identityErrors';
import { useFinishSignIn } from './useFinishSignIn';

type Errors = Partial<Record<'password' | 'confirm', string>>;

interface Props {
  code: string;
  person: AccessCodeCheck;
  onAnotherCode(): void;
}

/** After a good code: who it is for, then a password of their own (or the company's SSO). */
export function ClaimFinish({ code, person, onAnotherCode }: Props) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const claim = useMutation({
    mutationFn: () => claimAccessCode(code, password),
    onSuccess: (result) => finish(result, '/'),
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = onlyErrors({
      password: validatePassword(t, password),
      confirm: confirm !== password ? t('validation.passwordsDiffer') : undefined,
    });
    setErrors(found);
    if (Object.keys(found).length === 0) claim.mutate();
  }

  return (
    <div className="form">
      <Alert tone="success">
        <p className="claim-hello">{t('identity.claim.hello', { name: person.displayName })}</p>
        <p>
          {t('identity.claim.loginIs')} <strong className="claim-login">{person.login}</strong>
        </p>
      </Alert>
      {person.next === 'sso' ? (
        <>
          <p>{t('identity.claim.ssoIntro')}</p>
          {/* The server's SSO entrance: a full page navigation. */}
          <a className="btn btn--primary btn--block" href={ssoStartUrl('/')}>
            {t('identity.signIn.withSso')}
          </a>
        </>
      ) : (
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <h2 className="claim-subtitle">{t('identity.claim.passwordTitle')}</h2>
          <p className="muted">{t('identity.claim.passwordIntro')}</p>
          <ErrorAlert message={identityFormError(t, claim.error, ['password'])} />
          {/* Lets a password manager store the new password under the right name. */}
          <input type="text" className="sr-only" autoComplete="username" value={person.login} readOnly tabIndex={-1} aria-hidden="true" />
          <TextField
            label={t('identity.claim.password')}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            required
            hint={t('validation.passwordHint')}
            error={errors.password}
          />
          <TextField
            label={t('identity.claim.confirm')}
            type="password"
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            autoComplete="new-password"
            required
            error={errors.confirm}
          />
          <Button type="submit" busy={claim.isPending} className="btn--block">
            {t('identity.claim.submit')}
          </Button>
        </form>
      )}
      <button type="button" className="link-button" onClick={onAnotherCode}>
        {t('identity.claim.anotherCode')}
      </button>
    </div>
  );
}
