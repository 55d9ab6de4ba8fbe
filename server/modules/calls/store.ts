import type { Call } from '../../../protocol/calls.js';
import type { Executor } from '../../db/index.js';
import type { CallParticipantsTable, CallsTable } from '../../db/schema.js';

/** The only code that reads calls and call_participants (the service writes them under the call's lock). */

export interface CallWithPeople {
  call: CallsTable;
  people: CallParticipantsTable[];
}

export async function findCall(db: Executor, orgId: string, id: string): Promise<CallsTable | undefined> {
  return db.selectFrom('calls').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function ongoingCallOf(db: Executor, conversationId: string): Promise<CallsTable | undefined> {
  return db.selectFrom('calls').selectAll().where('conversation_id', '=', conversationId).where('state', '<>', 'ended').executeTakeFirst();
}

/** Everyone rung or joined, the caller first, then in the order they were rung. */
export async function participantsOf(db: Executor, call: Pick<CallsTable, 'id' | 'started_by'>): Promise<CallParticipantsTable[]> {
  const rows = await db
    .selectFrom('call_participants')
    .selectAll()
    .where('call_id', '=', call.id)
    .orderBy('rung_at')
    .orderBy('person_id')
    .execute();
  return [...rows.filter((p) => p.person_id === call.started_by), ...rows.filter((p) => p.person_id !== call.started_by)];
}

/** The ongoing call this person is joined in (from any device), if any: they are busy. */
export async function joinedCallOf(db: Executor, personId: string): Promise<CallParticipantsTable | undefined> {
  return db
    .selectFrom('call_participants as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .selectAll('p')
    .where('p.person_id', '=', personId)
    .where('p.state', '=', 'joined')
    .where('c.state', '<>', 'ended')
    .executeTakeFirst();
}

/** Of these people, those joined in an ongoing call (busy), in one query. */
export async function joinedAmong(db: Executor, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('call_participants as p')
    .innerJoin('calls as c', 'c.id', 'p.call_id')
    .select('p.person_id')
    .where('p.person_id', 'in', personIds)
    .where('p.state', '=', 'joined')
    .where('c.state', '<>', 'ended')
    .execute();
  return new Set(rows.map((r) => r.person_id));
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

export function presentCall({ call, people }: CallWithPeople): Call {
  const answered = call.answered_at === null ? null : Number(call.answered_at);
  const ended = call.ended_at === null ? null : Number(call.ended_at);
  return {
    id: call.id,
    conversationId: call.conversation_id,
    media: call.media,
    mode: call.mode,
    state: call.state,
    outcome: call.outcome,
    startedBy: call.started_by,
    sharerId: call.sharer_id,
    participants: people.map((p) => ({
      personId: p.person_id,
      state: p.state,
      connectionId: p.state === 'joined' ? p.connection_id : null,
      muted: p.muted === 1,
      camera: p.camera === 1,
      joinedAt: iso(p.joined_at),
      leftAt: iso(p.left_at),
    })),
    createdAt: new Date(Number(call.created_at)).toISOString(),
    answeredAt: iso(answered),
    endedAt: iso(ended),
    durationS: answered !== null && ended !== null ? Math.round((ended - answered) / 1000) : null,
  };
}
