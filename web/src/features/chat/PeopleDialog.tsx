import * as Dialog from '@radix-ui/react-dialog';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  addMembers,
  chatUnreadKey,
  conversationKey,
  conversationsKey,
  fetchMembers,
  membersKey,
  removeMember,
  type Conversation,
} from '../../api/chat';
import type { Person } from '../../api/types';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorMessage } from '../../ui/errors';
import { LoadMore } from '../../ui/LoadMore';
import { Loading } from '../../ui/Loading';
import { PersonPicker } from '../people/PersonPicker';
import { useSession } from '../session/SessionContext';
import { ChosenPeople, togglePerson } from './ChosenPeople';

/** The conversation's people: add (who may), remove (who may), leave. A group's chat follows the group instead. */
export function PeopleDialog({ conversation: c, onClose }: { conversation: Conversation; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { person: me } = useSession();
  const [adding, setAdding] = useState(false);
  const [chosen, setChosen] = useState<Person[]>([]);
  const [leaving, setLeaving] = useState(false);
  const members = useInfiniteQuery({
    queryKey: [...membersKey(c.id), 'pages'],
    queryFn: ({ pageParam }) => fetchMembers(c.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: membersKey(c.id) });
    void client.invalidateQueries({ queryKey: conversationKey(c.id) });
    void client.invalidateQueries({ queryKey: conversationsKey });
  };
  const add = useMutation({
    mutationFn: () =>
      addMembers(
        c.id,
        chosen.map((p) => p.id),
      ),
    onSuccess: () => (setChosen([]), setAdding(false), refresh()),
  });
  const remove = useMutation({ mutationFn: (personId: string) => removeMember(c.id, personId), onSuccess: refresh });
  const leave = useMutation({
    mutationFn: () => removeMember(c.id, me.id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conversationsKey });
      void client.invalidateQueries({ queryKey: chatUnreadKey });
      void navigate('/chat');
    },
  });
  const items = members.data?.pages.flatMap((p) => p.items) ?? [];
  const linked = c.kind === 'linked';
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('chat.peopleTitle', { count: c.memberCount })}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            {linked && c.group ? t('chat.linkedLead', { group: c.group.name }) : t('chat.peopleLead')}
          </Dialog.Description>
          {members.isPending ? <Loading block /> : null}
          <ErrorAlert message={members.isError ? errorMessage(t, members.error) : null} />
          <ul className="chat-people">
            {items.map((m) => (
              <li key={m.person.id} className="chat-people__row">
                <Avatar name={m.person.displayName} photoUrl={m.person.photoUrl} size="sm" />
                <span className="chat-people__name">
                  {m.person.id === me.id ? t('chat.youName', { name: m.person.displayName }) : m.person.displayName}
                  {m.role === 'admin' ? <span className="identity__meta"> · {t('chat.admin')}</span> : null}
                </span>
                {c.can.removePeople && !linked && m.person.id !== me.id ? (
                  <Button
                    variant="ghost"
                    small
                    busy={remove.isPending && remove.variables === m.person.id}
                    aria-label={t('common.removeName', { name: m.person.displayName })}
                    onClick={() => remove.mutate(m.person.id)}
                  >
                    {t('chat.remove')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
          <LoadMore query={members} />
          <ErrorAlert message={remove.isError ? errorMessage(t, remove.error) : null} />
          {c.can.addPeople && !linked ? (
            adding ? (
              <div className="chat-people__add">
                <PersonPicker
                  label={t('chat.addSearch')}
                  selected={chosen}
                  exclude={items.map((m) => m.person.id)}
                  onToggle={(p) => setChosen((l) => togglePerson(l, p))}
                />
                <ChosenPeople people={chosen} onRemove={(p) => setChosen((l) => togglePerson(l, p))} />
                <ErrorAlert message={add.isError ? errorMessage(t, add.error) : null} />
                <Button busy={add.isPending} disabled={chosen.length === 0} onClick={() => add.mutate()}>
                  {t('chat.addChosen', { count: chosen.length })}
                </Button>
              </div>
            ) : (
              <Button variant="secondary" onClick={() => setAdding(true)}>
                {t('chat.addPeople')}
              </Button>
            )
          ) : null}
          <div className="dialog__actions">
            {c.can.leave ? (
              <Button variant="danger-outline" onClick={() => (leave.reset(), setLeaving(true))}>
                {t('chat.leave')}
              </Button>
            ) : null}
            <Dialog.Close asChild>
              <Button variant="secondary">{t('common.close')}</Button>
            </Dialog.Close>
          </div>
          <ConfirmDialog
            open={leaving}
            onOpenChange={setLeaving}
            title={t('chat.leaveTitle')}
            description={t('chat.leaveLead')}
            confirmLabel={t('chat.leave')}
            danger
            busy={leave.isPending}
            error={leave.isError ? errorMessage(t, leave.error) : null}
            onConfirm={() => leave.mutate()}
          />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
