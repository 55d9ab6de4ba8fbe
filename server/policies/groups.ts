import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, GroupMembersTable, GroupRequestsTable, GroupsTable, PeopleTable } from '../db/schema.js';
import { isAdmin } from './people.js';

/**
 * Who may find, see, join and run a group (PRODUCT.md, "2. Groups"). Every route and every list
 * asks here: the boolean checks for one group, `findableGroups` for the SQL of every list.
 *
 * | visibility | find            | members         | posts        | join                         |
 * | open       | whole company   | whole company   | whole company| freely                       |
 * | closed     | whole company   | whole company   | members      | request approved, or invite  |
 * | secret     | members         | members         | members      | invitation only              |
 *
 * Guests find only the groups they belong to. Company admins govern every group through the admin
 * list, but see a group's content only as members. A person with a pending invitation finds the
 * group (to answer it) but sees nothing inside a secret one. Deactivated people find nothing.
 */
export type GroupViewer = Pick<PeopleTable, 'id' | 'org_id' | 'role' | 'status'>;
export type GroupRow = Pick<GroupsTable, 'org_id' | 'visibility' | 'archived_at' | 'post_permission' | 'is_company_wide'>;
export type Membership = Pick<GroupMembersTable, 'role'> | null | undefined;
export type PendingKind = GroupRequestsTable['kind'] | null | undefined;

const active = (v: GroupViewer, g: GroupRow): boolean => v.status === 'active' && v.org_id === g.org_id;
const isGuest = (v: GroupViewer): boolean => v.role === 'guest';

export function canFindGroup(v: GroupViewer, g: GroupRow, m: Membership, pending?: PendingKind): boolean {
  if (!active(v, g)) return false;
  if (m) return true;
  if (pending === 'invite') return true;
  return !isGuest(v) && g.visibility !== 'secret';
}

export function canSeeMembers(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  if (!active(v, g)) return false;
  if (m) return true;
  return !isGuest(v) && g.visibility !== 'secret';
}

export function canSeePosts(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  if (!active(v, g)) return false;
  if (m) return true;
  return !isGuest(v) && g.visibility === 'open';
}

/** "Admins only" groups take posts from their admins and moderators. Archived groups are read-only. */
export function canPost(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  if (!active(v, g) || !m || g.archived_at !== null) return false;
  return g.post_permission === 'everyone' || m.role === 'admin' || m.role === 'moderator';
}

/**
 * With post approval on, a post by anyone but the group's admins and moderators waits for one of
 * them (it is 'pending'): company admins who are plain members of the group wait too.
 */
export function postNeedsApproval(g: Pick<GroupsTable, 'post_approval'>, m: Membership): boolean {
  return g.post_approval === 1 && m?.role !== 'admin' && m?.role !== 'moderator';
}

/** Settings, archiving, members' roles and removals. */
export function canManageGroup(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  return active(v, g) && m?.role === 'admin';
}

/** Inviting people and deciding join requests. */
export function canModerateGroup(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  return active(v, g) && (m?.role === 'admin' || m?.role === 'moderator');
}

export function canJoinDirectly(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  return active(v, g) && !m && !isGuest(v) && g.visibility === 'open' && g.archived_at === null;
}

export function canRequestToJoin(v: GroupViewer, g: GroupRow, m: Membership): boolean {
  return active(v, g) && !m && !isGuest(v) && g.visibility === 'closed' && g.archived_at === null;
}

export const canCreateGroup = (v: GroupViewer): boolean => v.status === 'active' && !isGuest(v);

/** The admin list: every group of the company with its name, visibility and member count. */
export const canGovernGroups = (v: GroupViewer): boolean => v.status === 'active' && isAdmin(v);

/**
 * The WHERE of "groups this viewer may find", for every list (and count) of groups: filtered in
 * SQL so pages and counts never include, then drop, what the viewer may not see. The caller also
 * scopes the query to the viewer's company.
 */
export function findableGroups(eb: ExpressionBuilder<Database, 'groups'>, v: GroupViewer): Expression<SqlBool> {
  if (v.status !== 'active') return sql<SqlBool>`1 = 0`;
  const member = eb.exists(
    eb.selectFrom('group_members as fm').select('fm.person_id').whereRef('fm.group_id', '=', 'groups.id').where('fm.person_id', '=', v.id),
  );
  const invited = eb.exists(
    eb
      .selectFrom('group_requests as fr')
      .select('fr.id')
      .whereRef('fr.group_id', '=', 'groups.id')
      .where('fr.person_id', '=', v.id)
      .where('fr.kind', '=', 'invite')
      .where('fr.status', '=', 'pending'),
  );
  if (isGuest(v)) return eb.or([member, invited]);
  return eb.or([eb('groups.visibility', 'in', ['open', 'closed']), member, invited]);
}
