import type { Call, CallSfuSignal } from '../../../protocol/calls.js';
import type { ClientFrame } from '../../../protocol/events.js';
import { inTx, type AppContext } from '../../context.js';
import type { BusMessage } from '../../realtime/bus.js';
import type { Connection } from '../../realtime/connection.js';
import { publishSignal } from '../../realtime/publish.js';
import { finish, lockCall } from './service.js';
import type { Sfu, SfuSession } from './sfu.js';

type CallFrame = Extract<ClientFrame, { kind: `call.${string}` }>;

/** Refuses a frame on its socket (the socket stays open); given by the client-frame reader. */
export type Refuse = (conn: Connection, code: string, message: string) => void;

const noSuchCall = 'There is no such call.';

/**
 * Signalling of calls over the realtime socket. Every frame is checked against the database: only
 * the device (socket) a person joined the call with may signal in it, and only to the other joined
 * devices; anything else gets `not_found`, like a call that does not exist. So a person who is not
 * in the call, was removed from the conversation or left reads and sends nothing.
 *
 * - One-to-one calls: offers, answers and candidates are relayed to the other person's joined
 *   device only (a `device` bus message, which the process holding that socket delivers).
 * - Group calls: this process holds a media-server session for each of its joined devices; their
 *   publish offers, subscriber answers and candidates go to it, and its answers and offers come back
 *   on the same socket. A `call.updated` showing the device no longer in the call (left, handed
 *   over, ended) closes its session, on whichever process holds it.
 */
