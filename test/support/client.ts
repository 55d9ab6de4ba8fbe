import { request } from 'undici';
import WebSocket from 'ws';
import type { SessionInfo } from '../../protocol/api.js';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * A browser-like HTTP client for one host: keeps the session cookie, sends the CSRF token that the
 * session gave, and speaks JSON. It talks to 127.0.0.1 with the company's Host header, so no DNS
 * set-up is needed for <slug>.localhost.
 */
export class Client {
  /** Cookies by name, as a browser keeps them for this host (session, remembered device, …). */
  private readonly jar = new Map<string, string>();
  csrf: string | null = null;
  session: SessionInfo | null = null;
  /** Sent with every request (e.g. an integration's `authorization: Bearer …`). */
  defaultHeaders: Record<string, string> = {};

  constructor(
    readonly port: number,
    readonly host: string,
  ) {}

  /** The Cookie header this browser sends, or null without cookies; setting it replaces the jar. */
  get cookie(): string | null {
    return this.jar.size ? [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') : null;
  }

  set cookie(header: string | null) {
    this.jar.clear();
    for (const part of (header ?? '').split(';')) {
      const at = part.indexOf('=');
      if (at > 0) this.jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
    }
  }

  /** A client for the same host with no cookie (another browser). */
  fresh(): Client {
    return new Client(this.port, this.host);
  }

  async call<T = any>(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { host: this.host, ...this.defaultHeaders, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    let payload: string | Buffer | undefined;
    if (body !== undefined) {
      if (Buffer.isBuffer(body) || typeof body === 'string') payload = body;
      else payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await request(`http://127.0.0.1:${this.port}${path}`, { method: method as 'GET', headers, body: payload });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (!pair || pair.indexOf('=') <= 0) continue;
      const name = pair.slice(0, pair.indexOf('=')).trim();
      const value = pair.slice(pair.indexOf('=') + 1);
      // An emptied cookie (or one already expired) is how a server deletes it.
      if (value && !/max-age=0\b|expires=thu, 01 jan 1970/i.test(c)) this.jar.set(name, value);
      else this.jar.delete(name);
    }
    const text = await res.body.text();
    const type = String(res.headers['content-type'] ?? '');
    const parsed = type.includes('json') && text ? JSON.parse(text) : text;
    if (parsed && typeof parsed === 'object' && 'csrfToken' in parsed && 'person' in parsed) {
      this.session = parsed as SessionInfo;
      this.csrf = this.session.csrfToken;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string, headers?: Record<string, string>) => this.call<T>('GET', path, undefined, headers);
  post = <T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) => this.call<T>('POST', path, body, headers);
  patch = <T = any>(path: string, body: unknown = {}) => this.call<T>('PATCH', path, body);
  put = <T = any>(path: string, body: unknown = {}, headers?: Record<string, string>) => this.call<T>('PUT', path, body, headers);
  delete = <T = any>(path: string) => this.call<T>('DELETE', path);

  /** Opens the realtime socket with this client's session. */
  realtime(after?: number, headers: Record<string, string> = {}): LiveSocket {
    const query = after === undefined ? '' : `?after=${after}`;
    const ws = new WebSocket(`ws://127.0.0.1:${this.port}/api/v1/realtime${query}`, {
      headers: { host: this.host, ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
    });
    return new LiveSocket(ws);
  }
}

export interface Frame {
  kind: string;
  seq?: number;
  type?: string;
  payload?: any;
}

/** Collects frames; `waitFor` resolves on the first (past or future) frame matching a predicate. */
export class LiveSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private waiters: Array<{ match: (f: Frame) => boolean; resolve: (f: Frame) => void }> = [];

  constructor(readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
  }

  waitFor(match: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const seen = this.frames.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`)),
        timeoutMs,
      );
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  events(): Frame[] {
    return this.frames.filter((f) => f.kind === 'event');
  }

  close(): void {
    this.ws.close();
  }
}
