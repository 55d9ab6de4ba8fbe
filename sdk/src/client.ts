import createClient, { type Client } from 'openapi-fetch';
import { CommonplaceError, retryAfterSeconds, unwrap } from './errors.js';
import type { paths } from './openapi.js';

/**
 * A typed client of the Commonplace API for an integration: openapi-fetch over the generated
 * `paths` (every route, its parameters, bodies and answers), with the token sent on each call,
 * one patient retry after a 429, and a few conveniences that a bot uses all the time.
 */

type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = JsonOf<
  NonNullable<Extract<paths[P][M], { requestBody?: unknown }>['requestBody']>
>;
type AnswerOf<P extends keyof paths, M extends keyof paths[P], S extends number> = Extract<
  paths[P][M],
  { responses: unknown }
>['responses'] extends infer R
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;

/** A person as the directory shows them (the bot itself from `me()`). */
export type Person = AnswerOf<'/api/v1/me', 'get', 200>;
/** A chat message as the API answers it. */
export type Message = AnswerOf<'/api/v1/conversations/{id}/messages', 'post', 201>;
/** A conversation the bot takes part in. */
export type Conversation = AnswerOf<'/api/v1/conversations', 'post', 201>;
/** A post in a group. */
export type Post = AnswerOf<'/api/v1/posts', 'post', 201>;
/** An interactive block (text, fields, actions, form, context, divider) a bot attaches to a message or post. */
export type Block = NonNullable<BodyOf<'/api/v1/conversations/{id}/messages', 'post'>['blocks']>[number];

export interface CommonplaceClientOptions {
  /** The company's address, e.g. `https://acme.example.com` (a trailing `/api/v1` is ignored). */
  baseUrl: string;
  /** The integration's token, `cpi_…`. */
  token: string;
  /** A fetch of your own (a proxy, a test double of the network); default the global fetch. */
  fetch?: (request: Request) => Promise<Response>;
  /**
   * After a 429 whose Retry-After is at most this many seconds, wait and send the request once
   * more; longer waits are thrown as a CommonplaceError (`retryAfterSeconds`). Default 5; 0 never retries.
   */
  maxRetryWaitSeconds?: number;
}

export interface MessageInput {
  /** Markdown; `@[Name](person:<id>)` mentions a participant. May be empty when `blocks` are given. */
  text: string;
  blocks?: Block[];
  /** Makes the send idempotent: a retry with the same key returns the first message. Default: a new UUID. */
  clientKey?: string;
  replyToId?: string;
}

export interface MessageUpdate {
  text?: string;
  /** Replaces the message's blocks; null removes them. */
  blocks?: Block[] | null;
}

export interface PostInput {
  text: string;
  blocks?: Block[];
}

export interface CommonplaceConveniences {
  /** The bot's own person. */
  me(): Promise<Person>;
  /** A person the bot may see. */
  person(id: string): Promise<Person>;
  /** Writes in a conversation the bot is in. */
  sendMessage(conversationId: string, input: MessageInput): Promise<Message>;
  /** Edits one of the bot's messages (text, blocks or both); everyone sees the change live. */
  updateMessage(messageId: string, input: MessageUpdate): Promise<Message>;
  /** The one-to-one conversation with a person (made if there is none yet). */
  openDirectConversation(personId: string): Promise<Conversation>;
  /** Posts in a group the bot is a member of. */
  createPost(groupId: string, input: PostInput): Promise<Post>;
  /** Edits one of the bot's posts (text, blocks or both). */
  updatePost(postId: string, input: MessageUpdate): Promise<Post>;
}

export type CommonplaceClient = Client<paths> & CommonplaceConveniences;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends a request; after a short 429 waits as told and sends a copy of it once more. */
function retryOnce(send: (request: Request) => Promise<Response>, maxWaitSeconds: number) {
  return async (request: Request): Promise<Response> => {
    const copy = maxWaitSeconds > 0 ? request.clone() : undefined;
    const response = await send(request);
    if (response.status !== 429 || !copy) return response;
    const wait = retryAfterSeconds(response.headers.get('retry-after'));
    if (wait === undefined || wait > maxWaitSeconds) return response;
    await response.body?.cancel();
    await sleep(wait * 1000);
    return send(copy);
  };
}

function newClientKey(): string {
  return globalThis.crypto.randomUUID();
}

export function createCommonplaceClient(options: CommonplaceClientOptions): CommonplaceClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v1$/, '');
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request));
  const client = createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${options.token}` },
    fetch: retryOnce(send, options.maxRetryWaitSeconds ?? 5),
  });
  const id = (value: string) => ({ path: { id: value } });

  const conveniences: CommonplaceConveniences = {
    me: () => unwrap(client.GET('/api/v1/me')),
    person: (personId) => unwrap(client.GET('/api/v1/people/{id}', { params: id(personId) })),
    sendMessage: (conversationId, input) =>
      unwrap(
        client.POST('/api/v1/conversations/{id}/messages', {
          params: id(conversationId),
          body: {
            clientKey: input.clientKey ?? newClientKey(),
            body: input.text,
            ...(input.blocks ? { blocks: input.blocks } : {}),
            ...(input.replyToId ? { replyToId: input.replyToId } : {}),
          },
        }),
      ),
    updateMessage: (messageId, input) =>
      unwrap(
        client.PATCH('/api/v1/messages/{id}', {
          params: id(messageId),
          body: {
            ...(input.text !== undefined ? { body: input.text } : {}),
            ...(input.blocks !== undefined ? { blocks: input.blocks } : {}),
          },
        }),
      ),
    openDirectConversation: (personId) => unwrap(client.POST('/api/v1/conversations', { body: { kind: 'direct', personId } })),
    createPost: (groupId, input) =>
      unwrap(client.POST('/api/v1/posts', { body: { groupId, body: input.text, ...(input.blocks ? { blocks: input.blocks } : {}) } })),
    updatePost: (postId, input) =>
      unwrap(
        client.PATCH('/api/v1/posts/{id}', {
          params: id(postId),
          body: {
            ...(input.text !== undefined ? { body: input.text } : {}),
            ...(input.blocks !== undefined ? { blocks: input.blocks } : {}),
          },
        }),
      ),
  };
  return Object.assign(client, conveniences);
}

export { CommonplaceError };
