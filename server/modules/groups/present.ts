import type { z } from 'zod';
import type { adminGroupSchema, Group, groupRequestSchema, GroupView } from '../../../protocol/groups.js';
import type { GroupRequestsTable, GroupsTable } from '../../db/schema.js';
import {
  canJoinDirectly,
  canManageGroup,
  canModerateGroup,
  canPost,
  canRequestToJoin,
  canSeeMembers,
  canSeePosts,
  type GroupViewer,
} from '../../policies/groups.js';
import { iso } from '../people/present.js';
import type { AdminGroupRow, GroupViewRow } from './views.js';

/** The API shape of a group, the same for every member (realtime events carry this). */
export function toGroup(g: GroupsTable): Group {
  return {
    id: g.id,
    name: g.name,
    description: g.description,
    visibility: g.visibility,
    postPermission: g.post_permission,
    postApproval: g.post_approval === 1,
    isCompanyWide: g.is_company_wide === 1,
    archivedAt: g.archived_at === null ? null : iso(g.archived_at),
    coverUrl: g.cover_file_id ? `/api/v1/files/${g.cover_file_id}` : null,
    createdAt: iso(g.created_at),
    updatedAt: iso(g.updated_at),
  };
}

/** A group as this viewer sees it; what they may do comes from the policy, never from here. */
export function toGroupView(v: GroupViewer, r: GroupViewRow): GroupView {
  const m = r.my_role ? { role: r.my_role } : null;
  return {
    ...toGroup(r),
    memberCount: r.member_count,
    membership:
      r.my_role && r.my_notify && r.my_joined_at !== null ? { role: r.my_role, notify: r.my_notify, joinedAt: iso(r.my_joined_at) } : null,
    pending: r.my_pending,
    can: {
      seeMembers: canSeeMembers(v, r, m),
      seePosts: canSeePosts(v, r, m),
      post: canPost(v, r, m),
      manage: canManageGroup(v, r, m),
      moderate: canModerateGroup(v, r, m),
      join: canJoinDirectly(v, r, m) && r.my_pending !== 'request',
      requestToJoin: canRequestToJoin(v, r, m) && r.my_pending === null,
    },
  };
}

export function toGroupRequest(r: GroupRequestsTable): z.infer<typeof groupRequestSchema> {
  return {
    id: r.id,
    groupId: r.group_id,
    personId: r.person_id,
    kind: r.kind,
    status: r.status,
    createdBy: r.created_by,
    decidedBy: r.decided_by,
    createdAt: iso(r.created_at),
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  };
}

export function toAdminGroup(r: AdminGroupRow): z.infer<typeof adminGroupSchema> {
  return {
    id: r.id,
    name: r.name,
    visibility: r.visibility,
    isCompanyWide: r.is_company_wide === 1,
    memberCount: r.member_count,
    archivedAt: r.archived_at === null ? null : iso(r.archived_at),
    createdAt: iso(r.created_at),
  };
}
