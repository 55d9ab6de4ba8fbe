import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteProfileField, type ProfileField } from '../../../api/people';
import { myFieldsKey, profileFieldsKey } from '../../../api/queryKeys';
import { Button } from '../../../ui/Button';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { errorMessage } from '../../../ui/errors';
import { EditFieldDialog } from './EditFieldDialog';

interface Props {
  field: ProfileField;
  position: number;
  total: number;
  busy: boolean;
  onMove(by: -1 | 1): void;
}

export function FieldRow({ field, position, total, busy, onMove }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteProfileField(field.id),
    onSuccess: () => {
      setConfirming(false);
      void client.invalidateQueries({ queryKey: profileFieldsKey });
      void client.invalidateQueries({ queryKey: myFieldsKey });
    },
  });
  const label = field.label;
  return (
    <li className="field-row" data-testid="field-row">
      <div className="field-row__text">
        <span className="field-row__label">{label}</span>
        <span className="identity__meta">
          {t(`profileFields.kinds.${field.kind}`)} · {t(`profileFields.visibility.${field.visibleTo}`)}
        </span>
      </div>
      <div className="field-row__actions">
        <Button
          variant="ghost"
          small
          disabled={busy || position === 0}
          onClick={() => onMove(-1)}
          aria-label={t('profileFields.moveUp', { label })}
        >
          <span aria-hidden="true">↑</span>
        </Button>
        <Button
          variant="secondary"
          small
          disabled={busy || position === total - 1}
          onClick={() => onMove(1)}
          aria-label={t('profileFields.moveDown', { label })}
        >
          <span aria-hidden="true">↓</span>
        </Button>
        <EditFieldDialog field={field} />
        <Button variant="danger-outline" small onClick={() => setConfirming(true)} aria-label={t('profileFields.deleteLabel', { label })}>
          {t('common.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          if (open) remove.reset();
          setConfirming(open);
        }}
        title={t('profileFields.deleteTitle', { label })}
        description={t('profileFields.deleteBody')}
        confirmLabel={t('common.delete')}
        danger
        busy={remove.isPending}
        error={remove.isError ? errorMessage(t, remove.error) : null}
        onConfirm={() => remove.mutate()}
      />
    </li>
  );
}
