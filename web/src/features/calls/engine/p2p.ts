import type { Call, CallSignal } from '../../../api/calls';
import type { RealtimeSignal } from '../../../../../protocol/events';
import { candidateInit, describe, watchIce, type Feed, type LinkHost, type MediaLink, type RemoteFeed } from './types';

/**
 * A direct call: one RTCPeerConnection to the other person's joined device, signalled through the
 * server (`call.signal`). The caller offers once the other person has joined; after that either
 * side may offer again (a screen share, a camera turned on, an ICE restart), with "perfect
 * negotiation": the callee is polite and yields when both offer at once.
 */
export class P2PLink implements MediaLink {
  readonly mode = 'p2p' as const;
  private pc: RTCPeerConnection | null = null;
  private opening: Promise<RTCPeerConnection> | null = null;
  /** Signals are applied one after the other: descriptions and candidates in the order they came. */
  private queue: Promise<void> = Promise.resolve();
  private otherId: string | null;
  private makingOffer = false;
  private ignoreOffer = false;
  /** Candidates that arrived before the description they belong to. */
  private early: Array<RTCIceCandidateInit | null> = [];
  private audio: RTCRtpSender | undefined;
  private video: RTCRtpSender | undefined;
  private screen: RTCRtpSender | undefined;
  private remoteCamera: MediaStream | null = null;
  private remoteScreen: MediaStream | null = null;
  private readonly owners = new Map<string, { personId: string; feed: Feed }>();
  private unwatch: () => void = () => undefined;
  private closed = false;

  constructor(
    private readonly host: LinkHost,
    private readonly polite: boolean,
    private readonly local: MediaStream,
    otherId: string | null,
  ) {
    this.otherId = otherId;
  }

  feeds(): RemoteFeed[] {
    const out: RemoteFeed[] = [];
    const id = this.otherId;
    if (!id) return out;
    if (this.remoteCamera) out.push({ key: `${id}:camera`, personId: id, feed: 'camera', stream: this.remoteCamera });
    if (this.remoteScreen) out.push({ key: `${id}:screen`, personId: id, feed: 'screen', stream: this.remoteScreen });
    return out;
  }

  onCall(call: Call): void {
    const other = call.participants.find((p) => p.personId !== this.host.meId);
    if (!other) return;
    this.otherId ??= other.personId;
    // The caller offers once the other person's device is in; a new device of theirs (resumed
    // after a network change) keeps the same connection, which an ICE restart moves over.
    if (!this.polite && other.state === 'joined' && !this.opening) void this.open(true).catch(() => this.host.problem('negotiation'));
    if (call.sharerId !== other.personId && this.remoteScreen) {
      this.remoteScreen = null;
      this.host.feedsChanged();
    }
  }

  onSignal(signal: RealtimeSignal): void {
    if (signal.type !== 'call.signal') return;
    const s = signal.payload as CallSignal;
    if (s.callId !== this.host.callId || (this.otherId && s.fromPersonId !== this.otherId)) return;
    this.otherId ??= s.fromPersonId;
    this.queue = this.queue.then(() => this.receive(s)).catch(() => this.host.problem('negotiation'));
  }

  private async receive(s: CallSignal): Promise<void> {
    const pc = await this.open(false);
    if (s.description) {
      const offer = s.description.type === 'offer';
      const collision = offer && (this.makingOffer || pc.signalingState !== 'stable');
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      await pc.setRemoteDescription(s.description);
      if (offer) {
        this.addLocalTracks(pc);
        await pc.setLocalDescription();
        this.signal({ description: describe(pc.localDescription) });
      }
      for (const c of this.early.splice(0)) await this.addCandidate(pc, c);
    } else if (s.candidate !== undefined) {
      if (!pc.remoteDescription) this.early.push(s.candidate);
      else await this.addCandidate(pc, s.candidate);
    }
  }

  private async addCandidate(pc: RTCPeerConnection, c: RTCIceCandidateInit | null): Promise<void> {
    try {
      await pc.addIceCandidate(c ?? undefined);
    } catch (err) {
      // A candidate of an offer we ignored (glare) is expected to fail.
      if (!this.ignoreOffer) throw err;
    }
  }

  /** The one connection, made on first need: by the caller when the other joins, by the callee on the first signal. */
  private open(offerer: boolean): Promise<RTCPeerConnection> {
    this.opening ??= this.create(offerer);
    return this.opening;
  }

