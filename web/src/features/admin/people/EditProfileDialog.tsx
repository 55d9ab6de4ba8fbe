import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminUpdateProfile, fetchProfile } from '../../../api/people';
import { orgChartKey, profileKey } from '../../../api/queryKeys';
import type { Person } from '../../../api/types';
import { adminPeopleKey, replacePerson } from '../../../realtime/applyEvent';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { TextField } from '../../../ui/Field';
import { errorMessage, fieldErrors, formError } from '../../../ui/errors';
import { Loading } from '../../../ui/Loading';
import { PersonPicker } from '../../people/PersonPicker';

type Manager = { id: string; displayName: string } | null;

/** An admin sets whom someone reports to and their employee ID. */
export function EditProfileDialog({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" small aria-label={t('people.editProfileLabel', { name: person.displayName })}>
          {t('people.editProfile')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('people.editProfileTitle', { name: person.displayName })}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            {t('people.editProfileLead', { name: person.displayName })}
          </Dialog.Description>
          {open ? <EditForm person={person} onDone={() => setOpen(false)} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function EditForm({ person, onDone }: { person: Person; onDone(): void }) {
  const { t } = useTranslation();
  const profile = useQuery({ queryKey: profileKey(person.id), queryFn: () => fetchProfile(person.id) });
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <ErrorAlert message={errorMessage(t, profile.error)} />;
  return <Form person={person} initialManager={profile.data.manager} onDone={onDone} />;
}

function Form({ person, initialManager, onDone }: { person: Person; initialManager: Manager; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [manager, setManager] = useState<Manager>(initialManager);
  const [employeeId, setEmployeeId] = useState(person.employeeId ?? '');
  const save = useMutation({
    mutationFn: () => adminUpdateProfile(person.id, { managerId: manager?.id ?? null, employeeId: employeeId.trim() || null }),
    onSuccess: (updated) => {
      replacePerson(client, updated);
      void client.invalidateQueries({ queryKey: adminPeopleKey });
      void client.invalidateQueries({ queryKey: ['profile'] });
      void client.invalidateQueries({ queryKey: orgChartKey(person.id) });
    },
  });
  const errors = save.isError ? fieldErrors(t, save.error) : {};

  function submit(event: FormEvent): void {
    event.preventDefault();
    save.mutate();
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={save.isError ? formError(t, save.error, ['managerId', 'employeeId']) : null} />
      <div className="field">
        <p className="field__label">{t('fields.manager')}</p>
        <div className="manager-choice" data-testid="chosen-manager">
          <span>{manager ? manager.displayName : t('people.noManager')}</span>
          {manager ? (
            <Button variant="ghost" small onClick={() => setManager(null)}>
              {t('people.clearManager')}
            </Button>
          ) : null}
        </div>
      </div>
      <PersonPicker
        label={t('people.changeManager')}
        selected={manager ? [manager] : []}
        onToggle={(p) => setManager(manager?.id === p.id ? null : { id: p.id, displayName: p.displayName })}
        exclude={[person.id]}
        error={errors.managerId}
      />
      <TextField
        label={t('fields.employeeId')}
        value={employeeId}
        onChange={(e) => setEmployeeId(e.target.value)}
        maxLength={64}
        autoComplete="off"
        error={errors.employeeId}
      />
      {save.isSuccess ? <Alert tone="success">{t('people.profileSaved')}</Alert> : null}
      <div className="dialog__actions">
        <Button variant="secondary" onClick={onDone}>
          {save.isSuccess ? t('common.close') : t('common.cancel')}
        </Button>
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
