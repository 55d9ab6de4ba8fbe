import { PostgresAdapter, sql } from 'kysely';
import type { EventPayload, EventType, SignalPayload, SignalType } from '../../protocol/events.js';
import type { Trx } from '../db/index.js';
import { beforeCommit, type AfterCommit } from '../db/tx.js';
import { newId } from '../lib/ids.js';
import type { EventBus } from './bus.js';

interface Publish {
  orgId: string;
  personIds: string[];
  type: string;
  payload: unknown;
  afterCommit: AfterCommit;
  bus: EventBus;
}

/** From this many recipients an event's payload is stored once (event_bodies), not in every row. */
const SHARED_BODY_FROM = 4;

/** Publishes waiting in a transaction to be numbered just before it commits. */
const waiting = new WeakMap<Trx, Publish[]>();

/**
 * Records an event for each recipient with that person's next sequence number, inside the caller's
 * transaction, and publishes it on the bus after commit. The events table is the source of truth
 * for catch-up; the bus is only the fast path.
 *
 * In a transaction made by `transaction()` / `inTx`, the numbering waits for the end of it: every
 * publish of the transaction is numbered together just before commit, in one pass over the union
 * of recipients sorted by id. So their `event_seqs` rows are locked once, in one order
 * (two transactions cannot deadlock on them), and only for the last moment of the transaction
 * (a send to a big conversation does not hold everyone's row while it does its other work).
 * Events of one transaction keep the order in which they were published.
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
  const unique = [...new Set(personIds)];
  if (unique.length === 0) return;
  const publish: Publish = { orgId, personIds: unique, type, payload, afterCommit, bus };
  const list = waiting.get(trx);
  if (list) {
    list.push(publish);
    return;
  }
  const fresh = [publish];
  if (beforeCommit(trx, () => numberAndStore(trx, fresh))) waiting.set(trx, fresh);
  else await numberAndStore(trx, fresh);
}

/** Numbers and stores a transaction's publishes (see publishToPeople), then announces them after commit. */
async function numberAndStore(trx: Trx, publishes: Publish[]): Promise<void> {
  waiting.delete(trx);
  const byOrg = new Map<string, Publish[]>();
  for (const p of publishes) byOrg.set(p.orgId, [...(byOrg.get(p.orgId) ?? []), p]);
  for (const [orgId, list] of byOrg) {
    if (list.length === 1 && trx.getExecutor().adapter instanceof PostgresAdapter) await numberOneOnPostgres(trx, orgId, list[0]!);
    else await numberForOrg(trx, orgId, list);
  }
}

/**
 * The common case on PostgreSQL (one publish in the transaction, e.g. a chat send): numbering and
 * storing in one statement, so the recipients' `event_seqs` rows, locked from the upsert to the
 * commit, are held for one round trip less per 500 people; every other send to any of them waits
 * for that. Same rules as numberForOrg: only people of the company, locked in id order.
 */
async function numberOneOnPostgres(trx: Trx, orgId: string, p: Publish): Promise<void> {
  const now = Date.now();
  const body = JSON.stringify(p.payload);
  const shared = p.personIds.length >= SHARED_BODY_FROM ? newId() : null;
  if (shared) await trx.insertInto('event_bodies').values({ id: shared, org_id: orgId, payload: body, created_at: now }).execute();
  const { rows } = await sql<{ person_id: string; seq: number }>`
    with numbered as (
      insert into event_seqs (person_id, seq)
      select id, 1 from people where org_id = ${orgId} and id = any(${[...p.personIds].sort()}::text[]) order by id
      on conflict (person_id) do update set seq = event_seqs.seq + 1
      returning person_id, seq
    )
    insert into events (org_id, person_id, seq, type, payload, body_id, created_at)
    select ${orgId}, person_id, seq, ${p.type}, ${shared ? '' : body}, ${shared}, ${now}::bigint from numbered
    returning person_id, seq`.execute(trx);
  if (rows.length === 0) return;
  const deliveries = rows.map((r) => ({ personId: r.person_id, seq: Number(r.seq) }));
  const event = { type: p.type, payload: p.payload, at: new Date(now).toISOString() };
  p.afterCommit(() => p.bus.publish({ kind: 'deliver', orgId, deliveries, event }));
}

async function numberForOrg(trx: Trx, orgId: string, publishes: Publish[]): Promise<void> {
  // How many events each person gets from this transaction; their seqs are the next that many.
  const counts = new Map<string, number>();
  for (const p of publishes) for (const id of p.personIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const sorted = [...counts.keys()].sort();
  const next = new Map<string, number>();
  // Chunks keep the IN lists within both engines' parameter limits.
  for (let i = 0; i < sorted.length; i += 500) {
    const chunk = sorted.slice(i, i + 500);
    // Usually everyone gets one event; one statement per distinct count otherwise.
    const byCount = new Map<number, string[]>();
    for (const id of chunk) byCount.set(counts.get(id) ?? 1, [...(byCount.get(counts.get(id) ?? 1) ?? []), id]);
    for (const [k, ids] of byCount) {
      // Only people of this company get a number (the select); a first event makes the row. The
      // select is ordered, and an upsert locks rows in the order it meets them: on PostgreSQL every
      // transaction takes these locks in id order, so two of them cannot deadlock on them.
      const rows = await trx
        .insertInto('event_seqs')
        .columns(['person_id', 'seq'])
        .expression((eb) =>
          eb
            .selectFrom('people')
            .select(['id', sql.lit(k).as('seq')])
            .where('org_id', '=', orgId)
            .where('id', 'in', ids)
            .orderBy('id'),
        )
        .onConflict((oc) => oc.column('person_id').doUpdateSet((eb) => ({ seq: eb('event_seqs.seq', '+', k) })))
        .returning(['person_id', 'seq'])
        .execute();
      for (const r of rows) next.set(r.person_id, Number(r.seq) - k + 1);
    }
  }
  const now = Date.now();
  const at = new Date(now).toISOString();
  for (const p of publishes) {
    const deliveries: Array<{ personId: string; seq: number }> = [];
    for (const personId of p.personIds) {
      const seq = next.get(personId);
      // Not a person of this company (or gone): nothing to number.
      if (seq === undefined) continue;
      next.set(personId, seq + 1);
      deliveries.push({ personId, seq });
    }
    if (deliveries.length === 0) continue;
    const body = JSON.stringify(p.payload);
    // Fanned out: the payload once, and each recipient's row points at it.
    const shared = deliveries.length >= SHARED_BODY_FROM ? newId() : null;
    if (shared) await trx.insertInto('event_bodies').values({ id: shared, org_id: orgId, payload: body, created_at: now }).execute();
    for (let i = 0; i < deliveries.length; i += 500) {
      await trx
        .insertInto('events')
        .values(
          deliveries.slice(i, i + 500).map((d) => ({
            org_id: orgId,
            person_id: d.personId,
            seq: d.seq,
            type: p.type,
            payload: shared ? '' : body,
            body_id: shared,
            created_at: now,
          })),
        )
        .execute();
    }
    const event = { type: p.type, payload: p.payload, at };
    p.afterCommit(() => p.bus.publish({ kind: 'deliver', orgId, deliveries, event }));
  }
}

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
