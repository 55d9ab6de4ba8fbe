import { useTranslation } from 'react-i18next';
import type { GroupVisibility } from '../../api/groups';

const LABELS = { open: 'groups.visibility.open', closed: 'groups.visibility.closed', secret: 'groups.visibility.secret' } as const;
export const visibilityLabelKey = (v: GroupVisibility) => LABELS[v];

/** The visibility as a badge; the colour is a hint only, the words say it (and a screen reader hears "Visibility: …"). */
export function VisibilityBadge({ visibility }: { visibility: GroupVisibility }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--vis badge--${visibility}`}>
      <span className="sr-only">{t('groups.visibility.label')} </span>
      {t(LABELS[visibility])}
    </span>
  );
}
