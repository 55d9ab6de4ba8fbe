import type { z } from 'zod';
import { CONVERSATION_MAX_MEMBERS, type Conversation, type conversationMemberSchema } from '../../../protocol/chat.js';
import { inTx, type AppContext } from '../../context.js';
import type { Executor } from '../../db/index.js';
import type { PeopleTable } from '../../db/schema.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { canLeave, canRemoveOthers, canRenameOrAdd, isParticipant } from '../../policies/chat.js';
import { publishToPeople } from '../../realtime/publish.js';
import { toAuthor } from '../posts/present.js';
import { webhookMembership } from '../webhooks/events.js';
import { findMember, insertMembers, lockConversation, memberCounts, memberIdsOf } from './conversation-store.js';
import { addablePeople, appendSystem, loadConversation, noSuchConversation, viewOf } from './conversation-service.js';

/**
 * Who is in a conversation: the member list, adding people, removing them and leaving. Every change
 * is a system message (so it sits in seq order among the messages) and a `chat.membership` event to
 * the participants and to the person concerned. A removal locks the conversation row before it
 * deletes, so a send either finished before (and reached the person) or reads the participants after
 * (and does not): once the DELETE answered, nothing more of the conversation reaches them.
 */

type Member = z.infer<typeof conversationMemberSchema>;

/** Above this many people added at once, those already in get one `chat.conversation` instead of one event per newcomer. */
const MEMBERSHIP_EVENTS_MAX = 10;

export async function listMembers(
  db: Executor,
  viewer: PeopleTable,
  id: string,
  after: [string, string] | null,
  limit: number,
): Promise<Array<Member & { key: [string, string] }>> {
  const conv = await loadConversation(db, viewer, id);
  const base =
    conv.kind === 'linked'
      ? db
          .selectFrom('group_members as gm')
          .innerJoin('people as p', 'p.id', 'gm.person_id')
          .leftJoin('conversation_members as cm', (j) =>
            j.onRef('cm.person_id', '=', 'gm.person_id').on('cm.conversation_id', '=', conv.id),
          )
          .select(['gm.role as role', 'cm.last_read_seq as last_read_seq'])
          .where('gm.group_id', '=', conv.group_id ?? '')
      : db
          .selectFrom('conversation_members as cm')
          .innerJoin('people as p', 'p.id', 'cm.person_id')
          .select(['cm.role as role', 'cm.last_read_seq as last_read_seq'])
          .where('cm.conversation_id', '=', conv.id);
  let q = base
    .select(['p.id', 'p.display_name', 'p.photo_file_id', 'p.status', 'p.name_key', 'p.is_bot'])
    .where('p.org_id', '=', conv.org_id)
    .where('p.status', '=', 'active');
  if (after) {
    const [key, pid] = after;
    q = q.where((eb) => eb.or([eb('p.name_key', '>', key), eb.and([eb('p.name_key', '=', key), eb('p.id', '>', pid)])]));
  }
  const rows = await q
    .orderBy('p.name_key')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({
    person: toAuthor(r),
    // A linked chat's admins are the group's admins (moderators moderate posts, not the chat).
    role: r.role === 'admin' ? 'admin' : 'member',
    lastReadSeq: r.last_read_seq ?? 0,
    key: [r.name_key, r.id],
  }));
}

