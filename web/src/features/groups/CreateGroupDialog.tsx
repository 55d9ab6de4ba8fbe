import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { createGroup } from '../../api/groups';
import { groupsKey } from '../../api/queryKeys';
import { ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { fieldErrors, formError } from '../../ui/errors';
import { validateRequired } from '../../ui/validate';
import { emptyDraft, GroupFields, type GroupDraft } from './GroupFields';

const FIELDS = ['name', 'description', 'visibility', 'postPermission', 'postApproval'];

export function CreateGroupDialog() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<GroupDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: () => createGroup({ ...draft, name: draft.name.trim(), description: draft.description.trim() }),
    onSuccess: (group) => {
      void client.invalidateQueries({ queryKey: groupsKey });
      setOpen(false);
      void navigate(`/groups/${group.id}`);
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function onOpenChange(next: boolean): void {
    if (next) {
      setDraft(emptyDraft);
      setErrors({});
      mutation.reset();
    }
    setOpen(next);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    const required = validateRequired(t, draft.name);
    setErrors(required ? { name: required } : {});
    if (!required) mutation.mutate();
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger asChild>
        <Button>{t('groups.create')}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog--form">
          <Dialog.Title className="dialog__title">{t('groups.createTitle')}</Dialog.Title>
          <Dialog.Description className="dialog__description">{t('groups.createLead')}</Dialog.Description>
          <form className="form" onSubmit={submit} noValidate>
            <ErrorAlert message={mutation.isError ? formError(t, mutation.error, FIELDS) : null} />
            <GroupFields draft={draft} onChange={setDraft} errors={errors} />
            <div className="dialog__actions">
              <Dialog.Close asChild>
                <Button variant="secondary">{t('common.cancel')}</Button>
              </Dialog.Close>
              <Button type="submit" busy={mutation.isPending}>
                {t('groups.createSubmit')}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
