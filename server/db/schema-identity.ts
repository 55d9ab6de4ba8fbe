/** Table types of identity and provisioning (migration 0015_identity; server/modules/identity, audit). */

export interface IdentitySettingsTable {
  org_id: string;
  /** JSON, validated by `identitySettingsSchema` (protocol/identity.ts) when read and written. */
  settings: string;
  updated_at: number;
}

export interface AccessCodesTable {
  id: string;
  org_id: string;
  person_id: string;
  /** sha256 of the code as typed without separators and in upper case; the code is never stored. */
  code_hash: string;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  revoked_at: number | null;
}

export interface TotpFactorsTable {
  person_id: string;
  org_id: string;
  /** The base32 secret, encrypted with the server's key (lib/secrets.ts). */
  secret_enc: string;
  /** Null until the person proved the authenticator works with a first code. */
  confirmed_at: number | null;
  /** The last time step a code was accepted for: each code is good once. */
  last_step: number;
  created_at: number;
}

export interface RecoveryCodesTable {
  id: string;
  org_id: string;
  person_id: string;
  code_hash: string;
  used_at: number | null;
  created_at: number;
}

export interface TrustedDevicesTable {
  id: string;
  org_id: string;
  person_id: string;
  token_hash: string;
  user_agent: string | null;
  created_at: number;
  expires_at: number;
}

/** Where a link comes from: SCIM externalId, an LDAP entry's id, an SSO subject, an import key. */
export type PersonLinkSource = 'scim' | 'ldap' | 'oidc' | 'saml' | 'import';

export interface PersonLinksTable {
  org_id: string;
  source: PersonLinkSource;
  external_key: string;
  person_id: string;
  created_at: number;
}

/** Who acted: a signed-in person, a provisioning channel, the system itself, or someone not signed in. */
export type AuditActorKind = 'person' | 'scim' | 'ldap' | 'import' | 'system' | 'anonymous' | 'integration';

export interface AuditLogTable {
  id: string;
  org_id: string;
  at: number;
  actor_kind: AuditActorKind;
  actor_id: string | null;
  /** The actor's name (or the login tried) as it was then; people get renamed and deleted. */
  actor_label: string;
  action: string;
  target_kind: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  /** JSON object of facts about the action (never secrets). */
  details: string;
}

export interface IdentityDatabase {
  identity_settings: IdentitySettingsTable;
  access_codes: AccessCodesTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  trusted_devices: TrustedDevicesTable;
  person_links: PersonLinksTable;
  audit_log: AuditLogTable;
}
