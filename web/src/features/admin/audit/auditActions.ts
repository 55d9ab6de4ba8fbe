import type { TFunction } from 'i18next';
import type { AuditEntry } from '../../../api/identity';
import { formatDateTime } from '../../../ui/format';

/** The families an admin filters by: the part of an action before its dot. */
export const AUDIT_FAMILIES = [
  'auth',
  'person',
  'access_code',
  'two_factor',
  'settings',
  'scim',
  'ldap',
  'import',
  'sso',
  'audit',
] as const;

export const FAMILY_KEYS = {
  auth: 'identity.audit.family.auth',
  person: 'identity.audit.family.person',
  access_code: 'identity.audit.family.access_code',
  two_factor: 'identity.audit.family.two_factor',
  settings: 'identity.audit.family.settings',
  scim: 'identity.audit.family.scim',
  ldap: 'identity.audit.family.ldap',
  import: 'identity.audit.family.import',
  sso: 'identity.audit.family.sso',
  audit: 'identity.audit.family.audit',
} as const;

/** Actions said in plain words; any other (a newer one) is shown by its name. */
const ACTION_KEYS = {
  'auth.sign_in': 'identity.audit.action.auth_sign_in',
  'auth.sign_in_failed': 'identity.audit.action.auth_sign_in_failed',
  'auth.sign_out': 'identity.audit.action.auth_sign_out',
  'auth.password_changed': 'identity.audit.action.auth_password_changed',
  'auth.password_reset': 'identity.audit.action.auth_password_reset',
  'auth.terms_accepted': 'identity.audit.action.auth_terms_accepted',
  'person.created': 'identity.audit.action.person_created',
  'person.joined': 'identity.audit.action.person_joined',
  'person.updated': 'identity.audit.action.person_updated',
  'person.role_changed': 'identity.audit.action.person_role_changed',
  'person.deactivated': 'identity.audit.action.person_deactivated',
  'person.reactivated': 'identity.audit.action.person_reactivated',
  'access_code.issued': 'identity.audit.action.access_code_issued',
  'access_code.revoked': 'identity.audit.action.access_code_revoked',
  'access_code.claimed': 'identity.audit.action.access_code_claimed',
  'two_factor.enabled': 'identity.audit.action.two_factor_enabled',
  'two_factor.disabled': 'identity.audit.action.two_factor_disabled',
  'two_factor.reset': 'identity.audit.action.two_factor_reset',
  'two_factor.recovery_code_used': 'identity.audit.action.two_factor_recovery_code_used',
  'two_factor.recovery_codes_renewed': 'identity.audit.action.two_factor_recovery_codes_renewed',
  'settings.identity_changed': 'identity.audit.action.settings_identity_changed',
  'audit.exported': 'identity.audit.action.audit_exported',
  'import.uploaded': 'identity.audit.action.import_uploaded',
  'import.mapped': 'identity.audit.action.import_mapped',
  'import.previewed': 'identity.audit.action.import_previewed',
  'import.started': 'identity.audit.action.import_started',
  'import.finished': 'identity.audit.action.import_finished',
  'import.failed': 'identity.audit.action.import_failed',
  'import.discarded': 'identity.audit.action.import_discarded',
  'ldap.config_created': 'identity.audit.action.ldap_config_created',
  'ldap.config_changed': 'identity.audit.action.ldap_config_changed',
  'ldap.config_deleted': 'identity.audit.action.ldap_config_deleted',
  'ldap.connection_tested': 'identity.audit.action.ldap_connection_tested',
  'ldap.dry_run_requested': 'identity.audit.action.ldap_dry_run_requested',
  'ldap.dry_run_completed': 'identity.audit.action.ldap_dry_run_completed',
  'ldap.sync_requested': 'identity.audit.action.ldap_sync_requested',
  'ldap.sync_scheduled': 'identity.audit.action.ldap_sync_scheduled',
  'ldap.sync_completed': 'identity.audit.action.ldap_sync_completed',
  'ldap.sync_failed': 'identity.audit.action.ldap_sync_failed',
  'ldap.sync_refused': 'identity.audit.action.ldap_sync_refused',
  'sso.connection_created': 'identity.audit.action.sso_connection_created',
  'sso.connection_changed': 'identity.audit.action.sso_connection_changed',
  'sso.connection_deleted': 'identity.audit.action.sso_connection_deleted',
  'sso.enabled': 'identity.audit.action.sso_enabled',
  'sso.disabled': 'identity.audit.action.sso_disabled',
  'sso.tested': 'identity.audit.action.sso_tested',
  'sso.person_linked': 'identity.audit.action.sso_person_linked',
} as const;

const ACTOR_KINDS = {
  scim: 'identity.audit.actor.scim',
  ldap: 'identity.audit.actor.ldap',
  import: 'identity.audit.actor.import',
  system: 'identity.audit.actor.system',
  anonymous: 'identity.audit.actor.anonymous',
} as const;

export function actionLabel(t: TFunction, action: string): string {
  return Object.hasOwn(ACTION_KEYS, action) ? t(ACTION_KEYS[action as keyof typeof ACTION_KEYS]) : action;
}

/** "SCIM", "Directory sync", … for what is not a person; nothing for a person (their name says it). */
export function actorKindLabel(t: TFunction, kind: string): string | null {
  return Object.hasOwn(ACTOR_KINDS, kind) ? t(ACTOR_KINDS[kind as keyof typeof ACTOR_KINDS]) : null;
}

/** The short facts of an entry (method, reason, counts), as "key: value"; nested values are left to the export. */
export function detailFacts(details: AuditEntry['details']): string[] {
  return (
    Object.entries(details)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
      .slice(0, 6)
      // Times are stored as epoch milliseconds (`expiresAt`): shown as dates.
      .map(([k, v]) => `${k}: ${typeof v === 'number' && k.endsWith('At') ? formatDateTime(new Date(v).toISOString()) : String(v)}`)
  );
}
