import type { z } from 'zod';
import type {
  adminGroupSchema,
  createGroupSchema,
  groupMemberSchema,
  groupRequestItemSchema,
  GroupView,
  joinResultSchema,
  updateGroupSchema,
} from '../../../protocol/groups';
import { api } from './client';
import type { Page } from './types';

export type { GroupView } from '../../../protocol/groups';
export type GroupVisibility = GroupView['visibility'];
export type GroupRole = z.infer<typeof groupMemberSchema>['role'];
export type GroupMember = z.infer<typeof groupMemberSchema>;
export type GroupRequestItem = z.infer<typeof groupRequestItemSchema>;
export type JoinResult = z.infer<typeof joinResultSchema>;
export type AdminGroup = z.infer<typeof adminGroupSchema>;
export type CreateGroupInput = z.input<typeof createGroupSchema>;
export type UpdateGroupInput = z.input<typeof updateGroupSchema>;
export type NotifyLevel = NonNullable<GroupView['membership']>['notify'];

// Listed here rather than imported from protocol/ so that the web bundle does not pull in zod.
export const GROUP_VISIBILITIES: readonly GroupVisibility[] = ['open', 'closed', 'secret'];
export const GROUP_ROLES: readonly GroupRole[] = ['admin', 'moderator', 'member'];
export const NOTIFY_LEVELS: readonly NotifyLevel[] = ['all', 'highlights', 'off'];
export const GROUPS_PAGE_SIZE = 24;

const g = (id: string) => `/api/v1/groups/${encodeURIComponent(id)}`;

export const fetchGroups = (filter: 'mine' | 'discover', q: string, cursor?: string): Promise<Page<GroupView>> =>
  api('/api/v1/groups', { query: { filter, q, cursor, limit: GROUPS_PAGE_SIZE } });
export const fetchGroup = (id: string): Promise<GroupView> => api(g(id));
export const createGroup = (input: CreateGroupInput): Promise<GroupView> => api('/api/v1/groups', { method: 'POST', body: input });
export const updateGroup = (id: string, input: UpdateGroupInput): Promise<GroupView> => api(g(id), { method: 'PATCH', body: input });
export const setGroupArchived = (id: string, archive: boolean): Promise<GroupView> =>
  api(`${g(id)}/${archive ? 'archive' : 'unarchive'}`, { method: 'POST' });

export function uploadGroupCover(id: string, file: File): Promise<GroupView> {
  const form = new FormData();
  form.append('cover', file);
  return api(`${g(id)}/cover`, { method: 'PUT', form });
}
export const removeGroupCover = (id: string): Promise<GroupView> => api(`${g(id)}/cover`, { method: 'DELETE' });

export const joinGroup = (id: string): Promise<JoinResult> => api(`${g(id)}/join`, { method: 'POST' });
export const leaveGroup = (id: string): Promise<void> => api(`${g(id)}/leave`, { method: 'POST' });
export const acceptInvitation = (id: string): Promise<GroupView> => api(`${g(id)}/invitations/accept`, { method: 'POST' });
export const declineInvitation = (id: string): Promise<void> => api(`${g(id)}/invitations/decline`, { method: 'POST' });
export const invitePeople = (id: string, personIds: string[]): Promise<{ items: unknown[] }> =>
  api(`${g(id)}/invitations`, { method: 'POST', body: { personIds } });

export const fetchMembers = (id: string, cursor?: string): Promise<Page<GroupMember>> =>
  api(`${g(id)}/members`, { query: { cursor, limit: 25 } });
export const changeMemberRole = (id: string, personId: string, role: GroupRole): Promise<GroupMember> =>
  api(`${g(id)}/members/${encodeURIComponent(personId)}`, { method: 'PATCH', body: { role } });
export const removeMember = (id: string, personId: string): Promise<void> =>
  api(`${g(id)}/members/${encodeURIComponent(personId)}`, { method: 'DELETE' });

export const fetchRequests = (id: string, cursor?: string): Promise<Page<GroupRequestItem>> =>
  api(`${g(id)}/requests`, { query: { cursor, limit: 25 } });
export const decideRequest = (id: string, requestId: string, approve: boolean): Promise<unknown> =>
  api(`${g(id)}/requests/${encodeURIComponent(requestId)}/${approve ? 'approve' : 'decline'}`, { method: 'POST' });

export const fetchAdminGroups = (q: string, cursor?: string): Promise<Page<AdminGroup>> =>
  api('/api/v1/admin/groups', { query: { q, cursor, limit: 25 } });
/** The groups a person belongs to, among those the viewer may find. */
export const fetchPersonGroups = (personId: string, cursor?: string): Promise<Page<GroupView>> =>
  api(`/api/v1/people/${encodeURIComponent(personId)}/groups`, { query: { cursor, limit: GROUPS_PAGE_SIZE } });
export const setGroupNotifications = (id: string, level: NotifyLevel): Promise<GroupView> =>
  api(`${g(id)}/notifications`, { method: 'PUT', body: { level } });
