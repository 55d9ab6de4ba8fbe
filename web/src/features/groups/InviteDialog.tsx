import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitePeople, type GroupView } from '../../api/groups';
import type { Person } from '../../api/types';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { PersonPicker } from '../people/PersonPicker';
import { useGroupMutation } from './useGroupMutation';

/** Group admins and moderators invite colleagues found in the directory. */
export function InviteDialog({ group }: { group: GroupView }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Person[]>([]);
  const invite = useGroupMutation(group.id, (ids: string[]) => invitePeople(group.id, ids));
  const toggle = (p: Person) => setChosen((list) => (list.some((x) => x.id === p.id) ? list.filter((x) => x.id !== p.id) : [...list, p]));

  function onOpenChange(next: boolean): void {
    if (next) {
      setChosen([]);
      invite.reset();
    }
    setOpen(next);
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button variant="secondary">{t('groups.invite')}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('groups.inviteTitle', { name: group.name })}</Dialog.Title>
          <Dialog.Description className="dialog__description">{t('groups.inviteLead')}</Dialog.Description>
          <PersonPicker label={t('groups.inviteSearch')} selected={chosen} onToggle={toggle} />
          {chosen.length > 0 ? (
            <div className="chosen">
              <p className="field__label">{t('groups.inviteChosen', { count: chosen.length })}</p>
              <ul className="chips">
                {chosen.map((p) => (
                  <li key={p.id} className="chip">
                    <span>{p.displayName}</span>
                    <button
                      type="button"
                      className="chip__remove"
                      aria-label={t('common.removeName', { name: p.displayName })}
                      onClick={() => toggle(p)}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <ErrorAlert message={invite.isError ? errorMessage(t, invite.error) : null} />
          {invite.isSuccess ? <Alert tone="success">{t('groups.invitesSent', { count: chosen.length })}</Alert> : null}
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="secondary">{invite.isSuccess ? t('common.close') : t('common.cancel')}</Button>
            </Dialog.Close>
            {invite.isSuccess ? null : (
              <Button busy={invite.isPending} disabled={chosen.length === 0} onClick={() => invite.mutate(chosen.map((p) => p.id))}>
                {t('groups.sendInvites')}
              </Button>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
