import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { conversationKey, conversationsKey, createConversation, CONVERSATION_NAME_MAX, type CreateConversation } from '../../api/chat';
import type { Person } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { TextField } from '../../ui/Field';
import { PersonPicker } from '../people/PersonPicker';
import { useSession } from '../session/SessionContext';
import { ChosenPeople, togglePerson } from './ChosenPeople';

/** Starts (or reopens) a conversation and goes to it. */
export function useStartConversation() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (input: CreateConversation) => createConversation(input),
    onSuccess: (c) => {
      client.setQueryData(conversationKey(c.id), c);
      void client.invalidateQueries({ queryKey: conversationsKey });
      void navigate(`/chat/${c.id}`);
    },
  });
}

/** "New message": one person picked opens our direct conversation; several (and a name, if wanted) make a group. */
export function NewConversationDialog() {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Person[]>([]);
  const [name, setName] = useState('');
  const start = useStartConversation();

  function onOpenChange(next: boolean): void {
    if (next) {
      setChosen([]);
      setName('');
      start.reset();
    }
    setOpen(next);
  }

  function submit(): void {
    const [only] = chosen;
    if (!only) return;
    const input: CreateConversation =
      chosen.length === 1
        ? { kind: 'direct', personId: only.id }
        : { kind: 'group', personIds: chosen.map((p) => p.id), ...(name.trim() ? { name: name.trim() } : {}) };
    start.mutate(input, { onSuccess: () => setOpen(false) });
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button small>{t('chat.newMessage')}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('chat.newMessage')}</Dialog.Title>
          <Dialog.Description className="dialog__description">{t('chat.newLead')}</Dialog.Description>
          <PersonPicker label={t('chat.to')} selected={chosen} exclude={[me.id]} onToggle={(p) => setChosen((l) => togglePerson(l, p))} />
          <ChosenPeople people={chosen} onRemove={(p) => setChosen((l) => togglePerson(l, p))} />
          {chosen.length > 1 ? (
            <TextField
              label={t('chat.groupName')}
              hint={t('chat.groupNameHint')}
              value={name}
              maxLength={CONVERSATION_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
            />
          ) : null}
          <ErrorAlert message={start.isError ? errorMessage(t, start.error) : null} />
          <div className="dialog__actions">
            <Dialog.Close asChild>
              <Button variant="secondary">{t('common.cancel')}</Button>
            </Dialog.Close>
            <Button busy={start.isPending} disabled={chosen.length === 0} onClick={submit}>
              {t('chat.start')}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
