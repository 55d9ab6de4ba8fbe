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

/** A person as events name them. */
export interface EventPerson {
  id: string;
  displayName: string;
  isBot: boolean;
}

/** `text` is the Markdown as written, mentions included as `@[Name](person:<id>)`; times are ISO 8601. */
export interface PostCreatedData {
  post: { id: string; groupId: string; text: string; author: EventPerson; createdAt: string };
}

export interface CommentCreatedData {
  comment: { id: string; postId: string; parentId: string | null; groupId: string; text: string; author: EventPerson; createdAt: string };
}

export interface MessageCreatedData {
  message: {
    id: string;
    conversationId: string;
    /** `direct`: one-to-one with the bot; `group`; `linked`: a group's own chat. */
    conversationKind: 'direct' | 'group' | 'linked';
    text: string;
    replyToId: string | null;
    author: EventPerson;
    createdAt: string;
  };
}

export type MembershipData = ({ groupId: string; conversationId?: never } | { conversationId: string; groupId?: never }) & {
  person: EventPerson;
  change: 'joined' | 'added' | 'left' | 'removed';
};

export type ReactionAddedData = { reaction: string; person: EventPerson } & (
  { post: { id: string; groupId: string }; message?: never } | { message: { id: string; conversationId: string }; post?: never }
);

/**
 * `data` of each event type (docs/API.md, "Events"). Webhooks are versioned by addition only: new
 * fields may appear, so read the ones you use and ignore the rest.
 */
export interface WebhookEventData {
  url_verification: UrlVerificationData;
  'post.created': PostCreatedData;
  'comment.created': CommentCreatedData;
  'message.created': MessageCreatedData;
  /** The data of the post, comment or message the bot was mentioned in. */
  mention: PostCreatedData | CommentCreatedData | MessageCreatedData;
  'member.joined': MembershipData;
  'member.left': MembershipData;
  'reaction.added': ReactionAddedData;
  interaction: InteractionData;
}

/** A webhook request body, narrowed by `type`. */
export type WebhookEvent = { [T in keyof WebhookEventData]: WebhookEnvelope<T, WebhookEventData[T]> }[keyof WebhookEventData];
