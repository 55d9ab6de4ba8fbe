import { api } from './client';
import type { Invite, InviteLinkCreated, Page, Person, Role } from './types';

export interface PeopleFilter {
  q: string;
  role: Role | '';
  status: Person['status'] | '';
}

export const PEOPLE_PAGE_SIZE = 25;

export const fetchPeople = (filter: PeopleFilter, cursor?: string): Promise<Page<Person>> =>
  api('/api/v1/admin/people', { query: { ...filter, cursor, limit: PEOPLE_PAGE_SIZE } });

export const changeRole = (id: string, role: Role): Promise<Person> =>
  api(`/api/v1/admin/people/${encodeURIComponent(id)}`, { method: 'PATCH', body: { role } });

export const deactivatePerson = (id: string): Promise<Person> =>
  api(`/api/v1/admin/people/${encodeURIComponent(id)}/deactivate`, { method: 'POST' });

export const reactivatePerson = (id: string): Promise<Person> =>
  api(`/api/v1/admin/people/${encodeURIComponent(id)}/reactivate`, { method: 'POST' });

export type InviteRole = 'admin' | 'member' | 'guest';
export type LinkRole = 'member' | 'guest';

export const sendEmailInvites = (emails: string[], role: InviteRole): Promise<{ items: Invite[] }> =>
  api('/api/v1/admin/invites', { method: 'POST', body: { emails, role } });

export const fetchInvites = (kind: Invite['kind'], cursor?: string): Promise<Page<Invite>> =>
  api('/api/v1/admin/invites', { query: { kind, cursor, limit: 25 } });

export const revokeInvite = (id: string): Promise<void> => api(`/api/v1/admin/invites/${encodeURIComponent(id)}`, { method: 'DELETE' });

export interface InviteLinkInput {
  role: LinkRole;
  maxUses: number;
  expiresInDays: number;
}

export const createInviteLink = (input: InviteLinkInput): Promise<InviteLinkCreated> =>
  api('/api/v1/admin/invite-links', { method: 'POST', body: input });
