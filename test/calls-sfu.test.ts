import { randomBytes } from 'node:crypto';
import { FAKE_MEDIA, launchChromium } from './e2e/browser.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallSfuSignal, IceCandidate, SfuStream } from '../protocol/calls.js';
import { createSfu, type JanusSfu } from '../server/modules/calls/janus.js';
import type { SfuSession } from '../server/modules/calls/sfu.js';
import type { CallsConfig } from '../server/config.js';

/**
 * The Janus VideoRoom adapter against a real embedded Janus and real browsers: each page is one
 * device, bridged to its SfuSession here (the part the call service and the realtime socket play
 * in the product). What each page receives is read from RTCPeerConnection.getStats().
 */

const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
const rtpFrom = 40_000 + Math.floor(Math.random() * 100) * 200;

function callsConfig(overrides: Partial<CallsConfig> = {}): CallsConfig {
  return {
    sfu: 'embedded',
    sfuApiSecret: undefined,
    janusBin: process.env.JANUS_BIN ?? 'janus',
    rtpPorts: { from: rtpFrom, to: rtpFrom + 199 },
    sfuPublicIp: undefined,
    stunUrls: [],
    turnUrls: [],
    turnSecret: undefined,
    relayOnly: false,
    ringTimeoutMs: 45_000,
    turnTtlS: 3600,
    ...overrides,
  };
}

/** The in-page half of a device: its connections to the media server and what they receive. */
const HARNESS = `<!doctype html><title>sfu</title><script>
const h = (window.h = { pcs: {}, streams: [], offers: 0, errors: [] });
h.start = async () => {
  h.local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240, frameRate: 15 } });
};
h.connection = (pc) => {
  const c = new RTCPeerConnection({ iceServers: [] });
  c.onicecandidate = (e) => window.sfuTrickle(pc, e.candidate ? e.candidate.toJSON() : null);
  h.pcs[pc] = c;
  return c;
};
h.publish = async (pc) => {
  const c = h.connection(pc);
  let tracks;
  if (pc === 'camera') tracks = h.local.getTracks();
  else {
    // A moving canvas stands in for a shared screen.
    const canvas = document.createElement('canvas');
    canvas.width = 320; canvas.height = 180;
    const g = canvas.getContext('2d');
    let n = 0;
    h.painter = setInterval(() => { g.fillStyle = 'hsl(' + (n++ * 7 % 360) + ',80%,50%)'; g.fillRect(0, 0, 320, 180); }, 66);
    tracks = canvas.captureStream(15).getVideoTracks();
  }
  for (const t of tracks) c.addTransceiver(t, { direction: 'sendonly' });
  await c.setLocalDescription(await c.createOffer());
  const answer = await window.sfuPublish(pc, c.localDescription.sdp);
  await c.setRemoteDescription({ type: 'answer', sdp: answer });
};
h.unpublishScreen = async () => {
  clearInterval(h.painter);
  h.pcs.screen.close();
  delete h.pcs.screen;
  await window.sfuUnpublish('screen');
};
h.signal = async (s) => {
  try {
    if (s.op === 'error') { h.errors.push(s.message); return; }
    if (s.op !== 'offer') return;
    const c = h.pcs.subscriber ?? h.connection('subscriber');
    await c.setRemoteDescription(s.description);
    await c.setLocalDescription(await c.createAnswer());
    h.streams = s.streams;
    h.offers++;
    await window.sfuSubscribed(c.localDescription.sdp);
  } catch (e) { h.errors.push(String(e)); }
};
h.inbound = async () => {
  const c = h.pcs.subscriber;
  if (!c) return [];
  const out = [];
  (await c.getStats()).forEach((r) => {
    if (r.type === 'inbound-rtp') out.push({ mid: r.mid, kind: r.kind, bytes: r.bytesReceived ?? 0, frames: r.framesDecoded ?? 0 });
  });
  return out;
};
</script>`;

interface Received extends SfuStream {
  bytes: number;
  frames: number;
}

class Device {
  session!: SfuSession;
  private queue: Promise<unknown> = Promise.resolve();
  /** Signals kept from the page while set, as if its answer were slow. */
  held: Array<Omit<CallSfuSignal, 'callId'>> | null = null;

  constructor(
    readonly personId: string,
    readonly page: Page,
  ) {}

  async join(sfu: JanusSfu, callId: string): Promise<void> {
    await this.page.exposeFunction('sfuPublish', (pc: 'camera' | 'screen', sdp: string) => this.session.publish(pc, sdp));
    await this.page.exposeFunction('sfuUnpublish', (pc: 'camera' | 'screen') => this.session.unpublish(pc));
    await this.page.exposeFunction('sfuSubscribed', (sdp: string) => this.session.subscribed(sdp));
    await this.page.exposeFunction('sfuTrickle', (pc: 'camera' | 'screen' | 'subscriber', c: IceCandidate | null) =>
      this.session.trickle(pc, c && { candidate: c.candidate, sdpMid: c.sdpMid ?? null, sdpMLineIndex: c.sdpMLineIndex ?? null }),
    );
    await this.page.evaluate(() => (window as unknown as { h: { start(): Promise<void> } }).h.start());
    this.session = await sfu.join(callId, { personId: this.personId, connectionId: `c-${this.personId}` }, (signal) =>
      this.deliver(signal),
    );
    await this.page.evaluate(() => (window as unknown as { h: { publish(pc: string): Promise<void> } }).h.publish('camera'));
  }

