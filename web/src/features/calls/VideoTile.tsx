import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import { CallIcon } from './CallIcon';

interface Props {
  personId: string;
  feed: 'camera' | 'screen';
  name: string;
  photoUrl: string | null;
  /** The label under the picture: the name, "Your camera", "Anna's screen". */
  label: string;
  stream: MediaStream | null;
  /** Whether the picture is on (a camera turned off shows the photo instead). */
  showVideo: boolean;
  micOff?: boolean;
  speaking?: boolean;
  /** My own camera, shown as in a mirror. */
  mirror?: boolean;
  size?: 'main' | 'grid' | 'strip' | 'pip';
}

/** One picture of the call: a camera or a screen, or the person's photo while their camera is off. */
export function VideoTile({ personId, feed, name, photoUrl, label, stream, showVideo, micOff, speaking, mirror, size = 'grid' }: Props) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const hasVideo = showVideo && !!stream && stream.getVideoTracks().length > 0;
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    if (el.srcObject !== stream) el.srcObject = stream;
    // Autoplay of a muted video is always allowed; play() settles the odd browser that waits.
    void el.play().catch(() => undefined);
  }, [stream, hasVideo]);
  return (
    <figure
      className={`call-tile call-tile--${size}${speaking ? ' call-tile--speaking' : ''}${feed === 'screen' ? ' call-tile--screen' : ''}`}
      data-testid="call-tile"
      data-person={personId}
      data-feed={feed}
      data-speaking={speaking ? 'true' : undefined}
    >
      {hasVideo ? (
        <video ref={video} className={`call-tile__video${mirror ? ' call-tile__video--mirror' : ''}`} autoPlay playsInline muted />
      ) : (
        <span className="call-tile__avatar">
          <Avatar name={name} photoUrl={photoUrl} size="lg" />
        </span>
      )}
      <figcaption className="call-tile__label">
        {micOff ? (
          <span className="call-tile__flag" title={t('calls.micOff')}>
            <CallIcon name="micOff" size={16} />
            <span className="sr-only">{t('calls.micOff')}</span>
          </span>
        ) : null}
        <span className="call-tile__name">{label}</span>
        {speaking ? <span className="sr-only">{t('calls.speaking')}</span> : null}
      </figcaption>
    </figure>
  );
}

/** Plays a remote person's sound (pictures are shown muted; sound goes through here, camera on or off). */
export function RemoteAudio({ stream }: { stream: MediaStream }) {
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    const el = audio.current;
    if (!el) return;
    el.srcObject = stream;
    void el.play().catch(() => undefined);
  }, [stream]);
  return <audio ref={audio} autoPlay className="call-audio" data-testid="call-audio" />;
}
