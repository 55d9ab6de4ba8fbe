import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../ui/Alert';
import { Button } from '../../../ui/Button';
import { CopyField } from '../../../ui/CopyField';

/**
 * A secret shown this once (a token, a signing secret): read-only, a copy button, the warning that
 * it cannot be shown again, and "I have copied it" to put it away (CopyField selects the text
 * for copying by hand where the clipboard is not available).
 */
export function SecretField({
  title,
  label,
  value,
  testId,
  onDone,
}: {
  title: string;
  label: string;
  value: string;
  testId: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="created-link integ-secret">
      <Alert tone="success">{title}</Alert>
      <CopyField
        label={label}
        value={value}
        testId={testId}
        copyLabel={t('integrations.secret.copy')}
        copiedText={t('integrations.secret.copied')}
        manualText={t('integrations.secret.copyManually')}
        describedBy={`${id}-once`}
      />
      <p className="integ-warning" id={`${id}-once`}>
        {t('integrations.secret.once')}
      </p>
      <div className="actions">
        <Button variant="secondary" onClick={onDone}>
          {t('integrations.secret.done')}
        </Button>
      </div>
    </div>
  );
}
