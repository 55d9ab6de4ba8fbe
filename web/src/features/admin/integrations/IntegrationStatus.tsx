import { useTranslation } from 'react-i18next';
import type { Integration } from '../../../api/integrations';

/** On, off (by an admin) or removed (off for good), as a badge beside the name. */
export function IntegrationStatus({ integration }: { integration: Pick<Integration, 'disabled' | 'removed'> }) {
  const { t } = useTranslation();
  if (integration.removed) return <span className="badge badge--off">{t('integrations.status.removed')}</span>;
  if (integration.disabled) return <span className="badge badge--off">{t('integrations.status.off')}</span>;
  return <span className="badge badge--ok">{t('integrations.status.on')}</span>;
}