  /** Signals reach the page in the order they were sent, as over one socket. */
  private deliver(signal: Omit<CallSfuSignal, 'callId'>): void {
    if (this.held) {
      this.held.push(signal);
      return;
    }
    this.queue = this.queue
      .then(() => this.page.evaluate((s) => (window as unknown as { h: { signal(s: unknown): Promise<void> } }).h.signal(s), signal))
      .catch(() => {});
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const signal of held) this.deliver(signal);
  }

  /** What the subscriber connection receives now, stream by stream, as the last offer described them. */
  async received(): Promise<Received[]> {
    const { streams, stats } = await this.page.evaluate(async () => {
      const h = (
        window as unknown as { h: { streams: SfuStream[]; inbound(): Promise<Array<{ mid: string; bytes: number; frames: number }>> } }
      ).h;
      return { streams: h.streams, stats: await h.inbound() };
    });
    return streams.map((s) => {
      const r = stats.find((x) => x.mid === s.mid);
      return { ...s, bytes: r?.bytes ?? 0, frames: r?.frames ?? 0 };
    });
  }

  streams(): Promise<SfuStream[]> {
    return this.page.evaluate(() => (window as unknown as { h: { streams: SfuStream[] } }).h.streams);
  }

  errors(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { h: { errors: string[] } }).h.errors);
  }
}

/** Whether `received` holds live audio and video of `personId`'s `feed` (decoded frames for video). */
function flowing(received: Received[], personId: string, feed: 'camera' | 'screen', kinds: Array<'audio' | 'video'>): boolean {
  return kinds.every((kind) =>
    received.some(
      (r) => r.personId === personId && r.feed === feed && r.kind === kind && r.bytes > 0 && (kind === 'audio' || r.frames > 0),
    ),
  );
}

