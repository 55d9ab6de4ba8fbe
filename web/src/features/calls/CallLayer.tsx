import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext';
import { useCall, useRinging } from './callStore';
import { CallIcon } from './CallIcon';
import { CallScreen, useNow } from './CallScreen';
import { formatClock, statusText } from './callText';
import { currentCall, currentView, subscribeCall, type CallSession } from './engine/session';
import { installCallTestHook } from './engine/testHook';
import { IncomingCall } from './IncomingCall';
import { useCallPeople } from './useCallPeople';
import { RemoteAudio } from './VideoTile';

/** Calls over every page of the app: the incoming call, the call screen, or its minimised bar. */
export function CallLayer() {
  const { person: me } = useSession();
  const view = useSyncExternalStore(subscribeCall, currentView);
  const ringing = useRinging(me.id);
  useEffect(() => installCallTestHook(), []);
  // Leaving the app (sign-out, closing the shell) hangs up rather than leaving a microphone open.
  useEffect(() => () => currentCall()?.dismiss(), []);
  const session = view ? currentCall() : null;
  // A new ring takes the place of the last call's closing words.
  if (ringing && (!view || view.phase === 'ended')) return <IncomingCall key={ringing.id} call={ringing} />;
  if (session && view) {
    return (
      <>
        {view.minimised ? <MinimisedCall session={session} /> : <CallScreen session={session} />}
        {/* Sound plays whatever is on screen, minimised or not. */}
        {view.remote
          .filter((f) => f.feed === 'camera' && f.stream.getAudioTracks().length > 0)
          .map((f) => (
            <RemoteAudio key={f.key} stream={f.stream} />
          ))}
      </>
    );
  }
  return null;
}

function MinimisedCall({ session }: { session: CallSession }) {
  const { t } = useTranslation();
  const v = session.view;
  const call = useCall(v.callId);
  const { title, meId } = useCallPeople(v.conversationId);
  const now = useNow();
  const othersJoined = call?.participants.filter((p) => p.personId !== meId && p.state === 'joined').length ?? 0;
  const status =
    v.phase === 'connected' && v.connectedAt !== null && othersJoined > 0
      ? formatClock(now - v.connectedAt)
      : statusText(t, v, othersJoined);
  return (
    <aside className="call-bar" aria-label={t('calls.callWith', { name: title })} data-testid="call-bar">
      <button type="button" className="call-bar__back" onClick={() => session.setMinimised(false)}>
        <CallIcon name="expand" size={18} />
        <span className="call-bar__text">
          <span className="call-bar__title">{t('calls.controls.restore')}</span>
          <span className="call-bar__status">
            {title} · {status}
          </span>
        </span>
      </button>
      {v.phase === 'ended' ? null : (
        <>
          <button
            type="button"
            className={`call-round call-round--small call-round--${v.muted ? 'off' : 'neutral'}`}
            aria-label={v.muted ? t('calls.controls.unmute') : t('calls.controls.mute')}
            aria-pressed={v.muted}
            onClick={() => session.toggleMute()}
          >
            <CallIcon name={v.muted ? 'micOff' : 'mic'} />
          </button>
          <button
            type="button"
            className="call-round call-round--small call-round--danger"
            aria-label={t('calls.controls.leave')}
            onClick={() => session.hangUp()}
          >
            <CallIcon name="hangUp" />
          </button>
        </>
      )}
    </aside>
  );
}
