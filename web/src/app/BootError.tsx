import { useTranslation } from 'react-i18next';
import { errorMessage } from '../ui/errors';
import { Button } from '../ui/Button';
import { PublicFrame } from '../routes/PublicFrame';

/** Shown when the app cannot even learn which company it is on (server down, no network). */
export function BootError({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  return (
    <PublicFrame title={t('boot.errorTitle')}>
      <p role="alert">{errorMessage(t, error)}</p>
      <Button onClick={onRetry}>{t('common.retry')}</Button>
    </PublicFrame>
  );
}
