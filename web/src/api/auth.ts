import { api, ApiError } from './client';
import type { InvitePreview, Locale, SessionInfo } from './types';

/** The signed-in session, or null when signed out (401). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api<SessionInfo>('/api/v1/auth/session');
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export const signIn = (email: string, password: string): Promise<SessionInfo> =>
  api('/api/v1/auth/sign-in', { method: 'POST', body: { email, password } });

export const signOut = (): Promise<void> => api('/api/v1/auth/sign-out', { method: 'POST' });

export const requestPasswordReset = (email: string): Promise<void> =>
  api('/api/v1/auth/password-reset', { method: 'POST', body: { email } });

export const completePasswordReset = (token: string, password: string): Promise<SessionInfo> =>
  api('/api/v1/auth/password-reset/complete', { method: 'POST', body: { token, password } });

export const fetchInvite = (token: string): Promise<InvitePreview> => api(`/api/v1/invites/${encodeURIComponent(token)}`);

export interface AcceptInviteInput {
  displayName: string;
  email?: string;
  password: string;
  locale?: Locale;
}

export const acceptInvite = (token: string, input: AcceptInviteInput): Promise<SessionInfo> =>
  api(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input });
