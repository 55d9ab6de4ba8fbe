import { api } from './client';
import type { Locale, Page, Person, SessionItem } from './types';

export interface ProfileUpdate {
  displayName?: string;
  locale?: Locale | null;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  phone?: string | null;
  about?: string | null;
  skills?: string[];
}

export const updateProfile = (patch: ProfileUpdate): Promise<Person> => api('/api/v1/me', { method: 'PATCH', body: patch });

export function uploadPhoto(file: File): Promise<Person> {
  const form = new FormData();
  form.append('photo', file);
  return api('/api/v1/me/photo', { method: 'PUT', form });
}

export const removePhoto = (): Promise<Person> => api('/api/v1/me/photo', { method: 'DELETE' });

export const changePassword = (currentPassword: string, newPassword: string): Promise<void> =>
  api('/api/v1/me/password', { method: 'PUT', body: { currentPassword, newPassword } });

export const fetchMySessions = (cursor?: string): Promise<Page<SessionItem>> =>
  api('/api/v1/me/sessions', { query: { cursor, limit: 100 } });

export const revokeSession = (id: string): Promise<void> => api(`/api/v1/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });

/** The server may answer 204 or `{ revoked }`; either way the other sessions are gone. */
export const revokeOtherSessions = (): Promise<{ revoked: number } | undefined> =>
  api('/api/v1/me/sessions/revoke-others', { method: 'POST' });
