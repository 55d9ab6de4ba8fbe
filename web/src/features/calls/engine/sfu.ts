import type { Call, CallSfuSignal, IceCandidate, SfuPc, SfuStream } from '../../../api/calls';
import type { RealtimeSignal } from '../../../../../protocol/events';
import { candidateInit, describe, watchIce, type Feed, type LinkHost, type MediaLink, type RemoteFeed } from './types';

type Publisher = 'camera' | 'screen';
/** The server's signal, read loosely enough to take candidates should it ever trickle them. */
type SfuSignal = Omit<CallSfuSignal, 'op'> & { op: CallSfuSignal['op'] | 'trickle'; candidate?: IceCandidate | null };

/**
 * A group call through the media server: this device publishes its camera (and microphone) on one
 * connection and its screen on another, and receives everyone else's feeds on one subscriber
 * connection that the server offers again whenever the feeds change. Never a mesh.
 */
export class SfuLink implements MediaLink {
  readonly mode = 'sfu' as const;
  private readonly pcs = new Map<SfuPc, RTCPeerConnection>();
  private readonly unwatch = new Map<SfuPc, () => void>();
  private readonly early = new Map<SfuPc, Array<IceCandidate | null>>();
  private streams: SfuStream[] = [];
  private feedMap = new Map<string, RemoteFeed>();
  private readonly owners = new Map<string, { personId: string; feed: Feed }>();
  private audio: RTCRtpSender | undefined;
  private video: RTCRtpSender | undefined;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly host: LinkHost,
    private readonly local: MediaStream,
  ) {}

  /** Publishes the camera connection; the subscriber one comes when the server offers it. */
  async start(): Promise<void> {
    const pc = await this.make('camera');
    const mic = this.local.getAudioTracks()[0];
    const cam = this.local.getVideoTracks()[0];
    this.audio = pc.addTransceiver(mic ?? 'audio', { direction: 'sendonly', streams: [this.local] }).sender;
    // Always a video m-line, so the camera can be turned on later with replaceTrack alone.
    this.video = pc.addTransceiver(cam ?? 'video', { direction: 'sendonly', streams: [this.local] }).sender;
    await this.publish('camera', false);
  }

  feeds(): RemoteFeed[] {
    return [...this.feedMap.values()];
  }

  onCall(call: Call): void {
    // The subscriber offer drops a screen when its sharer stops; the call's sharer says it sooner.
    let changed = false;
    for (const [key, feed] of this.feedMap) {
      if (feed.feed === 'screen' && call.sharerId !== feed.personId) {
        this.feedMap.delete(key);
        changed = true;
      }
    }
    if (changed) this.host.feedsChanged();
  }

  onSignal(signal: RealtimeSignal): void {
    if (signal.type !== 'call.sfu') return;
    const s = signal.payload as SfuSignal;
    if (s.callId !== this.host.callId) return;
    this.queue = this.queue.then(() => this.receive(s)).catch(() => this.host.problem('negotiation'));
  }

  private async receive(s: SfuSignal): Promise<void> {
    if (s.op === 'error') return this.host.problem(s.code ?? 'sfu_error');
    if (s.op === 'answer' && s.description) {
      const pc = this.pcs.get(s.pc);
      if (!pc) return;
      await pc.setRemoteDescription(s.description);
      await this.flush(s.pc, pc);
    } else if (s.op === 'offer' && s.pc === 'subscriber' && s.description) {
      const pc = this.pcs.get('subscriber') ?? (await this.make('subscriber'));
      this.streams = s.streams ?? [];
      await pc.setRemoteDescription(s.description);
      await pc.setLocalDescription();
      this.host.send({
        kind: 'call.sfu',
        callId: this.host.callId,
        op: 'subscribed',
        pc: 'subscriber',
        description: describe(pc.localDescription),
      });
      await this.flush('subscriber', pc);
      this.rebuildFeeds(pc);
    } else if (s.op === 'trickle' && s.candidate !== undefined) {
      // Not in the contract today (the media server's candidates come inside its SDP); taken if sent.
      const pc = this.pcs.get(s.pc);
      if (pc?.remoteDescription) await pc.addIceCandidate(s.candidate ?? undefined);
      else this.early.set(s.pc, [...(this.early.get(s.pc) ?? []), s.candidate]);
    }
  }

  private async flush(name: SfuPc, pc: RTCPeerConnection): Promise<void> {
    for (const c of this.early.get(name) ?? []) await pc.addIceCandidate(c ?? undefined).catch(() => undefined);
    this.early.delete(name);
  }

  private async make(name: SfuPc): Promise<RTCPeerConnection> {
    const config = await this.host.rtcConfig();
    if (this.closed) throw new Error('closed');
    const pc = new RTCPeerConnection({ ...config, bundlePolicy: 'max-bundle' });
    this.pcs.set(name, pc);
    pc.onicecandidate = (e) =>
      this.host.send({ kind: 'call.sfu', callId: this.host.callId, op: 'trickle', pc: name, candidate: candidateInit(e.candidate) });
    if (name === 'subscriber') pc.ontrack = () => this.rebuildFeeds(pc);
    this.unwatch.set(
      name,
      watchIce(
        pc,
        () => this.restart(name),
        (state) => (name === 'screen' ? undefined : this.host.stateChanged(state)),
      ),
    );
    return pc;
  }

  private async publish(name: Publisher, iceRestart: boolean): Promise<void> {
    const pc = this.pcs.get(name);
    if (!pc) return;
    await pc.setLocalDescription(await pc.createOffer({ iceRestart }));
    this.host.send({ kind: 'call.sfu', callId: this.host.callId, op: 'publish', pc: name, description: describe(pc.localDescription) });
  }

  /** The feeds the subscriber connection carries now, by the mids the server's offer named. */
  private rebuildFeeds(pc: RTCPeerConnection): void {
    const next = new Map<string, RemoteFeed>();
    for (const t of pc.getTransceivers()) {
      const entry = this.streams.find((s) => s.mid === t.mid);
      if (!entry || t.currentDirection === 'inactive' || t.currentDirection === 'stopped') continue;
      const key = `${entry.personId}:${entry.feed}`;
      this.owners.set(t.receiver.track.id, { personId: entry.personId, feed: entry.feed });
      const tracks = next.get(key)?.stream.getTracks() ?? [];
      next.set(key, { key, personId: entry.personId, feed: entry.feed, stream: new MediaStream([...tracks, t.receiver.track]) });
    }
    // Keep the stream objects whose tracks did not change, so their <video> does not restart.
    for (const [key, feed] of next) {
      const held = this.feedMap.get(key);
      const same = held && sameTracks(held.stream, feed.stream);
      if (same) next.set(key, held);
    }
    this.feedMap = next;
    this.host.feedsChanged();
  }

  async setTrack(kind: 'audio' | 'video', track: MediaStreamTrack | null): Promise<void> {
    await (kind === 'audio' ? this.audio : this.video)?.replaceTrack(track);
  }

  async startScreen(stream: MediaStream): Promise<void> {
    const track = stream.getVideoTracks()[0];
    if (!track) return;
    const pc = this.pcs.get('screen') ?? (await this.make('screen'));
    pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
    await this.publish('screen', false);
  }

  async stopScreen(): Promise<void> {
    const pc = this.pcs.get('screen');
    if (!pc) return;
    this.host.send({ kind: 'call.sfu', callId: this.host.callId, op: 'unpublish', pc: 'screen' });
    this.unwatch.get('screen')?.();
    pc.close();
    this.pcs.delete('screen');
    await Promise.resolve();
  }

  /**
   * Publishers offer again with new ICE credentials; the subscriber's offers are the media server's,
   * so it is asked to make one with new credentials (the answer goes the usual way).
   */
  private restart(name: SfuPc): void {
    const pc = this.pcs.get(name);
    if (name === 'subscriber') {
      if (pc)
        void this.host
          .refreshIce(pc)
          .catch(() => undefined)
          .finally(() => this.host.send({ kind: 'call.sfu', callId: this.host.callId, op: 'restart', pc: 'subscriber' }));
      return;
    }
    this.queue = this.queue
      .then(() => (pc ? this.host.refreshIce(pc).catch(() => undefined) : undefined))
      .then(() => this.publish(name, true))
      .catch(() => this.host.problem('negotiation'));
  }

  restartIce(): void {
    this.restart('camera');
    if (this.pcs.has('screen')) this.restart('screen');
    if (this.pcs.has('subscriber')) this.restart('subscriber');
  }

  peers(): Array<{ name: string; pc: RTCPeerConnection }> {
    return [...this.pcs].map(([name, pc]) => ({ name, pc }));
  }

  ownerOf(trackId: string): { personId: string; feed: Feed } | undefined {
    return this.owners.get(trackId);
  }

  audioSender(): RTCRtpSender | undefined {
    return this.audio;
  }

  close(): void {
    this.closed = true;
    for (const stop of this.unwatch.values()) stop();
    for (const pc of this.pcs.values()) pc.close();
    this.pcs.clear();
  }
}

function sameTracks(a: MediaStream, b: MediaStream): boolean {
  const x = a.getTracks();
  const y = b.getTracks();
  return x.length === y.length && x.every((t) => y.includes(t));
}
