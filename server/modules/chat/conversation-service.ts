import type { z } from 'zod';
import {
  CONVERSATION_MAX_MEMBERS,
  RECEIPTS_NUMBERED_MAX_MEMBERS,
  type Conversation,
  type conversationSettingsSchema,
  type CreateConversation,
} from '../../../protocol/chat.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation, type Executor, type Trx } from '../../db/index.js';
import type { ConversationsTable, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { badInput, conflict, forbidden, notFound } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { foldForSearch } from '../../lib/text.js';
import { canRenameOrAdd, conversationForViewer, participantIds } from '../../policies/chat.js';
import { canSeePerson } from '../../policies/people.js';
import { publishSignal, publishToPeople } from '../../realtime/publish.js';
import { findPerson } from '../people/store.js';
import { webhookMembership } from '../webhooks/events.js';
import { appendMessage } from './append.js';
import { presentConversation } from './conversation-present.js';
import {
  ensureMember,
  findByDirectKey,
  findByGroup,
  findRow,
  insertConversation,
  insertMembers,
  lockConversation,
  peopleByIds,
  unreadCounts,
  unreadTotals,
} from './conversation-store.js';
import { presentMessage } from './message-present.js';

/** Same answer as for an id never used: a conversation the viewer is not in does not exist for them. */
export const noSuchConversation = () => notFound('No such conversation.');

/** The conversation if the viewer takes part in it, else 404. */
export async function loadConversation(db: Executor, viewer: PeopleTable, id: string): Promise<ConversationsTable> {
  const conv = await conversationForViewer(db, viewer, id);
  if (!conv) throw noSuchConversation();
  return conv;
}

/** The conversation as the viewer sees it now (inside a transaction: as it will be once committed). */
export async function viewOf(db: Executor, viewer: PeopleTable, id: string): Promise<Conversation> {
  const row = await findRow(db, viewer, id);
  if (!row) throw noSuchConversation();
  return presentConversation(db, viewer, row);
}

/** A 'system' message told in the conversation, in seq order with the others (and its chat.message event). */
export function appendSystem(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  conv: ConversationsTable,
  senderId: string,
  system: { action: 'created' | 'added' | 'removed' | 'left' | 'renamed'; personIds: string[]; name: string | null },
) {
  return appendMessage(
    ctx,
    trx,
    afterCommit,
    conv,
    {
      kind: 'system',
      sender_id: senderId,
      client_key: null,
      body: '',
      body_html: '',
      mentions: '[]',
      system: JSON.stringify(system),
      reply_to_id: null,
      post_id: null,
      blocks: null,
    },
    (t, row) => presentMessage(t, row),
  );
}

/**
 * Active people of the company the viewer may see, in the order given; the first one who is not
 * answers 400 naming its place in the list (`personIds.3`).
 */
export async function addablePeople(db: Executor, viewer: PeopleTable, ids: string[], field = 'personIds'): Promise<PeopleTable[]> {
  const found = new Map((await peopleByIds(db, viewer.org_id, [...new Set(ids)])).map((p) => [p.id, p]));
  return ids.map((id, i) => {
    const p = found.get(id);
    if (!p || p.status !== 'active' || !canSeePerson(viewer, p)) throw badInput(`${field}.${i}`, 'is not someone you can add');
    return p;
  });
}

const newConversation = (
  viewer: PeopleTable,
  fields: Partial<ConversationsTable> & Pick<ConversationsTable, 'kind'>,
): ConversationsTable => {
  const now = Date.now();
  return {
    id: newId(),
    org_id: viewer.org_id,
    name: null,
    name_key: null,
    group_id: null,
    direct_key: null,
    created_by: viewer.id,
    last_seq: 0,
    last_message_id: null,
    last_activity_at: now,
    created_at: now,
    ...fields,
  };
};

/**
 * Get-or-create under a unique key: a race of two creates ends with one row. The loser's insert
 * fails on the unique index; on PostgreSQL that aborts its transaction, so the winner is read anew
 * outside it.
 */
async function getOrCreate(
  ctx: AppContext,
  find: (db: Executor) => Promise<ConversationsTable | undefined>,
  create: (trx: Trx, afterCommit: AfterCommit) => Promise<ConversationsTable>,
): Promise<{ conv: ConversationsTable; created: boolean }> {
  const existing = await find(ctx.db);
  if (existing) return { conv: existing, created: false };
  try {
    return await inTx(ctx, async (trx, afterCommit) => {
      const again = await find(trx);
      return again ? { conv: again, created: false } : { conv: await create(trx, afterCommit), created: true };
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await find(ctx.db);
    if (!winner) throw err;
    return { conv: winner, created: false };
  }
}

export async function createConversation(
  ctx: AppContext,
  viewer: PeopleTable,
  input: CreateConversation,
): Promise<{ conversation: Conversation; created: boolean }> {
  let result: { conv: ConversationsTable; created: boolean };
  if (input.kind === 'direct') result = await createDirect(ctx, viewer, input.personId);
  else if (input.kind === 'group') result = await createGroupConversation(ctx, viewer, input.personIds, input.name);
  else result = await createLinked(ctx, viewer, input.groupId);
  return { conversation: await viewOf(ctx.db, viewer, result.conv.id), created: result.created };
}

async function createDirect(ctx: AppContext, viewer: PeopleTable, personId: string) {
  if (personId === viewer.id) throw badInput('personId', 'must be someone else');
  const other = await findPerson(ctx.db, viewer.org_id, personId);
  if (!other || other.status !== 'active' || !canSeePerson(viewer, other)) throw notFound('No such person.');
  const key = [viewer.id, other.id].sort().join(':');
  return getOrCreate(
    ctx,
    (db) => findByDirectKey(db, viewer.org_id, key),
    async (trx, afterCommit) => {
      const conv = await insertConversation(trx, newConversation(viewer, { kind: 'direct', direct_key: key }));
      const joinedAt = conv.created_at;
      await insertMembers(
        trx,
        [viewer.id, other.id].map((id) => ({
          conversation_id: conv.id,
          person_id: id,
          org_id: viewer.org_id,
          role: 'member' as const,
          last_read_seq: 0,
          muted: 0,
          archived_at: null,
          joined_at: joinedAt,
        })),
      );
      await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, [viewer.id, other.id], 'chat.conversation', {
        conversationId: conv.id,
      });
      await webhookMembership(ctx, trx, afterCommit, {
        orgId: viewer.org_id,
        place: { kind: 'conversation', id: conv.id },
        personId: other.id,
        change: 'added',
      });
      return conv;
    },
  );
}

async function createGroupConversation(ctx: AppContext, viewer: PeopleTable, personIds: string[], name: string | undefined) {
  // I am in it anyway; naming myself or someone twice is harmless.
  const others = [...new Set(personIds.filter((id) => id !== viewer.id))];
  if (others.length === 0) throw badInput('personIds', 'must name someone other than you');
  if (others.length + 1 > CONVERSATION_MAX_MEMBERS)
    throw badInput('personIds', `a conversation holds at most ${CONVERSATION_MAX_MEMBERS} people`);
  await addablePeople(ctx.db, viewer, personIds);
  const given = name?.trim() ? name.trim() : null;
  const conv = await inTx(ctx, async (trx, afterCommit) => {
    const row = await insertConversation(
      trx,
      newConversation(viewer, { kind: 'group', name: given, name_key: given ? foldForSearch(given) : null }),
    );
    await insertMembers(
      trx,
      [viewer.id, ...others].map((id) => ({
        conversation_id: row.id,
        person_id: id,
        org_id: viewer.org_id,
        role: id === viewer.id ? ('admin' as const) : ('member' as const),
        last_read_seq: 0,
        muted: 0,
        archived_at: null,
        joined_at: row.created_at,
      })),
    );
    const { recipients } = await appendSystem(ctx, trx, afterCommit, row, viewer.id, { action: 'created', personIds: others, name: given });
    await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, recipients, 'chat.conversation', { conversationId: row.id });
    const place = { kind: 'conversation' as const, id: row.id };
    for (const p of others) await webhookMembership(ctx, trx, afterCommit, { orgId: viewer.org_id, place, personId: p, change: 'added' });
    return row;
  });
  return { conv, created: true };
}

/** The most people a group may have for its chat to be made (the chat's own limit). */
const LINKED_MAX_MEMBERS = CONVERSATION_MAX_MEMBERS;

async function createLinked(ctx: AppContext, viewer: PeopleTable, groupId: string) {
  // Only a member of the group finds its chat; to anyone else the group answers 404, secret or not.
  const mine = await ctx.db
    .selectFrom('group_members as gm')
    .innerJoin('groups as g', 'g.id', 'gm.group_id')
    .select('g.id')
    .where('gm.group_id', '=', groupId)
    .where('gm.person_id', '=', viewer.id)
    .where('g.org_id', '=', viewer.org_id)
    .executeTakeFirst();
  if (!mine || viewer.status !== 'active') throw notFound('No such group.');
  const count = await ctx.db
    .selectFrom('group_members as gm')
    .innerJoin('people as p', 'p.id', 'gm.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('gm.group_id', '=', groupId)
    .where('p.status', '=', 'active')
    .executeTakeFirstOrThrow();
  if (Number(count.n) > LINKED_MAX_MEMBERS)
    throw conflict(
      'group_too_large',
      `This group has more than ${LINKED_MAX_MEMBERS} members, too many for a group chat. Post in the group instead.`,
      'groupId',
    );
  return getOrCreate(
    ctx,
    (db) => findByGroup(db, viewer.org_id, groupId),
    async (trx, afterCommit) => {
      const conv = await insertConversation(trx, newConversation(viewer, { kind: 'linked', group_id: groupId }));
      await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, await participantIds(trx, conv), 'chat.conversation', {
        conversationId: conv.id,
      });
      return conv;
    },
  );
}

export function renameConversation(ctx: AppContext, viewer: PeopleTable, id: string, name: string): Promise<Conversation> {
  return inTx(ctx, async (trx, afterCommit) => {
    const found = await loadConversation(trx, viewer, id);
    if (!canRenameOrAdd(found))
      throw forbidden(found.kind === 'direct' ? 'A one-to-one conversation has no name.' : 'A group’s chat has the group’s name.');
    const given = name.trim() ? name.trim() : null;
    const conv = await lockConversation(trx, found);
    await trx
      .updateTable('conversations')
      .set({ name: given, name_key: given ? foldForSearch(given) : null })
      .where('id', '=', conv.id)
      .execute();
    const { recipients } = await appendSystem(ctx, trx, afterCommit, conv, viewer.id, { action: 'renamed', personIds: [], name: given });
    await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, recipients, 'chat.conversation', { conversationId: conv.id });
    return viewOf(trx, viewer, conv.id);
  });
}