export class CallSignalling {
  /** connectionId → the SFU session of that socket's device (one call at a time). */
  private readonly sfuSessions = new Map<string, { callId: string; session: Promise<SfuSession> }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly sfu: Sfu,
    private readonly refuse: Refuse,
  ) {
    ctx.bus.subscribe((msg) => this.onBusMessage(msg));
  }

  async handle(conn: Connection, frame: CallFrame): Promise<void> {
    if (frame.kind === 'call.resume') return this.resume(conn, frame.callId);
    const me = await this.joinedDevice(conn, frame.callId);
    if (!me) {
      // The media connection waiting for this answer hears of it too (the same words: nothing is told
      // of a call one is not in), so that the page shows a problem rather than "connecting" for ever.
      if (frame.kind === 'call.sfu') this.sfuError(conn, frame.callId, frame.pc, 'not_found', noSuchCall);
      return this.refuse(conn, 'not_found', noSuchCall);
    }
    if (frame.kind === 'call.signal') {
      if (me.mode !== 'p2p' || frame.toPersonId === conn.personId) return this.refuse(conn, 'not_found', noSuchCall);
      const to = await this.ctx.db
        .selectFrom('call_participants')
        .select('connection_id')
        .where('call_id', '=', frame.callId)
        .where('person_id', '=', frame.toPersonId)
        .where('state', '=', 'joined')
        .executeTakeFirst();
      if (!to?.connection_id) return this.refuse(conn, 'not_found', 'That person is not in the call.');
      const payload = { callId: frame.callId, fromPersonId: conn.personId, description: frame.description, candidate: frame.candidate };
      await this.toDevice(conn.orgId, frame.toPersonId, to.connection_id, 'call.signal', payload);
      return;
    }
    if (frame.kind === 'call.media') {
      await this.ctx.db
        .updateTable('call_participants')
        .set({ muted: frame.muted ? 1 : 0, camera: frame.camera ? 1 : 0 })
        .where('call_id', '=', frame.callId)
        .where('person_id', '=', conn.personId)
        .execute();
      const others = await this.ctx.db
        .selectFrom('call_participants')
        .select('person_id')
        .where('call_id', '=', frame.callId)
        .where('state', '=', 'joined')
        .where('person_id', '<>', conn.personId)
        .execute();
      const payload = { callId: frame.callId, personId: conn.personId, muted: frame.muted, camera: frame.camera };
      await publishSignal(
        this.ctx.bus,
        conn.orgId,
        others.map((o) => o.person_id),
        'call.media',
        payload,
      );
      return;
    }
    if (me.mode !== 'sfu') return this.refuse(conn, 'not_found', noSuchCall);
    await this.sfuFrame(conn, frame);
  }

  /** This socket went away: its media-server session goes with it (the device may come back and publish again). */
  closed(conn: Connection): void {
    this.dropSession(conn.connectionId);
  }

  private async sfuFrame(conn: Connection, frame: Extract<CallFrame, { kind: 'call.sfu' }>): Promise<void> {
    const send = (signal: Omit<CallSfuSignal, 'callId'>): void =>
      conn.sendRaw(JSON.stringify({ kind: 'signal', type: 'call.sfu', payload: { callId: frame.callId, ...signal } }));
    try {
      const session = await this.sessionFor(conn, frame.callId, send);
      if (frame.op === 'publish') {
        if (frame.pc === 'subscriber' || frame.description?.type !== 'offer')
          throw new SignalError('publish takes an offer for the camera or screen connection');
        const sdp = await session.publish(frame.pc, frame.description.sdp);
        send({ op: 'answer', pc: frame.pc, description: { type: 'answer', sdp } });
      } else if (frame.op === 'unpublish') {
        if (frame.pc === 'subscriber') throw new SignalError('only the camera or screen is unpublished');
        await session.unpublish(frame.pc);
      } else if (frame.op === 'subscribed') {
        if (frame.pc !== 'subscriber' || frame.description?.type !== 'answer')
          throw new SignalError('subscribed takes the answer of the subscriber connection');
        await session.subscribed(frame.description.sdp);
      } else if (frame.op === 'restart') {
        if (frame.pc !== 'subscriber') throw new SignalError('restart is for the subscriber connection; publishers offer again');
        await session.restartSubscriber();
      } else {
        await session.trickle(frame.pc, frame.candidate ?? null);
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (!(err instanceof SignalError)) this.ctx.log.info({ err, callId: frame.callId }, 'media server refused a call frame');
      send({ op: 'error', pc: frame.pc, code: err instanceof SignalError ? 'invalid_frame' : 'sfu_error', message });
    }
  }

  private sfuError(conn: Connection, callId: string, pc: CallSfuSignal['pc'], code: string, message: string): void {
    conn.sendRaw(JSON.stringify({ kind: 'signal', type: 'call.sfu', payload: { callId, op: 'error', pc, code, message } }));
  }

  private sessionFor(conn: Connection, callId: string, send: (s: Omit<CallSfuSignal, 'callId'>) => void): Promise<SfuSession> {
    const held = this.sfuSessions.get(conn.connectionId);
    if (held?.callId === callId) return held.session;
    if (held) this.dropSession(conn.connectionId);
    const session = (async () => {
      await this.sfu.openRoom(callId);
      // The media server lost this device's place (it restarted, the room closed elsewhere): forget the
      // session so that the device's next publish makes a new one.
      const gone = (): void => {
        if (this.sfuSessions.get(conn.connectionId)?.session === session) this.sfuSessions.delete(conn.connectionId);
      };
      return this.sfu.join(callId, { personId: conn.personId, connectionId: conn.connectionId }, send, gone);
    })();
    this.sfuSessions.set(conn.connectionId, { callId, session });
    // A failed join is not kept: the next frame tries again.
    session.catch(() => {
      if (this.sfuSessions.get(conn.connectionId)?.session === session) this.sfuSessions.delete(conn.connectionId);
    });
    return session;
  }

  private dropSession(connectionId: string): void {
    const held = this.sfuSessions.get(connectionId);
    if (!held) return;
    this.sfuSessions.delete(connectionId);
    held.session.then((s) => s.leave()).catch((err: unknown) => this.ctx.log.info({ err }, 'leaving the media server failed'));
  }

  /** The socket's person joined with this very socket, in a call not ended. */
  private async joinedDevice(conn: Connection, callId: string): Promise<{ mode: 'p2p' | 'sfu' } | undefined> {
    return this.ctx.db
      .selectFrom('call_participants as p')
      .innerJoin('calls as c', 'c.id', 'p.call_id')
      .select('c.mode')
      .where('p.call_id', '=', callId)
      .where('p.person_id', '=', conn.personId)
      .where('p.org_id', '=', conn.orgId)
      .where('p.state', '=', 'joined')
      .where('p.connection_id', '=', conn.connectionId)
      .where('c.state', '<>', 'ended')
      .executeTakeFirst();
  }

  /**
   * A new socket of the same sign-in session takes the device's place in the call (its old socket
   * dropped in a network change). Another session's socket cannot: that is another device, which
   * joins instead.
   */
  private async resume(conn: Connection, callId: string): Promise<void> {
    const resumed = await inTx(this.ctx, async (trx, afterCommit) => {
      const l = await lockCall(this.ctx, trx, afterCommit, conn.orgId, callId);
      const mine = l?.people.find((p) => p.person_id === conn.personId);
      if (!l || l.call.state === 'ended' || mine?.state !== 'joined' || mine.session_id !== conn.sessionId) return false;
      if (mine.connection_id === conn.connectionId) return true;
      mine.connection_id = conn.connectionId;
      mine.gone_at = null;
      await trx
        .updateTable('call_participants')
        .set({ connection_id: conn.connectionId, gone_at: null })
        .where('call_id', '=', callId)
        .where('person_id', '=', conn.personId)
        .execute();
      await finish(this.ctx, l);
      return true;
    });
    if (!resumed) this.refuse(conn, 'not_found', noSuchCall);
  }

  private async toDevice(orgId: string, personId: string, connectionId: string, type: 'call.signal', payload: unknown): Promise<void> {
    await this.ctx.bus.publish({ kind: 'device', orgId, personId, connectionId, signal: { type, payload } });
  }

  /** Every process hears every call change: it lets go of the SFU sessions of its devices no longer in the call. */
  private onBusMessage(msg: BusMessage): void {
    if (msg.kind !== 'deliver' || msg.event.type !== 'call.updated' || this.sfuSessions.size === 0) return;
    const call = (msg.event.payload as { call: Call }).call;
    const inCall = new Set(
      call.state === 'ended' ? [] : call.participants.flatMap((p) => (p.state === 'joined' && p.connectionId ? [p.connectionId] : [])),
    );
    for (const [connectionId, held] of this.sfuSessions) {
      if (held.callId === call.id && !inCall.has(connectionId)) this.dropSession(connectionId);
    }
    if (call.state === 'ended')
      this.sfu.closeRoom(call.id).catch((err: unknown) => this.ctx.log.info({ err }, 'closing the media room failed'));
  }
}

/** A frame that makes no sense in its place (told to the client as invalid_frame). */
class SignalError extends Error {}
