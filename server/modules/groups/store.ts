import type { Executor } from '../../db/index.js';
import type { GroupMembersTable, GroupRequestsTable, GroupRole, GroupsTable, GroupVisibility, PeopleTable } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { foldForSearch } from '../../lib/text.js';
import { indexDocument } from '../search/index-store.js';

/**
 * With views.ts (the read-side view queries), the only code that reads or writes groups, group_members and
 * group_requests. Every function takes the company.
 */

export const COMPANY_WIDE_NAME = 'Announcements';
const COMPANY_WIDE_DESCRIPTION = 'News for everyone in the company.';

export interface NewGroup {
  orgId: string;
  createdBy: string;
  name: string;
  description: string;
  visibility: GroupVisibility;
  postPermission: GroupsTable['post_permission'];
  postApproval: boolean;
  isCompanyWide?: boolean;
}

export async function insertGroup(db: Executor, g: NewGroup): Promise<GroupsTable> {
  const now = Date.now();
  const row: GroupsTable = {
    id: newId(),
    org_id: g.orgId,
    name: g.name,
    description: g.description,
    visibility: g.visibility,
    post_permission: g.postPermission,
    post_approval: g.postApproval ? 1 : 0,
    is_company_wide: g.isCompanyWide ? 1 : 0,
    archived_at: null,
    created_by: g.createdBy,
    name_folded: foldForSearch(g.name),
    search_text: foldForSearch(g.name, g.description),
    cover_file_id: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('groups').values(row).execute();
  await indexGroup(db, row);
  return row;
}

/** A group is found by its name (weighted as a title) and its purpose. */
const indexGroup = (db: Executor, g: GroupsTable) =>
  indexDocument(db, {
    kind: 'group',
    refId: g.id,
    orgId: g.org_id,
    groupId: g.id,
    createdAt: g.created_at,
    title: g.name,
    body: g.description,
  });

/** Made with the company (sign-up); its owner is its first admin. */
export async function createCompanyWideGroup(db: Executor, orgId: string, ownerId: string): Promise<GroupsTable> {
  const group = await insertGroup(db, {
    orgId,
    createdBy: ownerId,
    name: COMPANY_WIDE_NAME,
    description: COMPANY_WIDE_DESCRIPTION,
    visibility: 'open',
    postPermission: 'admins',
    postApproval: false,
    isCompanyWide: true,
  });
  await addMember(db, orgId, group.id, ownerId, 'admin');
  return group;
}

/** Everyone who joins the company joins its company-wide group (quietly: it is where they land). */
/** One statement (people are created 50,000 at a time by imports and SCIM): a no-op without the group. */
export async function joinCompanyWideGroup(db: Executor, orgId: string, personId: string): Promise<void> {
  await db
    .insertInto('group_members')
    .columns(['org_id', 'group_id', 'person_id', 'role', 'notify', 'joined_at'])
    .expression((eb) =>
      eb
        .selectFrom('groups')
        .select([
          eb.val(orgId).as('org_id'),
          'groups.id',
          eb.val(personId).as('person_id'),
          eb.val('member').as('role'),
          eb.val('highlights').as('notify'),
          eb.val(Date.now()).as('joined_at'),
        ])
        .where('groups.org_id', '=', orgId)
        .where('groups.is_company_wide', '=', 1),
    )
    .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
    .execute();
}

export function findGroup(db: Executor, orgId: string, id: string): Promise<GroupsTable | undefined> {
  return db.selectFrom('groups').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export function findMembership(db: Executor, orgId: string, groupId: string, personId: string): Promise<GroupMembersTable | undefined> {
  return db
    .selectFrom('group_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function findPending(db: Executor, orgId: string, groupId: string, personId: string): Promise<GroupRequestsTable | undefined> {
  return db
    .selectFrom('group_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export function findRequest(db: Executor, orgId: string, groupId: string, id: string): Promise<GroupRequestsTable | undefined> {
  return db
    .selectFrom('group_requests')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Adds a member unless they already are one; says whether this call added them. */
export async function addMember(db: Executor, orgId: string, groupId: string, personId: string, role: GroupRole): Promise<boolean> {
  const res = await db
    .insertInto('group_members')
    // Members hear of announcements and pinned posts until they choose 'all' or 'off' (notifications module).
    .values({ org_id: orgId, group_id: groupId, person_id: personId, role, notify: 'highlights', joined_at: Date.now() })
    .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
    .returning('person_id')
    .executeTakeFirst();
  return res !== undefined;
}

export async function removeMember(db: Executor, orgId: string, groupId: string, personId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('group_members')
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function updateMember(
  db: Executor,
  orgId: string,
  groupId: string,
  personId: string,
  changes: Partial<Pick<GroupMembersTable, 'role' | 'notify'>>,
): Promise<void> {
  await db
    .updateTable('group_members')
    .set(changes)
    .where('org_id', '=', orgId)
    .where('group_id', '=', groupId)
    .where('person_id', '=', personId)
    .execute();
}

export type GroupChanges = Partial<
  Pick<GroupsTable, 'name' | 'description' | 'visibility' | 'post_permission' | 'post_approval' | 'archived_at' | 'cover_file_id'>
>;

export async function updateGroup(db: Executor, current: GroupsTable, changes: GroupChanges): Promise<GroupsTable> {
  const next: GroupsTable = { ...current, ...changes, updated_at: Date.now() };
  next.name_folded = foldForSearch(next.name);
  next.search_text = foldForSearch(next.name, next.description);
  await db
    .updateTable('groups')
    .set({
      name: next.name,
      description: next.description,
      visibility: next.visibility,
      post_permission: next.post_permission,
      post_approval: next.post_approval,
      archived_at: next.archived_at,
      cover_file_id: next.cover_file_id,
      name_folded: next.name_folded,
      search_text: next.search_text,
      updated_at: next.updated_at,
    })
    .where('org_id', '=', next.org_id)
    .where('id', '=', next.id)
    .execute();
  await indexGroup(db, next);
  return next;
}

/** Active members with one of the roles (all members when none given), for realtime fan-out. */
export async function memberIds(db: Executor, orgId: string, groupId: string, roles?: GroupRole[]): Promise<string[]> {
  let q = db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select('m.person_id')
    .where('m.org_id', '=', orgId)
    .where('m.group_id', '=', groupId)
    .where('p.status', '=', 'active');
  if (roles) q = q.where('m.role', 'in', roles);
  return (await q.execute()).map((r) => r.person_id);
}

/** Members (active people) of the group with these roles, leaving one person out. */
export async function countMembers(db: Executor, orgId: string, groupId: string, opts: { roles?: GroupRole[]; except?: string } = {}) {
  let q = db
    .selectFrom('group_members as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('m.org_id', '=', orgId)
    .where('m.group_id', '=', groupId)
    .where('p.status', '=', 'active');
  if (opts.roles) q = q.where('m.role', 'in', opts.roles);
  if (opts.except) q = q.where('m.person_id', '!=', opts.except);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function insertRequest(
  db: Executor,
  r: Pick<GroupRequestsTable, 'org_id' | 'group_id' | 'person_id' | 'kind' | 'created_by'>,
): Promise<GroupRequestsTable> {
  const row: GroupRequestsTable = {
    id: newId(),
    status: 'pending',
    message: null,
    decided_by: null,
    created_at: Date.now(),
    decided_at: null,
    ...r,
  };
  await db.insertInto('group_requests').values(row).execute();
  return row;
}

/** Decides a pending request once: a second decision finds nothing pending and gets `undefined`. */
export async function decideRequest(
  db: Executor,
  req: GroupRequestsTable,
  status: 'approved' | 'declined' | 'cancelled',
  by: string,
): Promise<GroupRequestsTable | undefined> {
  const now = Date.now();
  const res = await db
    .updateTable('group_requests')
    .set({ status, decided_by: by, decided_at: now })
    .where('org_id', '=', req.org_id)
    .where('id', '=', req.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0 ? { ...req, status, decided_by: by, decided_at: now } : undefined;
}

/** Active people of the company among these ids. */
export function activePeople(db: Executor, orgId: string, ids: string[]): Promise<Array<Pick<PeopleTable, 'id'>>> {
  return db.selectFrom('people').select('id').where('org_id', '=', orgId).where('id', 'in', ids).where('status', '=', 'active').execute();
}
