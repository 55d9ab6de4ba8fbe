import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../test/support/client.js';
import { direct, groupChat, send } from '../../../test/support/conversations.js';
import { DIALECTS } from '../../../test/support/databases.js';
import { addPerson, signUpCompany, type Company } from '../../../test/support/factories.js';
import { createIntegration, type TestIntegration } from '../../../test/support/integrations.js';
import { startTestServer, type TestServer } from '../../../test/support/server.js';
import { waitUntil } from '../../../test/support/webhook-receiver.js';
import { createRoomBot, type RoomBot } from '../src/index.js';

/**
 * The meeting-room bot end to end: a real Commonplace server (SQLite and PostgreSQL), the bot on
 * 127.0.0.1 port 0 behind a real webhook, people talking to it and choosing slots through
 * `POST /api/v1/messages/:id/actions` as the web app does. Everything waits on what the API shows.
 *
 * The bot's clock is set (its `now` option) to 07:30 in Paris on Tue 4 Mar 2031, so "today" and
 * "in the past" do not depend on when the suite runs; the server keeps the real clock.
 */

const ROOMS = [
  { id: 'atlas', name: 'Atlas', capacity: 8 },
  { id: 'orion', name: 'Orion', capacity: 4 },
  { id: 'lyra', name: 'Lyra', capacity: 12 },
];
const TODAY = '2031-03-04';
const TOMORROW = '2031-03-05';
const MORNING = Date.parse('2031-03-04T06:30:00Z'); // 07:30 in Paris (UTC+1 in March)

interface Element {
  type: string;
  actionId: string;
  label?: string;
  value?: string;
  options?: Array<{ label: string; value: string }>;
}
interface Msg {
  id: string;
  body: string;
  sender: { id: string };
  replyTo: { id: string } | null;
  blocks: Array<{ type: string; text?: string; elements?: Element[] }> | null;
}

// Company addresses are <slug>.localhost:<port>; the bot reaches them on 127.0.0.1 as a resolver would.
const loopback = new Agent({ connect: { lookup: (_host, _opts, done) => done(null, [{ address: '127.0.0.1', family: 4 }]) } });
const viaLoopback = (request: Request) => fetch(request, { dispatcher: loopback } as RequestInit);

afterAll(() => loopback.close());

