import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

/**
 * A client of Janus's WebSocket API (subprotocol `janus-protocol`): one socket per server process,
 * transactions, sessions kept alive, plugin handles and the events Janus pushes to them.
 *
 * Janus forgets every session of a socket when the socket closes, so a dropped socket is final for
 * this client: pending requests reject, every session reports itself gone, and the owner makes a
 * new connection when it next needs one.
 */

export interface Jsep {
  type: 'offer' | 'answer';
  sdp: string;
}

/** A message from Janus, as far as this client reads it. */
export interface JanusMessage {
  janus: string;
  transaction?: string;
  session_id?: number;
  sender?: number;
  data?: { id?: number; [key: string]: unknown };
  error?: { code: number; reason: string };
  plugindata?: { plugin: string; data: PluginData };
  jsep?: Jsep;
  [key: string]: unknown;
}

export type PluginData = { error_code?: number; error?: string; [key: string]: unknown };

/** The plugin's answer to a message: its data, and the SDP it carries if any. */
export interface PluginReply {
  data: PluginData;
  jsep?: Jsep;
}

/** An error Janus answered (core or plugin), with its numeric code. */
export class JanusError extends Error {
  constructor(
    readonly code: number,
    reason: string,
  ) {
    super(`media server: ${reason} (${code})`);
    this.name = 'JanusError';
  }
}

export interface JanusCandidate {
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
}

const REQUEST_TIMEOUT_MS = 15_000;
/** Janus ends a session after 60 s without a request by default. */
const KEEPALIVE_MS = 25_000;

interface Pending {
  resolve: (message: JanusMessage) => void;
  reject: (error: Error) => void;
  /** Plugin messages are acknowledged first; their answer comes later as an `event`. */
  waitsForEvent: boolean;
  timer: NodeJS.Timeout;
}

export class JanusConnection {
  private readonly pending = new Map<string, Pending>();
  private readonly sessions = new Map<number, JanusSession>();
  private closedReason: string | null = null;
  private readonly closeListeners: Array<(reason: string) => void> = [];

  private constructor(
    private readonly socket: WebSocket,
    private readonly apiSecret: string | undefined,
  ) {
    socket.on('message', (raw) => this.receive(raw.toString()));
    socket.on('close', (code) => this.drop(`the media server connection closed (${code})`));
    socket.on('error', (error) => this.drop(`the media server connection failed: ${error.message}`));
  }

  /** Opens the socket; rejects with a readable error when nothing answers at `url` in time. */
  static connect(url: string, options: { apiSecret?: string; timeoutMs?: number } = {}): Promise<JanusConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'janus-protocol', { handshakeTimeout: options.timeoutMs ?? 5_000 });
      const fail = (error: Error): void => {
        socket.removeAllListeners();
        socket.on('error', () => {});
        socket.terminate();
        reject(new Error(`cannot reach the media server at ${url}: ${error.message}`));
      };
      socket.once('error', fail);
      socket.once('open', () => {
        socket.off('error', fail);
        resolve(new JanusConnection(socket, options.apiSecret));
      });
    });
  }

  get open(): boolean {
    return this.closedReason === null;
  }

  /** Called once when the socket is gone (not after close() made here). */
  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** The server's description; also proves the API answers (and that the secret is right, as it needs none). */
  async info(): Promise<JanusMessage> {
    return this.request({ janus: 'info' });
  }

  async createSession(): Promise<JanusSession> {
    const reply = await this.request({ janus: 'create' });
    const id = reply.data?.id;
    if (typeof id !== 'number') throw new Error('media server: no session id in its answer');
    const session = new JanusSession(this, id);
    this.sessions.set(id, session);
    return session;
  }

  close(): void {
    if (!this.open) return;
    this.drop('the media server connection was closed', false);
    this.socket.terminate();
  }

  /** Sends a request and resolves with its answer (`success`, or for plugin messages the `event`). */
  request(body: Record<string, unknown>, waitsForEvent = false): Promise<JanusMessage> {
    if (!this.open) return Promise.reject(new Error(this.closedReason ?? 'the media server connection is closed'));
    const transaction = randomBytes(9).toString('base64url');
    const message = { ...body, transaction, ...(this.apiSecret ? { apisecret: this.apiSecret } : {}) };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(transaction);
        reject(new Error(`media server: no answer to ${String(body.janus)} in ${REQUEST_TIMEOUT_MS / 1000} s`));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(transaction, { resolve, reject, waitsForEvent, timer });
      this.socket.send(JSON.stringify(message), (error) => {
        if (error) this.settle(transaction, error);
      });
    });
  }

  /** @internal */
  forget(session: JanusSession): void {
    this.sessions.delete(session.id);
  }

  private settle(transaction: string, outcome: JanusMessage | Error): void {
    const pending = this.pending.get(transaction);
    if (!pending) return;
    this.pending.delete(transaction);
    clearTimeout(pending.timer);
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
  }

  private receive(text: string): void {
    let message: JanusMessage;
    try {
      message = JSON.parse(text) as JanusMessage;
    } catch {
      return;
    }
    const transaction = message.transaction;
    const pending = transaction ? this.pending.get(transaction) : undefined;
    if (transaction && pending) {
      if (message.janus === 'ack' && pending.waitsForEvent) return;
      if (message.janus === 'error') {
        this.settle(transaction, new JanusError(message.error?.code ?? 0, message.error?.reason ?? 'unknown error'));
        return;
      }
      if (message.janus === 'ack' || message.janus === 'success' || message.janus === 'server_info' || message.janus === 'event') {
        const error = message.plugindata?.data;
        if (error && typeof error.error_code === 'number') {
          this.settle(transaction, new JanusError(error.error_code, String(error.error ?? 'plugin error')));
        } else {
          this.settle(transaction, message);
        }
        return;
      }
    }
    // Not an answer to a request of ours: an event of a session or one of its handles.
    const session = message.session_id === undefined ? undefined : this.sessions.get(message.session_id);
    session?.dispatch(message);
  }

  private drop(reason: string, notify = true): void {
    if (!this.open) return;
    this.closedReason = reason;
    for (const transaction of [...this.pending.keys()]) this.settle(transaction, new Error(reason));
    for (const session of [...this.sessions.values()]) session.gone(reason);
    this.sessions.clear();
    if (notify) for (const listener of this.closeListeners) listener(reason);
  }
}

