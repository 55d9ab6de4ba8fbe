import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerTotpStep } from '../../api/identity';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/Field';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { TotpCodeField } from '../security/AuthenticatorSetup';
import { ChallengeExpired, isExpired, type StepProps } from './ChallengeExpired';
import { identityFieldErrors, identityFormError } from './identityErrors';
import { useFinishSignIn } from './useFinishSignIn';

type Errors = Partial<Record<'code' | 'recoveryCode', string>>;

/** The code from the person's authenticator app, or one of their recovery codes when the phone is lost. */
export function TotpStep({ challenge, info, returnTo }: StepProps) {
  const { t } = useTranslation();
  const finish = useFinishSignIn();
  const [useRecovery, setUseRecovery] = useState(false);
  const [code, setCode] = useState('');
  const [recoveryCode, setRecoveryCode] = useState('');
  const [remember, setRemember] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const formRef = useFocusFirstError(errors);

  const mutation = useMutation({
    mutationFn: () =>
      answerTotpStep(challenge, {
        ...(useRecovery ? { recoveryCode: recoveryCode.trim() } : { code }),
        ...(info.rememberDeviceDays > 0 ? { rememberDevice: remember } : {}),
      }),
    onSuccess: (result) => finish(result, returnTo),
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found: Errors = useRecovery
      ? recoveryCode.trim() === ''
        ? { recoveryCode: t('validation.required') }
        : {}
      : code.length !== 6
        ? { code: t('identity.totp.sixDigits') }
        : {};
    setErrors(found);
    if (Object.keys(found).length === 0) mutation.mutate();
  }

  function switchMode(): void {
    setUseRecovery((v) => !v);
    setErrors({});
    mutation.reset();
  }

  if (isExpired(mutation.error)) return <ChallengeExpired returnTo={returnTo} />;

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate>
      <p className="muted">{useRecovery ? t('identity.totp.recoveryIntro') : t('identity.totp.intro')}</p>
      <ErrorAlert message={identityFormError(t, mutation.error, ['code', 'recoveryCode'])} />
      {useRecovery ? (
        <TextField
          label={t('identity.totp.recoveryLabel')}
          value={recoveryCode}
          onChange={(e) => setRecoveryCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          required
          error={errors.recoveryCode}
        />
      ) : (
        <TotpCodeField label={t('identity.totp.codeLabel')} value={code} onChange={setCode} error={errors.code} autoFocus />
      )}
      {info.rememberDeviceDays > 0 ? (
        <label className="choice">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          <span className="choice__label">{t('identity.totp.remember', { count: info.rememberDeviceDays })}</span>
        </label>
      ) : null}
      <Button type="submit" busy={mutation.isPending} className="btn--block">
        {t('identity.totp.submit')}
      </Button>
      <button type="button" className="link-button" onClick={switchMode}>
        {useRecovery ? t('identity.totp.useCode') : t('identity.totp.useRecovery')}
      </button>
    </form>
  );
}
