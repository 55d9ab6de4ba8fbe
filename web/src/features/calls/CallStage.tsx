import { useTranslation } from 'react-i18next';
import type { Call } from '../../api/calls';
import type { CallView } from './engine/session';
import type { CallPerson } from './useCallPeople';
import { VideoTile } from './VideoTile';

interface Props {
  view: CallView;
  call: Call | undefined;
  meId: string;
  personOf(id: string): CallPerson;
}

/**
 * The pictures: a shared screen large with everyone's camera in a strip; else the other person
 * full size with my preview in a corner (direct), or a grid of everyone (group).
 */
export function CallStage({ view, call, meId, personOf }: Props) {
  const { t } = useTranslation();
  const speaking = new Set(view.speaking);
  const participant = (id: string) => call?.participants.find((p) => p.personId === id);
  // Everyone else in the call, or being rung (their photo while they have not answered).
  const others = (call?.participants ?? [])
    .filter((p) => p.personId !== meId && (p.state === 'joined' || p.state === 'ringing'))
    .map((p) => p.personId);
  for (const f of view.remote) if (!others.includes(f.personId)) others.push(f.personId);
  const feedOf = (id: string, feed: 'camera' | 'screen') => view.remote.find((f) => f.personId === id && f.feed === feed);
  const screen = view.remote.find((f) => f.feed === 'screen' && call?.sharerId === f.personId);
  const direct = call?.mode !== 'sfu';

  const me = personOf(meId);
  const mine = (size: 'grid' | 'strip' | 'pip') => (
    <VideoTile
      key="me"
      personId={meId}
      feed="camera"
      name={me.name}
      photoUrl={me.photoUrl}
      label={t('calls.youName', { name: me.name })}
      stream={view.local}
      showVideo={view.camera}
      micOff={view.muted}
      speaking={speaking.has(meId)}
      mirror
      size={size}
    />
  );
  const theirs = (id: string, size: 'main' | 'grid' | 'strip') => {
    const person = personOf(id);
    const p = participant(id);
    const feed = feedOf(id, 'camera');
    return (
      <VideoTile
        key={id}
        personId={id}
        feed="camera"
        name={person.name}
        photoUrl={person.photoUrl}
        label={person.name}
        stream={feed?.stream ?? null}
        showVideo={(p?.camera ?? true) && p?.state === 'joined'}
        micOff={p?.muted}
        speaking={speaking.has(id)}
        size={size}
      />
    );
  };

  let stage;
  if (screen) {
    const sharer = personOf(screen.personId);
    stage = (
      <div className="call-stage call-stage--screen">
        <VideoTile
          personId={screen.personId}
          feed="screen"
          name={sharer.name}
          photoUrl={sharer.photoUrl}
          label={t('calls.screenOf', { name: sharer.name })}
          stream={screen.stream}
          showVideo
          size="main"
        />
        <div className="call-strip">
          {others.map((id) => theirs(id, 'strip'))}
          {mine('strip')}
        </div>
      </div>
    );
  } else if (direct) {
    stage = (
      <div className="call-stage call-stage--direct">
        {others.slice(0, 1).map((id) => theirs(id, 'main'))}
        {view.local ? mine('pip') : null}
      </div>
    );
  } else {
    stage = (
      <div className="call-stage call-stage--grid" data-count={Math.min(others.length + 1, 9)}>
        {others.map((id) => theirs(id, 'grid'))}
        {mine('grid')}
      </div>
    );
  }
  return stage;
}
