import type { LdapConfig, LdapConfigInput, LdapMapping, LdapRun, LdapRunDetail, LdapTestResult } from '../../../protocol/ldap';
import { api, isApiError } from './client';
import type { Page } from './types';

export type {
  DisabledRule,
  LdapConfig,
  LdapConfigInput,
  LdapMapping,
  LdapRun,
  LdapRunDetail,
  LdapTestResult,
} from '../../../protocol/ldap';
export { LDAP_PRESETS, PRESET_FILTERS, PRESET_MAPPINGS, type LdapPreset } from '../../../protocol/ldap-presets';

const BASE = '/api/v1/admin/ldap';

export const ldapConfigKey = ['admin', 'ldap', 'config'] as const;
export const ldapRunsKey = ['admin', 'ldap', 'runs'] as const;
export const ldapRunKey = (id: string) => ['admin', 'ldap', 'runs', id] as const;

/** The company's directory configuration; null when none is set up yet. */
export async function fetchLdapConfig(): Promise<LdapConfig | null> {
  try {
    return await api<LdapConfig>(BASE);
  } catch (err) {
    if (isApiError(err) && err.status === 404) return null;
    throw err;
  }
}

export const saveLdapConfig = (input: LdapConfigInput): Promise<LdapConfig> => api(BASE, { method: 'PUT', body: input });

export const deleteLdapConfig = (): Promise<void> => api(BASE, { method: 'DELETE' });

/** Tests the values given (the stored ones fill in what is left out, the password included). */
export const testLdapConnection = (input: Partial<LdapConfigInput> & { mapping?: LdapMapping }): Promise<LdapTestResult> =>
  api(`${BASE}/test`, { method: 'POST', body: input });

export const startLdapSync = (dryRun: boolean, force = false): Promise<{ runId: string }> =>
  api(`${BASE}/sync`, { method: 'POST', body: force ? { dryRun, force } : { dryRun } });

export const fetchLdapRuns = (cursor?: string): Promise<Page<LdapRun>> => api(`${BASE}/runs`, { query: { cursor, limit: 10 } });

export const fetchLdapRun = (id: string): Promise<LdapRunDetail> => api(`${BASE}/runs/${encodeURIComponent(id)}`);

export const isRunActive = (run: Pick<LdapRun, 'status'>): boolean => run.status === 'queued' || run.status === 'running';
