import type { Webhook, WebhookDelivery } from '../../../protocol/webhooks.js';
import type { Executor } from '../../db/index.js';
import type { WebhookDeliveriesTable, WebhookDeliveryStatus, WebhooksTable } from '../../db/schema.js';

/** The webhooks module's queries on `webhooks` and `webhook_deliveries` for the admin side. */

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

export function toWebhook(w: WebhooksTable): Webhook {
  return {
    id: w.id,
    integrationId: w.integration_id,
    url: w.url,
    events: JSON.parse(w.events) as Webhook['events'],
    enabled: w.status === 'active',
    disabledReason: w.status === 'active' ? null : w.disabled_reason,
    failures: w.failures,
    verifiedAt: iso(w.verified_at),
    createdAt: iso(w.created_at) ?? '',
    updatedAt: iso(w.updated_at) ?? '',
  };
}

export function toDelivery(d: WebhookDeliveriesTable): WebhookDelivery {
  return {
    id: d.id,
    eventId: d.event_id,
    eventType: d.event_type,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.last_status,
    lastError: d.last_error,
    durationMs: d.last_duration_ms,
    createdAt: iso(d.created_at) ?? '',
    nextAttemptAt: d.status === 'pending' ? iso(d.next_attempt_at) : null,
    deliveredAt: iso(d.delivered_at),
  };
}

export function findWebhook(db: Executor, orgId: string, integrationId: string, id: string): Promise<WebhooksTable | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('integration_id', '=', integrationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listWebhooks(db: Executor, orgId: string, integrationId: string): Promise<WebhooksTable[]> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('integration_id', '=', integrationId)
    .orderBy('id')
    .execute();
}

export async function insertWebhook(db: Executor, row: WebhooksTable): Promise<WebhooksTable> {
  await db.insertInto('webhooks').values(row).execute();
  return row;
}

export async function updateWebhook(db: Executor, id: string, changes: Partial<WebhooksTable>): Promise<void> {
  await db.updateTable('webhooks').set(changes).where('id', '=', id).execute();
}

/** Its log goes with it. */
export async function deleteWebhook(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}

/** Pending deliveries of a webhook turned off are not sent later: skipped, with the reason. */
export async function skipPending(db: Executor, webhookId: string, reason: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'skipped', last_error: reason })
    .where('webhook_id', '=', webhookId)
    .where('status', '=', 'pending')
    .execute();
}

export async function deliveryStats(db: Executor, webhookId: string) {
  const rows = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => ['status', eb.fn.countAll<number>().as('n'), eb.fn.max('delivered_at').as('last')])
    .where('webhook_id', '=', webhookId)
    .groupBy('status')
    .execute();
  const count = (s: WebhookDeliveryStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  const last = rows.find((r) => r.status === 'delivered')?.last;
  return {
    pending: count('pending'),
    delivered: count('delivered'),
    failed: count('failed'),
    skipped: count('skipped'),
    lastDeliveredAt: last === null || last === undefined ? null : iso(Number(last)),
  };
}

/** The log, newest first; `before` is the id of the last one of the previous page. */
export function listDeliveries(
  db: Executor,
  webhookId: string,
  opts: { before: string | null; status: WebhookDeliveryStatus | undefined; limit: number },
): Promise<WebhookDeliveriesTable[]> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId);
  if (opts.before) q = q.where('id', '<', opts.before);
  if (opts.status) q = q.where('status', '=', opts.status);
  return q
    .orderBy('id', 'desc')
    .limit(opts.limit + 1)
    .execute();
}

export function findDelivery(db: Executor, webhookId: string, id: string): Promise<WebhookDeliveriesTable | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('id', '=', id).executeTakeFirst();
}

export async function insertDelivery(db: Executor, row: WebhookDeliveriesTable): Promise<void> {
  await db.insertInto('webhook_deliveries').values(row).execute();
}
