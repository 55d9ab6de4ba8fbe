import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { CALL_MAX_JOINED, type CallSfuSignal } from '../../../protocol/calls.js';
import type { CallsConfig } from '../../config.js';
import { JanusConnection, JanusError, type JanusHandle, type JanusSession } from './janus-client.js';
import { JanusDevice, VIDEOROOM } from './janus-device.js';
import { findJanus, JanusProcess } from './janus-process.js';
import type { Sfu, SfuSession } from './sfu.js';

/**
 * The SFU of group calls on Janus VideoRoom: one room per call, named by the call id.
 *
 * - `SFU=embedded`: Janus runs as our child process, started on the first room (most processes
 *   never host a group call), with a configuration we write (janus-process.ts).
 * - `SFU=ws://…`: a Janus run apart, through its WebSocket API with `SFU_API_SECRET`. Its VideoRoom
 *   must have `string_ids = true` (room ids are call ids), and no `admin_key` (rooms are made here).
 *   Room secrets derive from the API secret, so every server process can close any room.
 * - `SFU=off`: none; `available()` is false and group calls answer 503.
 */

/** Janus VideoRoom error codes we expect. */
const ROOM_EXISTS = 427;
const NO_SUCH_ROOM = 426;

type Target =
  { kind: 'embedded'; process: JanusProcess } | { kind: 'external'; url: string; apiSecret: string | undefined } | { kind: 'off' };

export class JanusSfu implements Sfu {
  private connection: JanusConnection | null = null;
  private connecting: Promise<JanusConnection> | null = null;
  private admin: { session: JanusSession; handle: JanusHandle } | null = null;
  private readonly devices = new Set<JanusDevice>();
  private readonly roomSecretKey: string;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private reconnectDelayMs = 1_000;

  constructor(
    private readonly target: Target,
    private readonly logger: Logger,
  ) {
    this.roomSecretKey = target.kind === 'external' && target.apiSecret ? target.apiSecret : randomBytes(24).toString('hex');
    // A Janus run apart should be ready before the first call, and readiness should say so.
    if (target.kind === 'external') this.scheduleReconnect(0);
  }

  /** The embedded Janus's process id while it runs (for CPU measurements), else null. */
  get pid(): number | null {
    return this.target.kind === 'embedded' ? this.target.process.pid : null;
  }

  available(): boolean {
    if (this.closed) return false;
    if (this.target.kind === 'embedded') return true;
    if (this.target.kind === 'external') return this.connection?.open ?? false;
    return false;
  }

  async openRoom(callId: string): Promise<void> {
    const { handle } = await this.ensureAdmin();
    try {
      await handle.message({
        request: 'create',
        room: callId,
        permanent: false,
        is_private: true,
        secret: this.roomSecret(callId),
        description: `call ${callId}`,
        publishers: CALL_MAX_JOINED,
        audiocodec: 'opus',
        videocodec: 'vp8,h264',
        // Keep sending keyframes now and then so a subscriber who lost one recovers.
        fir_freq: 10,
        notify_joining: false,
      });
    } catch (error) {
      if (!(error instanceof JanusError && error.code === ROOM_EXISTS)) throw error;
    }
  }

  async closeRoom(callId: string): Promise<void> {
    for (const device of [...this.devices]) if (device.callId === callId) void device.leave();
    if (!this.connection?.open) return;
    const { handle } = await this.ensureAdmin();
    try {
      await handle.message({ request: 'destroy', room: callId, secret: this.roomSecret(callId), permanent: false });
    } catch (error) {
      if (!(error instanceof JanusError && error.code === NO_SUCH_ROOM)) throw error;
    }
  }

