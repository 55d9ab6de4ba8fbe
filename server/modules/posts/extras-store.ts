import type { Executor } from '../../db/index.js';
import type {
  EventRsvpsTable,
  PeopleTable,
  PollOptionsTable,
  PollVotesTable,
  PostEventsTable,
  PostPollsTable,
  RsvpAnswer,
} from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import type { PeopleScope } from '../../policies/people.js';

/**
 * The only code that reads or writes polls, votes, events, RSVPs and announcement seen marks.
 * Readers take a whole page of post ids: one query each, whatever the page size.
 */

export type PersonBits = Pick<PeopleTable, 'display_name' | 'photo_file_id' | 'status' | 'is_bot'>;

export async function insertPoll(
  db: Executor,
  orgId: string,
  postId: string,
  poll: { multiple: boolean; closesAt: number | null; options: string[] },
): Promise<void> {
  await db
    .insertInto('post_polls')
    .values({ post_id: postId, org_id: orgId, multiple: poll.multiple ? 1 : 0, closes_at: poll.closesAt })
    .execute();
  await db
    .insertInto('poll_options')
    .values(poll.options.map((text, position) => ({ id: newId(), org_id: orgId, post_id: postId, position, text })))
    .execute();
}

export async function insertEvent(db: Executor, e: PostEventsTable): Promise<void> {
  await db.insertInto('post_events').values(e).execute();
}

export async function pollsOf(db: Executor, postIds: string[]): Promise<Map<string, PostPollsTable>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('post_polls').selectAll().where('post_id', 'in', postIds).execute();
  return new Map(rows.map((r) => [r.post_id, r]));
}

export type OptionTally = Pick<PollOptionsTable, 'id' | 'post_id' | 'position' | 'text'> & { votes: number };

/** Every option of these polls with its number of votes, in the author's order. */
export async function optionTallies(db: Executor, postIds: string[]): Promise<OptionTally[]> {
  if (postIds.length === 0) return [];
  const rows = await db
    .selectFrom('poll_options as o')
    .leftJoin('poll_votes as pv', 'pv.option_id', 'o.id')
    .select((eb) => ['o.id', 'o.post_id', 'o.position', 'o.text', eb.fn.count<number>('pv.person_id').as('votes')])
    .where('o.post_id', 'in', postIds)
    .groupBy(['o.id', 'o.post_id', 'o.position', 'o.text'])
    .orderBy('o.post_id')
    .orderBy('o.position')
    .execute();
  return rows.map((r) => ({ ...r, votes: Number(r.votes) }));
}

