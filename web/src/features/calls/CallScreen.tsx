import * as Dialog from '@radix-ui/react-dialog';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { useCall } from './callStore';
import { CallControls } from './CallControls';
import { CallIcon } from './CallIcon';
import { CallStage } from './CallStage';
import { formatClock, problemText, statusText } from './callText';
import type { CallSession } from './engine/session';
import type { Quality } from './engine/stats';
import { ParticipantList } from './ParticipantList';
import { useCallPeople } from './useCallPeople';

/** A clock that ticks every second while mounted. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The call, full screen: pictures, who is in it, the controls; Escape minimises it (the call goes on). */
export function CallScreen({ session }: { session: CallSession }) {
  const { t } = useTranslation();
  const v = session.view;
  const call = useCall(v.callId);
  const { personOf, title, meId, conversation } = useCallPeople(v.conversationId);
  const [peopleOpen, setPeopleOpen] = useState(false);
  const now = useNow();
  const othersJoined = call?.participants.filter((p) => p.personId !== meId && p.state === 'joined').length ?? 0;
  const other = conversation?.kind === 'direct' ? conversation.people[0] : undefined;
  const clock = v.phase === 'connected' && v.connectedAt !== null && othersJoined > 0 ? formatClock(now - v.connectedAt) : null;
  const waiting = v.phase === 'ringing' || v.phase === 'preparing' || (v.phase === 'connecting' && othersJoined === 0);
  return (
    <Dialog.Root open onOpenChange={(open) => (open ? undefined : session.setMinimised(true))}>
      <Dialog.Portal>
        <Dialog.Content className="call-screen" data-testid="call-screen" data-phase={v.phase} aria-describedby={undefined}>
          <header className="call-screen__head">
            <div className="call-screen__who">
              <Dialog.Title className="call-screen__title">{t('calls.callWith', { name: title })}</Dialog.Title>
              {waiting || v.phase === 'ended' ? null : (
                <p className="call-screen__status" role="status" data-testid="call-status">
                  {clock ? (
                    <>
                      <span className="sr-only">{t('calls.elapsed')} </span>
                      <time data-testid="call-clock">{clock}</time>
                    </>
                  ) : (
                    statusText(t, v, othersJoined)
                  )}
                </p>
              )}
            </div>
            {v.phase === 'connected' ? <QualityBadge quality={v.quality} /> : null}
            {v.phase === 'ended' ? null : (
              <button
                type="button"
                className="call-round call-round--ghost call-round--small"
                aria-label={t('calls.controls.minimise')}
                title={t('calls.controls.minimise')}
                onClick={() => session.setMinimised(true)}
              >
                <CallIcon name="minimise" />
              </button>
            )}
          </header>
          <div className="call-screen__body">
            {waiting || v.phase === 'ended' ? (
              <div className="call-screen__waiting">
                <Avatar name={other?.displayName ?? title} photoUrl={other?.photoUrl ?? null} size="lg" />
                <p className="call-screen__big" role="status" data-testid={v.phase === 'ended' ? 'call-ended' : 'call-status'}>
                  {statusText(t, v, othersJoined)}
                </p>
                {v.phase === 'ended' ? (
                  <Button variant="secondary" onClick={() => session.dismiss()}>
                    {t('calls.controls.close')}
                  </Button>
                ) : null}
              </div>
            ) : (
              <CallStage view={v} call={call} meId={meId} personOf={personOf} />
            )}
            {peopleOpen && call && v.phase !== 'ended' ? (
              <ParticipantList call={call} meId={meId} speaking={v.speaking} personOf={personOf} />
            ) : null}
          </div>
          {v.problem ? (
            <div className="call-screen__problem" role="alert">
              <p>{problemText(t, v.problem)}</p>
              {v.phase === 'ended' ? null : (
                <button type="button" className="link-button" onClick={() => session.dismissProblem()}>
                  {t('calls.controls.dismiss')}
                </button>
              )}
            </div>
          ) : null}
          {v.screen ? <p className="call-screen__sharing">{t('calls.yourScreen')}</p> : null}
          {v.phase === 'ended' ? null : (
            <CallControls session={session} peopleOpen={peopleOpen} onPeople={() => setPeopleOpen((o) => !o)} />
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** Good / fair / poor as bars and words (never colour alone). */
export function QualityBadge({ quality }: { quality: Quality | null }) {
  const { t } = useTranslation();
  if (!quality) return null;
  const label = t('calls.quality.label', { quality: t(`calls.quality.${quality}`) });
  return (
    <span className={`call-quality call-quality--${quality}`} data-testid="call-quality" data-quality={quality} title={label}>
      <CallIcon name="signal" size={18} />
      <span className="call-quality__text">{label}</span>
    </span>
  );
}
