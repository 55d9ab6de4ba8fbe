import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { CloseCodes } from '../../protocol/events.js';
import type { AppContext } from '../context.js';
import { AppError, unauthenticated } from '../errors.js';
import { cachedIdentitySettings, withinWorkingHours } from '../modules/identity/settings.js';
import { forgetSessions } from '../http/request-context.js';
import { zodApp } from '../http/route-kit.js';
import type { BusMessage } from './bus.js';
import { ClientFrames } from './client-frames.js';
import { Connection, DEFAULT_DELIVERY_LIMITS, eventFrame, type DeliveryLimits } from './connection.js';
import { PresenceTracker } from './presence.js';
import type { Sfu } from '../modules/calls/sfu.js';

const CLOSE_GRACE_MS = 2_000;

/** The sockets of this process, by person; the bus tells which ones an event or a sign-out concerns. */
export class RealtimeGateway {
  private readonly byPerson = new Map<string, Set<Connection>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private stopping = false;
  readonly presence: PresenceTracker;
  private readonly frames: ClientFrames;
  /** Back-pressure limits for sockets opened from now on (tests lower them to stay fast). */
  readonly limits: DeliveryLimits = { ...DEFAULT_DELIVERY_LIMITS };

  constructor(
    private readonly ctx: AppContext,
    sfu: Sfu,
  ) {
    this.presence = new PresenceTracker(ctx);
    this.frames = new ClientFrames(ctx, this.presence, sfu);
    ctx.bus.subscribe((msg) => this.onBusMessage(msg));
  }

  get openSockets(): number {
    let n = 0;
    for (const set of this.byPerson.values()) n += set.size;
    return n;
  }

  register(app: FastifyInstance): void {
    const ctx = this.ctx;
    zodApp(app).get(
      '/api/v1/realtime',
      {
        websocket: true,
        schema: {
          tags: ['realtime'],
          summary: 'WebSocket of live events; ?after=<last seq seen> catches up exactly what was missed',
          querystring: z.object({ after: z.coerce.number().int().min(0).optional() }).strict(),
        },
        preValidation: async (req) => {
          if (!req.org || !req.viewer) throw unauthenticated();
          const origin = req.headers.origin;
          // Browsers always send Origin on websockets: refuse pages of other sites (cross-site hijacking).
          if (origin && safeHost(origin) !== req.host) throw new AppError(403, 'bad_origin', 'This connection came from another site.');
        },
      },
      (socket, req) => {
        const viewer = req.viewer;
        if (!viewer) return socket.close(CloseCodes.signedOut, 'signed out');
        const conn = new Connection(
          socket,
          viewer.person.org_id,
          viewer.person.id,
          viewer.sessionId,
          ctx.db,
          (err) => req.log.warn({ err }, 'realtime delivery failed'),
          { ...this.limits },
        );
        this.add(conn);
        socket.on('pong', () => (conn.alive = true));
        socket.on('message', (data) => this.frames.receive(conn, data));
        socket.on('close', () => this.remove(conn));
        socket.on('error', () => this.remove(conn));
        // Frames that arrive meanwhile wait on this chain, so they run once the socket has started.
        this.frames.run(conn, async () => {
          try {
            await conn.start(req.query.after ?? null);
            if (!conn.isClosed) await this.presence.opened(conn);
          } catch (err) {
            req.log.warn({ err }, 'realtime start failed');
            conn.close(1011, 'could not start');
          }
        });
      },
    );
    this.heartbeat = setInterval(() => this.beat(), this.ctx.config.realtimeHeartbeatMs);
    this.heartbeat.unref();
  }

