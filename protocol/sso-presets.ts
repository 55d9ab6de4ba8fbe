/**
 * Values the single sign-on settings start from, free of zod so the web app can offer them without
 * the schemas (protocol/sso.ts holds the shapes).
 */

export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export type SsoProtocolName = (typeof SSO_PROTOCOLS)[number];

export const DEFAULT_OIDC_SCOPES = ['openid', 'email', 'profile'];

/** Which ID token (or userinfo) claims give a person's fields; null: not read. */
export interface OidcClaims {
  email: string;
  name: string;
  username: string | null;
  employeeId: string | null;
}

export const DEFAULT_OIDC_CLAIMS: OidcClaims = { email: 'email', name: 'name', username: 'preferred_username', employeeId: null };

/** Which SAML attributes give a person's fields (by their Name); null: not read. */
export interface SamlAttributes {
  email: string | null;
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  username: string | null;
  employeeId: string | null;
}

export const SAML_ATTRIBUTE_PRESETS = ['entra', 'okta', 'generic'] as const;
export type SamlAttributePreset = (typeof SAML_ATTRIBUTE_PRESETS)[number];

const MS = 'http://schemas.microsoft.com/identity/claims';
const XMLSOAP = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims';

/**
 * Microsoft Entra ID sends its claims under long URIs (the user principal name as `name`); Okta
 * sends the attribute statements its admin defines, usually `email`, `firstName`, `lastName`.
 * `generic` reads the eduPerson / LDAP names (OIDs) most other providers can send.
 */
export const SAML_ATTRIBUTES: Record<SamlAttributePreset, SamlAttributes> = {
  entra: {
    email: `${XMLSOAP}/emailaddress`,
    name: `${MS}/displayname`,
    firstName: `${XMLSOAP}/givenname`,
    lastName: `${XMLSOAP}/surname`,
    username: `${XMLSOAP}/name`,
    employeeId: null,
  },
  okta: {
    email: 'email',
    name: 'displayName',
    firstName: 'firstName',
    lastName: 'lastName',
    username: 'login',
    employeeId: 'employeeNumber',
  },
  generic: {
    email: 'urn:oid:0.9.2342.19200300.100.1.3',
    name: 'urn:oid:2.16.840.1.113730.3.1.241',
    firstName: 'urn:oid:2.5.4.42',
    lastName: 'urn:oid:2.5.4.4',
    username: 'urn:oid:0.9.2342.19200300.100.1.1',
    employeeId: 'urn:oid:2.16.840.1.113730.3.1.3',
  },
};

export const NAME_ID_FORMATS = {
  unspecified: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
  emailAddress: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
  persistent: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
} as const;
export type NameIdFormat = keyof typeof NAME_ID_FORMATS;

/** What `/sign-in?sso_error=` may say after a single sign-on came back refused. */
export const SSO_ERROR_CODES = [
  'sso_failed',
  'sso_unknown_person',
  'sso_deactivated',
  'sso_state',
  'sso_signature',
  'sso_audience',
  'sso_expired',
  'sso_replay',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];
