import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SIGNATURE_TOLERANCE_SECONDS, WEBHOOK_HEADERS, type WebhookEvent } from './events.js';

/**
 * Receiving webhooks: checking that a request comes from Commonplace, and a ready-made node:http
 * handler that does it, answers the address check and hands each event to the bot.
 *
 * The `commonplace-signature` header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * keyed with the webhook's secret (`whsec_…`, the whole string). Verify the raw bytes as received:
 * JSON parsed and written again is not the same text.
 */

export type RawBody = string | Uint8Array;

export interface VerifyOptions {
  /** Refuse a signature made longer ago (or further ahead) than this; default 300 seconds. */
  toleranceSeconds?: number;
  /** The current time in unix seconds (tests); default the clock. */
  now?: number;
}

const bytesOf = (body: RawBody): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body));

function hmacHex(secret: string, timestamp: number, body: RawBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(bytesOf(body)).digest('hex');
}

/** The header value Commonplace sends for this body (to test a receiver, or to sign a replay of your own). */
export function signPayload(secret: string, rawBody: RawBody, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * True when `signatureHeader` is a signature of `rawBody` made with `secret` (one of them, when a
 * secret is being rotated) within the tolerance. Compares in constant time; any malformed header
 * is simply false.
 */
export function verifySignature(
  secret: string | readonly string[],
  signatureHeader: string | null | undefined,
  rawBody: RawBody,
  options: VerifyOptions = {},
): boolean {
  if (!signatureHeader) return false;
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of signatureHeader.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return false;
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const secrets = typeof secret === 'string' ? [secret] : secret;
  let valid = false;
  for (const s of secrets) {
    const expected = Buffer.from(hmacHex(s, timestamp, rawBody), 'hex');
    // Every candidate is compared, so the time taken does not tell which one matched.
    for (const candidate of signatures) if (timingSafeEqual(expected, candidate)) valid = true;
  }
  return valid;
}

export interface WebhookHandlerOptions {
  /** The webhook's secret (`whsec_…`); a list while rotating, the new one first. */
  secret: string | readonly string[];
  /** Called once per verified event (retries carry the same `id`: skip ones you have handled). Throw to answer 500 and be retried. */
  onEvent(event: WebhookEvent): void | Promise<void>;
  /** Told about an event whose onEvent threw; default: logged to the console. */
  onError?(error: unknown, event: WebhookEvent): void;
  toleranceSeconds?: number;
  /** Largest body accepted; default 1 MB (larger: 413). */
  maxBodyBytes?: number;
}

const MAX_BODY_BYTES = 1024 * 1024;

function answer(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve('too_large');
        // Stop buffering; what is still coming is drained and dropped.
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function isEnvelope(value: unknown): value is WebhookEvent {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.id === 'string' && typeof v.type === 'string' && 'data' in v;
}

/**
 * A node:http request handler for a webhook address: reads the raw body (up to 1 MB), answers 401
 * to an unsigned or wrongly signed request, answers the `url_verification` check itself, and calls
 * `onEvent` with every other event, answering 200 when it returns and 500 when it throws (the
 * delivery is then retried). Mount it where no body parser has read the request before it.
 *
 * ```ts
 * http.createServer(createWebhookHandler({ secret, onEvent: (e) => console.log(e.type) })).listen(8080);
 * ```
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const onError =
    options.onError ?? ((error: unknown, event: WebhookEvent) => console.error(`webhook ${event.type} ${event.id} failed:`, error));

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return answer(res, 405, { error: 'method_not_allowed' });
    }
    const body = await readBody(req, limit);
    if (body === 'too_large') return answer(res, 413, { error: 'body_too_large' });
    const header = req.headers[WEBHOOK_HEADERS.signature];
    const signature = Array.isArray(header) ? header[0] : header;
    if (!verifySignature(options.secret, signature, body, { toleranceSeconds: options.toleranceSeconds })) {
      return answer(res, 401, { error: 'invalid_signature' });
    }
    let event: unknown;
    try {
      event = JSON.parse(body.toString('utf8'));
    } catch {
      return answer(res, 400, { error: 'invalid_json' });
    }
    if (!isEnvelope(event)) return answer(res, 400, { error: 'not_an_event' });
    if (event.type === 'url_verification') return answer(res, 200, { challenge: event.data.challenge });
    try {
      await options.onEvent(event);
    } catch (error) {
      onError(error, event);
      return answer(res, 500, { error: 'handler_failed' });
    }
    answer(res, 200, { ok: true });
  }

  return (req, res) => {
    handle(req, res).catch(() => answer(res, 400, { error: 'bad_request' }));
  };
}
