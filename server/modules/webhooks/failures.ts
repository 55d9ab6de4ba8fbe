import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import { systemActor, recordAudit } from '../audit/record.js';
import { forgetWebhookTypes } from './emit.js';
import { markAttemptFailed, type AttemptRecord, type LaneRow } from './lanes.js';
import { skipPending } from './store.js';

/**
 * Deliveries that failed (every attempt) are counted on the webhook, in a row: a success resets
 * the count. At WEBHOOK_DISABLE_AFTER the webhook is turned off, with the reason, in the audit
 * log; what was still pending for it is skipped. An admin turns it on again (PATCH enabled: true).
 */

export async function resetFailures(db: Executor, webhookId: string): Promise<void> {
  await db.updateTable('webhooks').set({ failures: 0 }).where('id', '=', webhookId).where('failures', '>', 0).execute();
}

export async function recordFailedDelivery(
  ctx: AppContext,
  head: Pick<LaneRow, 'id' | 'webhook_id' | 'org_id'>,
  attempt: AttemptRecord,
): Promise<void> {
  const disabled = await inTx(ctx, async (trx) => {
    await markAttemptFailed(trx, head.id, attempt, null);
    const counted = await trx
      .updateTable('webhooks')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('id', '=', head.webhook_id)
      .returning(['failures', 'status', 'url', 'org_id', 'integration_id'])
      .executeTakeFirst();
    if (!counted || counted.status !== 'active' || counted.failures < ctx.config.webhookDisableAfter) return false;
    const reason = `${counted.failures} deliveries in a row failed; the last: ${attempt.error ?? 'no answer'}`.slice(0, 500);
    await trx
      .updateTable('webhooks')
      .set({ status: 'disabled', disabled_reason: reason, updated_at: Date.now() })
      .where('id', '=', head.webhook_id)
      .execute();
    await skipPending(trx, head.webhook_id, 'the webhook was turned off after repeated failures');
    await recordAudit(trx, {
      orgId: counted.org_id,
      actor: systemActor('system', 'Webhook delivery'),
      action: 'webhook.disabled',
      target: { kind: 'webhook', id: head.webhook_id, label: counted.url },
      details: { integrationId: counted.integration_id, failures: counted.failures, reason },
    });
    return true;
  });
  if (disabled) forgetWebhookTypes(ctx, head.org_id);
}
