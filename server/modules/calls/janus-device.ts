import type { Logger } from 'pino';
import type { CallSfuSignal, IceCandidate, SfuPc, SfuStream } from '../../../protocol/calls.js';
import type { JanusHandle, JanusMessage, JanusSession, PluginData } from './janus-client.js';
import type { SfuSession } from './sfu.js';

/**
 * One joined device in a VideoRoom: a Janus session holding a publisher handle for the camera, one
 * for the screen while it is shared, and ONE subscriber handle (a multistream subscription) that
 * carries everyone else's feeds. The publisher handle of the camera hears who publishes and who
 * leaves; each change updates the subscription, and Janus's new offer goes to the device.
 *
 * Offers to the device are one at a time: a change while an offer waits for its answer is applied
 * after that answer, with a fresh offer.
 */

export const VIDEOROOM = 'janus.plugin.videoroom';

type Send = (signal: Omit<CallSfuSignal, 'callId'>) => void;
type Feed = SfuStream['feed'];

/** What each publisher's `display` carries: whose feed it is, and which. */
export function displayOf(personId: string, feed: Feed): string {
  return JSON.stringify({ personId, feed });
}

function parseDisplay(display: unknown): { personId: string; feed: Feed } | null {
  if (typeof display !== 'string') return null;
  try {
    const value = JSON.parse(display) as { personId?: unknown; feed?: unknown };
    if (typeof value.personId !== 'string' || (value.feed !== 'camera' && value.feed !== 'screen')) return null;
    return { personId: value.personId, feed: value.feed };
  } catch {
    return null;
  }
}

interface JanusPublisher {
  id: string;
  display?: string;
  streams?: Array<{ type?: string; disabled?: boolean }>;
}

interface JanusSubStream {
  mid?: string;
  type?: string;
  active?: boolean;
  feed_id?: string;
}

export class JanusDevice implements SfuSession {
  private camera!: JanusHandle;
  private readonly own = new Set<string>();
  private screen: Promise<JanusHandle> | null = null;
  private subscriber: JanusHandle | null = null;
  private subscribing: Promise<JanusHandle> | null = null;
  /** Feeds of other people publishing now, by Janus feed id. */
  private readonly others = new Map<string, { personId: string; feed: Feed }>();
  /** Feeds that left before the list in our join answer was read. */
  private readonly departed = new Set<string>();
  /** Feeds the subscription carries, as Janus last described it. */
  private carried = new Set<string>();
  private publishedCamera = false;
  private ready = false;
  private pumping = false;
  private dirty = false;
  private offerOutstanding = false;
  /** The device asked for an ICE restart of its subscriber connection; done at the next quiet moment. */
  private restartWanted = false;
  /** Counts offers sent to the device, so an answer settles only the offer it answers. */
  private offerSeq = 0;
  private ended = false;
  private closing: Promise<void> = Promise.resolve();

  constructor(
    readonly callId: string,
    readonly personId: string,
    private readonly session: JanusSession,
    private readonly send: Send,
    private readonly logger: Logger,
    private readonly onEnd: (device: JanusDevice, reason: string | null) => void,
  ) {
    session.onGone((reason) => this.end(reason));
  }

  /** Joins the room as the camera's publisher and learns who publishes already. */
  async start(): Promise<void> {
    this.camera = await this.session.attach(VIDEOROOM, (message) => this.onPublisherEvent(message));
    const joined = await this.camera.message({
      request: 'join',
      ptype: 'publisher',
      room: this.callId,
      display: displayOf(this.personId, 'camera'),
    });
    this.own.add(String(joined.data.id));
    for (const publisher of (joined.data.publishers as JanusPublisher[] | undefined) ?? []) {
      if (!this.departed.has(String(publisher.id))) this.addPublisher(publisher);
    }
    this.ready = true;
    this.pump();
  }

