import type { SsoErrorCode } from '../../../protocol/sso.js';

/**
 * A refused single sign-on. `code` is what the sign-in page tells the person
 * (`/sign-in?sso_error=<code>`); `reason` and `detail` go to the audit log for the admins.
 */
export class SsoFailure extends Error {
  constructor(
    readonly code: SsoErrorCode,
    readonly reason: string,
    detail: string,
    /** Who the provider said it was, when that is known (the audit log's "login tried"). */
    readonly login: string | null = null,
  ) {
    super(detail);
  }
}

/** What a provider told us about the person, whatever the protocol. */
export interface SsoIdentity {
  method: 'oidc' | 'saml';
  /** The provider (OpenID Connect issuer, SAML entity id) and its stable id of the person. */
  issuer: string;
  subject: string;
  email: string | null;
  /** OpenID Connect's `email_verified`: false means the provider does not vouch for the address. */
  emailVerified: boolean | null;
  name: string | null;
  username: string | null;
  employeeId: string | null;
}

/** A claim or attribute as one trimmed string: the first of a list, nothing for other shapes. */
export function textValue(value: unknown): string | null {
  const first = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof first === 'number') return String(first);
  if (typeof first !== 'string') return null;
  const trimmed = first.trim();
  return trimmed ? trimmed.slice(0, 500) : null;
}
