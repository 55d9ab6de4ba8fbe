import type { Call, CallMedia, CallOutcome } from '../../../api/calls';
import { IceServers } from './ice';
import { fetchCall, fetchCurrentCall, joinCall, leaveCall, setScreenShare, startCall } from '../../../api/calls';
import { isApiError } from '../../../api/client';
import type { RealtimeSignal } from '../../../../../protocol/events';
import { currentConnectionId, sendFrame } from '../../../realtime/live';
import { callStore } from '../callStore';
import { listDevices, MediaError, openCamera, openLocalMedia, openMicrophone, openScreen, stopStream, type Devices } from './media';
import { CallMonitor } from './monitor';
import { P2PLink } from './p2p';
import { SfuLink } from './sfu';
import { summarise, type Quality, type StatsSummary } from './stats';
import type { LinkHost, LinkState, MediaLink, RemoteFeed } from './types';

export type Phase = 'preparing' | 'ringing' | 'connecting' | 'connected' | 'ended';
/** Why the call screen closes: the call's outcome, or something on this side. */
export type EndReason = CallOutcome | 'left' | 'media' | 'error';

/** Everything the call screen shows; a new object on every change. */
export interface CallView {
  conversationId: string;
  callId: string | null;
  media: CallMedia;
  caller: boolean;
  phase: Phase;
  endReason: EndReason | null;
  /** A media problem (denied, notFound, inUse, unsupported) or a server code, for the message shown. */
  problem: string | null;
  link: LinkState;
  local: MediaStream | null;
  screen: MediaStream | null;
  remote: RemoteFeed[];
  muted: boolean;
  camera: boolean;
  speaking: string[];
  quality: Quality | null;
  devices: Devices;
  mic: string | null;
  cam: string | null;
  connectedAt: number | null;
  minimised: boolean;
}

/** How long the last words of a call ("Declined", "Call ended") stay before the screen closes. */
export const ENDED_SHOWN_MS = 6_000;

/**
 * One call on this device, from "Call" or "Accept" to the end: local media, the link (P2P or SFU),
 * the controls, and the state the screen shows. At most one at a time (`currentCall`).
 */
