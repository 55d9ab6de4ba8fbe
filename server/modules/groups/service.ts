import type { z } from 'zod';
import type { createGroupSchema, updateGroupSchema } from '../../../protocol/groups.js';
import { inTx, type AppContext } from '../../context.js';
import { isUniqueViolation, type Executor, type Trx } from '../../db/index.js';
import type { GroupRequestsTable, GroupRole, NotifyLevel, PeopleTable } from '../../db/schema.js';
import type { AfterCommit } from '../../db/tx.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import {
  canCreateGroup,
  canFindGroup,
  canJoinDirectly,
  canManageGroup,
  canModerateGroup,
  canRequestToJoin,
  canSeeMembers,
} from '../../policies/groups.js';
import { publishToPeople } from '../../realtime/publish.js';
import { notifyInvited, notifyJoinRequest, notifyRequestDecided } from '../notifications/emit.js';
import { findPerson, lockPeopleOfOrg } from '../people/store.js';
import { webhookMembership } from '../webhooks/events.js';
import { toGroup } from './present.js';
import {
  activePeople,
  addMember,
  countMembers,
  decideRequest,
  findMembership,
  findPending,
  findRequest,
  insertGroup,
  insertRequest,
  memberIds,
  removeMember,
  updateGroup,
  updateMember,
  type GroupChanges,
} from './store.js';
import { findGroupView, type GroupViewRow } from './views.js';

/** Same answer as for an id that was never used: a group the viewer may not find does not exist. */
const noSuchGroup = () => notFound('No such group.');
const companyWide = (what: string) => new AppError(403, 'company_wide_group', `The company-wide group ${what}.`);
const archived = () => conflict('group_archived', 'This group is archived. Unarchive it first.');

/** The group as the viewer sees it, or "not found" when they may not find it. */
export async function loadFindable(db: Executor, viewer: PeopleTable, id: string): Promise<GroupViewRow> {
  const row = await findGroupView(db, viewer, id);
  if (!row || !canFindGroup(viewer, row, membershipOf(row), row.my_pending)) throw noSuchGroup();
  return row;
}

const membershipOf = (r: GroupViewRow) => (r.my_role ? { role: r.my_role } : null);

/** Loads for a change: the company's lock first (ARCHITECTURE.md, "Locks"), then the group. */
async function lockAndLoad(ctx: AppContext, trx: Trx, viewer: PeopleTable, id: string): Promise<GroupViewRow> {
  await lockPeopleOfOrg(trx, ctx.dialect, viewer.org_id);
  return loadFindable(trx, viewer, id);
}

function assertManager(viewer: PeopleTable, g: GroupViewRow): void {
  if (!canManageGroup(viewer, g, membershipOf(g))) throw forbidden('Only the group’s admins can do this.');
}

function assertModerator(viewer: PeopleTable, g: GroupViewRow): void {
  if (!canModerateGroup(viewer, g, membershipOf(g))) throw forbidden('Only the group’s admins and moderators can do this.');
}

type MembershipStatus = 'joined' | 'left' | 'removed' | 'role_changed' | 'requested' | 'invited' | 'declined';

/** Tells the person concerned and the group's admins and moderators (membership lists, request queues). */
export async function tellMembership(
  ctx: AppContext,
  trx: Trx,
  afterCommit: AfterCommit,
  orgId: string,
  groupId: string,
  personId: string,
  status: MembershipStatus,
  role?: GroupRole,
): Promise<void> {
  const moderators = await memberIds(trx, orgId, groupId, ['admin', 'moderator']);
  await publishToPeople(trx, afterCommit, ctx.bus, orgId, [personId, ...moderators], 'group.membership', {
    groupId,
    personId,
    status,
    ...(role ? { role } : {}),
  });
  if (status === 'joined' || status === 'left' || status === 'removed')
    await webhookMembership(ctx, trx, afterCommit, { orgId, place: { kind: 'group', id: groupId }, personId, change: status });
}

