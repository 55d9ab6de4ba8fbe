import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './transport';

const LABEL_KEYS = {
  connected: 'connection.connected',
  connecting: 'connection.connecting',
  offline: 'connection.offline',
} as const;

/** A dot plus a short word: colour alone would not tell everyone the state. */
export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const label = t(LABEL_KEYS[state]);
  return (
    <div
      className={`connection connection--${state}`}
      data-testid="connection-status"
      data-state={state}
      role="status"
      aria-label={t('connection.label', { state: label })}
      title={t('connection.label', { state: label })}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__text" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}
