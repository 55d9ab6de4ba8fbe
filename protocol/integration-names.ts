/**
 * The names of scopes and webhook event types, without zod, so the web app can import them
 * (protocol/integrations.ts re-exports them beside the API's shapes).
 */

/**
 * What an integration's tokens may do. A route names the one scope it needs; a token without it
 * gets 403 `missing_scope` naming it. Whatever the scope, the bot sees only what its person may
 * see: the groups and conversations it is a member of, like anyone else.
 */
export const SCOPES = [
  /** Groups the bot can see, their members, posts and comments. */
  'groups:read',
  /** Post, comment and react in groups the bot is a member of. */
  'groups:write',
  /** Conversations the bot is in, and their messages. */
  'chat:read',
  /** Send and edit its messages, start one-to-one conversations, react. */
  'chat:write',
  /** The directory: people, profiles, managers (the org chart). */
  'people:read',
  /** Add, change, deactivate people (as an admin would). */
  'people:write',
  /** The company's audit log. */
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * Event types a webhook may ask for. Each is delivered only to integrations whose bot may see
 * what it is about (a member of the group or conversation) and that hold the scope to read it
 * (groups:read for groups and posts, chat:read for conversations; none for an interaction),
 * and re-checked when delivered.
 */
export const WEBHOOK_EVENTS = [
  /** A post in a group the bot is a member of. */
  'post.created',
  /** A comment on a post the bot can see. */
  'comment.created',
  /** A message in a conversation the bot is in (not the bot's own). */
  'message.created',
  /** The bot was mentioned in a post, comment or message it can see. */
  'mention',
  /** Someone joined a group or conversation the bot is in (the bot itself included). */
  'member.joined',
  /** Someone left or was removed from a group or conversation the bot is in (the bot included). */
  'member.left',
  /** A reaction on a post or message the bot can see. */
  'reaction.added',
  /** Someone acted on one of the bot's interactive messages (a button, a select, a form). */
  'interaction',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