export function createGroup(ctx: AppContext, viewer: PeopleTable, input: z.infer<typeof createGroupSchema>): Promise<GroupViewRow> {
  if (!canCreateGroup(viewer)) throw forbidden('Guests cannot create groups.');
  return inTx(ctx, async (trx) => {
    const group = await insertGroup(trx, {
      orgId: viewer.org_id,
      createdBy: viewer.id,
      name: input.name,
      description: input.description,
      visibility: input.visibility,
      postPermission: input.postPermission,
      postApproval: input.postApproval,
    });
    await addMember(trx, viewer.org_id, group.id, viewer.id, 'admin');
    return loadFindable(trx, viewer, group.id);
  });
}

/** Writes a change of the group and tells its members; everyone else hears nothing of it. */
async function changeGroup(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
  changesOf: (g: GroupViewRow) => GroupChanges,
): Promise<GroupViewRow> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    assertManager(viewer, g);
    const next = await updateGroup(trx, g, changesOf(g));
    const members = await memberIds(trx, viewer.org_id, id);
    await publishToPeople(trx, afterCommit, ctx.bus, viewer.org_id, members, 'group.updated', { group: toGroup(next) });
    return loadFindable(trx, viewer, id);
  });
}

export function updateSettings(ctx: AppContext, viewer: PeopleTable, id: string, input: z.infer<typeof updateGroupSchema>) {
  return changeGroup(ctx, viewer, id, (g) => {
    if (g.is_company_wide && input.visibility !== undefined && input.visibility !== 'open') throw companyWide('stays open');
    const changes: GroupChanges = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.visibility !== undefined) changes.visibility = input.visibility;
    if (input.postPermission !== undefined) changes.post_permission = input.postPermission;
    if (input.postApproval !== undefined) changes.post_approval = input.postApproval ? 1 : 0;
    return changes;
  });
}

/** 404 if the viewer may not find the group, 403 if they may not manage it: asked before an upload is read. */
export async function assertMayManage(ctx: AppContext, viewer: PeopleTable, id: string): Promise<void> {
  assertManager(viewer, await loadFindable(ctx.db, viewer, id));
}

/** A new cover (a file already stored, purpose 'cover') or none; group admins and company admins only. */
export function setCover(ctx: AppContext, viewer: PeopleTable, id: string, fileId: string | null) {
  return changeGroup(ctx, viewer, id, () => ({ cover_file_id: fileId }));
}

export function setArchived(ctx: AppContext, viewer: PeopleTable, id: string, archive: boolean) {
  return changeGroup(ctx, viewer, id, (g) => {
    if (g.is_company_wide && archive) throw companyWide('cannot be archived');
    return { archived_at: archive ? (g.archived_at ?? Date.now()) : null };
  });
}

export async function loadMembersOf(ctx: AppContext, viewer: PeopleTable, id: string): Promise<GroupViewRow> {
  const g = await loadFindable(ctx.db, viewer, id);
  if (!canSeeMembers(viewer, g, membershipOf(g))) throw noSuchGroup();
  return g;
}

export interface JoinResult {
  status: 'joined' | 'requested';
  group: GroupViewRow;
  request: GroupRequestsTable | null;
}

/** Open: member at once. Closed: a pending request. A pending invitation: accepted. Secret: not found. */
export async function joinGroup(ctx: AppContext, viewer: PeopleTable, id: string): Promise<JoinResult> {
  try {
    return await inTx(ctx, async (trx, afterCommit) => {
      const g = await lockAndLoad(ctx, trx, viewer, id);
      if (g.my_role) throw conflict('already_member', 'You are already a member of this group.');
      if (g.my_pending === 'invite') {
        await acceptPendingInvite(ctx, trx, afterCommit, viewer, g);
        return { status: 'joined' as const, group: await loadFindable(trx, viewer, id), request: null };
      }
      if (g.archived_at !== null) throw archived();
      if (canJoinDirectly(viewer, g, null)) {
        if (!(await addMember(trx, viewer.org_id, id, viewer.id, 'member'))) throw conflict('already_member', 'You are already a member.');
        await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, viewer.id, 'joined', 'member');
        return { status: 'joined' as const, group: await loadFindable(trx, viewer, id), request: null };
      }
      if (!canRequestToJoin(viewer, g, null)) throw noSuchGroup();
      if (g.my_pending === 'request') throw conflict('request_pending', 'You already asked to join; a group admin will answer.');
      const request = await insertRequest(trx, {
        org_id: viewer.org_id,
        group_id: id,
        person_id: viewer.id,
        kind: 'request',
        created_by: viewer.id,
      });
      await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, viewer.id, 'requested');
      await notifyJoinRequest(ctx, trx, afterCommit, viewer, id);
      return { status: 'requested' as const, group: await loadFindable(trx, viewer, id), request };
    });
  } catch (err) {
    // Two requests at the same instant meet at the partial unique index: one stays pending.
    if (isUniqueViolation(err)) throw conflict('request_pending', 'You already asked to join; a group admin will answer.');
    throw err;
  }
}

