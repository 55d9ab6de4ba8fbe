import { z } from 'zod';
import { trimmed } from './api.js';

/**
 * SCIM 2.0 provisioning: the admin API of its bearer tokens (/api/v1/admin/scim-tokens). The SCIM
 * endpoint itself (/scim/v2, RFC 7643 / 7644) speaks SCIM's own JSON, described by its
 * /Schemas, /ResourceTypes and /ServiceProviderConfig documents (server/modules/scim).
 */

/** Where a company's SCIM endpoint lives, after the company's address. */
export const SCIM_BASE_PATH = '/scim/v2';

export const scimTokenInputSchema = z
  .object({
    /** What the token is for ("Entra ID", "Okta"): its actions are signed with this name in the audit log. */
    name: trimmed(1, 100),
  })
  .strict();
export type ScimTokenInput = z.infer<typeof scimTokenInputSchema>;

export const scimTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  /** Recorded at most once a minute. */
  lastUsedAt: z.string().nullable(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
});
export type ScimToken = z.infer<typeof scimTokenSchema>;

/** The answer to creating a token: the only time the token itself is shown. */
export const scimTokenCreatedSchema = scimTokenSchema.extend({ token: z.string() });
export type ScimTokenCreated = z.infer<typeof scimTokenCreatedSchema>;
