import { z } from 'zod';
import { DEFAULT_OIDC_CLAIMS, DEFAULT_OIDC_SCOPES, NAME_ID_FORMATS, SAML_ATTRIBUTES, SSO_PROTOCOLS } from './sso-presets.js';

/**
 * Single sign-on: a company's identity provider (OpenID Connect or SAML 2.0), the values our side
 * shows to the provider's admin, and the test of a configuration (server/modules/sso).
 */

export * from './sso-presets.js';

const claimName = z.string().trim().min(1, 'is required').max(200);
const attributeName = z.string().trim().min(1, 'is required').max(300);
const httpUrl = z
  .string()
  .trim()
  .max(1000)
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http(s) address');

export const oidcClaimsSchema = z
  .object({
    email: claimName,
    name: claimName,
    username: claimName.nullable(),
    employeeId: claimName.nullable(),
  })
  .strict();

export const samlAttributesSchema = z
  .object({
    email: attributeName.nullable(),
    name: attributeName.nullable(),
    firstName: attributeName.nullable(),
    lastName: attributeName.nullable(),
    username: attributeName.nullable(),
    employeeId: attributeName.nullable(),
  })
  .strict();

const common = {
  /** The sign-in button says "Sign in with <displayName>"; null: a generic label. */
  displayName: z.string().trim().max(60).nullable().default(null),
  enabled: z.boolean().default(false),
  /** Create a person on their first sign-in when nobody in the company matches. */
  jit: z.boolean().default(false),
};

export const oidcConnectionInputSchema = z
  .object({
    protocol: z.literal('oidc'),
    ...common,
    /** The provider's issuer; its discovery document is at <issuer>/.well-known/openid-configuration. */
    issuer: httpUrl,
    clientId: z.string().trim().min(1, 'is required').max(500),
    /** Write-only. Omitted: keep the stored one (required the first time). */
    clientSecret: z.string().min(1, 'is required').max(2000).optional(),
    scopes: z
      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]{1,100}$/, 'must be a scope name'))
      .max(20)
      .refine((s) => s.includes('openid'), 'must include openid')
      .default(DEFAULT_OIDC_SCOPES),
    claims: oidcClaimsSchema.default(DEFAULT_OIDC_CLAIMS),
  })
  .strict();

export const samlConnectionInputSchema = z
  .object({
    protocol: z.literal('saml'),
    ...common,
    /** Where the provider takes sign-in requests (HTTP-Redirect binding). */
    entryPoint: httpUrl,
    /** One or more PEM certificates the provider signs with (several while it rolls its key). */
    idpCertificates: z.string().trim().min(1, 'is required').max(40_000),
    /** The provider's entity id: the Issuer its assertions must carry. */
    idpEntityId: z.string().trim().min(1, 'is required').max(1000),
    /** Our entity id as the provider knows it; null: `<company address>/auth/sso/saml/metadata`. */
    spEntityId: z.string().trim().min(1).max(1000).nullable().default(null),
    nameIdFormat: z.enum(Object.keys(NAME_ID_FORMATS) as [keyof typeof NAME_ID_FORMATS]).default('unspecified'),
    attributes: samlAttributesSchema.default(SAML_ATTRIBUTES.generic),
  })
  .strict();

export const ssoConnectionInputSchema = z.discriminatedUnion('protocol', [oidcConnectionInputSchema, samlConnectionInputSchema]);
export type SsoConnectionInput = z.input<typeof ssoConnectionInputSchema>;

const certificateInfoSchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** SHA-256 fingerprint, as identity providers show it. */
  fingerprint: z.string(),
  expired: z.boolean(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

const commonView = {
  displayName: z.string().nullable(),
  enabled: z.boolean(),
  jit: z.boolean(),
  updatedAt: z.string(),
};

export const ssoConnectionSchema = z.discriminatedUnion('protocol', [
  z.object({
    protocol: z.literal('oidc'),
    ...commonView,
    issuer: z.string(),
    clientId: z.string(),
    /** The secret itself is never returned. */
    clientSecretSet: z.boolean(),
    scopes: z.array(z.string()),
    claims: oidcClaimsSchema,
  }),
  z.object({
    protocol: z.literal('saml'),
    ...commonView,
    entryPoint: z.string(),
    idpCertificates: z.string(),
    certificates: z.array(certificateInfoSchema),
    idpEntityId: z.string(),
    spEntityId: z.string().nullable(),
    nameIdFormat: z.enum(Object.keys(NAME_ID_FORMATS) as [keyof typeof NAME_ID_FORMATS]),
    attributes: samlAttributesSchema,
  }),
]);
export type SsoConnection = z.infer<typeof ssoConnectionSchema>;

/** What the provider's admin needs from us. */
export const serviceProviderSchema = z.object({
  /** OpenID Connect: the redirect URI to register. */
  redirectUri: z.string(),
  /** SAML: our entity id (audience), the Assertion Consumer Service and our metadata. */
  entityId: z.string(),
  acsUrl: z.string(),
  metadataUrl: z.string(),
  /** Where a sign-in starts (for a tile in the provider's portal). */
  startUrl: z.string(),
});

export const ssoSettingsSchema = z.object({
  connection: ssoConnectionSchema.nullable(),
  serviceProvider: serviceProviderSchema,
});
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

/**
 * Test a configuration before (or after) saving it. An empty body tests the stored one; fields
 * given replace the stored ones for this test. `idpMetadataXml`: the provider's SAML metadata, read
 * to fill in its entity id, sign-in address and certificates.
 */
export const ssoTestInputSchema = z
  .object({
    protocol: z.enum(SSO_PROTOCOLS).optional(),
    issuer: z.string().max(1000).optional(),
    clientId: z.string().max(500).optional(),
    entryPoint: z.string().max(1000).optional(),
    idpCertificates: z.string().max(40_000).optional(),
    idpEntityId: z.string().max(1000).optional(),
    idpMetadataXml: z.string().max(500_000).optional(),
  })
  .strict();
export type SsoTestInput = z.infer<typeof ssoTestInputSchema>;

export const ssoTestResultSchema = z.object({
  ok: z.boolean(),
  protocol: z.enum(SSO_PROTOCOLS),
  /** What went wrong, in English; `problem` is its stable code. */
  message: z.string().nullable(),
  problem: z.enum(['discovery', 'issuer_mismatch', 'certificate', 'metadata', 'entry_point']).nullable(),
  /** OpenID Connect: what discovery found. */
  issuer: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  /** SAML: what the metadata or the certificates say. */
  idpEntityId: z.string().nullable(),
  entryPoint: z.string().nullable(),
  idpCertificates: z.string().nullable(),
  certificates: z.array(certificateInfoSchema),
});
export type SsoTestResult = z.infer<typeof ssoTestResultSchema>;

/** For the sign-in page: whether to offer the company's single sign-on, and under which name. */
export const ssoAvailabilitySchema = z.object({
  enabled: z.boolean(),
  protocol: z.enum(SSO_PROTOCOLS).nullable(),
  displayName: z.string().nullable(),
  /** Passwords are off for everyone but the break-glass owner. */
  enforced: z.boolean(),
});
export type SsoAvailability = z.infer<typeof ssoAvailabilitySchema>;
