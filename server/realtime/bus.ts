import { EventEmitter } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Presence } from '../../protocol/chat.js';

/**
 * What crosses between server processes. `deliver`: an event already stored for these people with
 * these sequence numbers. `disconnect`: close sockets of a person or of given sessions. `signal`: a
 * live-only frame for whichever sockets of these people are open now. `presence`: a person's
 * presence, for whichever sockets watch them.
 */
export type BusMessage =
  | {
      kind: 'deliver';
      orgId: string;
      deliveries: Array<{ personId: string; seq: number }>;
      event: { type: string; payload: unknown; at: string };
    }
  | { kind: 'disconnect'; orgId: string; personId?: string; sessionIds?: string[]; reason: string }
  /** A live-only signal (typing, large-group receipts, presence) for these people's open sockets; never stored. */
  | { kind: 'signal'; orgId: string; personIds: string[]; signal: { type: string; payload: unknown } }
  /** A person's presence after one of their devices changed, as read at `at`; each process tells the sockets that watch them. */
  | { kind: 'presence'; orgId: string; presence: Presence; at: number }
  /** A live-only signal for one socket (device) of a person: a call's signalling, which only the device in the call may see. */
  | { kind: 'device'; orgId: string; personId: string; connectionId: string; signal: { type: string; payload: unknown } };

export interface EventBus {
  publish(msg: BusMessage): Promise<void>;
  subscribe(handler: (msg: BusMessage) => void): void;
  ready(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Embedded shape: one process, so an in-memory emitter is the whole bus. */
export class MemoryBus implements EventBus {
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  async publish(msg: BusMessage): Promise<void> {
    // Asynchronous like the network bus, so callers never depend on synchronous delivery.
    queueMicrotask(() => this.emitter.emit('msg', msg));
  }
  subscribe(handler: (msg: BusMessage) => void): void {
    this.emitter.on('msg', handler);
  }
  async ready(): Promise<void> {}
  async ping(): Promise<void> {}
  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}

/** Scaled-out shape: Redis pub/sub on one channel; every process filters for its own sockets. */
export class RedisBus implements EventBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers: Array<(msg: BusMessage) => void> = [];
  private readonly subscribed: Promise<unknown>;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly log: Logger,
  ) {
    this.pub = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
    this.sub = new Redis(url, { lazyConnect: false });
    for (const r of [this.pub, this.sub]) r.on('error', (err) => this.log.warn({ err }, 'redis bus error'));
    this.subscribed = this.sub.subscribe(channel);
    this.sub.on('message', (ch, raw) => {
      if (ch !== this.channel) return;
      let msg: BusMessage;
      try {
        msg = JSON.parse(raw) as BusMessage;
      } catch {
        return;
      }
      for (const h of this.handlers) h(msg);
    });
  }
  async publish(msg: BusMessage): Promise<void> {
    await this.pub.publish(this.channel, JSON.stringify(msg));
  }
  subscribe(handler: (msg: BusMessage) => void): void {
    this.handlers.push(handler);
  }
  async ready(): Promise<void> {
    await this.subscribed;
  }
  async ping(): Promise<void> {
    await this.pub.ping();
  }
  async close(): Promise<void> {
    this.pub.disconnect();
    this.sub.disconnect();
  }
}
