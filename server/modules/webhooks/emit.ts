import type { WebhookEventType } from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import type { Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import { newId } from '../../lib/ids.js';

/** What the bot must still be able to see for the event to reach it. */
export type WebhookScope = { kind: 'group' | 'conversation' | 'post'; id: string } | null;

export interface WebhookEventInput {
  orgId: string;
  type: WebhookEventType;
  scope: WebhookScope;
  /** Deliveries with the same key go out in order (a conversation, a group). */
  orderingKey: string;
  data: unknown;
  /** Only these bots (a mention, a direct message, an interaction). */
  onlyBotIds?: string[];
  /** Who caused it: their own bot never hears of it. */
  actorId?: string;
}

/**
 * The webhook outbox: in the caller's transaction, one `webhook_deliveries` row per active webhook
 * of an enabled integration that asked for this event type and whose bot may see the scope
 * (member of the group or conversation; for a post, of its group). The rows exist exactly when the
 * change commits; the delivery worker sends them. Returns how many deliveries were written.
 */
export async function emitWebhookEvent(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, e: WebhookEventInput): Promise<number> {
  let q = trx
    .selectFrom('webhooks as w')
    .innerJoin('integrations as i', 'i.id', 'w.integration_id')
    .innerJoin('people as b', 'b.id', 'i.bot_person_id')
    .select(['w.id as webhook_id', 'w.events', 'i.id as integration_id', 'b.id as bot_id'])
    .where('w.org_id', '=', e.orgId)
    .where('w.status', '=', 'active')
    .where('i.disabled_at', 'is', null)
    .where('b.status', '=', 'active');
  if (e.onlyBotIds) q = q.where('b.id', 'in', e.onlyBotIds.length ? e.onlyBotIds : ['']);
  if (e.actorId) q = q.where('b.id', '!=', e.actorId);
  const candidates = (await q.execute()).filter((w) => (JSON.parse(w.events) as string[]).includes(e.type));
  if (candidates.length === 0) return 0;
  const seeing = await botsSeeing(trx, e.orgId, e.scope, [...new Set(candidates.map((c) => c.bot_id))]);
  const wanted = candidates.filter((c) => seeing.has(c.bot_id));
  if (wanted.length === 0) return 0;
  const eventId = newId();
  const now = Date.now();
  const org = await trx.selectFrom('orgs').select(['id', 'slug']).where('id', '=', e.orgId).executeTakeFirstOrThrow();
  await trx
    .insertInto('webhook_deliveries')
    .values(
      wanted.map((w) => ({
        id: newId(),
        org_id: e.orgId,
        webhook_id: w.webhook_id,
        event_id: eventId,
        event_type: e.type,
        ordering_key: e.orderingKey,
        scope_kind: e.scope?.kind ?? null,
        scope_id: e.scope?.id ?? null,
        payload: JSON.stringify({
          id: eventId,
          type: e.type,
          createdAt: new Date(now).toISOString(),
          company: { id: org.id, slug: org.slug },
          integrationId: w.integration_id,
          data: e.data,
        }),
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: now,
        last_status: null,
        last_error: null,
        last_duration_ms: null,
        created_at: now,
        delivered_at: null,
      })),
    )
    .execute();
  afterCommit(() => ctx.jobs.wake());
  return wanted.length;
}

/** Of these bots, those who may see the scope now: members of the group or conversation. */
export async function botsSeeing(trx: Trx, orgId: string, scope: WebhookScope, botIds: string[]): Promise<Set<string>> {
  if (!scope) return new Set(botIds);
  if (scope.kind === 'conversation') {
    const rows = await trx
      .selectFrom('conversation_members')
      .select('person_id')
      .where('conversation_id', '=', scope.id)
      .where('person_id', 'in', botIds)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }
  let groupId: string | null = scope.id;
  if (scope.kind === 'post') {
    const post = await trx.selectFrom('posts').select('group_id').where('org_id', '=', orgId).where('id', '=', scope.id).executeTakeFirst();
    groupId = post?.group_id ?? null;
  }
  if (!groupId) return new Set();
  const rows = await trx
    .selectFrom('group_members')
    .select('person_id')
    .where('group_id', '=', groupId)
    .where('person_id', 'in', botIds)
    .execute();
  return new Set(rows.map((r) => r.person_id));
}
