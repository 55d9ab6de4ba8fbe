import * as Dialog from '@radix-ui/react-dialog';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProfileField, type ProfileField } from '../../../api/people';
import { myFieldsKey, profileFieldsKey } from '../../../api/queryKeys';
import { ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField, TextField } from '../../../ui/Field';
import { fieldErrors, formError } from '../../../ui/errors';
import { validateRequired } from '../../../ui/validate';
import { VISIBILITIES } from './CreateFieldForm';

/** Rename a field or change who sees it; its kind stays. */
export function EditFieldDialog({ field }: { field: ProfileField }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <Button variant="secondary" small aria-label={t('profileFields.editLabel', { label: field.label })}>
          {t('common.edit')}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title className="dialog__title">{t('profileFields.editTitle', { label: field.label })}</Dialog.Title>
          <Dialog.Description className="dialog__description">{t('profileFields.kindFixed')}</Dialog.Description>
          {open ? <EditForm field={field} onDone={() => setOpen(false)} /> : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function EditForm({ field, onDone }: { field: ProfileField; onDone(): void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [label, setLabel] = useState(field.label);
  const [visibleTo, setVisibleTo] = useState(field.visibleTo);
  const [missing, setMissing] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: () => updateProfileField(field.id, { label: label.trim(), visibleTo }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: profileFieldsKey });
      void client.invalidateQueries({ queryKey: myFieldsKey });
      onDone();
    },
  });
  const errors = save.isError ? fieldErrors(t, save.error) : {};

  function submit(event: FormEvent): void {
    event.preventDefault();
    const problem = validateRequired(t, label);
    setMissing(problem);
    if (!problem) save.mutate();
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorAlert message={save.isError ? formError(t, save.error, ['label', 'visibleTo']) : null} />
      <TextField
        label={t('profileFields.label')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
        maxLength={60}
        required
        autoComplete="off"
        error={missing ?? errors.label}
      />
      <SelectField
        label={t('profileFields.visibleTo')}
        value={visibleTo}
        onChange={(e) => setVisibleTo(e.target.value as ProfileField['visibleTo'])}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`profileFields.visibility.${v}`) }))}
        error={errors.visibleTo}
      />
      <div className="dialog__actions">
        <Dialog.Close asChild>
          <Button variant="secondary">{t('common.cancel')}</Button>
        </Dialog.Close>
        <Button type="submit" busy={save.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
