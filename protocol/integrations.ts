import { z } from 'zod';
import { trimmed } from './api.js';

/**
 * Bots and integrations: the names every part agrees on (server, web app, SDK, example bots).
 * Shapes of the admin API and of webhook payloads live beside them as they are built.
 */

export { SCOPES, WEBHOOK_EVENTS, type Scope, type WebhookEventType } from './integration-names.js';
import { SCOPES, type WebhookEventType } from './integration-names.js';

/** Tokens start with this, so secret scanners and people can tell them apart. */
export const TOKEN_PREFIX = 'cpi_';

/**
 * Webhook request headers. The signature is `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>" with the webhook's secret>`; receivers refuse a `t` older than
 * SIGNATURE_TOLERANCE_SECONDS (a replayed request) and compare in constant time.
 */
export const WEBHOOK_HEADERS = {
  signature: 'commonplace-signature',
  eventId: 'commonplace-event-id',
  eventType: 'commonplace-event-type',
  deliveryId: 'commonplace-delivery-id',
} as const;
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The body of every webhook request. `id` is the event's (the same for every attempt). */
export interface WebhookEnvelope<T extends string = WebhookEventType | 'url_verification', D = unknown> {
  id: string;
  type: T;
  createdAt: string;
  company: { id: string; slug: string };
  integrationId: string;
  data: D;
}

// --- Admin API shapes (/api/v1/admin/integrations) ---------------------------------------------

export const scopeSchema = z.enum(SCOPES);

export const integrationInputSchema = z
  .object({
    name: trimmed(1, 80),
    description: trimmed(0, 500).optional(),
    scopes: z.array(scopeSchema).max(SCOPES.length).default([]),
  })
  .strict();
export type IntegrationInput = z.input<typeof integrationInputSchema>;

export const integrationPatchSchema = z
  .object({
    name: trimmed(1, 80).optional(),
    description: trimmed(0, 500).nullable().optional(),
    scopes: z.array(scopeSchema).max(SCOPES.length).optional(),
    /** true: its tokens stop at once and the bot is deactivated; false: back on. */
    disabled: z.boolean().optional(),
  })
  .strict();

export const integrationSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  scopes: z.array(scopeSchema),
  /** The person the integration acts as (shown with a "Bot" badge). */
  botPersonId: z.string(),
  /** The bot's photo (set with PUT …/avatar), null for initials. */
  photoUrl: z.string().nullable(),
  disabled: z.boolean(),
  /** Removed by an admin: off for good, kept for the record. */
  removed: z.boolean(),
  /** Tokens not revoked and not expired. */
  activeTokens: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Integration = z.infer<typeof integrationSchema>;

export const tokenInputSchema = z.object({ expiresInDays: z.number().int().min(1).max(3650).optional() }).strict();

export const integrationTokenSchema = z.object({
  id: z.string(),
  /** The first characters, to tell tokens apart. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const integrationTokenCreatedSchema = integrationTokenSchema.extend({
  /** Shown this once; only its hash is kept. */
  token: z.string(),
});

export const integrationGroupsSchema = z.object({ groupIds: z.array(z.uuid('must be an id')).max(500) }).strict();

export const integrationSettingsSchema = z
  .object({
    /** Host names webhooks may reach although they resolve to loopback or private addresses. */
    allowedHosts: z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9.-]{1,253}$|^\[[0-9a-f:.]+\]$/, 'must be a host name or an IP address'),
      )
      .max(50),
  })
  .strict();