describe('the Janus VideoRoom SFU', () => {
  let sfu: JanusSfu;
  let browser: Browser;
  let http: Server;
  let harnessUrl: string;

  beforeAll(async () => {
    sfu = createSfu(callsConfig(), logger);
    http = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(HARNESS));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    harnessUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    // Fake camera and microphone, allowed without asking: with media permission granted the page sees
    // the machine's real addresses instead of mDNS names in its ICE candidates.
    browser = await launchChromium(FAKE_MEDIA);
  });

  afterAll(async () => {
    await browser?.close();
    await sfu?.close();
    await new Promise((resolve) => http?.close(resolve));
  });

  async function device(personId: string): Promise<Device> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(harnessUrl);
    return new Device(personId, page);
  }

  it('is available when Janus is installed, and starts it only for the first room', async () => {
    expect(sfu.available()).toBe(true);
    expect(sfu.pid).toBeNull();
    const callId = `call-${randomBytes(6).toString('hex')}`;
    await Promise.all([sfu.openRoom(callId), sfu.openRoom(callId)]);
    await sfu.openRoom(callId);
    expect(sfu.pid).toEqual(expect.any(Number));
    await sfu.closeRoom(callId);
    await sfu.closeRoom(callId);
  });

  it('forwards everyone’s camera and microphone to the others, a shared screen, and drops who leaves', async () => {
    const callId = `call-${randomBytes(6).toString('hex')}`;
    await sfu.openRoom(callId);
    const [a, b, c] = await Promise.all(['pa', 'pb', 'pc'].map((p) => device(p)));
    for (const d of [a!, b!, c!]) await d.join(sfu, callId);
    const everyone = [a!, b!, c!];

    for (const d of everyone) {
      const others = everyone.filter((o) => o !== d);
      await expect
        .poll(
          async () => {
            const received = await d.received();
            return others.every((o) => flowing(received, o.personId, 'camera', ['audio', 'video']));
          },
          { timeout: 20_000, interval: 250 },
        )
        .toBe(true);
      // Never its own feeds.
      expect((await d.streams()).some((s) => s.personId === d.personId)).toBe(false);
    }

    await a!.page.evaluate(() => (window as unknown as { h: { publish(pc: string): Promise<void> } }).h.publish('screen'));
    for (const d of [b!, c!]) {
      await expect.poll(async () => flowing(await d.received(), 'pa', 'screen', ['video']), { timeout: 20_000, interval: 250 }).toBe(true);
    }
    expect((await a!.streams()).some((s) => s.feed === 'screen')).toBe(false);

    await a!.page.evaluate(() => (window as unknown as { h: { unpublishScreen(): Promise<void> } }).h.unpublishScreen());
    for (const d of [b!, c!]) {
      await expect.poll(async () => (await d.streams()).some((s) => s.feed === 'screen'), { timeout: 20_000 }).toBe(false);
    }

    await c!.session.leave();
    for (const d of [a!, b!]) {
      await expect.poll(async () => (await d.streams()).some((s) => s.personId === 'pc'), { timeout: 20_000 }).toBe(false);
      // The one still there keeps flowing.
      const other = d === a ? 'pb' : 'pa';
      await expect.poll(async () => flowing(await d.received(), other, 'camera', ['audio', 'video']), { timeout: 20_000 }).toBe(true);
      expect(await d.errors()).toEqual([]);
    }

    await sfu.closeRoom(callId);
  });

  it('sends one subscriber offer at a time: changes while it waits for an answer come in the next one', async () => {
    const callId = `call-${randomBytes(6).toString('hex')}`;
    await sfu.openRoom(callId);
    const [a, b, c, d] = await Promise.all(['qa', 'qb', 'qc', 'qd'].map((p) => device(p)));
    await a!.join(sfu, callId);
    await b!.join(sfu, callId);
    await expect.poll(async () => flowing(await b!.received(), 'qa', 'camera', ['audio', 'video']), { timeout: 20_000 }).toBe(true);

    b!.held = [];
    await c!.join(sfu, callId);
    await expect.poll(() => b!.held?.length, { timeout: 20_000 }).toBe(1);
    await d!.join(sfu, callId);
    await expect.poll(async () => flowing(await a!.received(), 'qd', 'camera', ['video']), { timeout: 20_000 }).toBe(true);
    await c!.session.leave();
    await expect.poll(async () => (await a!.streams()).some((s) => s.personId === 'qc'), { timeout: 20_000 }).toBe(false);
    // Nothing more reached b while its first offer was unanswered.
    expect(b!.held?.length).toBe(1);

    b!.release();
    await expect
      .poll(
        async () => {
          const received = await b!.received();
          return (
            flowing(received, 'qa', 'camera', ['audio', 'video']) &&
            flowing(received, 'qd', 'camera', ['audio', 'video']) &&
            !received.some((r) => r.personId === 'qc')
          );
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(true);
    expect(await b!.errors()).toEqual([]);
    for (const x of [a!, b!, d!]) await x.session.leave();
    await sfu.closeRoom(callId);
  });

  it('turns a bad offer into a readable error and keeps serving', async () => {
    const callId = `call-${randomBytes(6).toString('hex')}`;
    await sfu.openRoom(callId);
    const session = await sfu.join(callId, { personId: 'px', connectionId: 'c-px' }, () => {});
    await expect(session.publish('camera', 'v=0\r\nthis is not an sdp\r\n')).rejects.toThrow(/media server: .+ \(\d+\)/);
    await expect(session.subscribed('v=0\r\n')).rejects.toThrow(/no subscriber offer/);
    await session.leave();
    await expect(session.publish('camera', 'v=0')).rejects.toThrow(/no longer in the call/);
    await sfu.openRoom(`call-${randomBytes(6).toString('hex')}`);
    await sfu.closeRoom(callId);
  });

  it('reports devices lost when Janus dies, and starts it again for the next room', async () => {
    const own = createSfu(callsConfig({ rtpPorts: { from: rtpFrom + 100, to: rtpFrom + 199 } }), logger);
    try {
      const callId = `call-${randomBytes(6).toString('hex')}`;
      await own.openRoom(callId);
      const signals: Array<Omit<CallSfuSignal, 'callId'>> = [];
      const gone: string[] = [];
      const session = await own.join(
        callId,
        { personId: 'pz', connectionId: 'c-pz' },
        (s) => signals.push(s),
        (reason) => gone.push(reason),
      );
      const pid = own.pid!;
      process.kill(pid, 'SIGKILL');
      await expect.poll(() => gone.length, { timeout: 10_000 }).toBe(1);
      expect(gone[0]).toMatch(/media server/);
      expect(signals).toContainEqual(expect.objectContaining({ op: 'error', code: 'sfu_lost' }));
      await expect(session.publish('camera', 'v=0')).rejects.toThrow(/no longer in the call/);

      await own.openRoom(callId);
      expect(own.pid).not.toBe(pid);
      const again = await own.join(callId, { personId: 'pz', connectionId: 'c-pz' }, () => {});
      await again.leave();
    } finally {
      await own.close();
    }
  });

  it('is unavailable without the binary, when off, or when a Janus run apart does not answer', async () => {
    const unreachable = createSfu(callsConfig({ sfu: 'ws://127.0.0.1:1' }), logger);
    expect(unreachable.available()).toBe(false);
    await expect(unreachable.openRoom('call-x')).rejects.toThrow(/cannot reach the media server/);
    await unreachable.close();

    const missing = createSfu(callsConfig({ janusBin: '/nonexistent/janus' }), logger);
    expect(missing.available()).toBe(false);
    await expect(missing.openRoom('call-x')).rejects.toThrow(/not available/);
    await missing.close();
    const off = createSfu(callsConfig({ sfu: 'off' }), logger);
    expect(off.available()).toBe(false);
    await off.close();
  });
});
