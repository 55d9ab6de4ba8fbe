import { z } from 'zod';
import { pageQuerySchema } from './api.js';
import { WEBHOOK_EVENTS } from './integrations.js';

/**
 * Outgoing webhooks in the admin area (/api/v1/admin/integrations/:id/webhooks): an integration's
 * addresses, the events each wants, and the log of what was sent. Names shared with receivers
 * (event types, headers, the envelope) are in protocol/integrations.ts; signatures in
 * protocol/webhook-signature.ts.
 */

/** Addresses an integration may have at once. */
export const MAX_WEBHOOKS_PER_INTEGRATION = 10;

export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);

const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address');

const eventsSchema = z
  .array(webhookEventSchema)
  .min(1, 'must name at least one event')
  .max(WEBHOOK_EVENTS.length * 2)
  .transform((events) => [...new Set(events)]);

/**
 * A signing secret the admin chose (e.g. `openssl rand -hex 32`), so the receiver can be started
 * with it before the address is saved and its check is signed; left out, one is made.
 */
const chosenSecretSchema = z
  .string()
  .regex(/^[\x21-\x7e]+$/, 'must be printable characters without spaces')
  .min(32, 'must be at least 32 characters')
  .max(200, 'must be at most 200 characters');

export const webhookInputSchema = z.object({ url: webhookUrlSchema, events: eventsSchema, secret: chosenSecretSchema.optional() }).strict();
export type WebhookInput = z.infer<typeof webhookInputSchema>;

export const webhookPatchSchema = z
  .object({
    /** A new address is verified again (the handshake) before it is kept. */
    url: webhookUrlSchema.optional(),
    events: eventsSchema.optional(),
    /** true: a disabled webhook is on again with its failure count reset; false: turned off by hand. */
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookPatch = z.infer<typeof webhookPatchSchema>;

export const webhookSchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  enabled: z.boolean(),
  /** Why it is off: turned off by an admin, or too many failed deliveries in a row. */
  disabledReason: z.string().nullable(),
  /** Deliveries that failed in a row (every attempt); a success resets it. */
  failures: z.number(),
  verifiedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookWithSecretSchema = webhookSchema.extend({
  /** The signing secret (`whsec_…`): shown in this answer only. */
  secret: z.string(),
});

export const webhookStatsSchema = z.object({
  pending: z.number(),
  delivered: z.number(),
  failed: z.number(),
  skipped: z.number(),
  lastDeliveredAt: z.string().nullable(),
});

export const webhookDetailSchema = webhookSchema.extend({ stats: webhookStatsSchema });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'skipped'] as const;

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  /** HTTP status of the last answer (null: none came). */
  lastStatus: z.number().nullable(),
  /** Why the last attempt failed, or why the delivery was skipped. */
  lastError: z.string().nullable(),
  durationMs: z.number().nullable(),
  createdAt: z.string(),
  /** When the next attempt is due (pending deliveries only). */
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const deliveriesQuerySchema = pageQuerySchema.extend({ status: z.enum(DELIVERY_STATUSES).optional() }).strict();