export function changeSettings(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
  input: z.infer<typeof conversationSettingsSchema>,
): Promise<Conversation> {
  return inTx(ctx, async (trx, afterCommit) => {
    const conv = await loadConversation(trx, viewer, id);
    const mine = await ensureMember(trx, conv, viewer.id);
    const muted = input.muted === undefined ? mine.muted : input.muted ? 1 : 0;
    const archivedAt = input.archived === undefined ? mine.archived_at : input.archived ? (mine.archived_at ?? Date.now()) : null;
    await trx
      .updateTable('conversation_members')
      .set({ muted, archived_at: archivedAt })
      .where('conversation_id', '=', conv.id)
      .where('person_id', '=', viewer.id)
      .execute();
    const { total } = await unreadTotals(trx, viewer);
    await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, [viewer.id], 'chat.settings', {
      conversationId: conv.id,
      muted: muted === 1,
      archived: archivedAt !== null,
      total,
    });
    return viewOf(trx, viewer, conv.id);
  });
}

/**
 * Moves my read position forward (never back, never past the last message), tells my devices
 * (position, unread count, badge) and the others (receipt). Nothing is told when it did not move.
 */
export async function markRead(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
  seq: number,
): Promise<{ conversationId: string; lastReadSeq: number; unreadCount: number; total: number }> {
  return inTx(ctx, async (trx, afterCommit) => {
    const conv = await loadConversation(trx, viewer, id);
    const mine = await ensureMember(trx, conv, viewer.id);
    const target = Math.min(seq, conv.last_seq);
    const moved = await trx
      .updateTable('conversation_members')
      .set({ last_read_seq: target })
      .where('conversation_id', '=', conv.id)
      .where('person_id', '=', viewer.id)
      .where('last_read_seq', '<', target)
      .returning('last_read_seq')
      .executeTakeFirst();
    const lastReadSeq = moved ? target : mine.last_read_seq;
    const unreadCount = (await unreadCounts(trx, viewer.id, [conv.id])).get(conv.id) ?? 0;
    const { total } = await unreadTotals(trx, viewer);
    const state = { conversationId: conv.id, lastReadSeq, unreadCount, total };
    if (!moved) return state;
    const everyone = await participantIds(trx, conv);
    const others = everyone.filter((p) => p !== viewer.id);
    const receipt = { conversationId: conv.id, personId: viewer.id, lastReadSeq };
    // Small conversations get numbered receipts (caught up after a reconnect); in big ones a receipt
    // per read per member would swamp everyone's event log, so they are live-only.
    const numbered = everyone.length <= RECEIPTS_NUMBERED_MAX_MEMBERS;
    await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, [viewer.id], 'chat.read.mine', state);
    if (numbered) {
      await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, others, 'chat.receipt', receipt);
    } else {
      afterCommit(() => publishSignal(ctx.bus, viewer.org_id, others, 'chat.receipt', receipt));
    }
    return state;
  });
}

