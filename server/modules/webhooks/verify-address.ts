import type { WebhookEnvelope } from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import type { OrgsTable } from '../../db/schema.js';
import { badInput } from '../../errors.js';
import { newId, newToken } from '../../lib/ids.js';
import { readAllowedHosts } from '../integrations/admin-extras.js';
import { sendSigned } from './send.js';

/** The address check answers within this, whatever WEBHOOK_TIMEOUT_MS says (an admin is waiting). */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * Before an address is kept (made, or changed), it must prove it is the integration's: a signed
 * `url_verification` event with a random challenge, answered with a 2xx within 5 s whose body is
 * `{"challenge": "<it>"}` (or the challenge as plain text). Anything else is a 400 naming `url`
 * with what happened in words: a refused address, a timeout, a redirect, a status, a wrong answer.
 */
export async function verifyAddress(
  ctx: AppContext,
  org: Pick<OrgsTable, 'id' | 'slug'>,
  integrationId: string,
  url: string,
  secret: string,
): Promise<void> {
  const challenge = newToken(24);
  const envelope: WebhookEnvelope<'url_verification', { challenge: string }> = {
    id: newId(),
    type: 'url_verification',
    createdAt: new Date().toISOString(),
    company: { id: org.id, slug: org.slug },
    integrationId,
    data: { challenge },
  };
  const result = await sendSigned(ctx, {
    url,
    secret,
    payload: JSON.stringify(envelope),
    eventId: envelope.id,
    eventType: envelope.type,
    deliveryId: envelope.id,
    allowedHosts: await readAllowedHosts(ctx.db, org.id),
    timeoutMs: CHECK_TIMEOUT_MS,
  });
  const failed = (why: string) => badInput('url', `the address check failed: ${why}`);
  if (!result.response) throw failed(result.error ?? 'no answer');
  if (!result.delivered) throw failed(`${result.error ?? 'no 2xx answer'} (a 2xx answer with the challenge was expected)`);
  if (answeredChallenge(result.response.body, challenge)) return;
  throw failed('the answer did not contain the challenge (answer {"challenge": "<the challenge sent>"})');
}

function answeredChallenge(body: string, challenge: string): boolean {
  const text = body.trim();
  if (text === challenge) return true;
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null && (parsed as { challenge?: unknown }).challenge === challenge;
  } catch {
    return false;
  }
}
