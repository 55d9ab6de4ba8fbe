import { CALL_REJOIN_GRACE_MS } from '../../../protocol/calls.js';
import { inTx, type AppContext } from '../../context.js';
import type { CallsTable } from '../../db/schema.js';
import type { Executor } from '../../db/index.js';
import type { ConversationsTable } from '../../db/schema.js';
import { participantsAmong } from '../chat/message-store.js';
import { departed, finish, lockCall, settle, type Locked } from './service.js';

/** How often every process looks at the ongoing calls. */
export const CALL_SWEEP_MS = 2_000;
/** A presence row not refreshed for this long belongs to a socket (or a process) that is gone. */
const DEVICE_STALE_MS = 90_000;

/**
 * What no request tells: a ring that timed out (CALL_RING_TIMEOUT_S), a joined device whose socket closed and did not come
 * back within the grace time (a vanished browser), a person no longer in the conversation. Each
 * process sweeps every CALL_SWEEP_MS; the changes take the call's lock and re-check, so two processes
 * sweeping at once change a call once. Cheap when nothing is ongoing: one indexed read.
 */
export async function sweepCalls(ctx: AppContext, now = Date.now()): Promise<void> {
  const ongoing = await ctx.db.selectFrom('calls').selectAll().where('state', '<>', 'ended').execute();
  for (const call of ongoing) {
    await sweepOne(ctx, call, now).catch((err: unknown) => ctx.log.warn({ err, callId: call.id }, 'call sweep failed'));
  }
}

async function sweepOne(ctx: AppContext, call: CallsTable, now: number): Promise<void> {
  const callId = call.id;
  const people = await ctx.db
    .selectFrom('call_participants')
    .select(['person_id', 'state', 'connection_id', 'gone_at', 'rung_at'])
    .where('call_id', '=', callId)
    .where('state', 'in', ['ringing', 'joined'])
    .execute();
  const devices = people.flatMap((p) => (p.state === 'joined' && p.connection_id ? [p.connection_id] : []));
  const live = new Set(
    devices.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('presence_devices')
            .select('connection_id')
            .where('connection_id', 'in', devices)
            .where('seen_at', '>', now - DEVICE_STALE_MS)
            .execute()
        ).map((r) => r.connection_id),
  );
  // A device just seen gone is marked (no event): it may come back with `call.resume`.
  const newlyGone = people.filter((p) => p.state === 'joined' && p.gone_at === null && !live.has(p.connection_id ?? ''));
  for (const p of newlyGone) {
    await ctx.db
      .updateTable('call_participants')
      .set({ gone_at: now })
      .where('call_id', '=', callId)
      .where('person_id', '=', p.person_id)
      .where('connection_id', '=', p.connection_id)
      .where('gone_at', 'is', null)
      .execute();
  }
  const ringMs = ctx.config.calls.ringTimeoutMs;
  const timedOut = people.some((p) => p.state === 'ringing' && now - Number(p.rung_at) >= ringMs);
  const vanished = people.some((p) => p.state === 'joined' && p.gone_at !== null && now - Number(p.gone_at) >= CALL_REJOIN_GRACE_MS);
  const conv = await ctx.db.selectFrom('conversations').selectAll().where('id', '=', call.conversation_id).executeTakeFirstOrThrow();
  const members = await stillIn(ctx.db, conv, people.map((p) => p.person_id));
  const removed = people.some((p) => !members.has(p.person_id));
  const waitingAlone = call.state === 'ringing' && now - Number(call.created_at) >= ringMs;
  // Nothing to do is the common case: no lock, no write, no event.
  if (!timedOut && !vanished && !removed && !waitingAlone) return;
  await inTx(ctx, async (trx, afterCommit) => {
    const l = await lockCall(ctx, trx, afterCommit, call.org_id, callId);
    if (!l || l.call.state === 'ended') return;
    const inConversation = await stillIn(trx, l.conv, l.people.map((p) => p.person_id));
    if (await apply(l, inConversation, now, ringMs)) await finish(ctx, l);
  });
}

/** Applies the sweep's changes to the locked call; true when anything changed. */
async function apply(l: Locked, inConversation: Set<string>, now: number, ringMs: number): Promise<boolean> {
  let changed = false;
  for (const p of l.people) {
    const gone = !inConversation.has(p.person_id);
    if (p.state === 'ringing' && (gone || now - Number(p.rung_at) >= ringMs)) {
      Object.assign(p, { state: 'missed', left_at: now });
      if (!gone) l.missed = [...(l.missed ?? []), p.person_id];
      await l.trx
        .updateTable('call_participants')
        .set({ state: 'missed', left_at: now })
        .where('call_id', '=', l.call.id)
        .where('person_id', '=', p.person_id)
        .execute();
      changed = true;
    } else if (p.state === 'joined' && (gone || (p.gone_at !== null && now - Number(p.gone_at) >= CALL_REJOIN_GRACE_MS))) {
      if (gone) l.alsoTell = [...(l.alsoTell ?? []), p.person_id];
      await departed(l, p, now);
      changed = true;
    }
  }
  const before = l.call.state;
  settle(l, now, ringMs);
  return changed || l.call.state !== before;
}

/** Which of these people still take part in the conversation: only the call's people are read, not a 1,000-person group. */
async function stillIn(db: Executor, conv: ConversationsTable, personIds: string[]): Promise<Set<string>> {
  return new Set((await participantsAmong(db, conv, personIds)).map((p) => p.id));
}

export function startCallSweeper(ctx: AppContext): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepCalls(ctx)
      .catch((err: unknown) => ctx.log.warn({ err }, 'call sweep failed'))
      .finally(() => (running = false));
  }, CALL_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
