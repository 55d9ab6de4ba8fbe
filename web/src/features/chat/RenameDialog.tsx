import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { conversationKey, conversationsKey, renameConversation, CONVERSATION_NAME_MAX, type Conversation } from '../../api/chat';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { errorMessage } from '../../ui/errors';
import { TextField } from '../../ui/Field';

/** Gives a group conversation a name (empty: named after its people again). */
export function RenameDialog({ conversation: c, onClose }: { conversation: Conversation; onClose(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(c.name ?? '');
  const rename = useMutation({
    mutationFn: () => renameConversation(c.id, name.trim()),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: conversationKey(c.id) });
      void client.invalidateQueries({ queryKey: conversationsKey });
      onClose();
    },
  });
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? null : onClose())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              rename.mutate();
            }}
          >
            <Dialog.Title className="dialog__title">{t('chat.renameTitle')}</Dialog.Title>
            <Dialog.Description className="dialog__description">{t('chat.groupNameHint')}</Dialog.Description>
            <TextField
              label={t('chat.nameLabel')}
              value={name}
              maxLength={CONVERSATION_NAME_MAX}
              onChange={(e) => setName(e.target.value)}
            />
            <ErrorAlert message={rename.isError ? errorMessage(t, rename.error) : null} />
            <div className="dialog__actions">
              <Dialog.Close asChild>
                <Button variant="secondary">{t('common.cancel')}</Button>
              </Dialog.Close>
              <Button type="submit" busy={rename.isPending}>
                {t('common.save')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