  private async create(offerer: boolean): Promise<RTCPeerConnection> {
    const config = await this.host.rtcConfig();
    if (this.closed) throw new Error('closed');
    const pc = new RTCPeerConnection({ ...config, bundlePolicy: 'max-bundle' });
    this.pc = pc;
    pc.onicecandidate = (e) => this.signal({ candidate: candidateInit(e.candidate) });
    pc.onnegotiationneeded = () => void this.offer(pc);
    pc.ontrack = (e) => this.onTrack(pc, e);
    this.unwatch = watchIce(
      pc,
      () => this.restartIce(),
      (state) => this.host.stateChanged(state),
    );
    if (offerer) {
      this.addLocalTracks(pc);
      // The first video m-line is always the camera's, so a screen added later is told apart by order.
      if (!this.video) this.video = pc.addTransceiver('video', { direction: 'recvonly' }).sender;
    }
    return pc;
  }

  /** The callee adds its tracks after applying the offer, so they take the offer's m-lines (no second round). */
  private addLocalTracks(pc: RTCPeerConnection): void {
    for (const track of this.local.getTracks()) {
      if (track.kind === 'audio' && !this.audio) this.audio = pc.addTrack(track, this.local);
      if (track.kind === 'video' && !this.video) this.video = pc.addTrack(track, this.local);
    }
    if (!this.video) this.video = pc.getTransceivers().find((t) => t.receiver.track.kind === 'video')?.sender;
  }

  private async offer(pc: RTCPeerConnection): Promise<void> {
    // The callee speaks first only after the caller's offer: before it there is nobody to answer.
    if (this.polite && !pc.remoteDescription) return;
    try {
      this.makingOffer = true;
      await pc.setLocalDescription();
      this.signal({ description: describe(pc.localDescription) });
    } catch {
      this.host.problem('negotiation');
    } finally {
      this.makingOffer = false;
    }
  }

  private onTrack(pc: RTCPeerConnection, e: RTCTrackEvent): void {
    const personId = this.otherId;
    if (!personId) return;
    const firstVideo = pc.getTransceivers().find((t) => t.receiver.track.kind === 'video');
    const feed: Feed = e.track.kind === 'video' && e.transceiver !== firstVideo ? 'screen' : 'camera';
    this.owners.set(e.track.id, { personId, feed });
    if (feed === 'screen') this.remoteScreen = new MediaStream([e.track]);
    else {
      const stream = (this.remoteCamera ??= new MediaStream());
      for (const old of stream.getTracks()) if (old.kind === e.track.kind && old !== e.track) stream.removeTrack(old);
      if (!stream.getTracks().includes(e.track)) stream.addTrack(e.track);
      // A new object, so that the <video> and <audio> showing it take the new track.
      this.remoteCamera = new MediaStream(stream.getTracks());
    }
    this.host.feedsChanged();
  }

  private signal(body: { description?: { type: 'offer' | 'answer'; sdp: string }; candidate?: ReturnType<typeof candidateInit> }): void {
    if (!this.otherId || (!body.description && body.candidate === undefined)) return;
    this.host.send({ kind: 'call.signal', callId: this.host.callId, toPersonId: this.otherId, ...body });
  }

  async setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    const pc = this.pc;
    const sender = kind === 'audio' ? this.audio : this.video;
    if (!pc) return;
    if (sender) {
      await sender.replaceTrack(track);
      const transceiver = pc.getTransceivers().find((t) => t.sender === sender);
      // A receive-only m-line (camera off until now) starts sending: that needs a new offer.
      if (track && transceiver && (transceiver.direction === 'recvonly' || transceiver.direction === 'inactive')) {
        transceiver.direction = 'sendrecv';
        sender.setStreams?.(this.local);
      }
    } else if (track) {
      const added = pc.addTrack(track, this.local);
      if (kind === 'audio') this.audio = added;
      else this.video = added;
    }
  }

  async startScreen(stream: MediaStream): Promise<void> {
    const track = stream.getVideoTracks()[0];
    if (!this.pc || !track) return;
    if (this.screen) await this.screen.replaceTrack(track);
    else this.screen = this.pc.addTrack(track, stream);
  }

  async stopScreen(): Promise<void> {
    if (!this.pc || !this.screen) return;
    this.pc.removeTrack(this.screen);
    this.screen = undefined;
    await Promise.resolve();
  }

  restartIce(): void {
    const pc = this.pc;
    if (!pc) return;
    void this.host
      .refreshIce(pc)
      .catch(() => undefined)
      .finally(() => pc.restartIce());
  }

  peers(): Array<{ name: string; pc: RTCPeerConnection }> {
    return this.pc ? [{ name: 'p2p', pc: this.pc }] : [];
  }

  ownerOf(trackId: string): { personId: string; feed: Feed } | undefined {
    return this.owners.get(trackId);
  }

  audioSender(): RTCRtpSender | undefined {
    return this.audio;
  }

  close(): void {
    this.closed = true;
    this.unwatch();
    this.pc?.close();
    this.pc = null;
  }
}