  /**
   * `onGone` (optional) hears when the device's place in the media server is lost without leave():
   * the media server went away or the room was closed elsewhere. The device is also sent an
   * `{op: 'error', code: 'sfu_lost'}` signal then.
   */
  async join(
    callId: string,
    device: { personId: string; connectionId: string },
    send: (signal: Omit<CallSfuSignal, 'callId'>) => void,
    onGone?: (reason: string) => void,
  ): Promise<SfuSession> {
    const connection = await this.ensure();
    const session = await connection.createSession();
    const joined = new JanusDevice(callId, device.personId, session, send, this.logger, (d, reason) => {
      this.devices.delete(d);
      if (reason === null) return;
      this.logger.info({ callId, connectionId: device.connectionId, reason }, 'media server: device lost');
      send({ op: 'error', pc: 'subscriber', code: 'sfu_lost', message: reason });
      onGone?.(reason);
    });
    this.devices.add(joined);
    try {
      await joined.start();
    } catch (error) {
      await joined.leave();
      throw error;
    }
    return joined;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const device of [...this.devices]) device.end(null);
    this.devices.clear();
    await this.connecting?.catch(() => null);
    this.connection?.close();
    this.connection = null;
    this.admin = null;
    if (this.target.kind === 'embedded') await this.target.process.stop();
  }

  private roomSecret(callId: string): string {
    return createHmac('sha256', this.roomSecretKey).update(`room:${callId}`).digest('base64url');
  }

  private async ensureAdmin(): Promise<{ session: JanusSession; handle: JanusHandle }> {
    await this.ensure();
    if (!this.admin) throw new Error('the media server is not available');
    return this.admin;
  }

  private ensure(): Promise<JanusConnection> {
    if (this.closed || this.target.kind === 'off') return Promise.reject(new Error('the media server is not available'));
    if (this.connection?.open) return Promise.resolve(this.connection);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<JanusConnection> {
    const target = this.target;
    let connection: JanusConnection;
    if (target.kind === 'embedded') {
      await target.process.stop();
      connection = await target.process.start();
    } else if (target.kind === 'external') {
      connection = await JanusConnection.connect(target.url, { apiSecret: target.apiSecret });
      await connection.info();
    } else {
      throw new Error('the media server is off');
    }
    try {
      const session = await connection.createSession();
      const handle = await session.attach(VIDEOROOM, () => {});
      if (this.closed) throw new Error('the media server was closed while starting');
      this.admin = { session, handle };
    } catch (error) {
      connection.close();
      throw error;
    }
    connection.onClose((reason) => this.lost(connection, reason));
    this.connection = connection;
    this.reconnectDelayMs = 1_000;
    return connection;
  }

  /** The socket dropped: every device's session is gone with it (each reports itself). */
  private lost(connection: JanusConnection, reason: string): void {
    if (this.connection !== connection) return;
    this.connection = null;
    this.admin = null;
    if (this.closed) return;
    this.logger.warn({ reason }, 'media server connection lost');
    if (this.target.kind === 'external') this.scheduleReconnect(this.reconnectDelayMs);
  }

  private scheduleReconnect(delayMs: number): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.ensure().catch((error: Error) => {
        this.logger.warn({ err: error }, 'media server unreachable');
        this.reconnectDelayMs = Math.min(this.reconnectDelayMs * 2, 30_000);
        this.scheduleReconnect(this.reconnectDelayMs);
      });
    }, delayMs);
    this.reconnectTimer.unref();
  }
}

/** The SFU the configuration asks for; an embedded one whose binary is missing is never available. */
export function createSfu(config: CallsConfig, logger: Logger): JanusSfu {
  if (config.sfu === 'off') return new JanusSfu({ kind: 'off' }, logger);
  if (config.sfu !== 'embedded') return new JanusSfu({ kind: 'external', url: config.sfu, apiSecret: config.sfuApiSecret }, logger);
  const install = findJanus(config.janusBin);
  if (!install) {
    logger.info({ bin: config.janusBin }, 'media server not found: group calls are off');
    return new JanusSfu({ kind: 'off' }, logger);
  }
  const janus = new JanusProcess(install, {
    rtpPorts: config.rtpPorts,
    publicIp: config.sfuPublicIp,
    stunUrls: config.stunUrls,
    logger,
  });
  janus.onExit((reason) => logger.warn({ reason }, 'media server stopped'));
  return new JanusSfu({ kind: 'embedded', process: janus }, logger);
}
