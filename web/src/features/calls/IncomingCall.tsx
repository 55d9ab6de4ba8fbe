import * as Dialog from '@radix-ui/react-dialog';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { declineCall, type Call } from '../../api/calls';
import { ErrorAlert } from '../../ui/Alert';
import { Avatar } from '../../ui/Avatar';
import { errorMessage } from '../../ui/errors';
import { callStore } from './callStore';
import { CallIcon } from './CallIcon';
import { answerCall } from './engine/session';
import { useRingtone } from './ringtone';
import { useCallPeople } from './useCallPeople';

/**
 * Someone calls me: their name and photo, audio or video, Accept (with or without my camera for a
 * video call) and Decline. Full screen on a phone, a prominent dialog on a desktop. It goes as soon
 * as my place in the call is no longer "ringing" (answered on another device, declined, missed).
 */
export function IncomingCall({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { personOf, title, conversation, meId } = useCallPeople(call.conversationId);
  const caller = personOf(call.startedBy);
  const decline = useMutation({ mutationFn: () => declineCall(call.id), onSuccess: (answer) => callStore.offer(answer) });
  const accept = useRef<HTMLButtonElement>(null);
  useRingtone();
  const video = call.media === 'video';
  const group = conversation ? conversation.kind !== 'direct' : false;
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : decline.mutate())}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay call-incoming__overlay" />
        <Dialog.Content
          className="call-incoming"
          data-testid="incoming-call"
          aria-describedby="incoming-call-kind"
          // Focus starts on Accept: Enter answers, as a ringing phone's main button does.
          onOpenAutoFocus={(e) => {
            e.preventDefault();
            accept.current?.focus();
          }}
        >
          <p className="call-incoming__kind" id="incoming-call-kind">
            <CallIcon name={video ? 'video' : 'phone'} size={18} />
            <span>{t(video ? 'calls.incoming.video' : 'calls.incoming.audio')}</span>
          </p>
          <div className="call-incoming__who">
            <span className="call-incoming__ring">
              <Avatar name={caller.name} photoUrl={caller.photoUrl} size="lg" />
            </span>
            <Dialog.Title className="call-incoming__title">{t('calls.incoming.calling', { name: caller.name })}</Dialog.Title>
            {group && title ? <p className="call-incoming__where">{t('calls.incoming.in', { conversation: title })}</p> : null}
          </div>
          <ErrorAlert message={decline.isError ? errorMessage(t, decline.error) : null} />
          <div className="call-incoming__actions">
            <button type="button" className="call-round call-round--danger" disabled={decline.isPending} onClick={() => decline.mutate()}>
              <CallIcon name="hangUp" size={26} />
              <span className="call-round__label">{t('calls.incoming.decline')}</span>
            </button>
            {video ? (
              <button type="button" className="call-round call-round--neutral" onClick={() => answerCall(meId, call, false)}>
                <CallIcon name="phone" size={26} />
                <span className="call-round__label">{t('calls.incoming.acceptAudio')}</span>
              </button>
            ) : null}
            <button type="button" ref={accept} className="call-round call-round--accept" onClick={() => answerCall(meId, call, video)}>
              <CallIcon name={video ? 'video' : 'phone'} size={26} />
              <span className="call-round__label">{t(video ? 'calls.incoming.acceptVideo' : 'calls.incoming.accept')}</span>
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
