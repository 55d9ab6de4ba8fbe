/** Table types of single sign-on (migration 0019_sso; server/modules/sso). */

export type SsoProtocol = 'oidc' | 'saml';

export interface SsoConnectionsTable {
  /** One identity provider per company. */
  org_id: string;
  protocol: SsoProtocol;
  enabled: number;
  /** Create people the company does not know yet on their first sign-in. */
  jit: number;
  /** What the sign-in button says ("Sign in with <display_name>"); null: a generic label. */
  display_name: string | null;
  /** JSON of the protocol's settings (protocol/sso.ts); never a secret. */
  settings: string;
  /** The OpenID Connect client secret, sealed with the server's key (lib/secrets.ts); never returned. */
  client_secret_enc: string | null;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface SsoRequestsTable {
  id: string;
  org_id: string;
  protocol: SsoProtocol;
  /** sha256 of the short-lived cookie that ties an OpenID Connect sign-in to its browser. */
  browser_hash: string | null;
  state: string | null;
  nonce: string | null;
  /** The PKCE verifier, sealed: it is what redeems the code. */
  code_verifier_enc: string | null;
  /** The SAML AuthnRequest ID, which the answer's InResponseTo must name. */
  request_id: string | null;
  /** Where the person goes once signed in: a path inside the app. */
  return_to: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface SsoAssertionsTable {
  org_id: string;
  assertion_id: string;
  /** Until when the assertion could be accepted; after that it is refused as expired anyway. */
  expires_at: number;
}

export interface SsoDatabase {
  sso_connections: SsoConnectionsTable;
  sso_requests: SsoRequestsTable;
  sso_assertions: SsoAssertionsTable;
}