async function acceptPendingInvite(ctx: AppContext, trx: Trx, afterCommit: AfterCommit, viewer: PeopleTable, g: GroupViewRow) {
  const pending = await findPending(trx, viewer.org_id, g.id, viewer.id);
  if (!pending || pending.kind !== 'invite' || !(await decideRequest(trx, pending, 'approved', viewer.id))) {
    throw notFound('No invitation to answer.');
  }
  await addMember(trx, viewer.org_id, g.id, viewer.id, 'member');
  await tellMembership(ctx, trx, afterCommit, viewer.org_id, g.id, viewer.id, 'joined', 'member');
}

/** Leaving ends access at once. A pending join request is withdrawn the same way. */
export function leaveGroup(ctx: AppContext, viewer: PeopleTable, id: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    if (!g.my_role) {
      const pending = await findPending(trx, viewer.org_id, id, viewer.id);
      if (pending?.kind !== 'request') throw conflict('not_member', 'You are not a member of this group.');
      await decideRequest(trx, pending, 'cancelled', viewer.id);
      return;
    }
    if (g.is_company_wide) throw companyWide('cannot be left');
    if (g.my_role === 'admin') await assertAnotherAdmin(trx, viewer.org_id, id, viewer.id, true);
    await removeMember(trx, viewer.org_id, id, viewer.id);
    await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, viewer.id, 'left');
  });
}

/** A group with members keeps at least one admin. */
async function assertAnotherAdmin(trx: Trx, orgId: string, groupId: string, personId: string, leaving: boolean): Promise<void> {
  if ((await countMembers(trx, orgId, groupId, { roles: ['admin'], except: personId })) > 0) return;
  if (leaving && (await countMembers(trx, orgId, groupId, { except: personId })) === 0) return;
  throw conflict('last_group_admin', 'A group needs an admin. Make another member admin first.');
}

/** Invites people (skipping members and people already invited); a pending join request is approved instead. */
export function invitePeople(ctx: AppContext, viewer: PeopleTable, id: string, personIds: string[]): Promise<GroupRequestsTable[]> {
  const ids = [...new Set(personIds)];
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    assertModerator(viewer, g);
    if (g.archived_at !== null) throw archived();
    // Someone of another company, or who left, is "no such person" like an unknown id.
    if ((await activePeople(trx, viewer.org_id, ids)).length !== ids.length) throw notFound('No such person.');
    const created: GroupRequestsTable[] = [];
    for (const personId of ids) {
      if (await findMembership(trx, viewer.org_id, id, personId)) continue;
      const pending = await findPending(trx, viewer.org_id, id, personId);
      if (pending?.kind === 'invite') continue;
      if (pending?.kind === 'request') {
        await decideRequest(trx, pending, 'approved', viewer.id);
        await addMember(trx, viewer.org_id, id, personId, 'member');
        await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, personId, 'joined', 'member');
        await notifyRequestDecided(ctx, trx, afterCommit, viewer, id, personId, true);
        continue;
      }
      created.push(
        await insertRequest(trx, { org_id: viewer.org_id, group_id: id, person_id: personId, kind: 'invite', created_by: viewer.id }),
      );
      await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, personId, 'invited');
      await notifyInvited(ctx, trx, afterCommit, viewer, id, personId);
    }
    return created;
  });
}

