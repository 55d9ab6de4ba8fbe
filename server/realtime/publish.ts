import { PostgresAdapter } from 'kysely';
import type { EventPayload, EventType, SignalPayload, SignalType } from '../../protocol/events.js';
import type { Trx } from '../db/index.js';
import type { AfterCommit } from '../db/tx.js';
import type { EventBus } from './bus.js';

/**
 * Records an event for each recipient with that person's next sequence number, inside the caller's
 * transaction, and publishes it on the bus after commit. The events table is the source of truth
 * for catch-up; the bus is only the fast path.
 */
export async function publishToPeople<T extends EventType>(
  trx: Trx,
  afterCommit: AfterCommit,
  bus: EventBus,
  orgId: string,
  personIds: string[],
  type: T,
  payload: EventPayload<T>,
): Promise<void> {
  // Sorted: concurrent publishes lock recipients' rows in one order, so they cannot deadlock on PostgreSQL.
  const unique = [...new Set(personIds)].sort();
  if (unique.length === 0) return;
  const now = Date.now();
  const deliveries: Array<{ personId: string; seq: number }> = [];
  // Chunks keep the IN list and the insert within both engines' parameter limits.
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    // An UPDATE locks rows in the order it reads them, and a sequential scan (small tables, or the
    // planner's choice) reads them in storage order, which changes as rows are rewritten: the sort
    // above alone does not keep two publishes to overlapping audiences from deadlocking. So the
    // locks are taken in id order first (NO KEY UPDATE: what the UPDATE takes, no more).
    if (pgLocking(trx))
      await trx
        .selectFrom('people')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', chunk)
        .orderBy('id')
        .forNoKeyUpdate()
        .execute();
    const rows = await trx
      .updateTable('people')
      .set((eb) => ({ event_seq: eb('event_seq', '+', 1) }))
      .where('org_id', '=', orgId)
      .where('id', 'in', chunk)
      .returning(['id', 'event_seq'])
      .execute();
    if (rows.length === 0) continue;
    const body = JSON.stringify(payload);
    await trx
      .insertInto('events')
      .values(rows.map((r) => ({ org_id: orgId, person_id: r.id, seq: r.event_seq, type, payload: body, created_at: now })))
      .execute();
    for (const r of rows) deliveries.push({ personId: r.id, seq: r.event_seq });
  }
  if (deliveries.length === 0) return;
  const at = new Date(now).toISOString();
  afterCommit(() => bus.publish({ kind: 'deliver', orgId, deliveries, event: { type, payload, at } }));
}

/** SQLite runs one writer at a time: only PostgreSQL has row locks to order. */
const pgLocking = (trx: Trx): boolean => trx.getExecutor().adapter instanceof PostgresAdapter;

/**
 * A live-only signal to the open sockets of these people, on every process: not stored, not numbered,
 * not caught up after a reconnect (typing, presence). Call it only after the change it tells of committed.
 */
export async function publishSignal<T extends SignalType>(
  bus: EventBus,
  orgId: string,
  personIds: string[],
  type: T,
  payload: SignalPayload<T>,
): Promise<void> {
  if (personIds.length === 0) return;
  await bus.publish({ kind: 'signal', orgId, personIds: [...new Set(personIds)], signal: { type, payload } });
}
