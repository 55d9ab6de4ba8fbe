import { randomBytes } from 'node:crypto';
import { WEBHOOK_HEADERS } from '../../../protocol/integrations.js';
import { signWebhookPayload } from '../../../protocol/webhook-signature.js';
import type { AppContext } from '../../context.js';
import { safePost, SafeHttpError, type SafeResponse } from '../../lib/safe-http.js';

/** One signed webhook request and how it went: the delivery worker and the address check share it. */

export const SECRET_PREFIX = 'whsec_';
export const USER_AGENT = 'Commonplace-Webhooks/1';

/** 32 random bytes, base64url, prefixed so people and secret scanners can tell what it is. */
export const newWebhookSecret = (): string => `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;

export interface SignedRequest {
  url: string;
  secret: string;
  /** The exact body sent and signed (the stored envelope). */
  payload: string;
  eventId: string;
  eventType: string;
  deliveryId: string;
  allowedHosts: readonly string[];
  signal?: AbortSignal;
  /** The whole request's limit when shorter than the configured ones (the address check waits 5 s at most). */
  timeoutMs?: number;
}

export interface AttemptResult {
  delivered: boolean;
  /** The answer's status (null: none came). */
  status: number | null;
  /** Why it failed, in words (null: delivered). */
  error: string | null;
  durationMs: number;
  /** The server is stopping: not a failure of the receiver. */
  aborted: boolean;
  response: SafeResponse | null;
}

export async function sendSigned(ctx: AppContext, r: SignedRequest): Promise<AttemptResult> {
  const started = performance.now();
  const firstByte = Math.min(r.timeoutMs ?? Infinity, ctx.config.webhookTimeoutMs);
  const total = Math.min(r.timeoutMs ?? Infinity, ctx.config.webhookTimeoutMs * 2);
  const headers = {
    'user-agent': USER_AGENT,
    [WEBHOOK_HEADERS.signature]: signWebhookPayload(r.secret, r.payload),
    [WEBHOOK_HEADERS.eventId]: r.eventId,
    [WEBHOOK_HEADERS.eventType]: r.eventType,
    [WEBHOOK_HEADERS.deliveryId]: r.deliveryId,
  };
  const took = () => Math.round(performance.now() - started);
  try {
    const response = await safePost(r.url, r.payload, {
      headers,
      allowedHosts: r.allowedHosts,
      firstByteTimeoutMs: firstByte,
      totalTimeoutMs: total,
      signal: r.signal,
    });
    const delivered = response.status >= 200 && response.status < 300;
    return {
      delivered,
      status: response.status,
      error: delivered ? null : `answered with status ${response.status}`,
      durationMs: took(),
      aborted: false,
      response,
    };
  } catch (err) {
    const e = err instanceof SafeHttpError ? err : new SafeHttpError('connection', `could not send: ${String(err).slice(0, 200)}`);
    return { delivered: false, status: e.status, error: e.message, durationMs: took(), aborted: e.kind === 'aborted', response: null };
  }
}
