import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchCurrentCall } from '../../api/calls';
import { Button } from '../../ui/Button';
import { useSession } from '../session/SessionContext';
import { callStore, participantOf, useOngoingCall } from './callStore';
import { CallIcon } from './CallIcon';
import { answerCall, currentView, subscribeCall } from './engine/session';

/** Reads the conversation's ongoing call once when it opens; events keep it up to date afterwards. */
export function useConversationCall(conversationId: string) {
  useQuery({
    queryKey: ['chat', 'call', conversationId],
    queryFn: async () => {
      const { call } = await fetchCurrentCall(conversationId);
      if (call) callStore.offer(call);
      return call?.id ?? null;
    },
    retry: false,
    staleTime: 30_000,
  });
  return useOngoingCall(conversationId);
}

/** "A video call is on · 3 people in it · Join" above a conversation's history, when this device is not in it. */
export function JoinCallBanner({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const call = useConversationCall(conversationId);
  const view = useSyncExternalStore(subscribeCall, currentView);
  if (!call || (view && view.callId === call.id && view.phase !== 'ended')) return null;
  const mine = participantOf(call, me.id);
  // A direct call that rings me is answered from the incoming call screen.
  if (mine?.state === 'ringing' && call.mode === 'p2p') return null;
  if (call.mode === 'p2p' && call.state === 'ringing') return null;
  const joined = call.participants.filter((p) => p.state === 'joined').length;
  const elsewhere = mine?.state === 'joined';
  const busy = view !== null && view.phase !== 'ended';
  return (
    <div className="call-banner" role="status" data-testid="call-banner">
      <CallIcon name={call.media === 'video' ? 'video' : 'phone'} />
      <p className="call-banner__text">
        <strong>{t(`calls.banner.${call.media}`)}</strong>
        <span> · {elsewhere ? t('calls.banner.elsewhere') : t('calls.banner.count', { count: joined })}</span>
      </p>
      {elsewhere ? null : (
        <Button small disabled={busy} onClick={() => answerCall(me.id, call, call.media === 'video')}>
          {t('calls.banner.join')}
        </Button>
      )}
    </div>
  );
}
