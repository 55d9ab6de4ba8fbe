import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isApiError, withQuery } from '../../api/client';
import type { ChallengeInfo } from '../../api/identity';
import { Alert } from '../../ui/Alert';

/** What a step needs to post its answer and finish the sign-in. */
export interface StepProps {
  challenge: string;
  info: ChallengeInfo;
  returnTo: string;
}

/** Ten minutes have passed, or the step was already answered: the only way on is to start again. */
export function ChallengeExpired({ returnTo }: { returnTo: string }) {
  const { t } = useTranslation();
  return (
    <div className="form">
      <Alert tone="error">{t('identity.errors.challengeInvalid')}</Alert>
      <p>
        <Link to={withQuery('/sign-in', { next: returnTo === '/' ? undefined : returnTo })}>{t('identity.continue.startAgain')}</Link>
      </p>
    </div>
  );
}

export const isExpired = (error: unknown): boolean => isApiError(error) && error.code === 'challenge_invalid';
