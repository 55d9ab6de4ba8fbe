import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resetTwoFactor } from '../../../api/identity';
import type { Person } from '../../../api/types';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { identityErrorMessage } from '../../auth/identityErrors';

/** For someone who lost their phone: removes their authenticator; they set one up again at the next sign-in. */
export function ResetTwoFactorButton({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const reset = useMutation({ mutationFn: () => resetTwoFactor(person.id), onSuccess: () => setOpen(false) });

  function onOpenChange(next: boolean): void {
    if (next) reset.reset();
    setOpen(next);
  }

  return (
    <>
      <Button
        variant="secondary"
        small
        onClick={() => onOpenChange(true)}
        aria-label={t('identity.people.resetLabel', { name: person.displayName })}
      >
        {t('identity.people.reset')}
      </Button>
      <span role="status" className="reset-status">
        {reset.isSuccess && !open ? (
          <span className="badge badge--ok" title={t('identity.people.resetDone', { name: person.displayName })}>
            {t('identity.people.resetDoneShort')}
          </span>
        ) : null}
      </span>
      <ConfirmDialog
        open={open}
        onOpenChange={onOpenChange}
        title={t('identity.people.resetTitle', { name: person.displayName })}
        description={t('identity.people.resetBody', { name: person.displayName })}
        confirmLabel={t('identity.people.resetConfirm')}
        danger
        busy={reset.isPending}
        error={reset.isError ? identityErrorMessage(t, reset.error) : null}
        onConfirm={() => reset.mutate()}
      />
    </>
  );
}