export function addMembers(ctx: AppContext, viewer: PeopleTable, id: string, personIds: string[]): Promise<Conversation> {
  return inTx(ctx, async (trx, afterCommit) => {
    const found = await loadConversation(trx, viewer, id);
    if (!canRenameOrAdd(found))
      throw forbidden(
        found.kind === 'direct'
          ? 'A one-to-one conversation cannot take more people; start a group conversation instead.'
          : 'People join a group’s chat by joining the group.',
      );
    await addablePeople(trx, viewer, personIds);
    // Locked before counting, so two concurrent additions cannot both pass the limit.
    const conv = await lockConversation(trx, found);
    const place = { kind: 'conversation' as const, id: conv.id };
    const seated = new Set(await memberIdsOf(trx, conv.id));
    const added = [...new Set(personIds)].filter((p) => !seated.has(p));
    if (added.length === 0) return viewOf(trx, viewer, conv.id);
    const current = (await memberCounts(trx, [conv])).get(conv.id) ?? 0;
    if (current + added.length > CONVERSATION_MAX_MEMBERS)
      throw conflict(
        'conversation_full',
        `A conversation holds at most ${CONVERSATION_MAX_MEMBERS} people; it has ${current}, so at most ${CONVERSATION_MAX_MEMBERS - current} more can be added.`,
        'personIds',
      );
    const now = Date.now();
    await insertMembers(
      trx,
      added.map((p) => ({
        conversation_id: conv.id,
        person_id: p,
        org_id: conv.org_id,
        role: 'member' as const,
        last_read_seq: 0,
        muted: 0,
        archived_at: null,
        joined_at: now,
      })),
    );
    const { recipients } = await appendSystem(ctx, trx, afterCommit, conv, viewer.id, { action: 'added', personIds: added, name: null });
    const before = recipients.filter((p) => !added.includes(p));
    for (const p of added) {
      const to = added.length <= MEMBERSHIP_EVENTS_MAX ? [...before, p] : [p];
      await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, to, 'chat.membership', {
        conversationId: conv.id,
        personId: p,
        change: 'added',
      });
    }
    if (added.length > MEMBERSHIP_EVENTS_MAX)
      await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, before, 'chat.conversation', { conversationId: conv.id });
    for (const p of added) await webhookMembership(ctx, trx, afterCommit, { orgId: conv.org_id, place, personId: p, change: 'added' });
    return viewOf(trx, viewer, conv.id);
  });
}

/** Removes someone (the conversation's admins) or leaves (oneself); 204 either way. */
export function removeMember(ctx: AppContext, viewer: PeopleTable, id: string, personId: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    const found = await loadConversation(trx, viewer, id);
    const self = personId === viewer.id;
    if (self && !canLeave(found))
      throw forbidden(
        found.kind === 'direct'
          ? 'A one-to-one conversation cannot be left; archive it instead.'
          : 'You leave a group’s chat by leaving the group.',
      );
    if (!self) {
      if (found.kind !== 'group')
        throw forbidden(
          found.kind === 'direct'
            ? 'Nobody can be removed from a one-to-one conversation.'
            : 'People leave a group’s chat by leaving the group; remove them from the group instead.',
        );
      const mine = await findMember(trx, found.id, viewer.id);
      if (!canRemoveOthers(found, mine?.role ?? null)) throw forbidden('Only the conversation’s admins can remove people.');
    }
    // The row lock first: a send running now either committed before (its participants included the
    // person) or waits and then reads the participants without them.
    const conv = await lockConversation(trx, found);
    if (!self && !(await isParticipant(trx, viewer, conv))) throw noSuchConversation();
    const target = await findMember(trx, conv.id, personId);
    if (!target) throw notFound('No such person in this conversation.');
    await trx.deleteFrom('conversation_members').where('conversation_id', '=', conv.id).where('person_id', '=', personId).execute();
    await handOverAdmin(trx, conv.id, target.role);
    const change = self ? 'left' : 'removed';
    const { recipients } = await appendSystem(ctx, trx, afterCommit, conv, viewer.id, {
      action: change,
      personIds: [personId],
      name: null,
    });
    await publishToPeople(trx, afterCommit, ctx.bus, conv.org_id, [...recipients, personId], 'chat.membership', {
      conversationId: conv.id,
      personId,
      change,
    });
    await webhookMembership(ctx, trx, afterCommit, { orgId: conv.org_id, place: { kind: 'conversation', id: conv.id }, personId, change });
  });
}

/** When the last admin goes, the longest-standing member becomes one, so someone can still remove people. */
async function handOverAdmin(trx: Executor, conversationId: string, leaverRole: 'admin' | 'member'): Promise<void> {
  if (leaverRole !== 'admin') return;
  const admins = await trx
    .selectFrom('conversation_members')
    .select('person_id')
    .where('conversation_id', '=', conversationId)
    .where('role', '=', 'admin')
    .executeTakeFirst();
  if (admins) return;
  const next = await trx
    .selectFrom('conversation_members as cm')
    .innerJoin('people as p', 'p.id', 'cm.person_id')
    .select('cm.person_id')
    .where('cm.conversation_id', '=', conversationId)
    .where('p.status', '=', 'active')
    .orderBy('cm.joined_at')
    .orderBy('cm.person_id')
    .executeTakeFirst();
  if (next)
    await trx
      .updateTable('conversation_members')
      .set({ role: 'admin' })
      .where('conversation_id', '=', conversationId)
      .where('person_id', '=', next.person_id)
      .execute();
}
