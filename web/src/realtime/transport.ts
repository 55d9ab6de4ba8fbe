import type { ClientFrame, RealtimeEvent, RealtimeSignal, ServerFrame } from '../../../protocol/events';

export type ConnectionState = 'connected' | 'connecting' | 'offline';

export interface TransportHandlers {
  onEvent(event: RealtimeEvent): void;
  /** The server could not replay what was missed: everything cached may be stale. */
  onResync(): void;
  /** The server closed with 4001: the session is over. */
  onSignedOut(): void;
  /** The server closed with 4003: this person's working hours are over; it will refuse until they start. */
  onRefused?(): void;
  /** A live-only signal (typing, presence, receipts of big conversations): never replayed. */
  onSignal?(signal: RealtimeSignal): void;
  /** The server is serving this socket: a fresh one forgets what the last one was told (watch, presence). */
  onReady?(): void;
  /** The id the server gave this socket (ready or resync): a call is joined from it, and resumed with a new one. */
  onConnection?(connectionId: string): void;
}

const PING_EVERY_MS = 25_000;
const BACKOFF_MIN_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const SIGNED_OUT = 4001;
const OUTSIDE_WORKING_HOURS = 4003;

/**
 * One live connection to /api/v1/realtime. It remembers the highest sequence number seen and
 * reconnects from there, so a device that drops off receives what it missed, once and in order.
 */
export class RealtimeTransport {
  private socket: WebSocket | null = null;
  private lastSeq: number;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private stopped = true;
  private state: ConnectionState = 'connecting';
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly handlers: TransportHandlers,
    startAfterSeq: number,
    private readonly baseUrl: string = defaultBaseUrl(),
  ) {
    this.lastSeq = startAfterSeq;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    window.addEventListener('online', this.reconnectNow);
    window.addEventListener('offline', this.markOffline);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.removeEventListener('online', this.reconnectNow);
    window.removeEventListener('offline', this.markOffline);
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.retryTimer);
    this.closeSocket();
  }

  getState = (): ConnectionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private connect(): void {
    clearTimeout(this.retryTimer);
    this.closeSocket();
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      // No network: wait for the 'online' event rather than burning attempts.
      this.setState('offline');
      return;
    }
    // After a few failures the indicator stays "offline" instead of flickering on every attempt.
    if (this.attempt <= 3) this.setState('connecting');
    const socket = new WebSocket(`${this.baseUrl}/api/v1/realtime?after=${this.lastSeq}`);
    this.socket = socket;
    socket.onopen = () => {
      this.attempt = 0;
      this.setState('connected');
      this.pingTimer = setInterval(() => this.send({ kind: 'ping' }), PING_EVERY_MS);
    };
    socket.onmessage = (message) => this.onFrame(message.data);
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      clearInterval(this.pingTimer);
      if (event.code === SIGNED_OUT) {
        this.stop();
        this.setState('offline');
        this.handlers.onSignedOut();
        return;
      }
      if (event.code === OUTSIDE_WORKING_HOURS) {
        this.stop();
        this.setState('offline');
        this.handlers.onRefused?.();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private onFrame(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: ServerFrame;
    try {
      frame = JSON.parse(data) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.kind) {
      case 'ready':
        this.attempt = 0;
        this.lastSeq = Math.max(this.lastSeq, frame.seq);
        this.setState('connected');
        if (frame.connectionId) this.handlers.onConnection?.(frame.connectionId);
        this.handlers.onReady?.();
        break;
      case 'resync':
        this.lastSeq = frame.seq;
        if (frame.connectionId) this.handlers.onConnection?.(frame.connectionId);
        this.handlers.onResync();
        break;
      case 'event':
        // A replayed frame we already applied (e.g. after a reconnect race) is skipped.
        if (frame.seq <= this.lastSeq) return;
        this.lastSeq = frame.seq;
        this.attempt = 0;
        this.setState('connected');
        this.handlers.onEvent(frame);
        break;
      case 'signal':
        this.handlers.onSignal?.(frame);
        break;
      case 'pong':
        break;
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.setState(navigator.onLine === false ? 'offline' : 'connecting');
    // Full jitter keeps thousands of clients from reconnecting in step after a server restart.
    const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** this.attempt);
    const delay = BACKOFF_MIN_MS / 2 + Math.random() * (ceiling - BACKOFF_MIN_MS / 2);
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
    if (this.attempt > 3) this.setState('offline');
  }

  /** Sends a frame if the socket is open; live frames are not queued, the next `onReady` restates them. */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  private closeSocket(): void {
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState <= WebSocket.OPEN) socket.close(1000);
  }

  private readonly reconnectNow = (): void => {
    if (this.stopped || this.socket?.readyState === WebSocket.OPEN) return;
    this.attempt = 0;
    this.connect();
  };

  private readonly markOffline = (): void => {
    // The browser says the network is gone: a socket left open would only look alive (and some
    // never notice). Drop it and reconnect from the last seq on 'online'.
    clearTimeout(this.retryTimer);
    this.closeSocket();
    this.setState('offline');
  };

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.reconnectNow();
  };
}

function defaultBaseUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}`;
}
