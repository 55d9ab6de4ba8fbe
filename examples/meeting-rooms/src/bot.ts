import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  CommonplaceError,
  createCommonplaceClient,
  createWebhookHandler,
  type Block,
  type InteractionData,
  type WebhookEvent,
} from '@commonplace/sdk';
import { parseCommand } from './commands.js';
import { parseRooms, type Room } from './config.js';
import { BOOK_PREFIX, CANCEL_PREFIX, dayBlocks, dayTitle, helpText, md, mineBlocks, parseSlotValue } from './render.js';
import { RoomStore, type Booking, type PostedList } from './store.js';
import { addDays, assertTimeZone, dayAt, daysBetween, formatDay, slotLabel, startOfHour } from './time.js';

export interface RoomBotOptions {
  /** The company's address, e.g. `https://acme.example.com`. */
  baseUrl: string;
  /** The integration's token (`cpi_…`); scopes chat:read and chat:write. */
  token: string;
  /** The webhook's signing secret (a list while rotating, the new one first). */
  secret: string | string[];
  rooms: Room[];
  /** IANA zone the office's hours are in; default UTC. */
  timeZone?: string;
  /** SQLite file of bookings; default ':memory:' (forgotten on restart; src/main.ts uses a file). */
  dbPath?: string;
  /** Local hour of the first slot and the end of the last one; default 8 and 18. */
  openHour?: number;
  closeHour?: number;
  /** How far ahead people may book, in days; default 60. */
  maxDaysAhead?: number;
  /** A fetch of your own (a proxy; tests reach `<slug>.localhost` through it). */
  fetch?: (request: Request) => Promise<Response>;
  /** The clock (ms since the epoch); default Date.now. Lets a demo or a test pretend it is 7:30. */
  now?: () => number;
  log?: (message: string) => void;
}

export interface RoomBot {
  /** The webhook receiver, for a server of your own (mount it where no body parser ran before it). */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  server: Server;
  /** Listens (port 0: any free one); resolves with the address to give the webhook. */
  listen(port?: number, host?: string): Promise<string>;
  /** A day's bookings, as stored. */
  bookingsOn(day: string): Booking[];
  /** Stops listening, waits for redraws in flight, closes the database. */
  close(): Promise<void>;
}

/** A send's clientKey (8 to 64 of `A-Za-z0-9_-`) from what caused it; hashed when an id does not fit. */
function clientKey(key: string): string {
  return /^[A-Za-z0-9_-]{8,64}$/.test(key) ? key : `k-${createHash('sha256').update(key).digest('hex').slice(0, 48)}`;
}

/** Lists drawn in the last day are redrawn when a slot of theirs changes (at most this many). */
const REDRAW_LISTS = 20;
const DAY_MS = 86_400_000;
/**
 * An unfinished claim older than this is taken again. Commonplace gives up on an answer after 10 s
 * and retries 15 s later at the soonest: by then a live handler has answered, a dead one never will.
 */
const CLAIM_LEASE_MS = 12_000;

