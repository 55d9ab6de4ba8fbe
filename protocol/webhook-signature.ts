import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures, with nothing but node:crypto so the server, tests and bot code can share it.
 * The header is `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed with the whole
 * secret string (`whsec_…`). Receivers verify the raw bytes as received, refuse a timestamp further
 * than the tolerance from now (a replayed request) and compare in constant time.
 */

/** Same value as protocol/integrations.ts SIGNATURE_TOLERANCE_SECONDS (kept here so this file imports nothing). */
const DEFAULT_TOLERANCE_SECONDS = 300;

export type SignedBody = string | Uint8Array;

const bytesOf = (body: SignedBody): Buffer => (typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body));

function hmacHex(secret: string, timestamp: number, body: SignedBody): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(bytesOf(body)).digest('hex');
}

/** The signature header for this body, made now (or at `timestamp`, unix seconds). */
export function signWebhookPayload(secret: string, rawBody: SignedBody, timestamp = Math.floor(Date.now() / 1000)): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, rawBody)}`;
}

/**
 * True when `header` signs `rawBody` with `secret` and its timestamp is within `toleranceSeconds`
 * of `nowSeconds`. Any malformed header is false. Several `v1=` values may be present (one must match).
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: SignedBody,
  nowSeconds: number = Math.floor(Date.now() / 1000),
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, rawBody), 'hex');
  let valid = false;
  // Every candidate is compared, so the time taken does not tell which one matched.
  for (const candidate of candidates) if (timingSafeEqual(expected, candidate)) valid = true;
  return valid;
}
