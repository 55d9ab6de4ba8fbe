import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { createProfileField, type ProfileField } from '../../../api/people';
import { myFieldsKey, profileFieldsKey } from '../../../api/queryKeys';
import { Alert, ErrorAlert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { SelectField, TextField } from '../../../ui/Field';
import { fieldErrors, formError } from '../../../ui/errors';
import { useFocusFirstError } from '../../../ui/useFocusFirstError';
import { validateRequired } from '../../../ui/validate';

export const KINDS: readonly ProfileField['kind'][] = ['text', 'url', 'date'];
export const VISIBILITIES: readonly ProfileField['visibleTo'][] = ['everyone', 'admins'];

/** Define a new company field: its label, its kind (fixed once made) and who sees it. */
export function CreateFieldForm({ nextOrder }: { nextOrder: number }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<ProfileField['kind']>('text');
  const [visibleTo, setVisibleTo] = useState<ProfileField['visibleTo']>('everyone');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const create = useMutation({
    mutationFn: () => createProfileField({ label: label.trim(), kind, visibleTo, order: nextOrder }),
    onSuccess: () => {
      setLabel('');
      void client.invalidateQueries({ queryKey: profileFieldsKey });
      void client.invalidateQueries({ queryKey: myFieldsKey });
    },
    onError: (error) => setErrors(fieldErrors(t, error)),
  });

  function submit(event: FormEvent): void {
    event.preventDefault();
    const missing = validateRequired(t, label);
    setErrors(missing ? { label: missing } : {});
    if (!missing) create.mutate();
  }

  return (
    <section className="card section" aria-labelledby="fields-create">
      <h2 id="fields-create" className="section__title">
        {t('profileFields.createTitle')}
      </h2>
      <form ref={formRef} className="form" onSubmit={submit} noValidate>
        <ErrorAlert message={create.isError ? formError(t, create.error, ['label', 'kind', 'visibleTo']) : null} />
        <TextField
          label={t('profileFields.label')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          maxLength={60}
          required
          autoComplete="off"
          error={errors.label}
        />
        <SelectField
          label={t('profileFields.kind')}
          hint={t('profileFields.kindFixed')}
          value={kind}
          onChange={(e) => setKind(e.target.value as ProfileField['kind'])}
          options={KINDS.map((k) => ({ value: k, label: t(`profileFields.kinds.${k}`) }))}
          error={errors.kind}
        />
        <SelectField
          label={t('profileFields.visibleTo')}
          value={visibleTo}
          onChange={(e) => setVisibleTo(e.target.value as ProfileField['visibleTo'])}
          options={VISIBILITIES.map((v) => ({ value: v, label: t(`profileFields.visibility.${v}`) }))}
          error={errors.visibleTo}
        />
        <div className="actions">
          <Button type="submit" busy={create.isPending}>
            {t('profileFields.add')}
          </Button>
        </div>
        {create.isSuccess ? <Alert tone="success">{t('profileFields.created')}</Alert> : null}
      </form>
    </section>
  );
}
