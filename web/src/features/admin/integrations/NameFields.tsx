import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../../ui/Field';

/** An integration's name (shown beside everything its bot writes) and what it is for. */
export function NameFields({
  name,
  description,
  onName,
  onDescription,
  errors,
}: {
  name: string;
  description: string;
  onName(value: string): void;
  onDescription(value: string): void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('integrations.form.name')}
        hint={t('integrations.form.nameHint')}
        value={name}
        maxLength={80}
        onChange={(e) => onName(e.target.value)}
        error={errors.name}
      />
      <TextAreaField
        label={t('integrations.form.description')}
        hint={t('integrations.form.descriptionHint')}
        value={description}
        maxLength={500}
        rows={2}
        onChange={(e) => onDescription(e.target.value)}
        error={errors.description}
      />
    </>
  );
}