  async publish(pc: 'camera' | 'screen', offerSdp: string): Promise<string> {
    this.assertLive();
    const offer = { type: 'offer' as const, sdp: offerSdp };
    if (pc === 'camera') {
      const request = this.publishedCamera ? 'configure' : 'publish';
      const reply = await this.camera.message({ request, audio: true, video: true }, offer);
      this.publishedCamera = true;
      return answerOf(reply.jsep);
    }
    if (this.screen) {
      const handle = await this.screen;
      return answerOf((await handle.message({ request: 'configure' }, offer)).jsep);
    }
    const screen = this.openScreen();
    this.screen = screen;
    try {
      const handle = await screen;
      return answerOf((await handle.message({ request: 'publish', audio: false, video: true }, offer)).jsep);
    } catch (error) {
      // Nothing is shared: the next offer starts the screen afresh.
      if (this.screen === screen) await this.unpublish('screen').catch(() => {});
      throw error;
    }
  }

  async unpublish(pc: 'camera' | 'screen'): Promise<void> {
    this.assertLive();
    if (pc === 'camera') {
      if (!this.publishedCamera) return;
      this.publishedCamera = false;
      await this.camera.message({ request: 'unpublish' });
      return;
    }
    const screen = this.screen;
    this.screen = null;
    if (!screen) return;
    const handle = await screen.catch(() => null);
    if (!handle) return;
    await handle.message({ request: 'leave' }).catch(() => {});
    await handle.detach();
  }

  async subscribed(answerSdp: string): Promise<void> {
    this.assertLive();
    if (!this.subscriber || !this.offerOutstanding) throw new Error('there is no subscriber offer to answer');
    const answered = this.offerSeq;
    try {
      await this.subscriber.message({ request: 'start' }, { type: 'answer', sdp: answerSdp });
    } finally {
      // Janus may have sent its next offer before confirming this answer: that one still waits.
      if (this.offerSeq === answered) this.offerOutstanding = false;
      this.pump();
    }
  }

  async trickle(pc: SfuPc, candidate: IceCandidate | null): Promise<void> {
    this.assertLive();
    const handle = pc === 'camera' ? this.camera : pc === 'screen' ? await this.screen : (this.subscriber ?? (await this.subscribing));
    if (!handle) return;
    await handle.trickle(
      candidate && { candidate: candidate.candidate, sdpMid: candidate.sdpMid ?? null, sdpMLineIndex: candidate.sdpMLineIndex ?? null },
    );
  }

  async restartSubscriber(): Promise<void> {
    this.assertLive();
    this.restartWanted = true;
    this.pump();
  }

  async leave(): Promise<void> {
    this.end(null);
    await this.closing;
  }

  /** The device is out: it left (`reason` null), the room was closed, or the media server went away. */
  end(reason: string | null): void {
    if (this.ended) return;
    this.ended = true;
    // Destroying the session hangs up its connections; the others' subscriptions drop its feeds.
    this.closing = this.session.destroy();
    this.onEnd(this, reason);
  }

  private assertLive(): void {
    if (this.ended) throw new Error('this device is no longer in the call');
  }

  private async openScreen(): Promise<JanusHandle> {
    const handle = await this.session.attach(VIDEOROOM, (message) => this.onOtherEvent(message));
    const joined = await handle.message({
      request: 'join',
      ptype: 'publisher',
      room: this.callId,
      display: displayOf(this.personId, 'screen'),
    });
    this.own.add(String(joined.data.id));
    return handle;
  }

  private onPublisherEvent(message: JanusMessage): void {
    const data = message.plugindata?.data;
    if (message.janus !== 'event' || !data) return;
    if (data.videoroom === 'destroyed') {
      this.end('the call ended');
      return;
    }
    let changed = false;
    for (const publisher of (data.publishers as JanusPublisher[] | undefined) ?? []) changed = this.addPublisher(publisher) || changed;
    for (const key of ['unpublished', 'leaving', 'kicked'] as const) {
      const id = data[key];
      if (id === undefined || id === 'ok') continue;
      this.departed.add(String(id));
      changed = this.others.delete(String(id)) || changed;
    }
    if (changed) this.pump();
  }

  private onOtherEvent(message: JanusMessage): void {
    if (message.janus === 'event' && message.plugindata?.data.videoroom === 'destroyed') this.end('the call ended');
  }

  private onSubscriberEvent(message: JanusMessage): void {
    // Janus may renegotiate on its own (a publisher it fed us went away): pass its offer on.
    if (message.janus === 'event' && message.jsep?.type === 'offer' && message.plugindata) {
      this.offer(message.plugindata.data, message.jsep.sdp);
    }
  }

