import { api, ApiError } from './client';
import type { SignInResult } from './identity';
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

export const signOut = (): Promise<void> => api('/api/v1/auth/sign-out', { method: 'POST' });

export const requestPasswordReset = (email: string): Promise<void> =>
  api('/api/v1/auth/password-reset', { method: 'POST', body: { email } });

/** Signs in too: the session, or (202) a step the company's policy still asks for. */
export const completePasswordReset = (token: string, password: string): Promise<SignInResult> =>
  api('/api/v1/auth/password-reset/complete', { method: 'POST', body: { token, password } });

export const fetchInvite = (token: string): Promise<InvitePreview> => api(`/api/v1/invites/${encodeURIComponent(token)}`);

export interface AcceptInviteInput {
  displayName: string;
  email?: string;
  password: string;
  locale?: Locale;
}

export const acceptInvite = (token: string, input: AcceptInviteInput): Promise<SignInResult> =>
  api(`/api/v1/invites/${encodeURIComponent(token)}/accept`, { method: 'POST', body: input });