export class CallSession {
  view: CallView;
  private link: MediaLink | null = null;
  private published = false;
  private monitor: CallMonitor | null = null;
  private readonly ice = new IceServers();
  private dismissTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly meId: string,
    conversationId: string,
    media: CallMedia,
    caller: boolean,
    callId: string | null,
  ) {
    this.view = {
      conversationId,
      callId,
      media,
      caller,
      phase: 'preparing',
      endReason: null,
      problem: null,
      link: 'connecting',
      local: null,
      screen: null,
      remote: [],
      muted: false,
      camera: false,
      speaking: [],
      quality: null,
      devices: { microphones: [], cameras: [] },
      mic: null,
      cam: null,
      connectedAt: null,
      minimised: false,
    };
  }

  private set(patch: Partial<CallView>): void {
    this.view = { ...this.view, ...patch };
    emit();
  }

  get ended(): boolean {
    return this.view.phase === 'ended';
  }

  /** Rings the conversation; if a call is already on there (the other person called at the same moment), joins it. */
  async call(): Promise<void> {
    if (!(await this.openMedia(this.view.media === 'video'))) return;
    const connectionId = currentConnectionId();
    if (!connectionId) return this.finish('error', 'offline');
    try {
      const call = await startCall(this.view.conversationId, this.view.media, connectionId);
      if (this.ended) return void leaveCall(call.id).catch(() => undefined);
      this.bind(call);
      this.publish();
    } catch (err) {
      if (isApiError(err) && err.code === 'call_in_progress') {
        const current = await fetchCurrentCall(this.view.conversationId).catch(() => null);
        if (current?.call) return this.join(current.call);
      }
      this.finish('error', isApiError(err) ? err.code : 'unexpected');
    }
  }

  /**
   * Accepts a ring or joins a group call; the link is ready before the server is told, as signals may
   * follow at once. A group call publishes only once the server has the device joined: it refuses
   * media frames of a device not joined yet, and a slower join would leave the camera unpublished.
   */
  async join(call: Call, camera = call.media === 'video'): Promise<void> {
    this.set({ callId: call.id, caller: false, media: call.media });
    if (!this.view.local && !(await this.openMedia(camera))) return;
    const connectionId = currentConnectionId();
    if (!connectionId) return this.finish('error', 'offline');
    this.bind(call);
    try {
      callStore.offer(await joinCall(call.id, connectionId));
      this.publish();
    } catch (err) {
      this.finish('error', isApiError(err) ? err.code : 'unexpected');
    }
  }

  private async openMedia(camera: boolean): Promise<boolean> {
    try {
      const local = await openLocalMedia(camera, this.view.mic, this.view.cam);
      if (this.ended) {
        stopStream(local);
        return false;
      }
      const devices = await listDevices();
      const mic = local.getAudioTracks()[0]?.getSettings().deviceId ?? null;
      const cam = local.getVideoTracks()[0]?.getSettings().deviceId ?? null;
      this.set({ local, camera: local.getVideoTracks().length > 0, devices, mic, cam });
      return true;
    } catch (err) {
      this.finish('media', err instanceof MediaError ? err.problem : 'other');
      return false;
    }
  }

  private bind(call: Call): void {
    const local = this.view.local;
    if (!local || this.link) return;
    this.set({ callId: call.id, phase: 'connecting' });
    const host: LinkHost = {
      callId: call.id,
      meId: this.meId,
      send: sendFrame,
      rtcConfig: () => this.ice.config(),
      refreshIce: (pc) => this.ice.refresh(pc),
      feedsChanged: () => this.link && this.set({ remote: this.link.feeds() }),
      stateChanged: (state) => this.onLinkState(state),
      problem: (code) => this.set({ problem: code }),
    };
    const other = call.participants.find((p) => p.personId !== this.meId)?.personId ?? null;
    const link = call.mode === 'p2p' ? new P2PLink(host, !this.view.caller, local, other) : new SfuLink(host, local);
    this.link = link;
    this.monitor = new CallMonitor(link, { id: this.meId, muted: () => this.view.muted }, (update) => this.set(update));
    callStore.offer(call);
    this.onCall(callStore.get(call.id) ?? call);
  }

  /** Publishes to the media server (group calls), once; a P2P link waits for the other's offer or sends its own. */
  private publish(): void {
    if (!(this.link instanceof SfuLink) || this.published || this.ended) return;
    this.published = true;
    void this.link.start().catch(() => this.finish('failed'));
  }

  private onLinkState(state: LinkState): void {
    if (this.ended) return;
    const first = state === 'connected' && this.view.connectedAt === null;
    this.set({
      link: state,
      ...(state === 'connected' ? { phase: 'connected' as const } : {}),
      ...(first ? { connectedAt: Date.now() } : {}),
    });
  }

  /** A new snapshot of this call (event or answer). */
  onCall(call: Call): void {
    if (call.id !== this.view.callId || this.ended) return;
    if (call.state === 'ended') return this.finish(call.outcome ?? 'completed');
    const mine = call.participants.find((p) => p.personId === this.meId);
    if (mine?.state === 'left' && this.link) return this.finish('left');
    const others = call.participants.filter((p) => p.personId !== this.meId);
    if (this.view.phase !== 'connected') {
      const ringing = call.mode === 'p2p' && others.every((p) => p.state === 'ringing');
      this.set({ phase: ringing ? 'ringing' : 'connecting' });
    }
    this.link?.onCall(call);
  }

  onSignal(signal: RealtimeSignal): void {
    const payload = signal.payload as { callId?: string; personId?: string; muted?: boolean; camera?: boolean };
    if (payload.callId !== this.view.callId || this.ended) return;
    if (signal.type === 'call.media' && payload.personId) {
      callStore.patchParticipant(payload.callId, payload.personId, { muted: !!payload.muted, camera: !!payload.camera });
    } else this.link?.onSignal(signal);
  }

  /** This device's socket was replaced: keep my place in the call, and catch up on it. */
  onConnection(): void {
    const callId = this.view.callId;
    if (!callId || this.ended) return;
    sendFrame({ kind: 'call.resume', callId });
    fetchCall(callId).then(
      (call) => {
        callStore.offer(call);
        this.onCall(callStore.get(callId) ?? call);
      },
      () => undefined,
    );
  }

  private tellMedia(): void {
    const callId = this.view.callId;
    if (callId) sendFrame({ kind: 'call.media', callId, muted: this.view.muted, camera: this.view.camera });
    if (callId) callStore.patchParticipant(callId, this.meId, { muted: this.view.muted, camera: this.view.camera });
  }

  toggleMute(): void {
    const muted = !this.view.muted;
    const track = this.view.local?.getAudioTracks()[0] ?? null;
    if (track) track.enabled = !muted;
    // Muted sends nothing at all (not even the silence a disabled track still sends): the sender has no track.
    this.link?.setTrack('audio', muted ? null : track).catch(() => this.set({ problem: 'microphone' }));
    this.set({ muted });
    this.tellMedia();
  }

  async toggleCamera(): Promise<void> {
    const local = this.view.local;
    if (!local) return;
    if (this.view.camera) {
      for (const track of local.getVideoTracks()) {
        track.stop();
        local.removeTrack(track);
      }
      await this.link?.setTrack('video', null);
      this.set({ camera: false, local: new MediaStream(local.getTracks()) });
    } else {
      const track = await openCamera(this.view.cam).catch(() => null);
      if (!track) return this.set({ problem: 'camera' });
      if (this.ended) return track.stop();
      local.addTrack(track);
      await this.link?.setTrack('video', track);
      this.set({ camera: true, cam: track.getSettings().deviceId ?? this.view.cam, local: new MediaStream(local.getTracks()) });
    }
    this.tellMedia();
  }

  async chooseMicrophone(deviceId: string): Promise<void> {
    const local = this.view.local;
    const track = await openMicrophone(deviceId).catch(() => null);
    if (!local || !track) return this.set({ problem: 'microphone' });
    track.enabled = !this.view.muted;
    for (const old of local.getAudioTracks()) {
      old.stop();
      local.removeTrack(old);
    }
    local.addTrack(track);
    await this.link?.setTrack('audio', this.view.muted ? null : track);
    this.set({ mic: deviceId, local: new MediaStream(local.getTracks()) });
  }

  async chooseCamera(deviceId: string): Promise<void> {
    this.set({ cam: deviceId });
    const local = this.view.local;
    if (!local || !this.view.camera) return;
    const track = await openCamera(deviceId).catch(() => null);
    if (!track) return this.set({ problem: 'camera' });
    for (const old of local.getVideoTracks()) {
      old.stop();
      local.removeTrack(old);
    }
    local.addTrack(track);
    await this.link?.setTrack('video', track);
    this.set({ local: new MediaStream(local.getTracks()) });
  }

  /** Shares the screen: picked first (the browser wants the click's activation), then claimed, then sent. */
  async toggleScreen(): Promise<void> {
    const callId = this.view.callId;
    if (!callId || !this.link) return;
    if (this.view.screen) return this.stopScreen();
    let stream: MediaStream;
    try {
      stream = await openScreen();
    } catch (err) {
      // Closing the browser's picker is a choice, not a problem.
      if (err instanceof MediaError && err.problem !== 'denied') this.set({ problem: 'screen' });
      return;
    }
    try {
      callStore.offer(await setScreenShare(callId, true));
    } catch (err) {
      stopStream(stream);
      return this.set({ problem: isApiError(err) ? err.code : 'screen' });
    }
    if (this.ended) return stopStream(stream);
    stream.getVideoTracks()[0]?.addEventListener('ended', () => void this.stopScreen());
    this.set({ screen: stream });
    await this.link.startScreen(stream);
  }

  async stopScreen(): Promise<void> {
    const stream = this.view.screen;
    const callId = this.view.callId;
    if (!stream) return;
    stopStream(stream);
    this.set({ screen: null });
    await this.link?.stopScreen();
    if (callId && !this.ended) await setScreenShare(callId, false).then(callStore.offer, () => undefined);
  }

  restartIce(): void {
    // Each connection takes fresh TURN credentials before it restarts (MediaLink.restartIce).
    this.link?.restartIce();
  }

  setMinimised(minimised: boolean): void {
    this.set({ minimised });
  }

  dismissProblem(): void {
    this.set({ problem: null });
  }

  stats(): Promise<StatsSummary | null> {
    return this.link ? summarise(this.link) : Promise.resolve(null);
  }

  /** Hang up: leave the call (which ends it for a direct call, or when ringing with nobody in). */
  hangUp(): void {
    const callId = this.view.callId;
    if (callId)
      void leaveCall(callId).then(
        (call) => callStore.offer(call),
        () => undefined,
      );
    this.finish('left');
  }

  finish(reason: EndReason, problem: string | null = null): void {
    if (this.ended) return;
    this.monitor?.stop();
    this.link?.close();
    stopStream(this.view.local);
    stopStream(this.view.screen);
    this.set({ phase: 'ended', endReason: reason, problem: problem ?? this.view.problem, screen: null, remote: [], speaking: [] });
    this.dismissTimer = setTimeout(() => this.dismiss(), ENDED_SHOWN_MS);
  }

  dismiss(): void {
    if (!this.ended) this.hangUp();
    clearTimeout(this.dismissTimer);
    if (current === this) {
      current = null;
      emit();
    }
  }
}

// ---- The one call of this device ----------------------------------------------------------------

let current: CallSession | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export const currentCall = (): CallSession | null => current;
export const currentView = (): CallView | null => current?.view ?? null;
export function subscribeCall(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts a call in a conversation (nothing happens while another call is on this device). */
export function placeCall(meId: string, conversationId: string, media: CallMedia): void {
  if (current && !current.ended) return;
  current?.dismiss();
  current = new CallSession(meId, conversationId, media, true, null);
  emit();
  void current.call();
}

/** Accepts a ring (with or without my camera) or joins an ongoing group call. */
export function answerCall(meId: string, call: Call, camera: boolean): void {
  if (current && !current.ended) return;
  current?.dismiss();
  current = new CallSession(meId, call.conversationId, call.media, false, call.id);
  emit();
  void current.join(call, camera);
}
