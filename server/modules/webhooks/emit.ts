import { sql } from 'kysely';
import type { WebhookEnvelope, WebhookEventType } from '../../../protocol/integrations.js';
import type { AppContext } from '../../context.js';
import type { Executor, Trx } from '../../db/index.js';
import type { AfterCommit } from '../../db/tx.js';
import { newId } from '../../lib/ids.js';
import { botHearsSql, scopeToHear, scopeValues, type WebhookScope } from '../../policies/webhooks.js';

export type { WebhookScope } from '../../policies/webhooks.js';

export interface WebhookEventInput {
  orgId: string;
  type: WebhookEventType;
  /** What the bot must be able to see, now and when the delivery is attempted (null: nothing). */
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
 * Per process, for a short while: the event types some active webhook of the company wants, and
 * the company's slug. Most companies have no webhooks, and every post, comment and message asks;
 * this makes that one map lookup. Changes made here drop the entry (forgetWebhookTypes); other
 * processes follow within the TTL.
 */
const TTL_MS = 5_000;
interface OrgWebhooks {
  types: Set<string>;
  slug: string | null;
  until: number;
}
const caches = new WeakMap<AppContext, Map<string, OrgWebhooks>>();

function cacheOf(ctx: AppContext): Map<string, OrgWebhooks> {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new Map()));
  return c;
}

async function orgWebhooks(ctx: AppContext, db: Executor, orgId: string): Promise<OrgWebhooks> {
  const cache = cacheOf(ctx);
  const hit = cache.get(orgId);
  if (hit && hit.until > Date.now()) return hit;
  const rows = await db.selectFrom('webhooks').select('events').where('org_id', '=', orgId).where('status', '=', 'active').execute();
  const types = new Set(rows.flatMap((r) => JSON.parse(r.events) as string[]));
  const entry: OrgWebhooks = { types, slug: null, until: Date.now() + TTL_MS };
  if (cache.size > 10_000) cache.clear();
  cache.set(orgId, entry);
  return entry;
}

/** True when some active webhook of the company wants this type (cached; false is the common answer). */
export async function orgWantsWebhook(ctx: AppContext, db: Executor, orgId: string, type: WebhookEventType): Promise<boolean> {
  return (await orgWebhooks(ctx, db, orgId)).types.has(type);
}

/** Called after a change to the company's webhooks commits. */
export function forgetWebhookTypes(ctx: AppContext, orgId: string): void {
  cacheOf(ctx).delete(orgId);
}

/**
 * The webhook outbox: in the caller's transaction, one `webhook_deliveries` row per active webhook
 * of an enabled integration that asked for this event type and holds the scope to read it, whose
 * bot is active, may hear of the scope (policies/webhooks.ts) and did not cause the event (restricted to `onlyBotIds` when given).
 * All rows share the event's id and envelope. The rows exist exactly when the change commits; the
 * delivery worker is woken after the commit. Returns how many deliveries were written.
 */
export async function emitWebhookEvent(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, e: WebhookEventInput): Promise<number> {
  if (e.onlyBotIds && e.onlyBotIds.length === 0) return 0;
  const org = await orgWebhooks(ctx, trx, e.orgId);
  // An interaction was just checked against the database (a listening bot): never trust the cache for it.
  if (!org.types.has(e.type) && e.type !== 'interaction') return 0;
  let q = trx
    .selectFrom('webhooks as w')
    .innerJoin('integrations as i', 'i.id', 'w.integration_id')
    .innerJoin('people as b', 'b.id', 'i.bot_person_id')
    .select(['w.id as webhook_id', 'w.events', 'i.id as integration_id', 'i.scopes', 'b.id as bot_id'])
    .where('w.org_id', '=', e.orgId)
    .where('w.status', '=', 'active')
    .where('i.disabled_at', 'is', null)
    .where('b.status', '=', 'active');
  if (e.onlyBotIds) q = q.where('b.id', 'in', e.onlyBotIds);
  if (e.actorId) q = q.where('b.id', '!=', e.actorId);
  if (e.scope) q = q.where(botHearsSql(scopeValues(e.orgId, e.scope, sql.ref('b.id'))));
  const needed = scopeToHear(e.type, e.scope?.kind ?? null);
  const wanted = (await q.execute()).filter(
    (w) => (JSON.parse(w.events) as string[]).includes(e.type) && (!needed || (JSON.parse(w.scopes) as string[]).includes(needed)),
  );
  if (wanted.length === 0) return 0;
  if (org.slug === null) {
    org.slug = (await trx.selectFrom('orgs').select('slug').where('id', '=', e.orgId).executeTakeFirstOrThrow()).slug;
  }
  const eventId = newId();
  const now = Date.now();
  const createdAt = new Date(now).toISOString();
  await trx
    .insertInto('webhook_deliveries')
    .values(
      wanted.map((w) => {
        const envelope: WebhookEnvelope = {
          id: eventId,
          type: e.type,
          createdAt,
          company: { id: e.orgId, slug: org.slug ?? '' },
          integrationId: w.integration_id,
          data: e.data,
        };
        return {
          id: newId(),
          org_id: e.orgId,
          webhook_id: w.webhook_id,
          event_id: eventId,
          event_type: e.type,
          ordering_key: e.orderingKey,
          scope_kind: e.scope?.kind ?? null,
          scope_id: e.scope?.id ?? null,
          payload: JSON.stringify(envelope),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          last_status: null,
          last_error: null,
          last_duration_ms: null,
          created_at: now,
          delivered_at: null,
        };
      }),
    )
    .execute();
  afterCommit(() => ctx.webhooks.wake(wanted.map((w) => ({ webhookId: w.webhook_id, orderingKey: e.orderingKey }))));
  return wanted.length;
}
