import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerTotpStep, startSignInTotpSetup, type SignInResult } from '../../api/identity';
import { useOrg } from '../../app/appContext';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { Loading } from '../../ui/Loading';
import { useFocusFirstError } from '../../ui/useFocusFirstError';
import { AuthenticatorSetup, TotpCodeField } from '../security/AuthenticatorSetup';
import { RecoveryCodesPanel } from '../security/RecoveryCodesPanel';
import { ChallengeExpired, isExpired, type StepProps } from './ChallengeExpired';
import { identityErrorMessage, identityFieldErrors, identityFormError } from './identityErrors';
import { useFinishSignIn } from './useFinishSignIn';

/**
 * The company requires a second factor and the person has none yet: add the account to an
 * authenticator app, prove it with a first code, and keep the recovery codes shown once.
 */
export function TotpSetupStep({ challenge, returnTo }: StepProps) {
  const { t } = useTranslation();
  const org = useOrg();
  const finish = useFinishSignIn();
  // A query rather than a click: one secret per challenge, asked once even if the screen renders twice.
  const enrollment = useQuery({
    queryKey: ['sign-in-totp-setup', challenge],
    queryFn: () => startSignInTotpSetup(challenge),
    retry: false,
    staleTime: Infinity,
    // The secret leaves memory with the screen.
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<{ code?: string }>({});
  const formRef = useFocusFirstError(errors);
  // The answer waits here while the recovery codes are on screen.
  const [done, setDone] = useState<SignInResult | null>(null);

  const mutation = useMutation({
    mutationFn: () => answerTotpStep(challenge, { code }),
    gcTime: 0,
    onSuccess: (result) => (result.recoveryCodes?.length ? setDone(result) : finish(result, returnTo)),
    onError: (error) => setErrors(identityFieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const found = code.length !== 6 ? { code: t('identity.totp.sixDigits') } : {};
    setErrors(found);
    if (!found.code) mutation.mutate();
  }

  if (isExpired(enrollment.error) || isExpired(mutation.error)) return <ChallengeExpired returnTo={returnTo} />;
  if (done?.recoveryCodes) {
    return (
      <RecoveryCodesPanel
        codes={done.recoveryCodes}
        orgName={org.name}
        orgSlug={org.slug}
        doneLabel={t('identity.recovery.savedContinue')}
        onDone={() => finish(done, returnTo)}
      />
    );
  }
  return (
    <div className="form">
      <p className="muted">{t('identity.setup.requiredIntro', { company: org.name })}</p>
      {enrollment.isPending ? <Loading /> : null}
      {enrollment.isError ? <ErrorAlert message={identityErrorMessage(t, enrollment.error)} /> : null}
      {enrollment.data ? (
        <>
          <AuthenticatorSetup enrollment={enrollment.data} />
          <form ref={formRef} className="form" onSubmit={submit} noValidate>
            <ErrorAlert message={identityFormError(t, mutation.error, ['code'])} />
            <TotpCodeField
              label={t('identity.setup.codeLabel')}
              hint={t('identity.setup.codeHint')}
              value={code}
              onChange={setCode}
              error={errors.code}
            />
            <Button type="submit" busy={mutation.isPending} className="btn--block">
              {t('identity.setup.submit')}
            </Button>
          </form>
        </>
      ) : null}
    </div>
  );
}