export function answerInvitation(ctx: AppContext, viewer: PeopleTable, id: string, accept: boolean): Promise<GroupViewRow | null> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    if (accept) {
      await acceptPendingInvite(ctx, trx, afterCommit, viewer, g);
      return loadFindable(trx, viewer, id);
    }
    const pending = await findPending(trx, viewer.org_id, id, viewer.id);
    if (!pending || pending.kind !== 'invite') throw notFound('No invitation to answer.');
    await decideRequest(trx, pending, 'declined', viewer.id);
    await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, viewer.id, 'declined');
    return null;
  });
}

export async function loadRequestsOf(ctx: AppContext, viewer: PeopleTable, id: string): Promise<GroupViewRow> {
  const g = await loadFindable(ctx.db, viewer, id);
  assertModerator(viewer, g);
  return g;
}

/** Decides a join request once; the second decision, whoever makes it, is a 409. */
export function decideJoinRequest(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
  requestId: string,
  approve: boolean,
): Promise<GroupRequestsTable> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    assertModerator(viewer, g);
    const request = await findRequest(trx, viewer.org_id, id, requestId);
    if (!request || request.kind !== 'request') throw notFound('No such request.');
    if (request.person_id === viewer.id) throw new AppError(403, 'cannot_approve_self', 'Another admin must answer your own request.');
    const decided = await decideRequest(trx, request, approve ? 'approved' : 'declined', viewer.id);
    if (!decided) throw conflict('request_decided', 'This request was already answered.');
    await notifyRequestDecided(ctx, trx, afterCommit, viewer, id, request.person_id, approve);
    if (approve) {
      await addMember(trx, viewer.org_id, id, request.person_id, 'member');
      await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, request.person_id, 'joined', 'member');
    } else {
      await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, request.person_id, 'declined');
    }
    return decided;
  });
}

/** Removal ends access at once: the next request of that person already finds no membership. */
export function removeFromGroup(ctx: AppContext, viewer: PeopleTable, id: string, personId: string): Promise<void> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    assertManager(viewer, g);
    if (!(await findMembership(trx, viewer.org_id, id, personId))) throw notFound('No such member.');
    if (personId === viewer.id) throw new AppError(403, 'cannot_remove_self', 'Leave the group instead.');
    if (g.is_company_wide) throw companyWide('keeps everyone in the company');
    await removeMember(trx, viewer.org_id, id, personId);
    await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, personId, 'removed');
  });
}

export function changeMemberRole(
  ctx: AppContext,
  viewer: PeopleTable,
  id: string,
  personId: string,
  role: GroupRole,
): Promise<{ person: PeopleTable; role: GroupRole; joinedAt: number }> {
  return inTx(ctx, async (trx, afterCommit) => {
    const g = await lockAndLoad(ctx, trx, viewer, id);
    assertManager(viewer, g);
    const member = await findMembership(trx, viewer.org_id, id, personId);
    const person = member && (await findPerson(trx, viewer.org_id, personId));
    if (!member || !person) throw notFound('No such member.');
    if (member.role !== role) {
      if (member.role === 'admin') await assertAnotherAdmin(trx, viewer.org_id, id, personId, false);
      await updateMember(trx, viewer.org_id, id, personId, { role });
      await tellMembership(ctx, trx, afterCommit, viewer.org_id, id, personId, 'role_changed', role);
    }
    return { person, role, joinedAt: member.joined_at };
  });
}

export function setNotifications(ctx: AppContext, viewer: PeopleTable, id: string, level: NotifyLevel): Promise<GroupViewRow> {
  return inTx(ctx, async (trx) => {
    const g = await loadFindable(trx, viewer, id);
    if (!g.my_role) throw conflict('not_member', 'You are not a member of this group.');
    await updateMember(trx, viewer.org_id, id, viewer.id, { notify: level });
    return loadFindable(trx, viewer, id);
  });
}
