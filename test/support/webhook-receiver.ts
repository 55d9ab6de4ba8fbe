import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A webhook receiver on 127.0.0.1 (port 0) for tests: keeps every request (raw body, headers, time
 * received) and answers through a handler the test may change at any time. The default handler
 * answers the address check with its challenge and everything else with 200.
 */
export interface Received {
  headers: IncomingMessage['headers'];
  raw: string;
  body: any;
  at: number;
}

export type ReceiverHandler = (req: Received, res: ServerResponse) => void | Promise<void>;

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Requests other than the address check. */
  events(): Received[];
  handler: ReceiverHandler;
  close(): Promise<void>;
}

export const answerChallenge: ReceiverHandler = (req, res) => {
  if (req.body?.type === 'url_verification') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ challenge: req.body.data.challenge }));
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

export async function startReceiver(handler: ReceiverHandler = answerChallenge, path = '/hook'): Promise<Receiver> {
  const sockets = new Set<Socket>();
  const receiver: Receiver = {
    url: '',
    port: 0,
    received: [],
    events: () => receiver.received.filter((r) => r.body?.type !== 'url_verification'),
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = JSON.parse(raw);
      } catch {
        /* not JSON */
      }
      const r: Received = { headers: req.headers, raw, body, at: Date.now() };
      receiver.received.push(r);
      Promise.resolve(receiver.handler(r, res)).catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.port = (server.address() as AddressInfo).port;
  receiver.url = `http://127.0.0.1:${receiver.port}${path}`;
  return receiver;
}

/** Polls until `check` returns a value (not undefined/false), or fails after the deadline with `what`. */
export async function waitUntil<T>(check: () => T | Promise<T>, what: string, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
