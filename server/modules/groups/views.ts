import { sql, type ExpressionBuilder } from 'kysely';
import type { Executor } from '../../db/index.js';
import type { Database, GroupMembersTable, GroupRequestsTable, GroupRole, GroupsTable, NotifyLevel, PeopleTable } from '../../db/schema.js';
import { escapeLike, foldForSearch } from '../../lib/text.js';
import { findableGroups, type GroupViewer } from '../../policies/groups.js';

/** The read side of groups: lists and single views with what one viewer needs. Writes and small lookups are in store.ts. */

/** A group with what one viewer needs beside it: the member count, their membership, their pending item. */
export type GroupViewRow = GroupsTable & {
  member_count: number;
  my_role: GroupRole | null;
  my_notify: NotifyLevel | null;
  my_joined_at: number | null;
  my_pending: GroupRequestsTable['kind'] | null;
};

const memberCount = (eb: ExpressionBuilder<Database, 'groups'>) =>
  eb
    .selectFrom('group_members as cm')
    .innerJoin('people as cp', 'cp.id', 'cm.person_id')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('cm.group_id', '=', 'groups.id')
    .where('cp.status', '=', 'active')
    .as('member_count');

function selectViews(db: Executor, v: GroupViewer) {
  return db
    .selectFrom('groups')
    .leftJoin('group_members as me', (j) => j.onRef('me.group_id', '=', 'groups.id').on('me.person_id', '=', v.id))
    .selectAll('groups')
    .select((eb) => [
      memberCount(eb),
      'me.role as my_role',
      'me.notify as my_notify',
      'me.joined_at as my_joined_at',
      eb
        .selectFrom('group_requests as pr')
        .select('pr.kind')
        .whereRef('pr.group_id', '=', 'groups.id')
        .where('pr.person_id', '=', v.id)
        .where('pr.status', '=', 'pending')
        .limit(1)
        .as('my_pending'),
    ])
    .where('groups.org_id', '=', v.org_id);
}

const normalizeView = (r: Omit<GroupViewRow, 'member_count'> & { member_count: number | string | null }): GroupViewRow => ({
  ...r,
  member_count: Number(r.member_count ?? 0),
});

/** One group as the viewer sees it, whether or not they may find it (the service decides). */
export async function findGroupView(db: Executor, v: GroupViewer, id: string): Promise<GroupViewRow | undefined> {
  const row = await selectViews(db, v).where('groups.id', '=', id).executeTakeFirst();
  return row && normalizeView(row);
}

const words = (q: string | undefined): string[] => (q ? foldForSearch(q).split(/\s+/).filter(Boolean).slice(0, 8) : []);

export interface GroupListFilter {
  filter?: 'mine' | 'discover' | undefined;
  /** Only groups this person belongs to (their profile's list), still among those the viewer may find. */
  memberId?: string | undefined;
  q?: string | undefined;
  after: [string, string] | null;
  limit: number;
}

