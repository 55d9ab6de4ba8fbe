import { useTranslation } from 'react-i18next';

/** Beside the name of an integration's bot, wherever it speaks (posts, comments, chat, profile). */
export function BotBadge({ show }: { show: boolean | undefined }) {
  const { t } = useTranslation();
  return show ? <span className="badge badge--bot">{t('people.bot')}</span> : null;
}
