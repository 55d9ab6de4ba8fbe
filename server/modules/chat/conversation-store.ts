import { sql, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor, Trx } from '../../db/index.js';
import type { ChatMessagesTable, ConversationMembersTable, ConversationsTable, Database, PeopleTable } from '../../db/schema.js';
import { escapeLike, foldForSearch } from '../../lib/text.js';
import { myConversations, type ChatViewer, type ConversationRow } from '../../policies/chat.js';

/**
 * The read and write side of conversations and their members. Lists are batched per page: one
 * query each for unread counts, member counts, people and last messages, whatever the page size.
 */

/** A conversation with the viewer's own member row beside it (absent for a linked chat never read). */
export type ConversationListRow = ConversationsTable & {
  group_name: string | null;
  my_role: 'admin' | 'member' | null;
  my_last_read_seq: number | null;
  my_muted: number | null;
  my_archived_at: number | null;
};

export type ChatPersonRow = Pick<PeopleTable, 'id' | 'display_name' | 'photo_file_id' | 'status' | 'is_bot'>;

/** Messages that count as unread for the viewer: text from others, not deleted, after their read position. */
const countsAsUnread = (viewerId: string) => sql<SqlBool>`m.sender_id <> ${viewerId} and m.kind = 'text' and m.deleted_at is null`;

function selectRows(db: Executor, viewer: ChatViewer) {
  return db
    .selectFrom('conversations')
    .leftJoin('conversation_members as me', (j) =>
      j.onRef('me.conversation_id', '=', 'conversations.id').on('me.person_id', '=', viewer.id),
    )
    .leftJoin('groups as g', 'g.id', 'conversations.group_id')
    .selectAll('conversations')
    .select([
      'g.name as group_name',
      'me.role as my_role',
      'me.last_read_seq as my_last_read_seq',
      'me.muted as my_muted',
      'me.archived_at as my_archived_at',
    ])
    .where((eb) => myConversations(eb as unknown as ExpressionBuilder<Database, 'conversations'>, viewer))
    .where(amongMine(viewer));
}

/**
 * The ids of my conversations from my own rows (member rows, and my groups' chats): the same set
 * as the policy's filter, but one the database can start from instead of testing every conversation
 * of the company.
 */
const amongMine = (viewer: ChatViewer) => sql<SqlBool>`conversations.id in (
  select cm.conversation_id from conversation_members cm where cm.person_id = ${viewer.id}
  union all
  select lc.id from group_members gm join conversations lc on lc.org_id = ${viewer.org_id} and lc.group_id = gm.group_id
  where gm.person_id = ${viewer.id})`;

/** One conversation with the viewer's row, if they take part in it (the caller checked). */
export function findRow(db: Executor, viewer: ChatViewer, id: string): Promise<ConversationListRow | undefined> {
  return selectRows(db, viewer).where('conversations.id', '=', id).executeTakeFirst();
}

export interface ListFilter {
  filter: 'all' | 'unread' | 'archived';
  q: string | undefined;
  after: [number, string] | null;
  limit: number;
}