  /**
   * Tells every socket to reconnect elsewhere (graceful shutdown). Resolves once their presence rows
   * are gone, which needs the database: await it before closing that.
   */
  async closeAll(code: number = CloseCodes.serverRestart, reason = 'server restarting'): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.stopping = true;
    const all = [...this.byPerson.values()].flatMap((set) => [...set]);
    for (const c of all) c.close(code, reason);
    // A client that stopped reading never answers the close handshake, and the HTTP server waits for
    // every socket to end: without this, one vanished phone would hold a graceful shutdown until killed.
    setTimeout(() => {
      for (const c of all) c.ws.terminate();
    }, CLOSE_GRACE_MS).unref();
    await this.presence.dropAll(all).catch((err: unknown) => this.ctx.log.warn({ err }, 'presence clean-up failed'));
  }

  private add(conn: Connection): void {
    let set = this.byPerson.get(conn.personId);
    if (!set) this.byPerson.set(conn.personId, (set = new Set()));
    set.add(conn);
  }

  private remove(conn: Connection): void {
    // Queued after the start (and any frame) before it; at shutdown dropAll does it for everyone at once.
    if (this.stopping) this.presence.unwatch(conn);
    else if (!conn.client.released) this.frames.run(conn, () => this.presence.closed(conn), true);
    if (!conn.client.released) this.frames.closed(conn);
    conn.client.released = true;
    conn.markClosed();
    const set = this.byPerson.get(conn.personId);
    set?.delete(conn);
    if (set?.size === 0) this.byPerson.delete(conn.personId);
  }

  private beat(): void {
    this.recheckSessions().catch((err: unknown) => this.ctx.log.warn({ err }, 'realtime session re-check failed'));
    this.frames.sweep();
    const open = [...this.byPerson.values()].flatMap((set) => [...set]);
    this.presence.beat(open).catch((err: unknown) => this.ctx.log.warn({ err }, 'presence heartbeat failed'));
    for (const set of this.byPerson.values()) {
      for (const c of set) {
        if (!c.alive) {
          c.ws.terminate();
          this.remove(c);
          continue;
        }
        c.alive = false;
        c.ws.ping();
      }
    }
  }

  /**
   * Closes sockets whose session ended without this process hearing of it (a disconnect published
   * while Redis was unreachable, an expiry): the bus is the fast path, this is the safety net.
   */
  async recheckSessions(): Promise<void> {
    const open = [...this.byPerson.values()].flatMap((set) => [...set]);
    const now = Date.now();
    for (let i = 0; i < open.length; i += 500) {
      const batch = open.slice(i, i + 500);
      const valid = await this.ctx.db
        .selectFrom('sessions as s')
        .innerJoin('people as p', 'p.id', 's.person_id')
        .select(['s.id', 'p.frontline', 'p.org_id'])
        .where(
          's.id',
          'in',
          batch.map((c) => c.sessionId),
        )
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('p.status', '=', 'active')
        .execute();
      const ok = new Set(valid.map((r) => r.id));
      for (const c of batch) if (!ok.has(c.sessionId)) c.close(CloseCodes.signedOut, 'session ended');
      // Frontline staff limited to working hours: their open sockets end when the hours do.
      const closedOrgs = new Set<string>();
      for (const orgId of new Set(valid.filter((r) => r.frontline === 1).map((r) => r.org_id))) {
        if (!withinWorkingHours((await cachedIdentitySettings(this.ctx, orgId)).workingHours)) closedOrgs.add(orgId);
      }
      const outside = new Set(valid.filter((r) => r.frontline === 1 && closedOrgs.has(r.org_id)).map((r) => r.id));
      for (const c of batch) if (outside.has(c.sessionId)) c.close(CloseCodes.outsideWorkingHours, 'outside working hours');
    }
  }

  private onBusMessage(msg: BusMessage): void {
    if (msg.kind === 'deliver') {
      const payload = JSON.stringify(msg.event.payload);
      for (const d of msg.deliveries) {
        // A changed person (role, status, profile) must not be served from a cached session here.
        if (msg.event.type === 'person.updated') forgetSessions(this.ctx, { personId: d.personId });
        const set = this.byPerson.get(d.personId);
        if (!set) continue;
        const frame = eventFrame(d.seq, msg.event.type, payload, msg.event.at);
        for (const c of set) if (c.orgId === msg.orgId) c.offer(d.seq, frame);
      }
      return;
    }
    if (msg.kind === 'presence') return this.presence.deliver(msg);
    if (msg.kind === 'device') {
      const frame = JSON.stringify({ kind: 'signal', type: msg.signal.type, payload: msg.signal.payload });
      for (const c of this.byPerson.get(msg.personId) ?? [])
        if (c.orgId === msg.orgId && c.connectionId === msg.connectionId) c.sendRaw(frame);
      return;
    }
    if (msg.kind === 'signal') {
      const frame = JSON.stringify({ kind: 'signal', type: msg.signal.type, payload: msg.signal.payload });
      for (const personId of msg.personIds) {
        for (const c of this.byPerson.get(personId) ?? []) if (c.orgId === msg.orgId) c.sendRaw(frame);
      }
      return;
    }
    forgetSessions(this.ctx, { personId: msg.personId, sessionIds: msg.sessionIds });
    const targets = msg.personId ? [this.byPerson.get(msg.personId)] : [...this.byPerson.values()];
    for (const set of targets) {
      for (const c of set ?? []) {
        if (c.orgId !== msg.orgId) continue;
        if (msg.personId === c.personId || msg.sessionIds?.includes(c.sessionId)) c.close(CloseCodes.signedOut, msg.reason);
      }
    }
  }
}

/**
 * Errors on an open socket. A client's protocol fault (a frame above the size limit, a broken frame)
 * is its own: ws has already closed that socket with the matching code (1009, 1002), so it is noted,
 * not logged as a server error. Anything else ends the socket.
 */
export function socketErrorHandler(error: Error & { code?: string }, socket: WebSocket, request: FastifyRequest): void {
  if (error.code?.startsWith('WS_ERR_')) {
    request.log.info({ code: error.code }, 'realtime socket closed for a bad frame');
    return;
  }
  request.log.error(error);
  socket.terminate();
}

function safeHost(origin: string): string {
  try {
    return new URL(origin).host;
  } catch {
    return '';
  }
}