describe.each(DIALECTS)('the meeting-room bot against a server on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ana: Client & { personId: string };
  let ben: Client & { personId: string };
  let integration: TestIntegration;
  let bot: RoomBot;
  let dir: string;
  let hooks: string;
  let clock = MORNING;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    ana = await addPerson(t, acme, { name: 'Ana Lopez' });
    ben = await addPerson(t, acme, { name: 'Ben Okafor' });
    expect((await acme.owner.put('/api/v1/admin/integration-settings', { allowedHosts: ['127.0.0.1'] })).status).toBe(200);
    integration = await createIntegration(t, acme, { name: 'Room Bot', scopes: ['chat:read', 'chat:write'] });
    dir = await mkdtemp(join(tmpdir(), 'meeting-rooms-'));
    const secret = randomBytes(32).toString('hex');
    bot = createRoomBot({
      baseUrl: `http://${acme.slug}.localhost:${t.port}`,
      token: integration.token,
      secret,
      rooms: ROOMS,
      timeZone: 'Europe/Paris',
      dbPath: join(dir, 'rooms.sqlite'),
      fetch: viaLoopback,
      now: () => clock,
      log: (m) => console.warn(`[room bot] ${m}`),
    });
    const url = await bot.listen(0, '127.0.0.1');
    const made = await acme.owner.post(`/api/v1/admin/integrations/${integration.id}/webhooks`, {
      url,
      events: ['message.created', 'mention', 'interaction'],
      secret,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    hooks = `/api/v1/admin/integrations/${integration.id}/webhooks/${made.body.id as string}`;
  });
  afterAll(async () => {
    await bot?.close();
    await t?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const messages = async (c: Client, conversationId: string): Promise<Msg[]> => {
    const res = await c.get(`/api/v1/conversations/${conversationId}/messages?limit=100`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as Msg[];
  };
  const fromBot = (list: Msg[]) => list.filter((m) => m.sender.id === integration.botPersonId);
  const botSays = (c: Client, conversationId: string, match: (m: Msg) => boolean, what: string) =>
    waitUntil(async () => fromBot(await messages(c, conversationId)).find(match), what);
  const message = async (c: Client, conversationId: string, id: string) => (await messages(c, conversationId)).find((m) => m.id === id)!;
  const selectOf = (m: Msg, room: string) =>
    m.blocks?.flatMap((b) => b.elements ?? []).find((e) => e.type === 'select' && e.actionId === `book:${room}`);
  const offered = (m: Msg, room: string) => selectOf(m, room)?.options?.map((o) => o.value) ?? [];
  const textOf = (m: Msg) => (m.blocks ?? []).map((b) => b.text ?? '').join('\n');
  const choose = (c: Client, messageId: string, room: string, day: string, hour: number) =>
    c.post(`/api/v1/messages/${messageId}/actions`, { actionId: `book:${room}`, value: `${room}|${day}|${hour}` });
  /** Asks for a day's list in a conversation; the bot's answer to that very message. */
  async function askRooms(c: Client, conversationId: string, text: string): Promise<Msg> {
    const before = new Set(fromBot(await messages(c, conversationId)).map((m) => m.id));
    await send(c, conversationId, text);
    return botSays(c, conversationId, (m) => !before.has(m.id) && m.body.startsWith('Meeting rooms on'), `the list for "${text}"`);
  }

  it('lists the free slots of a day in a one-to-one conversation, books one, redraws the list and confirms', async () => {
    const dm = await direct(ana, { personId: integration.botPersonId });
    const list = await askRooms(ana, dm, 'Rooms tomorrow?');
    expect(list.body).toBe('Meeting rooms on Wed 5 Mar 2031');
    expect(textOf(list)).toContain('times in Europe/Paris');
    expect(textOf(list)).toContain('**Atlas** · 8 people');
    // Hourly slots from 08:00 to 18:00, for every room.
    expect(selectOf(list, 'atlas')?.options?.map((o) => o.label)).toEqual(
      ['08', '09', '10', '11', '12', '13', '14', '15', '16', '17'].map((h) => `${h}:00–${String(Number(h) + 1).padStart(2, '0')}:00`),
    );
    expect(offered(list, 'lyra')).toHaveLength(10);

    const acted = await choose(ana, list.id, 'atlas', TOMORROW, 10);
    expect(acted.status, JSON.stringify(acted.body)).toBe(202);

    const redrawn = await waitUntil(async () => {
      const m = await message(ana, dm, list.id);
      return textOf(m).includes('10:00–11:00 · Booked by Ana Lopez') ? m : undefined;
    }, 'the list showing the booking');
    expect(offered(redrawn, 'atlas')).not.toContain(`atlas|${TOMORROW}|10`);
    expect(offered(redrawn, 'atlas')).toHaveLength(9);
    expect(offered(redrawn, 'orion')).toHaveLength(10);

    const confirmation = await botSays(ana, dm, (m) => m.body.startsWith('Booked:'), 'the confirmation');
    expect(confirmation.body).toBe('Booked: **Atlas**, Wed 5 Mar 2031, 10:00–11:00 (Europe/Paris). Say `my bookings` to see or cancel it.');
    const [booking, ...others] = bot.bookingsOn(TOMORROW);
    expect(others).toEqual([]);
    expect(booking).toMatchObject({ room: 'atlas', hour: 10, personId: ana.personId, personName: 'Ana Lopez' });
    // 10:00 in Paris is 09:00 UTC in March.
    expect(new Date(booking!.startsAt).toISOString()).toBe('2031-03-05T09:00:00.000Z');
  });

  it('handles a redelivered message or click once: no second list, no second booking or confirmation', async () => {
    const dm = await direct(ana, { personId: integration.botPersonId });
    const before = await messages(ana, dm);
    const delivered = (await acme.owner.get(`${hooks}/deliveries?limit=100`)).body.items as Array<{ id: string; eventType: string }>;
    const originals = ['message.created', 'interaction'].map((type) => delivered.find((d) => d.eventType === type)!);
    expect(originals.every(Boolean)).toBe(true);
    const copies: string[] = [];
    for (const d of originals) {
      const again = await acme.owner.post(`${hooks}/deliveries/${d.id}/redeliver`);
      expect(again.status, JSON.stringify(again.body)).toBe(202);
      copies.push(again.body.id as string);
    }
    // Delivered means the bot answered 2xx, which it does once it has handled (or skipped) the event.
    await waitUntil(async () => {
      const items = (await acme.owner.get(`${hooks}/deliveries?limit=100`)).body.items as Array<{ id: string; status: string }>;
      return copies.every((id) => items.find((d) => d.id === id)?.status === 'delivered');
    }, 'both copies delivered');
    const after = await messages(ana, dm);
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(bot.bookingsOn(TOMORROW)).toHaveLength(1);
  });

  it('two people choosing the same slot at the same moment: one booking, the other told it is taken', async () => {
    const anaDm = await direct(ana, { personId: integration.botPersonId });
    const benDm = await direct(ben, { personId: integration.botPersonId });
    const [anaList, benList] = await Promise.all([askRooms(ana, anaDm, 'rooms tomorrow'), askRooms(ben, benDm, 'free 2031-03-05')]);
    expect(offered(anaList, 'orion')).toContain(`orion|${TOMORROW}|14`);
    expect(offered(benList, 'orion')).toContain(`orion|${TOMORROW}|14`);

    const both = await Promise.all([choose(ana, anaList.id, 'orion', TOMORROW, 14), choose(ben, benList.id, 'orion', TOMORROW, 14)]);
    expect(both.map((r) => r.status)).toEqual([202, 202]);

    const about = (m: Msg) => m.body.includes('**Orion**, Wed 5 Mar 2031, 14:00–15:00');
    const [forAna, forBen] = await Promise.all([
      botSays(ana, anaDm, (m) => about(m), 'an answer to Ana'),
      botSays(ben, benDm, (m) => about(m), 'an answer to Ben'),
    ]);
    const winner = forAna.body.startsWith('Booked:') ? 'Ana Lopez' : 'Ben Okafor';
    const [won, lost] = winner === 'Ana Lopez' ? [forAna, forBen] : [forBen, forAna];
    expect(won.body).toMatch(/^Booked: /);
    expect(lost.body).toMatch(new RegExp(`^Sorry, .* is already booked by ${winner}\\. Choose another slot\\.$`));
    expect(bot.bookingsOn(TOMORROW).filter((b) => b.room === 'orion')).toEqual([expect.objectContaining({ hour: 14, personName: winner })]);

    // Both lists end up showing the slot as taken by the winner, and no longer offer it.
    for (const [c, dm, list] of [
      [ana, anaDm, anaList],
      [ben, benDm, benList],
    ] as const) {
      const m = await waitUntil(async () => {
        const now = await message(c, dm, list.id);
        return textOf(now).includes(`14:00–15:00 · Booked by ${winner}`) ? now : undefined;
      }, 'a redrawn list');
      expect(offered(m, 'orion')).not.toContain(`orion|${TOMORROW}|14`);
    }
    // The loser was told once, and never told it was booked.
    const loserDm = winner === 'Ana Lopez' ? benDm : anaDm;
    const loser = winner === 'Ana Lopez' ? ben : ana;
    expect(
      fromBot(await messages(loser, loserDm))
        .filter((m) => about(m))
        .map((m) => m.body.slice(0, 6)),
    ).toEqual(['Sorry,']);
  });

  it('refuses a slot that has started, an unknown room, and days it cannot book, each with a clear message', async () => {
    const dm = await direct(ana, { personId: integration.botPersonId });
    const today = await askRooms(ana, dm, 'rooms');
    expect(today.body).toBe('Meeting rooms on Tue 4 Mar 2031');
    expect(offered(today, 'lyra')).toContain(`lyra|${TODAY}|9`);

    clock = Date.parse('2031-03-04T12:10:00Z'); // 13:10 in Paris: the 09:00 slot is over
    try {
      expect((await choose(ana, today.id, 'lyra', TODAY, 9)).status).toBe(202);
      const refused = await botSays(ana, dm, (m) => m.body.includes('**Lyra**, Tue 4 Mar 2031, 09:00–10:00'), 'the refusal');
      expect(refused.body).toBe(
        'Sorry, **Lyra**, Tue 4 Mar 2031, 09:00–10:00 (Europe/Paris) has already started or is over: it can no longer be booked.',
      );
      const redrawn = await waitUntil(async () => {
        const m = await message(ana, dm, today.id);
        return offered(m, 'lyra')[0] !== `lyra|${TODAY}|8` ? m : undefined;
      }, 'the list without the past slots');
      expect(selectOf(redrawn, 'lyra')?.options?.[0]?.label).toBe('14:00–15:00');
      expect(bot.bookingsOn(TODAY)).toEqual([]);

      // A list from before a room was taken out of the configuration, still on screen.
      const old = await integration.client.post(`/api/v1/conversations/${dm}/messages`, {
        clientKey: 'old-list-0001',
        body: 'Meeting rooms (an old list)',
        blocks: [
          {
            type: 'actions',
            elements: [
              { type: 'select', actionId: 'book:boardroom', options: [{ label: '10:00–11:00', value: `boardroom|${TOMORROW}|10` }] },
            ],
          },
        ],
      });
      expect(old.status, JSON.stringify(old.body)).toBe(201);
      expect((await choose(ana, old.body.id, 'boardroom', TOMORROW, 10)).status).toBe(202);
      const unknown = await botSays(ana, dm, (m) => m.body.includes('"boardroom"'), 'the unknown room refusal');
      expect(unknown.body).toBe('Sorry, there is no room "boardroom" any more. Say `rooms` for the current list.');
      expect(bot.bookingsOn(TOMORROW).map((b) => b.room)).not.toContain('boardroom');

      await send(ana, dm, 'rooms 2031-03-01');
      await botSays(ana, dm, (m) => m.body === 'Sat 1 Mar 2031 is over: ask for today or a later day.', 'the past day refusal');
      await send(ana, dm, 'rooms 2032-01-01');
      await botSays(ana, dm, (m) => m.body.startsWith('I book up to 60 days ahead'), 'the far day refusal');
      await send(ana, dm, 'rooms someday');
      await botSays(ana, dm, (m) => m.body.startsWith('I did not understand the day "someday"'), 'the unknown day answer');
    } finally {
      clock = MORNING;
    }
  });

  it('answers a mention in a group conversation there, ignores other chatter, and confirms a booking privately', async () => {
    const group = await groupChat(acme.owner, [ana, { personId: integration.botPersonId }], 'Planning');
    await send(ana, group, 'Who is coming to lunch? Maybe book a room later');
    const asked = await send(ana, group, `@[Room Bot](person:${integration.botPersonId}) rooms tomorrow`);
    const list = await botSays(acme.owner, group, (m) => m.body.startsWith('Meeting rooms on'), 'the list in the group');
    expect(list.replyTo?.id).toBe(asked.id);
    // The conversation's events reach the bot in order: once this help is answered, all before it were handled.
    await send(ana, group, `@[Room Bot](person:${integration.botPersonId}) help`);
    await botSays(ana, group, (m) => m.body.includes('I book meeting rooms'), 'the help');
    // One list, although the mention came both as `message.created` and as `mention`; the chatter got nothing.
    expect(fromBot(await messages(ana, group)).map((m) => m.body.slice(0, 15))).toEqual(['Meeting rooms o', 'Hello, I am **R']);

    expect((await choose(acme.owner, list.id, 'lyra', TOMORROW, 16)).status).toBe(202);
    await waitUntil(
      async () => textOf(await message(ana, group, list.id)).includes('16:00–17:00 · Booked by Olivia Owner'),
      'the group list',
    );
    const ownerDm = await direct(acme.owner, { personId: integration.botPersonId });
    await botSays(
      acme.owner,
      ownerDm,
      (m) => m.body.startsWith('Booked: **Lyra**, Wed 5 Mar 2031, 16:00–17:00'),
      'the private confirmation',
    );
    expect(fromBot(await messages(ana, group)).some((m) => m.body.startsWith('Booked:'))).toBe(false);
  });

  it('"my bookings" lists them with Cancel buttons; cancelling frees the slot for someone else', async () => {
    const dm = await direct(ana, { personId: integration.botPersonId });
    await send(ana, dm, 'my bookings');
    const mine = await botSays(ana, dm, (m) => m.body === 'Your bookings', 'my bookings');
    expect(textOf(mine)).toContain('- **Atlas**, Wed 5 Mar 2031, 10:00–11:00');
    const cancelAtlas = mine.blocks?.flatMap((b) => b.elements ?? []).find((e) => e.label === 'Cancel Atlas 5 Mar 10:00');
    expect(cancelAtlas).toBeDefined();

    // Ben cannot press Ana's button: he does not see her conversation.
    expect((await ben.post(`/api/v1/messages/${mine.id}/actions`, { actionId: cancelAtlas!.actionId })).status).toBe(404);
    expect((await ana.post(`/api/v1/messages/${mine.id}/actions`, { actionId: cancelAtlas!.actionId })).status).toBe(202);
    await botSays(ana, dm, (m) => m.body === 'Cancelled: **Atlas**, Wed 5 Mar 2031, 10:00–11:00.', 'the cancellation');
    await waitUntil(async () => !textOf(await message(ana, dm, mine.id)).includes('**Atlas**'), 'my bookings redrawn');
    expect(bot.bookingsOn(TOMORROW).some((b) => b.room === 'atlas' && b.hour === 10)).toBe(false);

    // Ben's open list is redrawn with the slot free again, and he takes it.
    const benDm = await direct(ben, { personId: integration.botPersonId });
    const benList = fromBot(await messages(ben, benDm)).find((m) => m.body.startsWith('Meeting rooms on Wed'))!;
    await waitUntil(async () => offered(await message(ben, benDm, benList.id), 'atlas').includes(`atlas|${TOMORROW}|10`), 'the freed slot');
    expect((await choose(ben, benList.id, 'atlas', TOMORROW, 10)).status).toBe(202);
    await botSays(ben, benDm, (m) => m.body.startsWith('Booked: **Atlas**, Wed 5 Mar 2031, 10:00–11:00'), 'Ben’s booking');
    expect(bot.bookingsOn(TOMORROW).find((b) => b.room === 'atlas' && b.hour === 10)).toMatchObject({ personName: 'Ben Okafor' });
  });
});
