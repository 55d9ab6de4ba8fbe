import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CommonplaceError,
  createCommonplaceClient,
  createWebhookHandler,
  type Block,
  type InteractionData,
  type MessageCreatedData,
  type WebhookEvent,
} from '@commonplace/sdk';
import { countDays, parseLeaveMessage } from './parse.js';
import * as say from './render.js';
import { LeaveBook, OncePerEvent, type LeaveRequest } from './store.js';

export interface LeaveBotOptions {
  /** The company's address, e.g. `https://acme.example.com`. */
  baseUrl: string;
  /** The integration's token (`cpi_…`); scopes chat:read, chat:write, people:read, groups:read, groups:write. */
  token: string;
  /** The webhook's signing secret (a list while rotating, the new one first). */
  secret: string | string[];
  /** The group where decisions are posted; the bot must be a member of it. */
  summaryGroupId: string;
  /** A fetch of your own (a proxy; the tests reach `<slug>.localhost` through it). */
  fetch?: (request: Request) => Promise<Response>;
  /** The clock, for the date shown on a decision; default Date.now. */
  now?: () => number;
  log?: (message: string) => void;
}

export interface LeaveBot {
  /** The webhook receiver, for a server of your own (mount it where no body parser ran before it). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  server: Server;
  /** Listens (port 0: any free one); resolves with the address to give the webhook. */
  listen(port?: number, host?: string): Promise<string>;
  /** Checks the token and the summary group; resolves with what is wrong (empty: all good). */
  check(): Promise<string[]>;
  /** The requests the bot knows, as stored. */
  requests(): LeaveRequest[];
  close(): Promise<void>;
}

type IncomingChat = MessageCreatedData['message'];

/**
 * A 4xx other than 429 will not get better by retrying (the bot was taken out of the group, a
 * message was deleted): such a step is logged and skipped instead of failing the delivery, which
 * Commonplace would retry for hours and then count against the webhook.
 */
function isPermanent(e: unknown): e is CommonplaceError {
  return e instanceof CommonplaceError && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== 408;
}

