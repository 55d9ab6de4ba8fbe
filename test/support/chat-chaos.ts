import { Agent, request } from 'undici';
import WebSocket from 'ws';
import type { Client, Frame } from './client.js';

/**
 * Chaos for the exactly-once proof of chat: devices whose sockets are cut at random points and
 * reconnect with `?after=<last seq seen>`, senders whose answers get lost and who retry with the
 * same idempotency key, and the comparison of what every device saw with the server's history.
 * Every random choice comes from a seeded generator, so a failing seed can be replayed.
 */

/** mulberry32: small, fast, seeded. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed of this run: CHAT_CHAOS_SEED replays an earlier one. */
export function chaosSeed(): number {
  const given = Number(process.env.CHAT_CHAOS_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Seen {
  id: string;
  seq: number;
  body: string;
}

/**
 * One device of a person: a realtime socket that, whenever it closes (cut by us, by the server, or
 * the server process died), comes back with `?after=` the last event it processed. Frames of a cut
 * socket that arrive after the cut are ignored: the device never saw them.
 */
export class ChatDevice {
  lastSeq = -1;
  /** chat.message events per conversation, in arrival order. */
  readonly byConversation = new Map<string, Seen[]>();
  /** Anything that breaks exactly-once at the person's level: a gap, a duplicate, a resync. */
  readonly problems: string[] = [];
  cuts = 0;
  reconnects = 0;
  private ws: WebSocket | null = null;
  /** A socket being opened (not yet `ready`), so that stop() can end it too. */
  private opening: WebSocket | null = null;
  private stopped = false;
  private ready: Promise<void> | null = null;

  constructor(
    readonly label: string,
    /** The client to connect through (read on every reconnect: a restarted process may sit elsewhere). */
    private readonly via: () => Client,
    private readonly rnd: () => number,
    /** Chance to cut the socket right after processing an event. */
    private readonly cutChance: number,
  ) {}

  /** First connection, without `after`: the device starts at the person's current seq. */
  open(): Promise<void> {
    this.ready = this.attach(undefined);
    return this.ready;
  }

  /** Terminates the socket at once (no close handshake), as a lost network does; it reconnects by itself. */
  cut(): void {
    if (this.stopped || !this.ws) return;
    this.cuts++;
    const ws = this.ws;
    this.ws = null;
    ws.terminate();
    this.reconnect();
  }

  stop(): void {
    this.stopped = true;
    this.ws?.terminate();
    this.opening?.terminate();
    this.ws = null;
  }

  /** The messages of a conversation as this device received them. */
  seen(conversationId: string): Seen[] {
    return this.byConversation.get(conversationId) ?? [];
  }

  lastSeqIn(conversationId: string): number {
    return this.seen(conversationId).at(-1)?.seq ?? 0;
  }

  private reconnect(): void {
    if (this.stopped) return;
    this.reconnects++;
    void this.attach(this.lastSeq).catch(() => undefined);
  }

  /** Opens a socket; on refusal or error (server down), tries again until it holds or the device stops. */
  private async attach(after: number | undefined): Promise<void> {
    for (let attempt = 0; !this.stopped; attempt++) {
      const client = this.via();
      const query = after === undefined ? '' : `?after=${after}`;
      const ws = new WebSocket(`ws://127.0.0.1:${client.port}/api/v1/realtime${query}`, {
        headers: { host: client.host, ...(client.cookie ? { cookie: client.cookie } : {}) },
      });
      this.opening = ws;
      const outcome = await new Promise<'ready' | 'failed'>((resolve) => {
        ws.on('message', (data) => {
          if (this.ws !== ws && this.ws !== null) return;
          const frame = JSON.parse(String(data)) as Frame;
          if (this.ws === null && (frame.kind === 'ready' || frame.kind === 'resync')) {
            this.ws = ws;
            if (frame.kind === 'resync') this.problems.push(`${this.label}: resync ${JSON.stringify(frame)}`);
            if (after === undefined) this.lastSeq = frame.seq ?? 0;
            resolve('ready');
            return;
          }
          if (this.ws === ws) this.onFrame(frame);
        });
        ws.once('close', () => {
          resolve('failed');
          // A socket that was live and closed without us cutting it (server died, closed it): come back.
          if (this.ws === ws) {
            this.ws = null;
            this.reconnect();
          }
        });
        ws.once('error', () => resolve('failed'));
        ws.once('unexpected-response', (_req, res) => {
          res.resume();
          resolve('failed');
        });
      });
      this.opening = null;
      if (outcome === 'ready') return;
      ws.terminate();
      if (after === undefined) after = this.lastSeq >= 0 ? this.lastSeq : undefined;
      // The server is away (killed, restarting): try again shortly, not in a tight loop.
      await pause(Math.min(200, 20 * (attempt + 1)));
    }
  }

  private onFrame(frame: Frame): void {
    if (frame.kind === 'resync') {
      this.problems.push(`${this.label}: resync ${JSON.stringify(frame)}`);
      return;
    }
    if (frame.kind !== 'event' || frame.seq === undefined) return;
    if (frame.seq !== this.lastSeq + 1) this.problems.push(`${this.label}: got seq ${frame.seq} after ${this.lastSeq}`);
    if (frame.seq <= this.lastSeq) return;
    this.lastSeq = frame.seq;
    if (frame.type === 'chat.message') {
      const { conversationId, message } = frame.payload as { conversationId: string; message: Seen };
      let list = this.byConversation.get(conversationId);
      if (!list) this.byConversation.set(conversationId, (list = []));
      list.push({ id: message.id, seq: message.seq, body: message.body });
    }
    if (this.rnd() < this.cutChance) this.cut();
  }
}

/** The connections of the chaotic sends, apart from everything else, so that they can all be ended after a run. */
export const sendAgent = (): Agent => new Agent({ keepAliveTimeout: 1000 });

/** One message a person means to send, and everything the server answered about it. */
export interface SendRecord {
  key: string;
  conversationId: string;
  body: string;
  attempts: number;
  /** Attempts we aborted a few milliseconds after sending: the answer, if any, never reached us. */
  lost: number;
  /** Attempts that failed on their own: connection refused or reset (the server was down or died). */
  failed: number;
  /** Answers we read but then threw away, as if the network had dropped them. */
  discarded: number;
  statuses: number[];
  /** The message id of every answer the server gave (all must be the same). */
  ids: string[];
  acknowledged: { id: string; seq: number } | null;
}

export interface SendChaos {
  /** Chance to abort an attempt a few milliseconds after sending it. */
  abort: number;
  /** Chance to read an answer and drop it, then retry with the same key. */
  discard: number;
}

/**
 * Sends until acknowledged, always with the same key: a lost or dropped answer is retried, so is a
 * connection refused while the server is down. Any other refusal is a failure of the test.
 */
export async function sendUntilAcknowledged(
  via: () => Client,
  record: SendRecord,
  rnd: () => number,
  chaos: SendChaos,
  dispatcher: Agent,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!record.acknowledged) {
    if (Date.now() > deadline) throw new Error(`send ${record.key} not acknowledged within 60 s: ${JSON.stringify(record)}`);
    record.attempts++;
    const client = via();
    const roll = rnd();
    const controller = new AbortController();
    if (roll < chaos.abort) setTimeout(() => controller.abort(), Math.floor(rnd() * 4));
    let status: number;
    let body: unknown;
    try {
      const res = await request(`http://127.0.0.1:${client.port}/api/v1/conversations/${record.conversationId}/messages`, {
        method: 'POST',
        headers: {
          host: client.host,
          'content-type': 'application/json',
          ...(client.cookie ? { cookie: client.cookie } : {}),
          ...(client.csrf ? { 'x-csrf-token': client.csrf } : {}),
        },
        body: JSON.stringify({ clientKey: record.key, body: record.body }),
        signal: controller.signal,
        dispatcher,
      });
      status = res.statusCode;
      const text = await res.body.text();
      body = text ? JSON.parse(text) : null;
    } catch {
      if (controller.signal.aborted) record.lost++;
      else {
        record.failed++;
        await pause(50);
      }
      continue;
    }
    record.statuses.push(status);
    if (status >= 500) {
      // A process shutting down may answer 503 on its way out: a retry is what a client does.
      await pause(25);
      continue;
    }
    if (status !== 200 && status !== 201) throw new Error(`send ${record.key} refused: ${status} ${JSON.stringify(body)}`);
    const message = body as { id: string; seq: number; clientKey: string };
    record.ids.push(message.id);
    if (roll >= chaos.abort && roll < chaos.abort + chaos.discard) {
      record.discarded++;
      continue;
    }
    record.acknowledged = { id: message.id, seq: message.seq };
  }
}

/** A conversation's whole history as the server gives it, oldest first, read page by page. */
export async function historyOf(client: Client, conversationId: string): Promise<Array<Seen & { clientKey: string | null }>> {
  const all: Array<Seen & { clientKey: string | null }> = [];
  for (;;) {
    const after = all.at(-1)?.seq ?? 0;
    const res = await client.get<{ items: Array<Seen & { clientKey: string | null }>; hasMore: boolean }>(
      `/api/v1/conversations/${conversationId}/messages?after=${after}&limit=100`,
    );
    if (res.status !== 200) throw new Error(`history of ${conversationId} failed: ${res.status} ${JSON.stringify(res.body)}`);
    all.push(...res.body.items.map((m) => ({ id: m.id, seq: m.seq, body: m.body, clientKey: m.clientKey })));
    if (!res.body.hasMore || res.body.items.length === 0) return all;
  }
}

/** Runs `count` tasks with at most `width` at a time. */
export async function inParallel(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}
