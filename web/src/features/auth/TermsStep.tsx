import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { acceptTermsStep } from '../../api/identity';
import { useOrg } from '../../app/appContext';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { ChallengeExpired, isExpired, type StepProps } from './ChallengeExpired';
import { identityErrorMessage } from './identityErrors';
import { useFinishSignIn } from './useFinishSignIn';

/** The company's usage terms, as the plain text it wrote (line breaks kept, never read as HTML). */
export function TermsStep({ challenge, info, returnTo }: StepProps) {
  const { t } = useTranslation();
  const org = useOrg();
  const finish = useFinishSignIn();
  const mutation = useMutation({
    mutationFn: () => acceptTermsStep(challenge),
    onSuccess: (result) => finish(result, returnTo),
  });
  if (isExpired(mutation.error)) return <ChallengeExpired returnTo={returnTo} />;
  return (
    <div className="form">
      <p className="muted">{t('identity.terms.intro', { company: org.name })}</p>
      {/* Focusable so that keyboard users can scroll a long text. */}
      <div className="terms-text" tabIndex={0} role="region" aria-label={t('identity.terms.textLabel')}>
        {info.terms ?? ''}
      </div>
      <ErrorAlert message={mutation.isError ? identityErrorMessage(t, mutation.error) : null} />
      <Button busy={mutation.isPending} className="btn--block" onClick={() => mutation.mutate()}>
        {t('identity.terms.accept')}
      </Button>
    </div>
  );
}
