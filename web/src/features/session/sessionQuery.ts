import { useQuery, type QueryClient } from '@tanstack/react-query';
import { fetchSession } from '../../api/auth';
import { setCsrfToken } from '../../api/client';
import type { Person, SessionInfo } from '../../api/types';

export const sessionKey = ['session'] as const;

async function loadSession(): Promise<SessionInfo | null> {
  const info = await fetchSession();
  setCsrfToken(info?.csrfToken ?? null);
  return info;
}

export function useSessionQuery() {
  return useQuery({ queryKey: sessionKey, queryFn: loadSession, staleTime: Infinity });
}

/** Stores a session (after sign-in, join, reset) or its end, keeping the CSRF token in step. */
export function applySession(client: QueryClient, info: SessionInfo | null): void {
  setCsrfToken(info?.csrfToken ?? null);
  // Set on the existing query (not a removed-and-recreated one) so every mounted observer sees it.
  client.setQueryData(sessionKey, info);
  // A refusal for working hours belonged to the session before this one.
  client.setQueryData(['outside-working-hours'], null);
  if (info === null) {
    // Nothing of the previous person may stay in memory for the next one.
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'context' && q.queryKey[0] !== sessionKey[0] });
  }
}

/** Replaces the signed-in person in the session when it changed (profile edit, realtime). */
export function updateSessionPerson(client: QueryClient, person: Person): void {
  client.setQueryData<SessionInfo | null>(sessionKey, (old) => (old && old.person.id === person.id ? { ...old, person } : old));
}

export const isAdminRole = (role: Person['role']): boolean => role === 'owner' || role === 'admin';
