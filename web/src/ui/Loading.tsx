import { useTranslation } from 'react-i18next';

export function Loading({ label, block = false }: { label?: string; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`loading${block ? ' loading--block' : ''}`} role="status">
      <span className="loading__spinner" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}
