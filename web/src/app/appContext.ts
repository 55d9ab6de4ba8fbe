import { createContext, useContext } from 'react';
import type { AppContextInfo, Org } from '../api/types';

const AppContextContext = createContext<AppContextInfo | null>(null);
export const AppContextProvider = AppContextContext.Provider;

export function useAppContext(): AppContextInfo {
  const value = useContext(AppContextContext);
  if (!value) throw new Error('useAppContext() used before the context loaded');
  return value;
}

/** The company of this address; only inside the company routes. */
export function useOrg(): Org {
  const { org } = useAppContext();
  if (!org) throw new Error('useOrg() used outside a company address');
  return org;
}

/** "localhost:3000" — the host part of the base address, under which companies live. */
export function baseHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return window.location.host;
  }
}
