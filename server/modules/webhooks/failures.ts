import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import { recordAudit, systemActor } from '../audit/record.js';
import { markAttemptFailed, type AttemptRecord } from './lanes.js';
import { skipPending } from './store.js';

/**
 * Deliveries that failed (every attempt) are counted on the webhook, in a row: a success resets
 * the count. At WEBHOOK_DISABLE_AFTER the webhook is turned off, with the reason, in the audit
 * log; what was still pending for it is skipped. An admin turns it on again (PATCH enabled: true).
 */

export async function resetFailures(db: Executor, webhookId: string): Promise<void> {
  await db.updateTable('webhooks').set({ failures: 0 }).where('id', '=', webhookId).where('failures', '>', 0).execute();
}

/**
 * Gives a delivery up as failed and counts it, in the caller's transaction; true when that turned
 * the webhook off (the caller then drops the company's cached webhook types, after the commit).
 */
export async function countFailedDelivery(
  ctx: AppContext,
  trx: Executor,
  delivery: { id: string; webhook_id: string },
  attempt: AttemptRecord,
  counted: boolean,
): Promise<boolean> {
  await markAttemptFailed(trx, delivery.id, attempt, null, counted);
  const hook = await trx
    .updateTable('webhooks')
    .set((eb) => ({ failures: eb('failures', '+', 1) }))
    .where('id', '=', delivery.webhook_id)
    .returning(['failures', 'status', 'url', 'org_id', 'integration_id'])
    .executeTakeFirst();
  if (!hook || hook.status !== 'active' || hook.failures < ctx.config.webhookDisableAfter) return false;
  const reason = `${hook.failures} deliveries in a row failed; the last: ${attempt.error ?? 'no answer'}`.slice(0, 500);
  await trx
    .updateTable('webhooks')
    .set({ status: 'disabled', disabled_reason: reason, updated_at: Date.now() })
    .where('id', '=', delivery.webhook_id)
    .execute();
  await skipPending(trx, delivery.webhook_id, 'the webhook was turned off after repeated failures');
  await recordAudit(trx, {
    orgId: hook.org_id,
    actor: systemActor('system', 'Webhook delivery'),
    action: 'webhook.disabled',
    target: { kind: 'webhook', id: delivery.webhook_id, label: hook.url },
    details: { integrationId: hook.integration_id, failures: hook.failures, reason },
  });
  return true;
}
