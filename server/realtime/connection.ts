import type { WebSocket } from 'ws';
import type { ServerFrame } from '../../protocol/events.js';
import { CloseCodes } from '../../protocol/events.js';
import { sql } from 'kysely';
import type { Db } from '../db/index.js';
import { newId } from '../lib/ids.js';
import { ClientState } from './client-frames.js';

/** How much a socket may have unsent before delivery pauses, and how long it may stay that far behind. */
export interface DeliveryLimits {
  highWaterBytes: number;
  maxBehindMs: number;
}

export const DEFAULT_DELIVERY_LIMITS: Readonly<DeliveryLimits> = { highWaterBytes: 512 * 1024, maxBehindMs: 20_000 };
const RECENT_LIMIT = 256;
const DB_BATCH = 200;

/**
 * One authenticated socket. Delivers the person's events strictly in sequence order, exactly once:
 * live events come from the bus; any gap (reconnect, reordering between processes, a slow socket)
 * is filled from the events table. Memory per socket is bounded: nothing queues here beyond a few
 * recent events; a socket that stops reading is closed and catches up from the database later.
 */
export class Connection {
  private lastSeq = 0;
  private wanted = 0;
  private started = false;
  private pumping = false;
  private closed = false;
  private readonly recent = new Map<number, string>();
  alive = true;
  /** This socket's own id (its presence row), distinct from the session: one session may open several. */
  readonly connectionId = newId();
  /** Rate limit, presence status and watch list of what the client sends (client-frames.ts). */
  readonly client = new ClientState();

  constructor(
    readonly ws: WebSocket,
    readonly orgId: string,
    readonly personId: string,
    readonly sessionId: string,
    private readonly db: Db,
    private readonly onError: (err: unknown) => void,
    private readonly limits: Readonly<DeliveryLimits> = DEFAULT_DELIVERY_LIMITS,
  ) {}

  /** Begins delivery after `after` (the last seq the client saw), or from now when it saw none. */
  async start(after: number | null): Promise<void> {
    // Checked again now that the gateway knows this socket: the request may have been authorised from
    // a cached session, and a revocation committed before this read sent its disconnect too early.
    const person = await this.db
      .selectFrom('sessions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('event_seqs as q', 'q.person_id', 's.person_id')
      .select('q.seq')
      .where('s.id', '=', this.sessionId)
      .where('s.revoked_at', 'is', null)
      .where('s.expires_at', '>', Date.now())
      .where('p.status', '=', 'active')
      .executeTakeFirst();
    if (!person) return this.close(CloseCodes.signedOut, 'signed out');
    const current = Number(person.seq ?? 0);
    this.wanted = Math.max(this.wanted, current);
    if (after === null) {
      this.lastSeq = current;
      this.send({ kind: 'ready', seq: current, connectionId: this.connectionId });
    } else if (after > current || (after < current && !(await this.hasEvent(after + 1)))) {
      // The client knows of events we never made, or the ones it missed are past retention.
      this.lastSeq = current;
      this.send({
        kind: 'resync',
        seq: current,
        reason: after > current ? 'unknown sequence' : 'gap older than retention',
        connectionId: this.connectionId,
      });
    } else {
      this.lastSeq = after;
      this.send({ kind: 'ready', seq: current, connectionId: this.connectionId });
    }
    this.started = true;
    this.kick();
  }

  /** A live event for this person (already committed and stored with `seq`). */
  offer(seq: number, frame: string): void {
    if (this.closed || (this.started && seq <= this.lastSeq)) return;
    if (seq > this.wanted) this.wanted = seq;
    if (this.recent.size < RECENT_LIMIT) this.recent.set(seq, frame);
    this.kick();
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.recent.clear();
    this.ws.close(code, reason);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  markClosed(): void {
    this.closed = true;
    this.recent.clear();
  }

  private kick(): void {
    if (!this.started || this.pumping || this.closed) return;
    this.pumping = true;
    this.pump()
      .catch((err: unknown) => {
        this.onError(err);
        this.close(1011, 'delivery failed');
      })
      .finally(() => {
        this.pumping = false;
        if (!this.closed && this.lastSeq < this.wanted) this.kick();
      });
  }

  private async pump(): Promise<void> {
    let behindSince: number | null = null;
    while (!this.closed && this.lastSeq < this.wanted) {
      if (this.ws.bufferedAmount > this.limits.highWaterBytes) {
        behindSince ??= Date.now();
        if (Date.now() - behindSince > this.limits.maxBehindMs) return this.close(CloseCodes.tooSlow, 'too slow; reconnect to catch up');
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      behindSince = null;
      const next = this.recent.get(this.lastSeq + 1);
      if (next !== undefined) {
        this.recent.delete(this.lastSeq + 1);
        this.ws.send(next);
        this.lastSeq++;
        continue;
      }
      const rows = await this.db
        .selectFrom('events as e')
        .leftJoin('event_bodies as b', 'b.id', 'e.body_id')
        .select(['e.seq', 'e.type', 'e.created_at', sql<string>`coalesce(b.payload, e.payload)`.as('payload')])
        .where('e.person_id', '=', this.personId)
        .where('e.seq', '>', this.lastSeq)
        .orderBy('e.seq')
        .limit(DB_BATCH)
        .execute();
      // Announced events are committed, so a missing next one (or none at all) was pruned while this
      // socket lagged; returning without a resync would query again and again for ever.
      if (rows[0]?.seq !== this.lastSeq + 1) {
        this.lastSeq = this.wanted;
        for (const seq of this.recent.keys()) if (seq <= this.lastSeq) this.recent.delete(seq);
        this.send({ kind: 'resync', seq: this.wanted, reason: 'gap older than retention', connectionId: this.connectionId });
        return;
      }
      for (const row of rows) {
        if (this.closed) return;
        this.ws.send(eventFrame(row.seq, row.type, row.payload, new Date(row.created_at).toISOString()));
        this.lastSeq = row.seq;
      }
      for (const seq of this.recent.keys()) if (seq <= this.lastSeq) this.recent.delete(seq);
    }
  }

  private async hasEvent(seq: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('events')
      .select('seq')
      .where('person_id', '=', this.personId)
      .where('seq', '=', seq)
      .executeTakeFirst();
    return !!row;
  }

  send(frame: ServerFrame): void {
    if (!this.closed) this.ws.send(JSON.stringify(frame));
  }

  /**
   * A live-only frame (a signal): dropped rather than queued when the socket is behind, since a
   * stale typing indicator or presence is worth nothing and must not grow memory.
   */
  sendRaw(frame: string): void {
    if (this.closed || !this.started || this.ws.bufferedAmount > this.limits.highWaterBytes) return;
    this.ws.send(frame);
  }
}

/** Serialises an event frame around an already-JSON payload, so stored payloads are not re-parsed. */
export function eventFrame(seq: number, type: string, payloadJson: string, at: string): string {
  return `{"kind":"event","seq":${seq},"type":${JSON.stringify(type)},"payload":${payloadJson},"at":"${at}"}`;
}
