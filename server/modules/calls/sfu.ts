import type { CallSfuSignal, IceCandidate, SfuPc } from '../../../protocol/calls.js';

/**
 * The selective forwarding unit (media server) of group calls, as the call service sees it. One
 * room per call (named by the call id); each joined device has one session in it, owned by the
 * server process that holds the device's socket, so the device's signalling never crosses
 * processes. The implementation is Janus VideoRoom (janus.ts); nothing outside calls/ knows it.
 */
export interface Sfu {
  /** Makes the call's room if it does not exist yet (safe to call from several processes at once). */
  openRoom(callId: string): Promise<void>;
  /** Ends the room and every session in it (the call ended). Unknown rooms are fine. */
  closeRoom(callId: string): Promise<void>;
  /**
   * A device joins the room. `send` delivers the server's signals to that device: the answers to its
   * publish offers, and a new subscriber offer (with the streams it carries) whenever the set of
   * other people's feeds changes. `onGone` hears when the device's place is lost without leave()
   * (the media server went away, or the room was closed elsewhere); the device is then also sent an
   * `{op: 'error', code: 'sfu_lost'}` signal.
   */
  join(
    callId: string,
    device: { personId: string; connectionId: string },
    send: (signal: Omit<CallSfuSignal, 'callId'>) => void,
    onGone?: (reason: string) => void,
  ): Promise<SfuSession>;
  /** Whether the media server answers (readiness, and a clear 503 for group calls when it does not). */
  available(): boolean;
  close(): Promise<void>;
}

export interface SfuSession {
  /** Publishes the device's camera+microphone or its screen; resolves with the answer SDP. */
  publish(pc: 'camera' | 'screen', offerSdp: string): Promise<string>;
  /** Stops publishing the screen (or camera). */
  unpublish(pc: 'camera' | 'screen'): Promise<void>;
  /** The device's answer to the last subscriber offer. */
  subscribed(answerSdp: string): Promise<void>;
  /** A candidate of one of the device's connections; null ends its gathering. */
  trickle(pc: SfuPc, candidate: IceCandidate | null): Promise<void>;
  /** An ICE restart of what the device receives: a new subscriber offer (with new ICE credentials) follows through `send`. */
  restartSubscriber(): Promise<void>;
  /** Leaves the room: the others' subscriptions drop this device's feeds. */
  leave(): Promise<void>;
}
