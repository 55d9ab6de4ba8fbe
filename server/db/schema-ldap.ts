/** Table types of the LDAP / Active Directory sync (migration 0017_ldap; server/modules/ldap). */

export interface LdapConfigsTable {
  /** One directory per company. */
  org_id: string;
  url: string;
  start_tls: number;
  ca_certificate: string | null;
  bind_dn: string;
  /** Sealed with the server's key (lib/secrets.ts); never returned by the API. */
  bind_password_enc: string | null;
  base_dn: string;
  preset: 'ad' | 'openldap' | 'custom';
  user_filter: string;
  /** JSON, validated by `ldapMappingSchema` (protocol/ldap.ts). */
  mapping: string;
  schedule_minutes: number;
  sign_in: number;
  max_deactivate_percent: number;
  /** sha256 of what decides a run's outcome (server, bind DN, base, filter, mapping). */
  fingerprint: string;
  /** The fingerprint of the last configuration a dry run completed for: real syncs need it equal. */
  dry_run_fingerprint: string | null;
  /** When the schedule next enqueues a sync; null when the schedule is off. */
  next_sync_at: number | null;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
}

export type LdapRunStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface LdapSyncRunsTable {
  id: string;
  org_id: string;
  status: LdapRunStatus;
  dry_run: number;
  forced: number;
  trigger: 'manual' | 'schedule';
  requested_by: string | null;
  /** The configuration's fingerprint when the run read it. */
  fingerprint: string | null;
  entries: number;
  created: number;
  updated: number;
  reactivated: number;
  deactivated: number;
  unchanged: number;
  skipped: number;
  errors: number;
  processed: number;
  total: number;
  /** JSON: `{limitPercent, linked, deactivations, tripped}` once planned. */
  safety_valve: string | null;
  /** JSON arrays (protocol/ldap.ts), each bounded to its first 500. */
  problems: string;
  changes: string;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
}

export interface LdapDatabase {
  ldap_configs: LdapConfigsTable;
  ldap_sync_runs: LdapSyncRunsTable;
}
