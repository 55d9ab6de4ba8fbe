import { MAX_WEBHOOKS_PER_INTEGRATION, type WebhookInput, type WebhookPatch } from '../../../protocol/webhooks.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { IntegrationsTable, OrgsTable, PeopleTable, WebhookDeliveriesTable, WebhooksTable } from '../../db/schema.js';
import { conflict, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { personActor, recordAudit } from '../audit/record.js';
import { findIntegration, findLiveIntegration } from '../integrations/service.js';
import { forgetWebhookTypes } from './emit.js';
import { newWebhookSecret } from './send.js';
import { deleteWebhook, findDelivery, findWebhook, insertDelivery, insertWebhook, skipPending, updateWebhook } from './store.js';
import { verifyAddress } from './verify-address.js';

/**
 * An integration's webhooks, as admins manage them: made only once the address answered the check
 * (verify-address.ts), the secret shown at creation and when rolled, kept sealed with the server
 * key; changed, turned off and on, removed with their log; a delivery sent again. Each change is in
 * the audit log (never the secret).
 */

const noSuchWebhook = () => notFound('No such webhook.');
const target = (w: Pick<WebhooksTable, 'id' | 'url'>) => ({ kind: 'webhook', id: w.id, label: w.url });

interface Admin {
  org: OrgsTable;
  person: PeopleTable;
  ip: string;
}

/** The webhook of this company's integration, or 404 (another company's, or none). */
export async function loadWebhook(db: Executor, orgId: string, integrationId: string, id: string): Promise<WebhooksTable> {
  await findIntegration(db, orgId, integrationId);
  const w = await findWebhook(db, orgId, integrationId, id);
  if (!w) throw noSuchWebhook();
  return w;
}

async function audit(db: Executor, a: Admin, action: string, w: WebhooksTable, details: Record<string, unknown> = {}): Promise<void> {
  await recordAudit(db, {
    orgId: a.org.id,
    actor: personActor(a.person),
    action,
    target: target(w),
    ip: a.ip,
    details: { integrationId: w.integration_id, ...details },
  });
}

export async function createWebhook(
  ctx: AppContext,
  a: Admin,
  integrationId: string,
  input: WebhookInput,
): Promise<{ webhook: WebhooksTable; secret: string }> {
  const integration = await findLiveIntegration(ctx.db, a.org.id, integrationId);
  await assertRoom(ctx.db, integration);
  const secret = input.secret ?? newWebhookSecret();
  // Outside any transaction: the check waits on someone else's server.
  await verifyAddress(ctx, a.org, integration.id, input.url, secret);
  const now = Date.now();
  const webhook = await inTx(ctx, async (trx, afterCommit) => {
    await findLiveIntegration(trx, a.org.id, integrationId);
    await assertRoom(trx, integration);
    const row = await insertWebhook(trx, {
      id: newId(),
      org_id: a.org.id,
      integration_id: integration.id,
      url: input.url,
      events: JSON.stringify(input.events),
      secret_sealed: ctx.secrets.seal(secret),
      status: 'active',
      failures: 0,
      disabled_reason: null,
      verified_at: now,
      created_by: a.person.id,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, a, 'webhook.created', row, { events: input.events });
    afterCommit(() => forgetWebhookTypes(ctx, a.org.id));
    return row;
  });
  return { webhook, secret };
}

async function assertRoom(db: Executor, integration: IntegrationsTable): Promise<void> {
  const n = await db
    .selectFrom('webhooks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('integration_id', '=', integration.id)
    .executeTakeFirstOrThrow();
  if (Number(n.n) >= MAX_WEBHOOKS_PER_INTEGRATION)
    throw conflict('too_many_webhooks', `An integration has at most ${MAX_WEBHOOKS_PER_INTEGRATION} webhooks; remove one first.`);
}

export async function changeWebhook(
  ctx: AppContext,
  a: Admin,
  integrationId: string,
  id: string,
  patch: WebhookPatch,
): Promise<WebhooksTable> {
  const before = await loadWebhook(ctx.db, a.org.id, integrationId, id);
  const changes: Partial<WebhooksTable> = {};
  if (patch.url !== undefined && patch.url !== before.url) {
    await verifyAddress(ctx, a.org, integrationId, patch.url, ctx.secrets.open(before.secret_sealed));
    Object.assign(changes, { url: patch.url, verified_at: Date.now() });
  }
  if (patch.events !== undefined) changes.events = JSON.stringify(patch.events);
  if (patch.enabled === true && before.status !== 'active')
    Object.assign(changes, { status: 'active', failures: 0, disabled_reason: null });
  if (patch.enabled === false && before.status === 'active')
    Object.assign(changes, { status: 'disabled', disabled_reason: `turned off by ${a.person.display_name}` });
  if (Object.keys(changes).length === 0) return before;
  return inTx(ctx, async (trx, afterCommit) => {
    const current = await loadWebhook(trx, a.org.id, integrationId, id);
    await updateWebhook(trx, id, { ...changes, updated_at: Date.now() });
    if (changes.status === 'disabled') await skipPending(trx, id, 'the webhook was turned off');
    const details: Record<string, unknown> = {};
    if (changes.url) details.url = { from: current.url, to: changes.url };
    if (changes.events) details.events = patch.events;
    if (changes.status) details.enabled = changes.status === 'active';
    await audit(trx, a, 'webhook.changed', { ...current, ...changes }, details);
    afterCommit(() => forgetWebhookTypes(ctx, a.org.id));
    const after = await findWebhook(trx, a.org.id, integrationId, id);
    if (!after) throw noSuchWebhook();
    return after;
  });
}

export function removeWebhook(ctx: AppContext, a: Admin, integrationId: string, id: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    const w = await loadWebhook(trx, a.org.id, integrationId, id);
    await deleteWebhook(trx, w.id);
    await audit(trx, a, 'webhook.deleted', w);
    afterCommit(() => forgetWebhookTypes(ctx, a.org.id));
  });
}

/** A new secret at once (shown this once): deliveries from now on are signed with it. */
export function rollSecret(
  ctx: AppContext,
  a: Admin,
  integrationId: string,
  id: string,
): Promise<{ webhook: WebhooksTable; secret: string }> {
  return inTx(ctx, async (trx) => {
    const w = await loadWebhook(trx, a.org.id, integrationId, id);
    const secret = newWebhookSecret();
    const changes = { secret_sealed: ctx.secrets.seal(secret), updated_at: Date.now() };
    await updateWebhook(trx, w.id, changes);
    await audit(trx, a, 'webhook.secret_rolled', w);
    return { webhook: { ...w, ...changes }, secret };
  });
}

/**
 * The same event again, as a new delivery at the end of its lane (so order is kept): same event
 * id and body, fresh attempts. Not while the original is still pending, nor on a webhook turned off.
 */
export function redeliver(
  ctx: AppContext,
  a: Admin,
  integrationId: string,
  webhookId: string,
  deliveryId: string,
): Promise<WebhookDeliveriesTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    const w = await loadWebhook(trx, a.org.id, integrationId, webhookId);
    const d = await findDelivery(trx, w.id, deliveryId);
    if (!d) throw notFound('No such delivery.');
    if (d.status === 'pending') throw conflict('delivery_pending', 'This delivery is still being sent.');
    if (w.status !== 'active') throw conflict('webhook_disabled', 'This webhook is turned off; turn it on first.');
    const now = Date.now();
    const copy: WebhookDeliveriesTable = {
      ...d,
      id: newId(),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_status: null,
      last_error: null,
      last_duration_ms: null,
      created_at: now,
      delivered_at: null,
    };
    await insertDelivery(trx, copy);
    await audit(trx, a, 'webhook.redelivered', w, { deliveryId: d.id, eventId: d.event_id, newDeliveryId: copy.id });
    afterCommit(() => ctx.webhooks.wake([{ webhookId: w.id, orderingKey: d.ordering_key }]));
    return copy;
  });
}
