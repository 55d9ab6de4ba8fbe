import type { UseMutationResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../api/types';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorMessage } from '../../../ui/errors';

type StatusMutation = UseMutationResult<Person, Error, { person: Person }>;

/** Deactivate or reactivate, after a confirmation that says what will happen. */
export function StatusButton({ person, mutation }: { person: Person; mutation: StatusMutation }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const deactivating = person.status === 'active';
  const mine = mutation.variables?.person.id === person.id;

  function onOpenChange(next: boolean): void {
    if (next) mutation.reset();
    setOpen(next);
  }

  return (
    <>
      <Button
        variant={deactivating ? 'danger-outline' : 'secondary'}
        small
        onClick={() => onOpenChange(true)}
        aria-label={t(deactivating ? 'people.deactivateLabel' : 'people.reactivateLabel', { name: person.displayName })}
      >
        {t(deactivating ? 'people.deactivate' : 'people.reactivate')}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={onOpenChange}
        title={t(deactivating ? 'people.deactivateTitle' : 'people.reactivateTitle', { name: person.displayName })}
        description={t(deactivating ? 'people.deactivateBody' : 'people.reactivateBody', { name: person.displayName })}
        confirmLabel={t(deactivating ? 'people.deactivate' : 'people.reactivate')}
        danger={deactivating}
        busy={mutation.isPending && mine}
        error={mutation.isError && mine ? errorMessage(t, mutation.error) : null}
        onConfirm={() => mutation.mutate({ person }, { onSuccess: () => setOpen(false) })}
      />
    </>
  );
}
