import { sql } from 'kysely';
import type { Db, Executor } from '../../db/index.js';
import { botHearsSql } from '../../policies/webhooks.js';

/**
 * The delivery queue's SQL. `webhook_deliveries` is its own durable queue: rows are written in
 * the transaction of the change (emit.ts), and a lane — one webhook and one ordering key (a
 * group, a conversation) — is served strictly in order: only its oldest pending delivery (the
 * head) may be attempted, and while the head waits for a retry the rest of the lane waits too.
 * A worker claims a run of the lane from its head by moving their `next_attempt_at` forward by a
 * lease, all or nothing, so two processes never attempt one lane at once, and a worker that died
 * mid-attempt is replaced when the lease runs out.
 */

/** Lanes whose head is due now, oldest first (at most `limit`). */
export async function dueLanes(db: Db, now: number, limit: number): Promise<Array<{ webhook_id: string; ordering_key: string }>> {
  return db
    .selectFrom('webhook_deliveries as d')
    .select(['d.webhook_id', 'd.ordering_key'])
    .where('d.status', '=', 'pending')
    .where('d.next_attempt_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('webhook_deliveries as e')
            .select('e.id')
            .whereRef('e.webhook_id', '=', 'd.webhook_id')
            .whereRef('e.ordering_key', '=', 'd.ordering_key')
            .where('e.status', '=', 'pending')
            .whereRef('e.id', '<', 'd.id'),
        ),
      ),
    )
    .orderBy('d.next_attempt_at')
    .limit(limit)
    .execute();
}

/**
 * The lane's oldest pending deliveries (the head first), each with what deciding and sending it
 * needs: its webhook, integration and bot, and whether the bot may still hear of its scope.
 */
export function loadLane(db: Db, webhookId: string, orderingKey: string, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('integrations as i', 'i.id', 'w.integration_id')
    .innerJoin('people as b', 'b.id', 'i.bot_person_id')
    .select([
      'd.id',
      'd.org_id',
      'd.webhook_id',
      'd.event_id',
      'd.event_type',
      'd.scope_kind',
      'd.payload',
      'd.attempts',
      'd.next_attempt_at',
      'w.url',
      'w.events',
      'w.secret_sealed',
      'w.status as webhook_status',
      'w.failures',
      'i.disabled_at',
      'b.status as bot_status',
    ])
    .select(botHearsSql({ orgId: 'd.org_id', botId: 'b.id', scopeKind: 'd.scope_kind', scopeId: 'd.scope_id' }).as('hears'))
    .where('d.webhook_id', '=', webhookId)
    .where('d.ordering_key', '=', orderingKey)
    .where('d.status', '=', 'pending')
    .orderBy('d.id')
    .limit(limit)
    .execute();
}
export type LaneRow = Awaited<ReturnType<typeof loadLane>>[number];

/**
 * Takes a run of the lane's deliveries (the head first) for attempts, counted now (a crash
 * mid-attempt counts too). All or nothing: false when another worker has any of them.
 */
export async function claimRun(db: Db, ids: string[], now: number, leaseUntil: number): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      const res = await trx
        .updateTable('webhook_deliveries')
        .set({ next_attempt_at: leaseUntil, attempts: sql`attempts + 1` })
        .where('id', 'in', ids)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== ids.length) throw new LaneTaken();
    });
    return true;
  } catch (err) {
    if (err instanceof LaneTaken) return false;
    throw err;
  }
}

class LaneTaken extends Error {}

/** Gives back claimed deliveries that were not attempted (due again at `at`, their count restored). */
export async function releaseRun(db: Db, ids: string[], at: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: at, attempts: sql`attempts - 1` })
    .where('id', 'in', ids)
    .where('status', '=', 'pending')
    .execute();
}

/** Not sent, with the reason (a delivery this worker claimed). */
export async function markSkipped(db: Db, id: string, reason: string): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'skipped', last_error: reason, attempts: sql`attempts - 1` })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  durationMs: number;
}

export async function markDelivered(db: Executor, id: string, a: AttemptRecord, now: number): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivered', delivered_at: now, last_status: a.status, last_error: null, last_duration_ms: a.durationMs })
    .where('id', '=', id)
    .execute();
}

/** A failed attempt: due again at `retryAt`, or given up ('failed') when null. */
export async function markAttemptFailed(db: Executor, id: string, a: AttemptRecord, retryAt: number | null): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: retryAt === null ? 'failed' : 'pending',
      ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
      last_status: a.status,
      last_error: a.error?.slice(0, 500) ?? null,
      last_duration_ms: a.durationMs,
    })
    .where('id', '=', id)
    .execute();
}

/** Finished deliveries older than the retention go (the log is for looking into recent trouble). */
export async function pruneDeliveries(db: Db, before: number): Promise<number> {
  const res = await db
    .deleteFrom('webhook_deliveries')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where('status', 'in', ['delivered', 'failed', 'skipped'])
        .where('next_attempt_at', '<', before)
        .limit(5000),
    )
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