export function createLeaveBot(options: LeaveBotOptions): LeaveBot {
  for (const key of ['baseUrl', 'token', 'summaryGroupId'] as const)
    if (!options[key]) throw new Error(`createLeaveBot: ${key} is required`);
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(m));
  const cp = createCommonplaceClient({ baseUrl: options.baseUrl, token: options.token, fetch: options.fetch });
  const book = new LeaveBook();
  const once = new OncePerEvent();

  /**
   * Sends with a key made from what caused the message, so a redelivered or retried event cannot
   * post twice: the server answers with the first message. `client_key_reused` (same key, other
   * text) also means it was sent before.
   */
  async function send(conversationId: string, clientKey: string, text: string, blocks?: Block[]) {
    try {
      return await cp.sendMessage(conversationId, { text, blocks, clientKey });
    } catch (e) {
      if (e instanceof CommonplaceError && e.code === 'client_key_reused') return undefined;
      throw e;
    }
  }

  async function tellPrivately(personId: string, clientKey: string, text: string) {
    const dm = await cp.openDirectConversation(personId);
    await send(dm.id, clientKey, text);
  }

  // ---- A person writes to the bot.

  async function onChat(message: IncomingChat): Promise<void> {
    // Other bots: never answer them, two bots could talk to each other forever.
    if (message.author.isBot) return;
    // Only one-to-one chats are requests: in a group chat the bot would answer everyone's talk.
    if (message.conversationKind !== 'direct') return;
    const known = book.get(message.id);
    if (known) return askManager(known); // a retry after a failure half-way: finish the job
    const reply = (text: string) => send(message.conversationId, `lr-${message.id}-re`, text);

    const parsed = parseLeaveMessage(message.text);
    if (parsed.kind === 'help') return void (await reply(say.helpText()));
    if (parsed.kind === 'unknown') return void (await reply(say.helpText("Sorry, I didn't understand that.")));
    if (parsed.kind === 'error') return void (await reply(say.errorText(parsed.message)));

    // The org chart: the requester's managerId (scope people:read), then the manager themselves.
    const requester = await cp.person(message.author.id);
    if (!requester.managerId) return void (await reply(say.NO_MANAGER));
    const manager = await cp.person(requester.managerId).catch((e: unknown) => {
      if (e instanceof CommonplaceError && e.status === 404) return null;
      throw e;
    });
    if (!manager) return void (await reply(say.NO_MANAGER));
    if (manager.status !== 'active') return void (await reply(say.inactiveManagerText(manager.displayName)));

    const request: LeaveRequest = {
      ...parsed.ask,
      ...countDays(parsed.ask.start, parsed.ask.end),
      id: message.id,
      requester: { id: requester.id, displayName: requester.displayName },
      requesterConversationId: message.conversationId,
      manager: { id: manager.id, displayName: manager.displayName },
      createdAt: new Date(now()).toISOString(),
      status: 'pending',
      managerMessageId: null,
      decision: null,
      done: { acknowledged: false, messageUpdated: false, requesterTold: false, summaryPosted: false },
    };
    book.add(request);
    log(`leave request ${request.id}: ${requester.displayName} ${request.start}..${request.end}, asking ${manager.displayName}`);
    await askManager(request);
  }

  async function askManager(r: LeaveRequest): Promise<void> {
    if (!r.managerMessageId) {
      try {
        const dm = await cp.openDirectConversation(r.manager.id);
        const { text, blocks } = say.pendingMessage(r);
        // The key ties the message to the request: sent again after a failure, it is not doubled.
        const sent = await send(dm.id, `lr-${r.id}-ask`, text, blocks);
        if (!sent) throw new Error(`the message for request ${r.id} was sent before with other text`);
        book.setManagerMessage(r, sent.id);
      } catch (e) {
        if (!isPermanent(e)) throw e;
        log(`request ${r.id}: cannot write to ${r.manager.displayName}: ${e.code} ${e.detail}`);
        r.status = 'failed';
        r.done = { acknowledged: true, messageUpdated: true, requesterTold: true, summaryPosted: true };
        await send(r.requesterConversationId, `lr-${r.id}-fail`, `I couldn't reach your manager (${e.code}). Please try again later.`);
        return;
      }
    }
    if (!r.done.acknowledged) {
      await send(r.requesterConversationId, `lr-${r.id}-ack`, say.acknowledgement(r));
      r.done.acknowledged = true;
    }
  }

  // ---- The manager presses Approve or Decline.

  async function onInteraction(eventId: string, data: InteractionData): Promise<void> {
    if (!data.message) return; // the bot never posts buttons on posts
    const { action, person } = data;
    if (action.type !== 'button' || (action.actionId !== say.APPROVE && action.actionId !== say.DECLINE)) return;

    const r = book.forManagerMessage(data.message.id);
    if (!r) {
      // Our memory was lost (a restart): say so on the message itself, so the buttons stop inviting clicks.
      log(`interaction on unknown request message ${data.message.id}`);
      await cp.updateMessage(data.message.id, { blocks: [{ type: 'context', text: say.FORGOTTEN_CONTEXT }] });
      return;
    }
    // Only the requester's manager decides. In practice nobody else sees the manager's private
    // chat (the server answers them 404), but the bot does not rely on that.
    if (person.id !== r.manager.id) {
      log(`request ${r.id}: ${person.displayName} is not the manager, ignored`);
      await tellPrivately(person.id, `lr-${data.interactionId}-no`, say.onlyManagerText(r));
      return;
    }
    if (r.status === 'pending') {
      // Decided here, before any await: a second click handled meanwhile sees the decision.
      r.status = action.actionId === say.APPROVE ? 'approved' : 'declined';
      r.decision = { by: { id: person.id, displayName: person.displayName }, at: new Date(now()).toISOString(), eventId };
      log(`request ${r.id}: ${r.status} by ${person.displayName}`);
    } else if (r.decision?.eventId !== eventId) {
      // A second click (both arrived before the buttons were gone): the first one stands.
      log(`request ${r.id}: already ${r.status}, ${action.actionId} ignored`);
      return;
    }
    await finish(r);
  }

  /** The effects of a decision, each done once even when the event is retried half-way. */
  async function finish(r: LeaveRequest): Promise<void> {
    const step = async (name: keyof LeaveRequest['done'], work: () => Promise<unknown>) => {
      if (r.done[name]) return;
      try {
        await work();
      } catch (e) {
        if (!isPermanent(e)) throw e; // answered 500: Commonplace retries, the done steps are skipped
        log(`request ${r.id}: ${name} failed for good (${e.code}: ${e.detail}); skipped`);
      }
      r.done[name] = true;
    };
    await step('messageUpdated', () => cp.updateMessage(r.managerMessageId!, say.decidedMessage(r)));
    await step('requesterTold', () => send(r.requesterConversationId, `lr-${r.id}-out`, say.outcomeForRequester(r)));
    await step('summaryPosted', () => cp.createPost(options.summaryGroupId, { text: say.summaryPost(r) }));
  }

  // ---- Webhooks in, one at a time per event id.

  const handler = createWebhookHandler({
    secret: options.secret,
    onEvent: (event: WebhookEvent) =>
      once.run(event.id, async () => {
        if (event.type === 'interaction') return onInteraction(event.id, event.data);
        if (event.type === 'message.created') return onChat(event.data.message);
      }),
    onError: (error, event) => log(`${event.type} ${event.id} failed, Commonplace will retry: ${String(error)}`),
  });

  const server = createServer(handler);
  return {
    handler,
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const a = server.address() as AddressInfo;
          resolve(`http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}/`);
        });
      }),
    async check() {
      const problems: string[] = [];
      try {
        const me = await cp.me();
        log(`signed in as ${me.displayName} (${me.id})`);
        const { data, error, response } = await cp.GET('/api/v1/groups/{id}', { params: { path: { id: options.summaryGroupId } } });
        if (!data) problems.push(`summary group ${options.summaryGroupId}: ${CommonplaceError.fromResponse(response, error).message}`);
        else if (!data.membership || !data.can.post)
          problems.push(`the bot cannot post in "${data.name}": add it to the group (Admin › Integrations › the bot › Groups)`);
      } catch (e) {
        problems.push(
          e instanceof CommonplaceError
            ? `${e.code}: ${e.detail}`
            : `cannot reach ${options.baseUrl}: ${String((e as { cause?: unknown }).cause ?? e)}`,
        );
      }
      return problems;
    },
    requests: () => book.all(),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
