import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { isApiError } from '../../api/client';
import { fetchChallenge, type SignInStepName } from '../../api/identity';
import { useOrg } from '../../app/appContext';
import { PublicFrame } from '../../routes/PublicFrame';
import { safeNext } from '../../routes/guards';
import { ErrorAlert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { ChallengeExpired, type StepProps } from './ChallengeExpired';
import { identityErrorMessage } from './identityErrors';
import { TermsStep } from './TermsStep';
import { TotpSetupStep } from './TotpSetupStep';
import { TotpStep } from './TotpStep';

const TITLES = {
  totp: 'identity.totp.title',
  totp_setup: 'identity.setup.title',
  terms: 'identity.terms.title',
} as const;

const isStep = (s: string | null): s is SignInStepName => s === 'totp' || s === 'totp_setup' || s === 'terms';

/**
 * The steps between proving who one is and the session: a code from an authenticator app, setting
 * one up where the company requires it, the company's usage terms. Each answer is either the
 * session or the next step, which comes back here with a new challenge.
 */
export function ContinueSignInPage() {
  const { t } = useTranslation();
  const org = useOrg();
  const [params] = useSearchParams();
  const challenge = params.get('challenge') ?? '';
  const returnTo = safeNext(params.get('returnTo'));
  const hinted = params.get('step');
  const wellFormed = challenge.length >= 10 && challenge.length <= 200;
  const info = useQuery({
    queryKey: ['sign-in-challenge', challenge],
    queryFn: () => fetchChallenge(challenge),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const step = info.data?.step ?? (isStep(hinted) ? hinted : 'totp');
  const expired = !wellFormed || (isApiError(info.error) && info.error.code === 'challenge_invalid');
  const title = expired ? t('signIn.title') : t(TITLES[step]);
  usePageTitle(title, org.name);
  return (
    <PublicFrame
      title={title}
      orgName={org.name}
      intro={info.data ? <p>{t('identity.continue.hello', { name: info.data.displayName })}</p> : null}
    >
      {expired ? <ChallengeExpired returnTo={returnTo} /> : null}
      {!expired && info.isPending ? <Loading /> : null}
      {!expired && info.isError ? <ErrorAlert message={identityErrorMessage(t, info.error)} /> : null}
      {info.data ? <StepScreen key={challenge} challenge={challenge} info={info.data} returnTo={returnTo} /> : null}
    </PublicFrame>
  );
}

function StepScreen(props: StepProps) {
  switch (props.info.step) {
    case 'totp':
      return <TotpStep {...props} />;
    case 'totp_setup':
      return <TotpSetupStep {...props} />;
    case 'terms':
      return <TermsStep {...props} />;
  }
}
