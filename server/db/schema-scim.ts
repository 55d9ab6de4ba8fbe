/** Table types of SCIM 2.0 provisioning (migration 0016_scim; server/modules/scim). */

export interface ScimTokensTable {
  id: string;
  org_id: string;
  /** What the admin called it ("Entra ID", "Okta"): the audit log's actor for what it does. */
  name: string;
  /** sha256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
}

export interface ScimUsersTable {
  person_id: string;
  org_id: string;
  /** JSON object: the SCIM attributes sent that have no people column (name parts, addresses, …). */
  attributes: string;
  /** Set by a SCIM DELETE: the person is deactivated and no longer a SCIM resource (404). */
  deleted_at: number | null;
  created_at: number;
  /** Moves on every SCIM write, strictly forward: part of the resource's version (ETag). */
  updated_at: number;
}

export interface ScimGroupsTable {
  group_id: string;
  org_id: string;
  external_id: string | null;
  created_at: number;
  /** Moves on every SCIM write (members included): part of the resource's version (ETag). */
  updated_at: number;
}

export interface ScimDatabase {
  scim_tokens: ScimTokensTable;
  scim_users: ScimUsersTable;
  scim_groups: ScimGroupsTable;
}
