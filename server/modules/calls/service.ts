import { CALL_MAX_JOINED, CALL_RING_MAX_PEOPLE, type Call, type CallMedia, type CallOutcome } from '../../../protocol/calls.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation, type Trx } from '../../db/index.js';
import type { CallParticipantsTable, CallsTable, ConversationsTable, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { conversationForViewer, participantIds } from '../../policies/chat.js';
import { publishToPeople } from '../../realtime/publish.js';
import { notify } from '../notifications/service.js';
import { startHistory, updateHistory } from './history.js';
import { findCall, joinedAmong, joinedCallOf, ongoingCallOf, participantsOf, presentCall, type CallWithPeople } from './store.js';

/**
 * The life of a call: start (ring), join (answer), decline, leave, screen sharing, and the endings
 * (declined, missed, busy, last one out). Every change runs in one transaction that first locks the
 * call's row, then tells every participant of the conversation with a numbered `call.updated` event
 * (so every device, and every device that reconnects later, knows the call's state) and keeps the
 * call's history message in step. What a person may not see (a conversation they are not in) is 404.
 */

export const noSuchCall = (): AppError => notFound('No such call.');

/** A device: the realtime socket a person calls from, and its sign-in session. */
export interface Device {
  connectionId: string;
  sessionId: string;
}

/** What the rest of the process learns after each committed change (the signalling layer drops SFU sessions). */
export type CallListener = (call: Call) => void;
const listeners = new WeakMap<AppContext, Set<CallListener>>();
export function onCallChanged(ctx: AppContext, listener: CallListener): () => void {
  let set = listeners.get(ctx);
  if (!set) listeners.set(ctx, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

export interface Locked extends CallWithPeople {
  trx: Trx;
  afterCommit: AfterCommit;
  conv: ConversationsTable;
  /** People told of this change besides the conversation's participants (someone just removed from it). */
  alsoTell?: string[];
  /** How long a call rings (config CALL_RING_TIMEOUT_S). */
  ringMs: number;
  /** People whose ring ended unanswered in this change: told of the missed call. */
  missed?: string[];
}

export async function startCall(
  ctx: AppContext,
  v: PeopleTable,
  conversationId: string,
  media: CallMedia,
  device: Device,
  sfuAvailable: boolean,
): Promise<Call> {
  const conv = await conversationForViewer(ctx.db, v, conversationId);
  if (!conv) throw notFound('No such conversation.');
  if (v.is_bot === 1) throw conflict('bots_cannot_call', 'Bots cannot take part in calls.');
  const mode = conv.kind === 'direct' ? 'p2p' : 'sfu';
  if (mode === 'sfu' && !sfuAvailable)
    throw new AppError(503, 'sfu_unavailable', 'Group calls need the media server, which is not running on this installation.');
  try {
    return await inTx(ctx, async (trx, afterCommit) => {
      if (await joinedCallOf(trx, v.id)) throw conflict('in_another_call', 'You are in another call; leave it first.');
      const now = Date.now();
      const everyone = await participantIds(trx, conv);
      const others = everyone.filter((id) => id !== v.id);
      const bots = new Set(
        others.length === 0
          ? []
          : (await trx.selectFrom('people').select('id').where('id', 'in', others).where('is_bot', '=', 1).execute()).map((r) => r.id),
      );
      if (mode === 'p2p' && others.some((id) => bots.has(id))) throw conflict('bots_cannot_call', 'Bots cannot take part in calls.');
      const call: CallsTable = {
        id: newId(),
        org_id: conv.org_id,
        conversation_id: conv.id,
        media,
        mode,
        state: 'ringing',
        outcome: null,
        started_by: v.id,
        sharer_id: null,
        message_id: null,
        created_at: now,
        answered_at: null,
        ended_at: null,
        updated_at: now,
      };
      await trx.insertInto('calls').values(call).execute();
      const people: CallParticipantsTable[] = [joinedRow(call, v.id, device, now)];
      // Big conversations are not rung (a call of 1,000 phones); their people see the call to join it.
      const rung = others.filter((id) => !bots.has(id));
      if (everyone.length <= CALL_RING_MAX_PEOPLE) {
        const busy = await joinedAmong(trx, rung);
        for (const personId of rung) people.push({ ...emptyRow(call, personId, now), state: busy.has(personId) ? 'busy' : 'ringing' });
      }
      await trx.insertInto('call_participants').values(people).execute();
      call.message_id = await startHistory(ctx, trx, afterCommit, conv, call);
      await trx.updateTable('calls').set({ message_id: call.message_id }).where('id', '=', call.id).execute();
      const locked: Locked = { trx, afterCommit, conv, call, people, ringMs: ctx.config.calls.ringTimeoutMs };
      // The only other person is in another call: "busy" at once.
      if (mode === 'p2p' && people[1]?.state === 'busy') endCall(locked, 'busy', now);
      return finish(ctx, locked);
    });
  } catch (err) {
    // Two people pressed "call" at once: one call won; the other joins it.
    if (!isUniqueViolation(err)) throw err;
    const ongoing = await ongoingCallOf(ctx.db, conv.id);
    throw new AppError(409, 'call_in_progress', 'A call is already going on in this conversation; join it.', { callId: ongoing?.id });
  }
}

/** The call if the viewer takes part in its conversation, else 404. */
export async function callForViewer(ctx: AppContext, v: PeopleTable, callId: string): Promise<Call> {
  const call = await findCall(ctx.db, v.org_id, callId);
  if (!call || !(await conversationForViewer(ctx.db, v, call.conversation_id))) throw noSuchCall();
  return presentCall({ call, people: await participantsOf(ctx.db, call) });
}

export async function currentCall(ctx: AppContext, v: PeopleTable, conversationId: string): Promise<Call | null> {
  const conv = await conversationForViewer(ctx.db, v, conversationId);
  if (!conv) throw notFound('No such conversation.');
  const call = await ongoingCallOf(ctx.db, conv.id);
  return call ? presentCall({ call, people: await participantsOf(ctx.db, call) }) : null;
}

/**
 * The calls ringing me now, on any device (a page that opens or reconnects while a call rings shows
 * it): not ended, my place ringing, in a conversation I still take part in.
 */
export async function ringingCalls(ctx: AppContext, v: PeopleTable): Promise<Call[]> {
  const rows = await ctx.db
    .selectFrom('calls as c')
    .innerJoin('call_participants as p', 'p.call_id', 'c.id')
    .selectAll('c')
    .where('p.person_id', '=', v.id)
    .where('p.state', '=', 'ringing')
    .where('c.org_id', '=', v.org_id)
    .where('c.state', '<>', 'ended')
    .execute();
  const calls: Call[] = [];
  for (const call of rows) {
    if (await conversationForViewer(ctx.db, v, call.conversation_id))
      calls.push(presentCall({ call, people: await participantsOf(ctx.db, call) }));
  }
  return calls;
}

/** Answers a ring or joins an ongoing call, from this device (another device of mine in it hands over). */
export function joinCall(ctx: AppContext, v: PeopleTable, callId: string, device: Device): Promise<Call> {
  if (v.is_bot === 1) throw conflict('bots_cannot_call', 'Bots cannot take part in calls.');
  return withViewerCall(ctx, v, callId, async (l) => {
    const other = await joinedCallOf(l.trx, v.id);
    if (other && other.call_id !== l.call.id) throw conflict('in_another_call', 'You are in another call; leave it first.');
    const now = Date.now();
    const mine = l.people.find((p) => p.person_id === v.id);
    const joined = l.people.filter((p) => p.state === 'joined' && p.person_id !== v.id);
    const limit = l.call.mode === 'p2p' ? 2 : CALL_MAX_JOINED;
    if (joined.length + 1 > limit) throw conflict('call_full', `A call holds at most ${limit} people.`);
    const row = joinedRow(l.call, v.id, device, now, mine);
    if (mine) {
      Object.assign(mine, row);
      await l.trx.updateTable('call_participants').set(row).where('call_id', '=', l.call.id).where('person_id', '=', v.id).execute();
    } else {
      l.people.push(row);
      await l.trx.insertInto('call_participants').values(row).execute();
    }
    if (l.call.state === 'ringing' && joined.length >= 1) {
      l.call.state = 'active';
      l.call.answered_at = now;
      await l.trx.updateTable('calls').set({ state: 'active', answered_at: now }).where('id', '=', l.call.id).execute();
    }
    return finish(ctx, l);
  });
}

export function declineCall(ctx: AppContext, v: PeopleTable, callId: string): Promise<Call> {
  return withViewerCall(ctx, v, callId, async (l) => {
    const mine = l.people.find((p) => p.person_id === v.id);
    if (mine?.state !== 'ringing') throw conflict('not_ringing', 'This call is not ringing for you.');
    await setState(l, mine, 'declined', Date.now());
    settle(l, Date.now(), l.ringMs);
    return finish(ctx, l);
  });
}

export function leaveCall(ctx: AppContext, v: PeopleTable, callId: string): Promise<Call> {
  return withViewerCall(ctx, v, callId, async (l) => {
    const mine = l.people.find((p) => p.person_id === v.id);
    if (mine?.state !== 'joined') throw conflict('not_in_call', 'You are not in this call.');
    await departed(l, mine, Date.now());
    return finish(ctx, l);
  });
}

/** Claims or gives back the screen: one sharer at a time. */
export function shareScreen(ctx: AppContext, v: PeopleTable, callId: string, sharing: boolean): Promise<Call> {
  return withViewerCall(ctx, v, callId, async (l) => {
    const mine = l.people.find((p) => p.person_id === v.id);
    if (mine?.state !== 'joined') throw conflict('not_in_call', 'You are not in this call.');
    if (l.call.media === 'audio' && sharing) throw conflict('audio_call', 'Screens are shared in video calls; start one to share.');
    if (sharing && l.call.sharer_id && l.call.sharer_id !== v.id)
      throw conflict('screen_taken', 'Someone else is sharing their screen; they must stop first.');
    const next = sharing ? v.id : l.call.sharer_id === v.id ? null : l.call.sharer_id;
    if (next !== l.call.sharer_id) {
      l.call.sharer_id = next;
      await l.trx.updateTable('calls').set({ sharer_id: next }).where('id', '=', l.call.id).execute();
    }
    return finish(ctx, l);
  });
}

/**
 * Runs `fn` on the call under its row's lock, with the viewer's participation checked. The UPDATE
 * takes the lock first (PostgreSQL; SQLite has one writer), so two changes of one call happen one
 * after another and each sees the other's result.
 */
function withViewerCall(ctx: AppContext, v: PeopleTable, callId: string, fn: (l: Locked) => Promise<Call>): Promise<Call> {
  return inTx(ctx, async (trx, afterCommit) => {
    const l = await lockCall(ctx, trx, afterCommit, v.org_id, callId);
    if (!l || !(await conversationForViewer(trx, v, l.call.conversation_id))) throw noSuchCall();
    if (l.call.state === 'ended') throw conflict('call_ended', 'This call has ended.');
    return fn(l);
  });
}

export async function lockCall(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, orgId: string, callId: string): Promise<Locked | null> {
  const call = await trx
    .updateTable('calls')
    .set({ updated_at: Date.now() })
    .where('id', '=', callId)
    .where('org_id', '=', orgId)
    .returningAll()
    .executeTakeFirst();
  if (!call) return null;
  const conv = await trx.selectFrom('conversations').selectAll().where('id', '=', call.conversation_id).executeTakeFirstOrThrow();
  return { trx, afterCommit, conv, call, people: await participantsOf(trx, call), ringMs: ctx.config.calls.ringTimeoutMs };
}

/** A joined person is out (left, vanished, removed from the conversation); the call may end with it. */
export async function departed(l: Locked, p: CallParticipantsTable, now: number): Promise<void> {
  await setState(l, p, 'left', now);
  if (l.call.sharer_id === p.person_id) {
    l.call.sharer_id = null;
    await l.trx.updateTable('calls').set({ sharer_id: null }).where('id', '=', l.call.id).execute();
  }
  settle(l, now, l.ringMs);
}

/** Ends the call when nobody (else) can still take part: the rules of how a call ends, in one place. */
export function settle(l: Locked, now: number, ringMs: number): void {
  if (l.call.state === 'ended') return;
  const joined = l.people.filter((p) => p.state === 'joined');
  const ringing = l.people.filter((p) => p.state === 'ringing');
  const rung = l.people.filter((p) => p.person_id !== l.call.started_by);
  const answered = l.call.answered_at !== null;
  if (answered) {
    // One-to-one: when either hangs up. A group call: when the last one leaves.
    if (joined.length === 0 || (l.call.mode === 'p2p' && joined.length < 2)) endCall(l, 'completed', now);
    return;
  }
  if (joined.length === 0) return endCall(l, 'missed', now);
  // Still ringing someone, or a big conversation's call waiting for people to join (until the ring time is over).
  if (ringing.length > 0) return;
  if (rung.length === 0 && now - Number(l.call.created_at) < ringMs) return;
  const all = (s: CallParticipantsTable['state']) => rung.length > 0 && rung.every((p) => p.state === s);
  endCall(l, all('declined') ? 'declined' : all('busy') ? 'busy' : 'missed', now);
}

/** Marks the call ended (written by `finish`): those still rung missed it, those joined left. */
function endCall(l: Locked, outcome: CallOutcome, now: number): void {
  l.call.state = 'ended';
  l.call.outcome = outcome;
  l.call.ended_at = now;
  l.call.sharer_id = null;
  for (const p of l.people) {
    if (p.state === 'ringing') {
      Object.assign(p, { state: 'missed', left_at: now });
      l.missed = [...(l.missed ?? []), p.person_id];
    }
    if (p.state === 'joined') Object.assign(p, { state: 'left', left_at: now, connection_id: null, session_id: null, gone_at: null });
  }
}

async function setState(l: Locked, p: CallParticipantsTable, state: CallParticipantsTable['state'], now: number): Promise<void> {
  Object.assign(p, { state, left_at: now, connection_id: null, session_id: null, gone_at: null });
  await l.trx
    .updateTable('call_participants')
    .set({ state, left_at: now, connection_id: null, session_id: null, gone_at: null })
    .where('call_id', '=', l.call.id)
    .where('person_id', '=', p.person_id)
    .execute();
}

/**
 * Writes an ending decided by endCall, keeps the history message in step, and tells everyone in the
 * conversation: a numbered `call.updated` to each participant's devices.
 */
export async function finish(ctx: AppContext, l: Locked): Promise<Call> {
  if (l.call.state === 'ended') {
    await l.trx
      .updateTable('calls')
      .set({ state: 'ended', outcome: l.call.outcome, ended_at: l.call.ended_at, sharer_id: null })
      .where('id', '=', l.call.id)
      .execute();
    const now = Number(l.call.ended_at);
    await l.trx
      .updateTable('call_participants')
      .set({ state: 'missed', left_at: now })
      .where('call_id', '=', l.call.id)
      .where('state', '=', 'ringing')
      .execute();
    await l.trx
      .updateTable('call_participants')
      .set({ state: 'left', left_at: now, connection_id: null, session_id: null, gone_at: null })
      .where('call_id', '=', l.call.id)
      .where('state', '=', 'joined')
      .execute();
  }
  const call = presentCall(l);
  const participants = await participantIds(l.trx, l.conv);
  await updateHistory(ctx, l.trx, l.afterCommit, l.conv, l.call, participants);
  if (l.missed?.length) {
    // One line per missed call, leading to the conversation; it goes if they stop taking part in it.
    await notify(l.trx, l.afterCommit, ctx, {
      orgId: l.conv.org_id,
      actorId: l.call.started_by,
      kind: 'call_missed',
      recipients: l.missed,
      conversationId: l.conv.id,
      messageId: l.call.message_id ?? undefined,
      groupKey: null,
      once: true,
    });
  }
  const audience = [...participants, ...(l.alsoTell ?? [])];
  await publishToPeople(l.trx, l.afterCommit, ctx.bus, l.conv.org_id, audience, 'call.updated', { call });
  l.afterCommit(() => {
    for (const listener of listeners.get(ctx) ?? []) listener(call);
  });
  return call;
}

function emptyRow(call: CallsTable, personId: string, now: number): CallParticipantsTable {
  return {
    call_id: call.id,
    person_id: personId,
    org_id: call.org_id,
    state: 'ringing',
    connection_id: null,
    session_id: null,
    muted: 0,
    camera: 0,
    rung_at: now,
    joined_at: null,
    left_at: null,
    gone_at: null,
  };
}

function joinedRow(call: CallsTable, personId: string, device: Device, now: number, before?: CallParticipantsTable): CallParticipantsTable {
  return {
    ...(before ?? emptyRow(call, personId, now)),
    state: 'joined',
    connection_id: device.connectionId,
    session_id: device.sessionId,
    muted: 0,
    camera: call.media === 'video' ? 1 : 0,
    joined_at: before?.state === 'joined' ? before.joined_at : now,
    left_at: null,
    gone_at: null,
  };
}
