export {
  createCommonplaceClient,
  type Block,
  type CommonplaceClient,
  type CommonplaceClientOptions,
  type CommonplaceConveniences,
  type Conversation,
  type Message,
  type MessageInput,
  type MessageUpdate,
  type Person,
  type Post,
  type PostInput,
} from './client.js';
export { CommonplaceError, retryAfterSeconds, unwrap, type Problem } from './errors.js';
export * from './events.js';
export type { components, paths } from './openapi.js';
export {
  createWebhookHandler,
  signPayload,
  verifySignature,
  type RawBody,
  type VerifyOptions,
  type WebhookHandlerOptions,
} from './webhooks.js';
