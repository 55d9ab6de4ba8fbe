import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatMessage } from '../../api/chat';
import type { CallSummary } from '../../api/calls';
import { Button } from '../../ui/Button';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../session/SessionContext';
import { participantOf, useCall } from './callStore';
import { CallIcon } from './CallIcon';
import { callHistoryText } from './callText';
import { answerCall, currentView, subscribeCall } from './engine/session';

const time = (iso: string) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** A call in the history: "Video call, 4 min 12 s", "Missed audio call"; a group call still on can be joined from here. */
export function CallHistoryItem({ message: m, summary }: { message: ChatMessage; summary: CallSummary }) {
  const { t } = useTranslation();
  const { person: me } = useSession();
  const call = useCall(summary.callId);
  const view = useSyncExternalStore(subscribeCall, currentView);
  const ended = summary.state === 'ended' || call?.state === 'ended';
  const missed = ended && (summary.outcome === 'missed' || summary.outcome === 'busy') && m.sender.id !== me.id;
  const inIt = view !== null && view.phase !== 'ended';
  const joinable = !ended && call?.mode === 'sfu' && participantOf(call, me.id)?.state !== 'joined' && !inIt;
  return (
    <li className="msg msg--system msg--call" data-testid="message" data-seq={m.seq}>
      <p className={`call-history${missed ? ' call-history--missed' : ''}`}>
        <CallIcon name={summary.media === 'video' ? 'video' : 'phone'} size={18} />
        <span data-testid="call-history">{callHistoryText(t, ended && call ? { ...summary, ...pick(call) } : summary)}</span>
        <time dateTime={m.createdAt} title={formatDateTime(m.createdAt)} className="call-history__time">
          {time(m.createdAt)}
        </time>
        {joinable && call ? (
          <Button small variant="secondary" onClick={() => answerCall(me.id, call, call.media === 'video')}>
            {t('calls.history.join')}
          </Button>
        ) : null}
      </p>
    </li>
  );
}

/** The call's own end, when its event came before the message's update. */
function pick(call: { state: CallSummary['state']; outcome: CallSummary['outcome']; durationS: number | null }): Partial<CallSummary> {
  return { state: call.state, outcome: call.outcome, durationS: call.durationS };
}