  private addPublisher(publisher: JanusPublisher): boolean {
    const id = String(publisher.id);
    if (this.own.has(id)) return false;
    const owner = parseDisplay(publisher.display);
    if (!owner || owner.personId === this.personId) return false;
    const media = (publisher.streams ?? []).some((s) => (s.type === 'audio' || s.type === 'video') && !s.disabled);
    if (!media || this.others.has(id)) return false;
    this.departed.delete(id);
    this.others.set(id, owner);
    return true;
  }

  /**
   * Subscribes to the feeds the subscription does not carry yet, one renegotiation at a time. A
   * change during a pending one (or while an offer waits for the device's answer) is applied after
   * it. Feeds that go away need nothing from us: Janus drops them from the subscription itself and
   * sends a new offer (after the pending answer, if any).
   */
  private pump(): void {
    if (!this.ready || this.ended) return;
    if (this.pumping || this.offerOutstanding) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    if (this.restartWanted && this.subscriber) {
      this.restartWanted = false;
      this.pumping = true;
      this.restartIce()
        .catch((error: Error) => {
          if (!this.ended) this.send({ op: 'error', pc: 'subscriber', code: 'sfu_error', message: error.message });
        })
        .finally(() => {
          this.pumping = false;
          this.pump();
        });
      return;
    }
    const add = [...this.others.keys()].filter((id) => !this.carried.has(id));
    if (add.length === 0) return;
    this.pumping = true;
    this.subscribe(add)
      .catch((error: Error) => {
        if (this.ended) return;
        this.logger.warn({ err: error, callId: this.callId }, 'media server: subscription update failed');
        this.send({ op: 'error', pc: 'subscriber', code: 'sfu_error', message: error.message });
      })
      .finally(() => {
        this.pumping = false;
        if (this.dirty) this.pump();
      });
  }

  private async subscribe(add: string[]): Promise<void> {
    const streams = add.map((feed) => ({ feed }));
    if (!this.subscriber) {
      this.subscribing = this.session.attach(VIDEOROOM, (message) => this.onSubscriberEvent(message));
      this.subscriber = await this.subscribing;
      const reply = await this.subscriber.message({ request: 'join', ptype: 'subscriber', room: this.callId, streams });
      if (reply.jsep?.type === 'offer') this.offer(reply.data, reply.jsep.sdp);
      return;
    }
    const reply = await this.subscriber.message({ request: 'subscribe', streams });
    if (reply.jsep?.type === 'offer') this.offer(reply.data, reply.jsep.sdp);
    // No offer: Janus is still waiting for an answer and sends its offer once it has it.
    else for (const id of add) this.carried.add(id);
  }

  /** Janus renegotiates the subscription with new ICE credentials (VideoRoom `configure` with `restart`). */
  private async restartIce(): Promise<void> {
    const reply = await this.subscriber!.message({ request: 'configure', restart: true });
    if (reply.jsep?.type === 'offer') this.offer(reply.data, reply.jsep.sdp);
  }

  /**
   * A subscriber offer from Janus, with its streams: what the device receives from now on. Streams
   * of feeds that have left already are not listed (a later offer drops them from the SDP too).
   */
  private offer(data: PluginData, sdp: string): void {
    if (this.ended) return;
    const streams: SfuStream[] = [];
    const carried = new Set<string>();
    for (const stream of (data.streams as JanusSubStream[] | undefined) ?? []) {
      if (stream.active === false || stream.feed_id === undefined || stream.mid === undefined) continue;
      if (stream.type !== 'audio' && stream.type !== 'video') continue;
      const feedId = String(stream.feed_id);
      carried.add(feedId);
      const owner = this.others.get(feedId);
      if (owner) streams.push({ mid: stream.mid, personId: owner.personId, feed: owner.feed, kind: stream.type });
    }
    this.carried = carried;
    this.offerOutstanding = true;
    this.offerSeq++;
    this.send({ op: 'offer', pc: 'subscriber', description: { type: 'offer', sdp }, streams });
  }
}

function answerOf(jsep: { type: string; sdp: string } | undefined): string {
  if (jsep?.type !== 'answer') throw new Error('media server: no answer to the offer');
  return jsep.sdp;
}
