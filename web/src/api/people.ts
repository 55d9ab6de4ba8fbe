import type { z } from 'zod';
import type {
  directoryFacetsSchema,
  followStateSchema,
  orgChartSchema,
  PersonSummary,
  Profile,
  ProfileField,
} from '../../../protocol/profiles';
import { api } from './client';
import type { Page, Person } from './types';

export type { PersonSummary, Profile, ProfileField } from '../../../protocol/profiles';
export type Facets = z.infer<typeof directoryFacetsSchema>;
export type OrgChart = z.infer<typeof orgChartSchema>;
export type FollowState = z.infer<typeof followStateSchema>;

export interface DirectoryFilter {
  q: string;
  department: string;
  location: string;
}

export const DIRECTORY_PAGE_SIZE = 24;
const p = (id: string) => `/api/v1/people/${encodeURIComponent(id)}`;

export const fetchDirectory = (filter: DirectoryFilter, cursor?: string, limit = DIRECTORY_PAGE_SIZE): Promise<Page<Person>> =>
  api('/api/v1/people', { query: { ...filter, cursor, limit } });
export const fetchFacets = (): Promise<Facets> => api('/api/v1/people/facets');
export const fetchProfile = (id: string): Promise<Profile> => api(`${p(id)}/profile`);
export const fetchOrgChart = (id: string): Promise<OrgChart> => api(`${p(id)}/org-chart`);
export const fetchReports = (id: string, cursor?: string): Promise<Page<PersonSummary>> =>
  api(`${p(id)}/reports`, { query: { cursor, limit: 50 } });
export const fetchFollows = (id: string, side: 'followers' | 'following', cursor?: string): Promise<Page<PersonSummary>> =>
  api(`${p(id)}/${side}`, { query: { cursor, limit: 25 } });
export const setFollowing = (id: string, follow: boolean): Promise<FollowState> =>
  api(`${p(id)}/follow`, { method: follow ? 'POST' : 'DELETE' });

export type FieldValues = Record<string, string | null>;
export type MyField = ProfileField & { value: string | null };
export const fetchMyFields = (): Promise<{ items: MyField[] }> => api('/api/v1/me/fields');
export const setMyFields = (values: FieldValues): Promise<{ fields: Profile['fields'] }> =>
  api('/api/v1/me/fields', { method: 'PUT', body: { values } });

export interface ProfileFieldInput {
  label: string;
  kind?: ProfileField['kind'];
  visibleTo: ProfileField['visibleTo'];
  order?: number;
}
export const fetchProfileFields = (): Promise<{ items: ProfileField[] }> => api('/api/v1/admin/profile-fields');
export const createProfileField = (input: ProfileFieldInput): Promise<ProfileField> =>
  api('/api/v1/admin/profile-fields', { method: 'POST', body: input });
export const updateProfileField = (id: string, input: Partial<Omit<ProfileFieldInput, 'kind'>>): Promise<ProfileField> =>
  api(`/api/v1/admin/profile-fields/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
export const deleteProfileField = (id: string): Promise<void> =>
  api(`/api/v1/admin/profile-fields/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const adminUpdateProfile = (id: string, patch: { managerId?: string | null; employeeId?: string | null }): Promise<Person> =>
  api(`/api/v1/admin/people/${encodeURIComponent(id)}/profile`, { method: 'PATCH', body: patch });
