/**
 * The names an integration works with: scopes, webhook event types and headers, and the shapes of
 * the webhook requests. They copy protocol/integrations.ts of the Commonplace repository, so that
 * this package builds on its own; test/sdk.test.ts fails when the two differ.
 */

/** What an integration's tokens may do; a route needs one, a token without it gets 403 `missing_scope`. */
export const SCOPES = ['groups:read', 'groups:write', 'chat:read', 'chat:write', 'people:read', 'people:write', 'audit:read'] as const;
export type Scope = (typeof SCOPES)[number];

/** Event types a webhook may ask for. */
export const WEBHOOK_EVENTS = [
  'post.created',
  'comment.created',
  'message.created',
  'mention',
  'member.joined',
  'member.left',
  'reaction.added',
  'interaction',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** Integration tokens start with this. */
export const TOKEN_PREFIX = 'cpi_';

/** Headers of every webhook request. */
export const WEBHOOK_HEADERS = {
  signature: 'commonplace-signature',
  eventId: 'commonplace-event-id',
  eventType: 'commonplace-event-type',
  deliveryId: 'commonplace-delivery-id',
} as const;

/** A signature whose timestamp is further than this from now (seconds) is refused: a replayed request. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The body of every webhook request. `id` is the event's: the same for every attempt to deliver it. */
export interface WebhookEnvelope<T extends string = WebhookEventType | 'url_verification', D = unknown> {
  id: string;
  type: T;
  createdAt: string;
  company: { id: string; slug: string };
  integrationId: string;
  data: D;
}

/** The first request to a new webhook address: answer 2xx with `{ challenge }` to prove it is yours. */
export interface UrlVerificationData {
  challenge: string;
}

/** What the person did on one of the bot's interactive blocks. */
export type InteractionAction =
  | { type: 'button'; actionId: string; value: string | null }
  | { type: 'select'; actionId: string; value: string }
  | { type: 'form'; actionId: string; values: Record<string, string> };

/** A person acted on an interactive message or post of the bot. */
export type InteractionData = {
  interactionId: string;
  action: InteractionAction;
  person: { id: string; displayName: string };
} & ({ message: { id: string; conversationId: string }; post?: never } | { post: { id: string; groupId: string | null }; message?: never });

/**
 * `data` of each event type. Those typed `unknown` are delivered as JSON objects whose shape is
 * described in docs/API.md; read them with care (check the fields you use).
 */
export interface WebhookEventData {
  url_verification: UrlVerificationData;
  'post.created': unknown;
  'comment.created': unknown;
  'message.created': unknown;
  mention: unknown;
  'member.joined': unknown;
  'member.left': unknown;
  'reaction.added': unknown;
  interaction: InteractionData;
}

/** A webhook request body, narrowed by `type`. */
export type WebhookEvent = { [T in keyof WebhookEventData]: WebhookEnvelope<T, WebhookEventData[T]> }[keyof WebhookEventData];