export class JanusSession {
  private readonly handles = new Map<number, JanusHandle>();
  private readonly keepalive: NodeJS.Timeout;
  private ended = false;
  private readonly goneListeners: Array<(reason: string) => void> = [];

  /** @internal made by JanusConnection.createSession */
  constructor(
    private readonly connection: JanusConnection,
    readonly id: number,
  ) {
    this.keepalive = setInterval(() => {
      this.connection.request({ janus: 'keepalive', session_id: this.id }).catch(() => {});
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  get alive(): boolean {
    return !this.ended;
  }

  /** Called once if the session ends without destroy(): the socket dropped, or Janus timed it out. */
  onGone(listener: (reason: string) => void): void {
    this.goneListeners.push(listener);
  }

  async attach(plugin: string, onEvent: (message: JanusMessage) => void): Promise<JanusHandle> {
    const reply = await this.connection.request({ janus: 'attach', session_id: this.id, plugin });
    const id = reply.data?.id;
    if (typeof id !== 'number') throw new Error('media server: no handle id in its answer');
    const handle = new JanusHandle(this.connection, this, id, onEvent);
    this.handles.set(id, handle);
    return handle;
  }

  async destroy(): Promise<void> {
    if (this.ended) return;
    this.end();
    await this.connection.request({ janus: 'destroy', session_id: this.id }).catch(() => {});
  }

  /** @internal */
  forget(handle: JanusHandle): void {
    this.handles.delete(handle.id);
  }

  /** @internal */
  dispatch(message: JanusMessage): void {
    if (message.janus === 'timeout') {
      this.gone('the media server ended the session (timeout)');
      return;
    }
    if (message.sender === undefined) return;
    const handle = this.handles.get(message.sender);
    if (!handle) return;
    if (message.janus === 'detached') this.handles.delete(handle.id);
    handle.deliver(message);
  }

  /** @internal */
  gone(reason: string): void {
    if (this.ended) return;
    this.end();
    for (const listener of this.goneListeners) listener(reason);
  }

  private end(): void {
    this.ended = true;
    clearInterval(this.keepalive);
    this.handles.clear();
    this.connection.forget(this);
  }
}

export class JanusHandle {
  /** @internal made by JanusSession.attach */
  constructor(
    private readonly connection: JanusConnection,
    private readonly session: JanusSession,
    readonly id: number,
    private readonly onEvent: (message: JanusMessage) => void,
  ) {}

  /**
   * A message to the plugin. Synchronous requests (create, destroy, ...) answer with `success`,
   * asynchronous ones (join, configure, start, ...) with an `event` of the same transaction; either
   * way this resolves with the plugin's data and SDP, or rejects with its error.
   */
  async message(body: Record<string, unknown>, jsep?: Jsep): Promise<PluginReply> {
    const reply = await this.connection.request(
      { janus: 'message', session_id: this.session.id, handle_id: this.id, body, ...(jsep ? { jsep } : {}) },
      true,
    );
    return { data: reply.plugindata?.data ?? {}, ...(reply.jsep ? { jsep: reply.jsep } : {}) };
  }

  /** A candidate of the browser's connection on this handle; null when its gathering is over. */
  async trickle(candidate: JanusCandidate | null): Promise<void> {
    const body = candidate === null || candidate.candidate === '' ? { completed: true } : candidate;
    await this.connection.request({ janus: 'trickle', session_id: this.session.id, handle_id: this.id, candidate: body });
  }

  async detach(): Promise<void> {
    this.session.forget(this);
    await this.connection.request({ janus: 'detach', session_id: this.session.id, handle_id: this.id }).catch(() => {});
  }

  /** @internal */
  deliver(message: JanusMessage): void {
    this.onEvent(message);
  }
}