/** People who voted per poll (a person with two choices counts once). */
export async function voterCounts(db: Executor, postIds: string[]): Promise<Map<string, number>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('poll_votes')
    .select((eb) => ['post_id', eb.fn.count<number>('person_id').distinct().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy('post_id')
    .execute();
  return new Map(rows.map((r) => [r.post_id, Number(r.n)]));
}

export async function votesOf(
  db: Executor,
  personId: string,
  postIds: string[],
): Promise<Array<Pick<PollVotesTable, 'post_id' | 'option_id'>>> {
  if (postIds.length === 0) return [];
  return db
    .selectFrom('poll_votes')
    .select(['post_id', 'option_id'])
    .where('person_id', '=', personId)
    .where('post_id', 'in', postIds)
    .execute();
}

/** Replaces the person's choices in a poll; says whether they changed. */
export async function replaceVotes(db: Executor, orgId: string, postId: string, personId: string, optionIds: string[]): Promise<boolean> {
  const before = (await votesOf(db, personId, [postId])).map((r) => r.option_id).sort();
  if (before.join() === [...optionIds].sort().join()) return false;
  await db.deleteFrom('poll_votes').where('post_id', '=', postId).where('person_id', '=', personId).execute();
  if (optionIds.length > 0) {
    const now = Date.now();
    await db
      .insertInto('poll_votes')
      .values(optionIds.map((option_id) => ({ org_id: orgId, post_id: postId, option_id, person_id: personId, created_at: now })))
      .execute();
  }
  return true;
}

export type VoterRow = Pick<PollVotesTable, 'option_id' | 'person_id' | 'created_at'> & PersonBits;

/** Who voted, newest first, among the people the viewer may see; the cursor is (created_at, person_id, option_id). */
export function listVoters(
  db: Executor,
  scope: PeopleScope,
  postId: string,
  optionId: string | undefined,
  after: [number, string, string] | null,
  limit: number,
): Promise<VoterRow[]> {
  let q = db
    .selectFrom('poll_votes as v')
    .innerJoin('people as vp', 'vp.id', 'v.person_id')
    .select(['v.option_id', 'v.person_id', 'v.created_at', 'vp.display_name', 'vp.photo_file_id', 'vp.status', 'vp.is_bot'])
    .where('v.org_id', '=', scope.orgId)
    .where('v.post_id', '=', postId)
    .where('vp.org_id', '=', scope.orgId);
  if (scope.onlyId) q = q.where('vp.id', '=', scope.onlyId);
  if (!scope.includeDeactivated) q = q.where('vp.status', '=', 'active');
  if (optionId) q = q.where('v.option_id', '=', optionId);
  if (after) {
    const [at, person, option] = after;
    q = q.where((eb) =>
      eb.or([
        eb('v.created_at', '<', at),
        eb.and([
          eb('v.created_at', '=', at),
          eb.or([eb('v.person_id', '<', person), eb.and([eb('v.person_id', '=', person), eb('v.option_id', '<', option)])]),
        ]),
      ]),
    );
  }
  return q
    .orderBy('v.created_at', 'desc')
    .orderBy('v.person_id', 'desc')
    .orderBy('v.option_id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function eventsOf(db: Executor, postIds: string[]): Promise<Map<string, PostEventsTable>> {
  if (postIds.length === 0) return new Map();
  const rows = await db.selectFrom('post_events').selectAll().where('post_id', 'in', postIds).execute();
  return new Map(rows.map((r) => [r.post_id, r]));
}

export async function rsvpCounts(db: Executor, postIds: string[]): Promise<Map<string, Map<RsvpAnswer, number>>> {
  const out = new Map<string, Map<RsvpAnswer, number>>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('event_rsvps')
    .select((eb) => ['post_id', 'answer', eb.fn.countAll<number>().as('n')])
    .where('post_id', 'in', postIds)
    .groupBy(['post_id', 'answer'])
    .execute();
  for (const r of rows) out.set(r.post_id, (out.get(r.post_id) ?? new Map<RsvpAnswer, number>()).set(r.answer, Number(r.n)));
  return out;
}

export async function rsvpsOf(db: Executor, personId: string, postIds: string[]): Promise<Map<string, RsvpAnswer>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_rsvps')
    .select(['post_id', 'answer'])
    .where('person_id', '=', personId)
    .where('post_id', 'in', postIds)
    .execute();
  return new Map(rows.map((r) => [r.post_id, r.answer]));
}

/** Sets the person's answer; says whether it changed. Two at once meet at the primary key: one row. */
export async function upsertRsvp(db: Executor, r: Omit<EventRsvpsTable, 'answered_at'>): Promise<boolean> {
  const existing = await rsvpsOf(db, r.person_id, [r.post_id]);
  if (existing.get(r.post_id) === r.answer) return false;
  const now = Date.now();
  await db
    .insertInto('event_rsvps')
    .values({ ...r, answered_at: now })
    .onConflict((oc) => oc.columns(['post_id', 'person_id']).doUpdateSet({ answer: r.answer, answered_at: now }))
    .execute();
  return true;
}

export type RsvpRow = Pick<EventRsvpsTable, 'answer' | 'person_id' | 'answered_at'> & PersonBits;

/** Who answered, newest first, among the people the viewer may see; the cursor is (answered_at, person_id). */
export function listRsvps(
  db: Executor,
  scope: PeopleScope,
  postId: string,
  answer: RsvpAnswer | undefined,
  after: [number, string] | null,
  limit: number,
): Promise<RsvpRow[]> {
  let q = db
    .selectFrom('event_rsvps as r')
    .innerJoin('people as rp', 'rp.id', 'r.person_id')
    .select(['r.answer', 'r.person_id', 'r.answered_at', 'rp.display_name', 'rp.photo_file_id', 'rp.status', 'rp.is_bot'])
    .where('r.org_id', '=', scope.orgId)
    .where('r.post_id', '=', postId)
    .where('rp.org_id', '=', scope.orgId);
  if (scope.onlyId) q = q.where('rp.id', '=', scope.onlyId);
  if (!scope.includeDeactivated) q = q.where('rp.status', '=', 'active');
  if (answer) q = q.where('r.answer', '=', answer);
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('r.answered_at', '<', at), eb.and([eb('r.answered_at', '=', at), eb('r.person_id', '<', id)])]));
  }
  return q
    .orderBy('r.answered_at', 'desc')
    .orderBy('r.person_id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** Marks the announcement seen by the person, once; says whether this was the first time. */
export async function markSeen(db: Executor, orgId: string, postId: string, personId: string): Promise<boolean> {
  const res = await db
    .insertInto('announcement_seen')
    .values({ org_id: orgId, post_id: postId, person_id: personId, seen_at: Date.now() })
    .onConflict((oc) => oc.columns(['post_id', 'person_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function seenOf(db: Executor, personId: string, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('announcement_seen')
    .select('post_id')
    .where('person_id', '=', personId)
    .where('post_id', 'in', postIds)
    .execute();
  return new Set(rows.map((r) => r.post_id));
}

/**
 * The audience of each announcement (its group's active members but the author) and how many of
 * them marked it seen: people who left the group or were deactivated count in neither.
 */
export async function seenTallies(db: Executor, postIds: string[]): Promise<Map<string, { seen: number; audience: number }>> {
  const out = new Map<string, { seen: number; audience: number }>();
  if (postIds.length === 0) return out;
  const rows = await db
    .selectFrom('posts as ap')
    .innerJoin('group_members as am', 'am.group_id', 'ap.group_id')
    .innerJoin('people as amp', 'amp.id', 'am.person_id')
    .leftJoin('announcement_seen as s', (j) => j.onRef('s.post_id', '=', 'ap.id').onRef('s.person_id', '=', 'am.person_id'))
    .select((eb) => ['ap.id', eb.fn.countAll<number>().as('audience'), eb.fn.count<number>('s.person_id').as('seen')])
    .where('ap.id', 'in', postIds)
    .where('amp.status', '=', 'active')
    .whereRef('am.person_id', '<>', 'ap.author_id')
    .groupBy('ap.id')
    .execute();
  for (const r of rows) out.set(r.id, { seen: Number(r.seen), audience: Number(r.audience) });
  return out;
}

export type AudienceRow = { person_id: string; seen_at: number | null; name_key: string } & PersonBits;

/**
 * The announcement's audience who have (seen) or have not seen it. Seen: latest first, cursor
 * (seen_at, person_id); not seen: by name, cursor (name_key, person_id).
 */
export function listAudience(
  db: Executor,
  scope: PeopleScope,
  post: { id: string; group_id: string; author_id: string },
  seen: boolean,
  after: [number, string] | [string, string] | null,
  limit: number,
): Promise<AudienceRow[]> {
  let q = db
    .selectFrom('group_members as am')
    .innerJoin('people as amp', 'amp.id', 'am.person_id')
    .leftJoin('announcement_seen as s', (j) => j.on('s.post_id', '=', post.id).onRef('s.person_id', '=', 'am.person_id'))
    .select(['am.person_id', 's.seen_at', 'amp.name_key', 'amp.display_name', 'amp.photo_file_id', 'amp.status', 'amp.is_bot'])
    .where('am.org_id', '=', scope.orgId)
    .where('am.group_id', '=', post.group_id)
    .where('am.person_id', '<>', post.author_id)
    .where('amp.status', '=', 'active');
  if (scope.onlyId) q = q.where('amp.id', '=', scope.onlyId);
  if (seen) {
    q = q.where('s.seen_at', 'is not', null);
    if (after) {
      const [at, id] = after as [number, string];
      q = q.where((eb) => eb.or([eb('s.seen_at', '<', at), eb.and([eb('s.seen_at', '=', at), eb('am.person_id', '<', id)])]));
    }
    return q
      .orderBy('s.seen_at', 'desc')
      .orderBy('am.person_id', 'desc')
      .limit(limit + 1)
      .execute();
  }
  q = q.where('s.seen_at', 'is', null);
  if (after) {
    const [key, id] = after as [string, string];
    q = q.where((eb) => eb.or([eb('amp.name_key', '>', key), eb.and([eb('amp.name_key', '=', key), eb('am.person_id', '>', id)])]));
  }
  return q
    .orderBy('amp.name_key')
    .orderBy('am.person_id')
    .limit(limit + 1)
    .execute();
}
