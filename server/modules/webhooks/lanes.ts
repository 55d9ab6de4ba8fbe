import { sql } from 'kysely';
import type { Db, Executor } from '../../db/index.js';
import { botHearsSql } from '../../policies/webhooks.js';

/**
 * The delivery queue's SQL. `webhook_deliveries` is its own durable queue: rows are written in
 * the transaction of the change (emit.ts), and a lane — one webhook and one ordering key (a
 * group, a conversation) — is served strictly in order: only its oldest pending delivery (the
 * head) may be attempted, and while the head waits for a retry the rest of the lane waits too.
 * A worker takes a lane by moving its head's `next_attempt_at` forward by a lease (only while it
 * is due), so two processes never attempt one lane at once, and a worker that died mid-attempt
 * is replaced when the lease runs out.
 */

/**
 * Lanes with a pending delivery due now (at most `limit`): what other processes wrote, retries
 * fallen due, leases run out. Its cost grows with the pending deliveries, so it is asked seldom;
 * deliveries written here reach the worker directly (WebhookDispatcher.wake).
 */
export async function dueLanes(db: Db, now: number, limit: number): Promise<Array<{ webhook_id: string; ordering_key: string }>> {
  return db
    .selectFrom('webhook_deliveries')
    .select(['webhook_id', 'ordering_key'])
    .distinct()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .limit(limit)
    .execute();
}

/** One webhook and one ordering key: its deliveries go out one after the other, in order. */
export interface Lane {
  webhookId: string;
  orderingKey: string;
}
export const laneKey = (l: Lane): string => `${l.webhookId}\n${l.orderingKey}`;

/**
 * A lane's oldest pending deliveries (the head first), each with what deciding and sending it
 * needs: its webhook, integration and bot, whether the bot may still hear of its scope, and the
 * hosts the company allowed.
 */
function laneQuery(db: Db, lane: Lane, limit: number) {
  return db
    .selectFrom('webhook_deliveries as d')
    .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
    .innerJoin('integrations as i', 'i.id', 'w.integration_id')
    .innerJoin('people as b', 'b.id', 'i.bot_person_id')
    .leftJoin('integration_settings as s', 's.org_id', 'd.org_id')
    .select([
      'd.id',
      'd.org_id',
      'd.webhook_id',
      'd.ordering_key',
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
      'i.scopes',
      'b.status as bot_status',
      's.allowed_hosts',
    ])
    .select(
      botHearsSql({
        orgId: sql.ref('d.org_id'),
        botId: sql.ref('b.id'),
        scopeKind: sql.ref('d.scope_kind'),
        scopeId: sql.ref('d.scope_id'),
      }).as('hears'),
    )
    .where('d.webhook_id', '=', lane.webhookId)
    .where('d.ordering_key', '=', lane.orderingKey)
    .where('d.status', '=', 'pending')
    .orderBy('d.id')
    .limit(limit);
}
export type LaneRow = Awaited<ReturnType<ReturnType<typeof laneQuery>['execute']>>[number];

/** Up to `limit` deliveries of each lane, in one query (each lane read through its own index range). */
export async function loadLanes(db: Db, lanes: Lane[], limit: number): Promise<Map<string, LaneRow[]>> {
  const parts = lanes.map((lane, i) => db.selectFrom(laneQuery(db, lane, limit).as(`l${i}`)).selectAll());
  const [first, ...rest] = parts;
  const byLane = new Map<string, LaneRow[]>();
  if (!first) return byLane;
  const rows = await rest.reduce((q, part) => q.unionAll(part), first).execute();
  for (const row of rows) {
    const key = laneKey({ webhookId: row.webhook_id, orderingKey: row.ordering_key });
    const list = byLane.get(key);
    if (list) list.push(row);
    else byLane.set(key, [row]);
  }
  for (const list of byLane.values()) list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return byLane;
}

/**
 * Takes lanes: their heads, for an attempt counted now (a crash mid-attempt counts too), leased
 * until `leaseUntil`. While its head is leased no other worker starts on a lane, so the rest of a
 * run needs no claim of its own. Returns the heads taken (not those another worker got first).
 */
export async function claimHeads(db: Db, headIds: string[], now: number, leaseUntil: number): Promise<Set<string>> {
  if (headIds.length === 0) return new Set();
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: leaseUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', headIds)
    // Not a plain `status = …`: SQLite would walk every pending delivery through the status index.
    .where(sql`coalesce(status, '')`, '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Not sent, with the reason; `claimed`: its attempt was counted by claimHead, and is taken back. */
export async function markSkipped(db: Executor, id: string, reason: string, claimed: boolean): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'skipped', last_error: reason, ...(claimed ? { attempts: sql`attempts - 1` } : {}) })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

export interface Delivered {
  id: string;
  status: number | null;
  durationMs: number;
  /** Its attempt was already counted (the head, by claimHead). */
  claimed: boolean;
}

/** A run's deliveries that got a 2xx, in one statement (this also lets the lane go: its head is done). */
export async function markRunDelivered(db: Executor, rows: Delivered[], now: number): Promise<void> {
  if (rows.length === 0) return;
  const byId = (pick: (r: Delivered) => number | null) =>
    sql<number>`case id ${sql.join(
      rows.map((r) => sql`when ${r.id} then cast(${pick(r)} as integer)`),
      sql` `,
    )} end`;
  await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'delivered',
      delivered_at: now,
      last_error: null,
      last_status: byId((r) => r.status),
      last_duration_ms: byId((r) => r.durationMs),
      attempts: sql`attempts + ${byId((r) => (r.claimed ? 0 : 1))}`,
    })
    // By id alone: the lane's lease makes them ours (and a status condition would lead SQLite to
    // walk every pending delivery through the status index).
    .where(
      'id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
}

export interface AttemptRecord {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * A failed attempt: due again at `retryAt`, or given up ('failed') when null. `counted`: false for
 * a delivery after the head of a run, whose attempt is counted here.
 */
export async function markAttemptFailed(db: Executor, id: string, a: AttemptRecord, retryAt: number | null, counted = true): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({
      ...(counted ? {} : { attempts: sql`attempts + 1` }),
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