/** Groups the viewer may find (policy filter in SQL), by folded name then id. */
export async function listGroupViews(db: Executor, v: GroupViewer, f: GroupListFilter): Promise<GroupViewRow[]> {
  let q = selectViews(db, v).where((eb) => findableGroups(eb, v));
  if (f.filter === 'mine') q = q.where('me.person_id', 'is not', null);
  if (f.filter === 'discover') q = q.where('me.person_id', 'is', null).where('groups.archived_at', 'is', null);
  if (f.memberId) {
    const memberId = f.memberId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_members as pgm')
          .select('pgm.person_id')
          .whereRef('pgm.group_id', '=', 'groups.id')
          .where('pgm.person_id', '=', memberId),
      ),
    );
  }
  for (const w of words(f.q)) q = q.where(sql<boolean>`groups.search_text like ${`%${escapeLike(w)}%`} escape '\\'`);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) =>
      eb.or([eb('groups.name_folded', '>', name), eb.and([eb('groups.name_folded', '=', name), eb('groups.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('groups.name_folded')
    .orderBy('groups.id')
    .limit(f.limit + 1)
    .execute();
  return rows.map(normalizeView);
}

export type AdminGroupRow = GroupsTable & { member_count: number };

/** Every group of the company, for company admins; searched by name only (descriptions are content). */
export async function listAllGroups(
  db: Executor,
  orgId: string,
  f: { q?: string | undefined; after: [string, string] | null; limit: number },
): Promise<AdminGroupRow[]> {
  let q = db
    .selectFrom('groups')
    .selectAll('groups')
    .select((eb) => memberCount(eb))
    .where('groups.org_id', '=', orgId);
  for (const w of words(f.q)) q = q.where(sql<boolean>`groups.name_folded like ${`%${escapeLike(w)}%`} escape '\\'`);
  if (f.after) {
    const [name, id] = f.after;
    q = q.where((eb) =>
      eb.or([eb('groups.name_folded', '>', name), eb.and([eb('groups.name_folded', '=', name), eb('groups.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('groups.name_folded')
    .orderBy('groups.id')
    .limit(f.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, member_count: Number(r.member_count ?? 0) }));
}

export type MemberRow = GroupMembersTable & { person: PeopleTable };

/** Active members by name then id. */
export async function listMembers(
  db: Executor,
  orgId: string,
  groupId: string,
  after: [string, string] | null,
  limit: number,
): Promise<MemberRow[]> {
  let q = db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .selectAll('p')
    .select(['m.role as member_role', 'm.notify as member_notify', 'm.joined_at as member_joined_at'])
    .where('m.org_id', '=', orgId)
    .where('m.group_id', '=', groupId)
    .where('p.status', '=', 'active');
  if (after) {
    const [name, id] = after;
    q = q.where((eb) => eb.or([eb('p.display_name', '>', name), eb.and([eb('p.display_name', '=', name), eb('p.id', '>', id)])]));
  }
  const rows = await q
    .orderBy('p.display_name')
    .orderBy('p.id')
    .limit(limit + 1)
    .execute();
  return rows.map(({ member_role, member_notify, member_joined_at, ...person }) => ({
    org_id: orgId,
    group_id: groupId,
    person_id: person.id,
    role: member_role,
    notify: member_notify,
    joined_at: member_joined_at,
    person,
  }));
}

export type RequestRow = GroupRequestsTable & { person: PeopleTable };

/** Pending join requests (not invitations), oldest first. */
export async function listPendingRequests(
  db: Executor,
  orgId: string,
  groupId: string,
  after: [number, string] | null,
  limit: number,
): Promise<RequestRow[]> {
  let q = db
    .selectFrom('group_requests as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .selectAll('p')
    .select([
      'r.id as r_id',
      'r.kind as r_kind',
      'r.status as r_status',
      'r.message as r_message',
      'r.created_by as r_created_by',
      'r.decided_by as r_decided_by',
      'r.created_at as r_created_at',
      'r.decided_at as r_decided_at',
    ])
    .where('r.org_id', '=', orgId)
    .where('r.group_id', '=', groupId)
    .where('r.kind', '=', 'request')
    .where('r.status', '=', 'pending')
    .where('p.status', '=', 'active');
  if (after) {
    const [at, id] = after;
    q = q.where((eb) => eb.or([eb('r.created_at', '>', at), eb.and([eb('r.created_at', '=', at), eb('r.id', '>', id)])]));
  }
  const rows = await q
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(limit + 1)
    .execute();
  return rows.map(({ r_id, r_kind, r_status, r_message, r_created_by, r_decided_by, r_created_at, r_decided_at, ...person }) => ({
    id: r_id,
    org_id: orgId,
    group_id: groupId,
    person_id: person.id,
    kind: r_kind,
    status: r_status,
    message: r_message,
    created_by: r_created_by,
    decided_by: r_decided_by,
    created_at: r_created_at,
    decided_at: r_decided_at,
    person,
  }));
}