/** My conversations, newest activity first (keyset on last_activity_at, id). */
export function listRows(db: Executor, viewer: ChatViewer, f: ListFilter): Promise<ConversationListRow[]> {
  let q = selectRows(db, viewer);
  if (f.filter === 'archived') q = q.where('me.archived_at', 'is not', null);
  else if (f.filter === 'all') q = q.where('me.archived_at', 'is', null);
  else
    q = q.where(
      sql<SqlBool>`exists (select 1 from chat_messages m where m.conversation_id = conversations.id
        and m.seq > coalesce(me.last_read_seq, 0) and ${countsAsUnread(viewer.id)})`,
    );
  const words = f.q ? foldForSearch(f.q).split(/\s+/).filter(Boolean).slice(0, 8) : [];
  for (const w of words) {
    const like = `%${escapeLike(w)}%`;
    // The conversation's name, its group's name, or the name of someone else in it.
    q = q.where(sql<SqlBool>`(conversations.name_key like ${like} escape '\\'
      or g.name_folded like ${like} escape '\\'
      or exists (select 1 from conversation_members sm join people sp on sp.id = sm.person_id
        where conversations.kind <> 'linked' and sm.conversation_id = conversations.id
          and sp.id <> ${viewer.id} and sp.status = 'active' and sp.name_key like ${like} escape '\\')
      or exists (select 1 from group_members sg join people sp on sp.id = sg.person_id
        where conversations.kind = 'linked' and sg.group_id = conversations.group_id
          and sp.id <> ${viewer.id} and sp.status = 'active' and sp.name_key like ${like} escape '\\'))`);
  }
  if (f.after) {
    const [at, id] = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('conversations.last_activity_at', '<', at),
        eb.and([eb('conversations.last_activity_at', '=', at), eb('conversations.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('conversations.last_activity_at', 'desc')
    .orderBy('conversations.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** Unread messages per conversation for the viewer, in one query (the seq range walks the (conversation, seq) index). */
export async function unreadCounts(db: Executor, viewerId: string, ids: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (ids.length === 0) return out;
  const { rows } = await sql<{ conversation_id: string; n: number | string }>`
    select c.id as conversation_id, count(*) as n
    from conversations c
    left join conversation_members cm on cm.conversation_id = c.id and cm.person_id = ${viewerId}
    join chat_messages m on m.conversation_id = c.id and m.seq > coalesce(cm.last_read_seq, 0)
    where c.id in (${sql.join(ids)}) and ${countsAsUnread(viewerId)}
    group by c.id`.execute(db);
  for (const r of rows) out.set(r.conversation_id, Number(r.n));
  return out;
}

/**
 * My badge: unread messages over conversations neither muted nor archived, and how many of them
 * have some. Starts from my own rows (the policy's two kinds of membership), not from every
 * conversation of the company: it runs on every read.
 */
export async function unreadTotals(db: Executor, viewer: ChatViewer): Promise<{ total: number; conversations: number }> {
  if (viewer.status !== 'active') return { total: 0, conversations: 0 };
  const { rows } = await sql<{ total: number | string; conversations: number | string }>`
    select count(*) as total, count(distinct t.cid) as conversations from (
      select m.conversation_id as cid
      from conversation_members cm
      join conversations c on c.id = cm.conversation_id and c.kind <> 'linked' and c.org_id = ${viewer.org_id}
      join chat_messages m on m.conversation_id = cm.conversation_id and m.seq > cm.last_read_seq
      where cm.person_id = ${viewer.id} and cm.muted = 0 and cm.archived_at is null and ${countsAsUnread(viewer.id)}
      union all
      select m.conversation_id as cid
      from group_members gm
      join conversations c on c.org_id = ${viewer.org_id} and c.group_id = gm.group_id and c.kind = 'linked'
      left join conversation_members cm on cm.conversation_id = c.id and cm.person_id = ${viewer.id}
      join chat_messages m on m.conversation_id = c.id and m.seq > coalesce(cm.last_read_seq, 0)
      where gm.person_id = ${viewer.id} and coalesce(cm.muted, 0) = 0 and cm.archived_at is null and ${countsAsUnread(viewer.id)}
    ) t`.execute(db);
  const row = rows[0];
  return { total: Number(row?.total ?? 0), conversations: Number(row?.conversations ?? 0) };
}

/** Active participants per conversation: member rows, or the group's members for linked ones. */
export async function memberCounts(db: Executor, convs: ConversationRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const own = convs.filter((c) => c.kind !== 'linked').map((c) => c.id);
  const linked = convs.filter((c) => c.kind === 'linked' && c.group_id);
  if (own.length > 0) {
    const rows = await db
      .selectFrom('conversation_members as cm')
      .innerJoin('people as p', 'p.id', 'cm.person_id')
      .select((eb) => ['cm.conversation_id', eb.fn.countAll<number>().as('n')])
      .where('cm.conversation_id', 'in', own)
      .where('p.status', '=', 'active')
      .groupBy('cm.conversation_id')
      .execute();
    for (const r of rows) out.set(r.conversation_id, Number(r.n));
  }
  if (linked.length > 0) {
    const rows = await db
      .selectFrom('group_members as gm')
      .innerJoin('people as p', 'p.id', 'gm.person_id')
      .select((eb) => ['gm.group_id', eb.fn.countAll<number>().as('n')])
      .where(
        'gm.group_id',
        'in',
        linked.map((c) => c.group_id ?? ''),
      )
      .where('p.status', '=', 'active')
      .groupBy('gm.group_id')
      .execute();
    const byGroup = new Map(rows.map((r) => [r.group_id, Number(r.n)]));
    for (const c of linked) out.set(c.id, byGroup.get(c.group_id ?? '') ?? 0);
  }
  return out;
}

/** Up to `max` active people other than the viewer per conversation, by name, in one query. */
export async function peopleOf(
  db: Executor,
  viewerId: string,
  convs: ConversationRow[],
  max: number,
): Promise<Map<string, ChatPersonRow[]>> {
  const out = new Map<string, ChatPersonRow[]>();
  const own = convs.filter((c) => c.kind !== 'linked').map((c) => c.id);
  // A one-to-one with someone who left the company still shows who it was with (marked deactivated).
  const directs = [...convs.filter((c) => c.kind === 'direct').map((c) => c.id), ''];
  const linked = convs.filter((c) => c.kind === 'linked').map((c) => c.id);
  if (own.length + linked.length === 0) return out;
  const none = sql`select '' as conversation_id, '' as person_id where 1 = 0`;
  const { rows } = await sql<ChatPersonRow & { conversation_id: string }>`
    select t.conversation_id, t.id, t.display_name, t.photo_file_id, t.status, t.is_bot from (
      select x.conversation_id, p.id, p.display_name, p.photo_file_id, p.status, p.is_bot,
        row_number() over (partition by x.conversation_id order by p.name_key, p.id) as rn
      from (
        ${own.length ? sql`select cm.conversation_id, cm.person_id from conversation_members cm where cm.conversation_id in (${sql.join(own)})` : none}
        union all
        ${
          linked.length
            ? sql`select c.id as conversation_id, gm.person_id from conversations c
                join group_members gm on gm.group_id = c.group_id where c.id in (${sql.join(linked)})`
            : none
        }
      ) x join people p on p.id = x.person_id
      where (p.status = 'active' or x.conversation_id in (${sql.join(directs)})) and p.id <> ${viewerId}
    ) t where t.rn <= ${max}
    order by t.conversation_id, t.rn`.execute(db);
  for (const r of rows) {
    const list = out.get(r.conversation_id) ?? [];
    list.push({ id: r.id, display_name: r.display_name, photo_file_id: r.photo_file_id, status: r.status, is_bot: Number(r.is_bot) });
    out.set(r.conversation_id, list);
  }
  return out;
}

export function messagesById(db: Executor, ids: string[]): Promise<ChatMessagesTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('chat_messages').selectAll().where('id', 'in', ids).execute();
}

/**
 * Takes the conversation's row lock (a no-op UPDATE works on both engines) and returns it fresh:
 * membership changes and sends of one conversation then happen one after another.
 */
export function lockConversation(trx: Trx, conv: ConversationRow): Promise<ConversationsTable> {
  return trx
    .updateTable('conversations')
    .set((eb) => ({ last_seq: eb.ref('last_seq') }))
    .where('id', '=', conv.id)
    .where('org_id', '=', conv.org_id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findByDirectKey(db: Executor, orgId: string, key: string): Promise<ConversationsTable | undefined> {
  return db.selectFrom('conversations').selectAll().where('org_id', '=', orgId).where('direct_key', '=', key).executeTakeFirst();
}

export function findByGroup(db: Executor, orgId: string, groupId: string): Promise<ConversationsTable | undefined> {
  return db.selectFrom('conversations').selectAll().where('org_id', '=', orgId).where('group_id', '=', groupId).executeTakeFirst();
}

export async function insertConversation(db: Executor, row: ConversationsTable): Promise<ConversationsTable> {
  await db.insertInto('conversations').values(row).execute();
  return row;
}

export async function insertMembers(db: Executor, rows: ConversationMembersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('conversation_members')
      .values(rows.slice(i, i + 500))
      .execute();
}

export function findMember(db: Executor, conversationId: string, personId: string): Promise<ConversationMembersTable | undefined> {
  return db
    .selectFrom('conversation_members')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** My member row, made with defaults first when missing (a linked chat keeps my state in it). */
export async function ensureMember(db: Executor, conv: ConversationRow, personId: string): Promise<ConversationMembersTable> {
  await db
    .insertInto('conversation_members')
    .values({
      conversation_id: conv.id,
      person_id: personId,
      org_id: conv.org_id,
      role: 'member',
      last_read_seq: 0,
      muted: 0,
      archived_at: null,
      joined_at: Date.now(),
    })
    .onConflict((oc) => oc.columns(['conversation_id', 'person_id']).doNothing())
    .execute();
  const row = await findMember(db, conv.id, personId);
  if (!row) throw new Error('member row missing after upsert');
  return row;
}

/** Active people of the company among `ids` (the caller checks visibility and reports the others). */
export function peopleByIds(db: Executor, orgId: string, ids: string[]): Promise<PeopleTable[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('id', 'in', ids).execute();
}

/** Current member ids of a direct or group conversation (active or not: a row is a seat). */
export async function memberIdsOf(db: Executor, conversationId: string): Promise<string[]> {
  const rows = await db.selectFrom('conversation_members').select('person_id').where('conversation_id', '=', conversationId).execute();
  return rows.map((r) => r.person_id);
}