export function createRoomBot(options: RoomBotOptions): RoomBot {
  const rooms = parseRooms(options.rooms);
  const timeZone = options.timeZone ?? 'UTC';
  assertTimeZone(timeZone);
  const openHour = options.openHour ?? 8;
  const closeHour = options.closeHour ?? 18;
  if (!(Number.isInteger(openHour) && Number.isInteger(closeHour) && 0 <= openHour && openHour < closeHour && closeHour <= 24))
    throw new Error('openHour and closeHour must be whole hours, 0 ≤ openHour < closeHour ≤ 24');
  const maxDaysAhead = options.maxDaysAhead ?? 60;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string) => console.log(m));
  const cp = createCommonplaceClient({ baseUrl: options.baseUrl, token: options.token, fetch: options.fetch });
  const store = new RoomStore(options.dbPath ?? ':memory:');
  store.pruneClaims(Date.now() - 7 * DAY_MS);
  const roomById = new Map(rooms.map((r) => [r.id, r]));
  const today = () => dayAt(timeZone, now());
  const startOf = (day: string, hour: number) => startOfHour(day, hour, timeZone);

  let me: Promise<{ id: string; displayName: string }> | undefined;
  const bot = () => (me ??= cp.me().catch((e: unknown) => ((me = undefined), Promise.reject(e))));
  const kinds = new Map<string, string>();
  async function conversationKind(id: string): Promise<string> {
    let kind = kinds.get(id);
    if (!kind) {
      const { data, error, response } = await cp.GET('/api/v1/conversations/{id}', { params: { path: { id } } });
      if (!data) throw CommonplaceError.fromResponse(response, error);
      kinds.set(id, (kind = data.kind));
    }
    return kind;
  }

  /**
   * Sends with a key made from what caused the message, so a redelivered event cannot post twice:
   * the server answers the first message again. A key already used for other text (the day's
   * name changed at midnight between two deliveries) means it was answered: nothing to do.
   */
  async function say(conversationId: string, key: string, text: string, blocks?: Block[], replyToId?: string) {
    try {
      return await cp.sendMessage(conversationId, { text, blocks, clientKey: clientKey(key), replyToId });
    } catch (e) {
      if (e instanceof CommonplaceError && e.code === 'client_key_reused') return undefined;
      throw e;
    }
  }
  async function tellPrivately(personId: string, key: string, text: string, blocks?: Block[]) {
    const dm = await cp.openDirectConversation(personId);
    return { conversationId: dm.id, message: await say(dm.id, key, text, blocks) };
  }

  // ---- Redrawing list messages. Edits of one message run one after another, each drawn from the
  // store when its turn comes, so a slow older edit can never land after (and undo) a newer one.
  const chains = new Map<string, Promise<void>>();
  const background = new Set<Promise<void>>();
  function redraw(messageId: string): Promise<void> {
    const next = (chains.get(messageId) ?? Promise.resolve()).catch(() => undefined).then(() => redrawNow(messageId));
    chains.set(messageId, next);
    const done = () => void (chains.get(messageId) === next && chains.delete(messageId));
    next.then(done, done);
    return next;
  }
  async function redrawNow(messageId: string): Promise<void> {
    const list = store.posted(messageId);
    if (!list) return;
    const blocks = list.kind === 'day' ? dayView(list.day!) : mineBlocks(store.upcomingOf(list.personId!, now()), rooms, timeZone);
    try {
      await cp.updateMessage(messageId, { blocks });
    } catch (e) {
      // Deleted by someone, or no longer the bot's to see: stop drawing it.
      if (e instanceof CommonplaceError && (e.status === 404 || e.code === 'message_deleted')) store.forget(messageId);
      else throw e;
    }
  }
  /** Other lists of the day show the change too; not awaited (the webhook is answered meanwhile), errors only logged. */
  function redrawOthers(day: string, except: string): void {
    for (const id of store.listsOf(day, now() - DAY_MS, REDRAW_LISTS)) {
      if (id === except) continue;
      const p = redraw(id).catch((e: unknown) => log(`redrawing ${id} failed: ${String(e)}`));
      background.add(p);
      void p.finally(() => background.delete(p));
    }
  }
  const dayView = (day: string) =>
    dayBlocks({ rooms, day, bookings: store.bookingsOn(day), timeZone, openHour, closeHour, now: now(), startOf });

  /**
   * Runs `fn` once per key: a repeat is skipped; a failure gives the key back so the retry runs.
   * Claims use the real clock (they are about deliveries, not office hours).
   */
  async function once(key: string, fn: () => Promise<void>): Promise<void> {
    if (!store.claim(key, Date.now(), CLAIM_LEASE_MS)) return;
    try {
      await fn();
    } catch (e) {
      store.release(key);
      throw e;
    }
    store.finish(key);
  }

  // ---- Messages: a one-to-one conversation with the bot, or a mention of it elsewhere.
  async function onMessage(data: unknown): Promise<void> {
    const message = (data as { message?: unknown } | null)?.message as
      | { id?: unknown; conversationId?: unknown; text?: unknown; author?: { id?: unknown; displayName?: unknown; isBot?: unknown } }
      | undefined;
    if (!message || typeof message.id !== 'string' || typeof message.conversationId !== 'string' || typeof message.text !== 'string')
      return;
    const author = message.author;
    if (!author || typeof author.id !== 'string' || author.isBot === true) return;
    const self = await bot();
    if (author.id === self.id) return;
    const direct = (await conversationKind(message.conversationId)) === 'direct';
    if (!direct && !message.text.includes(`(person:${self.id})`)) return; // group chatter not for the bot
    const { id, conversationId, text } = message;
    // Keyed by the message, not the event: a mention arrives as both `message.created` and `mention`.
    await once(`message:${id}`, () => answer({ id, conversationId, text, direct, personId: author.id as string }, self.displayName));
  }

  async function answer(m: { id: string; conversationId: string; text: string; direct: boolean; personId: string }, botName: string) {
    // In a group the answer is a reply to the question, so it is clear whom it answers.
    const reply = (kind: string, text: string, blocks?: Block[]) =>
      say(m.conversationId, `${kind}-${m.id}`, text, blocks, m.direct ? undefined : m.id);
    const command = parseCommand(m.text, today());
    if (command.kind === 'help') return void (await reply('help', helpText(botName)));
    if (command.kind === 'unknown-day')
      return void (await reply(
        'day',
        `I did not understand the day "${md(command.text)}". Try \`rooms tomorrow\` or \`rooms 2026-12-08\`.`,
      ));
    if (command.kind === 'mine') {
      // Someone's bookings are theirs: asked in a group, they are answered one-to-one.
      const blocks = mineBlocks(store.upcomingOf(m.personId, now()), rooms, timeZone);
      const sent = m.direct
        ? { conversationId: m.conversationId, message: await reply('mine', 'Your bookings', blocks) }
        : await tellPrivately(m.personId, `mine-${m.id}`, 'Your bookings', blocks);
      if (sent.message) remember(sent.message.id, sent.conversationId, { kind: 'mine', day: null, personId: m.personId });
      return;
    }
    const ahead = daysBetween(today(), command.day);
    if (ahead < 0) return void (await reply('past', `${formatDay(command.day)} is over: ask for today or a later day.`));
    if (ahead > maxDaysAhead)
      return void (await reply('far', `I book up to ${maxDaysAhead} days ahead (until ${formatDay(addDays(today(), maxDaysAhead))}).`));
    const sent = await reply('rooms', dayTitle(command.day), dayView(command.day));
    if (sent) remember(sent.id, m.conversationId, { kind: 'day', day: command.day, personId: null });
  }
  const remember = (messageId: string, conversationId: string, what: Pick<PostedList, 'kind' | 'day' | 'personId'>) =>
    store.remember({ messageId, conversationId, ...what }, now());

  // ---- Interactions: a slot chosen in a list, or a Cancel button.
  async function onInteraction(eventId: string, data: InteractionData): Promise<void> {
    const { action, person, message } = data;
    if (!message) return; // the bot only writes chat messages
    if (action.type === 'select' && action.actionId.startsWith(BOOK_PREFIX)) return book(eventId, action.value, person, message.id);
    if (action.type === 'button' && action.actionId.startsWith(CANCEL_PREFIX)) return cancel(eventId, action.value, person, message.id);
  }

  async function book(eventId: string, value: string, person: { id: string; displayName: string }, messageId: string) {
    const refuse = async (why: string) => {
      if (store.posted(messageId)) await redraw(messageId); // clears the person's "sent" note, shows what changed
      await tellPrivately(person.id, `no-${eventId}`, why);
    };
    const slot = parseSlotValue(value);
    const room = slot && roomById.get(slot.room);
    if (!slot || !room) return refuse(`Sorry, there is no room "${md(slot?.room ?? value)}" any more. Say \`rooms\` for the current list.`);
    const when = `**${md(room.name)}**, ${formatDay(slot.day)}, ${slotLabel(slot.hour)} (${md(timeZone)})`;
    if (slot.hour < openHour || slot.hour >= closeHour) return refuse(`Sorry, ${when} is outside office hours.`);
    const startsAt = startOf(slot.day, slot.hour);
    if (startsAt <= now()) return refuse(`Sorry, ${when} has already started or is over: it can no longer be booked.`);
    const result = store.book({
      room: room.id,
      day: slot.day,
      hour: slot.hour,
      startsAt,
      personId: person.id,
      personName: person.displayName,
      eventId,
      bookedAt: now(),
    });
    if (!result.booked) {
      const who = result.holder.personId === person.id ? 'you' : md(result.holder.personName);
      return refuse(`Sorry, ${when} is already booked by ${who}. Choose another slot.`);
    }
    if (store.posted(messageId)) await redraw(messageId);
    await tellPrivately(person.id, `ok-${eventId}`, `Booked: ${when}. Say \`my bookings\` to see or cancel it.`);
    redrawOthers(slot.day, messageId);
  }

  async function cancel(eventId: string, value: string | null, person: { id: string; displayName: string }, messageId: string) {
    const id = Number(value);
    const booking = Number.isInteger(id) ? store.booking(id) : undefined;
    const when =
      booking && `**${md(roomById.get(booking.room)?.name ?? booking.room)}**, ${formatDay(booking.day)}, ${slotLabel(booking.hour)}`;
    let text: string;
    if (!booking || !when) text = 'That booking is no longer there (cancelled already?).';
    else if (booking.personId !== person.id) text = `Only ${md(booking.personName)} can cancel ${when}.`;
    else if (booking.startsAt <= now()) text = `${when} has already started; it can no longer be cancelled.`;
    else text = store.cancel(id, person.id) ? `Cancelled: ${when}.` : 'That booking is no longer there (cancelled already?).';
    if (store.posted(messageId)) await redraw(messageId);
    await tellPrivately(person.id, `cancel-${eventId}`, text);
    if (booking && text.startsWith('Cancelled')) redrawOthers(booking.day, messageId);
  }

  async function onEvent(event: WebhookEvent): Promise<void> {
    if (event.type === 'message.created' || event.type === 'mention') return onMessage(event.data);
    if (event.type === 'interaction') return once(`event:${event.id}`, () => onInteraction(event.id, event.data));
  }

  const handler = createWebhookHandler({
    secret: options.secret,
    onEvent,
    onError: (error, event) => log(`${event.type} ${event.id} failed (Commonplace will retry): ${String(error)}`),
  });
  const server = createServer(handler);

  return {
    handler,
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`);
        });
      }),
    bookingsOn: (day) => store.bookingsOn(day),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.allSettled([...background]);
      store.close();
    },
  };
}
