import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../api/chat';
import { useConnectionState } from '../../realtime/useRealtime';
import { useSession } from '../session/SessionContext';
import { CallIcon } from './CallIcon';
import { currentView, placeCall, subscribeCall } from './engine/session';
import { mediaSupported } from './engine/media';

/** Audio and video call buttons of a conversation's header; off while offline or already in a call here. */
export function CallButtons({ conversation: c }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const online = useConnectionState() === 'connected';
  const view = useSyncExternalStore(subscribeCall, currentView);
  // A bot answers no calls.
  if (!mediaSupported() || (c.kind === 'direct' && (c.people[0]?.isBot ?? true))) return null;
  const busy = view !== null && view.phase !== 'ended';
  const disabled = !online || busy;
  return (
    <div className="call-buttons">
      <button
        type="button"
        className="icon-button"
        aria-label={t('calls.startAudio')}
        title={t('calls.startAudio')}
        disabled={disabled}
        onClick={() => placeCall(me.id, c.id, 'audio')}
      >
        <CallIcon name="phone" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('calls.startVideo')}
        title={t('calls.startVideo')}
        disabled={disabled}
        onClick={() => placeCall(me.id, c.id, 'video')}
      >
        <CallIcon name="video" />
      </button>
    </div>
  );
}
