import type { Call } from '../../../api/calls';
import type { ClientFrame, RealtimeSignal } from '../../../../../protocol/events';

export type Feed = 'camera' | 'screen';

/** One remote person's camera (sound and picture) or screen, ready for a <video>. */
export interface RemoteFeed {
  key: string;
  personId: string;
  feed: Feed;
  stream: MediaStream;
}

export type LinkState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** What a media link needs from the session that owns it. */
export interface LinkHost {
  readonly callId: string;
  readonly meId: string;
  send(frame: ClientFrame): boolean;
  /** STUN/TURN servers and policy for a new connection (TURN credentials fresh). */
  rtcConfig(): Promise<RTCConfiguration>;
  /** Puts fresh TURN credentials on this connection before an ICE restart (the old ones may have run out). */
  refreshIce(pc: RTCPeerConnection): Promise<void>;
  feedsChanged(): void;
  stateChanged(state: LinkState): void;
  /** The media server refused an operation, or a description could not be applied. */
  problem(code: string): void;
}

/**
 * The media side of a call: P2P (one connection to the other person) or SFU (connections to the
 * media server). The session owns local media and tells the link what to send.
 */
export interface MediaLink {
  readonly mode: 'p2p' | 'sfu';
  feeds(): RemoteFeed[];
  onCall(call: Call): void;
  onSignal(signal: RealtimeSignal): void;
  /** The camera or microphone track to send now (null: the camera is off). */
  setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void>;
  startScreen(stream: MediaStream): Promise<void>;
  stopScreen(): Promise<void>;
  restartIce(): void;
  peers(): Array<{ name: string; pc: RTCPeerConnection }>;
  /** Whose feed a received track is (for the speaking indicator and the stats). */
  ownerOf(trackId: string): { personId: string; feed: Feed } | undefined;
  audioSender(): RTCRtpSender | undefined;
  close(): void;
}

/** Grace before an ICE restart once a connection says "disconnected": it often comes back alone. */
export const ICE_DISCONNECTED_GRACE_MS = 3_000;

/**
 * Watches a connection's ICE state: "failed" restarts at once, "disconnected" after a grace. The
 * call itself goes on; only the media path is looked for again.
 */
export function watchIce(pc: RTCPeerConnection, restart: () => void, onState: (state: LinkState) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onChange = () => {
    const state = pc.iceConnectionState;
    clearTimeout(timer);
    if (state === 'connected' || state === 'completed') onState('connected');
    else if (state === 'disconnected') {
      onState('reconnecting');
      timer = setTimeout(() => {
        if (pc.iceConnectionState === 'disconnected') restart();
      }, ICE_DISCONNECTED_GRACE_MS);
    } else if (state === 'failed') {
      onState('reconnecting');
      restart();
    }
  };
  pc.addEventListener('iceconnectionstatechange', onChange);
  return () => {
    clearTimeout(timer);
    pc.removeEventListener('iceconnectionstatechange', onChange);
  };
}

/** A candidate as the signalling frames carry it (only the fields they allow). */
export function candidateInit(c: RTCIceCandidate | null): {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
} | null {
  if (!c || !c.candidate) return null;
  return { candidate: c.candidate, sdpMid: c.sdpMid, sdpMLineIndex: c.sdpMLineIndex, usernameFragment: c.usernameFragment };
}

export const describe = (d: RTCSessionDescription | null): { type: 'offer' | 'answer'; sdp: string } | undefined =>
  d && (d.type === 'offer' || d.type === 'answer') ? { type: d.type, sdp: d.sdp } : undefined;
