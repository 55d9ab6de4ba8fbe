import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { PublicFrame } from '../../routes/PublicFrame';
import { Button } from '../../ui/Button';
import { usePageTitle } from '../../ui/usePageTitle';
import { identityErrorMessage } from '../auth/identityErrors';
import { retryAfterHours } from './outsideHours';
import { useSession } from './SessionContext';
import { useSignOut } from './useSignOut';

/** Shown instead of the app to a frontline person outside the company's working hours. */
export function OutsideHoursScreen({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  const { org, person } = useSession();
  const client = useQueryClient();
  const signOut = useSignOut();
  usePageTitle(t('identity.outsideHours.title'), org.name);
  return (
    <PublicFrame title={t('identity.outsideHours.title')} orgName={org.name}>
      <p data-testid="outside-hours-message">{identityErrorMessage(t, error)}</p>
      <p className="muted">{t('identity.outsideHours.signedInAs', { name: person.displayName })}</p>
      <div className="actions">
        <Button onClick={() => retryAfterHours(client)}>{t('common.retry')}</Button>
        <Button variant="secondary" busy={signOut.isPending} onClick={() => signOut.mutate()}>
          {t('identity.outsideHours.signOut')}
        </Button>
      </div>
    </PublicFrame>
  );
}
