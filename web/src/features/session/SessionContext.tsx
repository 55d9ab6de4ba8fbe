import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../api/types';
import { isAdminRole } from './sessionQuery';

const SessionContext = createContext<SessionInfo | null>(null);

export const SessionProvider = SessionContext.Provider;

/** The signed-in session; only for components rendered inside the signed-in area. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() used outside the signed-in area');
  return session;
}

export function useIsAdmin(): boolean {
  return isAdminRole(useSession().person.role);
}