/** Everyone's read position (linked chats: members who never read are at 0). */
export async function receiptsOf(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
): Promise<Array<{ personId: string; lastReadSeq: number }>> {
  const conv = await loadConversation(ctx.db, viewer, id);
  const rows =
    conv.kind === 'linked'
      ? await ctx.db
          .selectFrom('group_members as gm')
          .innerJoin('people as p', 'p.id', 'gm.person_id')
          .leftJoin('conversation_members as cm', (j) =>
            j.onRef('cm.person_id', '=', 'gm.person_id').on('cm.conversation_id', '=', conv.id),
          )
          .select(['gm.person_id', 'cm.last_read_seq'])
          .where('gm.group_id', '=', conv.group_id ?? '')
          .where('p.status', '=', 'active')
          .where('p.org_id', '=', conv.org_id)
          .orderBy('gm.person_id')
          .execute()
      : await ctx.db
          .selectFrom('conversation_members as cm')
          .innerJoin('people as p', 'p.id', 'cm.person_id')
          .select(['cm.person_id', 'cm.last_read_seq'])
          .where('cm.conversation_id', '=', conv.id)
          .where('p.status', '=', 'active')
          .orderBy('cm.person_id')
          .execute();
  return rows.map((r) => ({ personId: r.person_id, lastReadSeq: r.last_read_seq ?? 0 }));
}
