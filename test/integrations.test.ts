import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { createIntegration } from './support/integrations.js';
import { startTestServer, type TestServer } from './support/server.js';

/** Bots' interactive blocks (the admin API, tokens and scopes are in integrations-admin and -scopes). */
describe.each(DIALECTS)('integrations on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client & { personId: string };
  let openGroup: string;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    openGroup = (await acme.owner.post('/api/v1/groups', { name: 'Rooms', visibility: 'open' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets bots attach interactive blocks to messages and posts, and replace them; people cannot; bad blocks are named', async () => {
    const bot = await createIntegration(t, acme, {
      name: 'Room bot',
      scopes: ['chat:read', 'chat:write', 'groups:write'],
      groupIds: [openGroup],
    });
    const dm = (await bot.client.post('/api/v1/conversations', { kind: 'direct', personId: member.personId })).body;
    const blocks = [
      { type: 'text', text: 'Book **room 2**?' },
      { type: 'fields', fields: [{ label: 'When', value: '10:00–11:00' }] },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'book', label: 'Book', value: 'room-2', style: 'primary' },
          { type: 'select', actionId: 'slot', options: [{ label: '10:00', value: '10' }] },
        ],
      },
      { type: 'form', actionId: 'note', fields: [{ name: 'why', label: 'Why', kind: 'text', required: true }], submitLabel: 'Send' },
    ];
    const sent = await bot.client.post(`/api/v1/conversations/${dm.id}/messages`, { clientKey: 'room-bot-0001', body: '', blocks });
    expect(sent.status).toBe(201);
    const seen = (await member.get(`/api/v1/conversations/${dm.id}/messages`)).body.items.at(-1);
    expect(seen.blocks[0]).toMatchObject({ type: 'text', html: '<p>Book <strong>room 2</strong>?</p>\n' });
    expect(seen.blocks[2].elements[0]).toMatchObject({ actionId: 'book', label: 'Book' });

    // People do not attach blocks; bad blocks are refused naming the block.
    expectProblem(
      await member.post(`/api/v1/conversations/${dm.id}/messages`, { clientKey: 'mia-key-0001', body: 'x', blocks: [{ type: 'divider' }] }),
      400,
      'invalid_input',
      'blocks',
    );
    const bad = [{ type: 'actions', elements: [{ type: 'button', actionId: 'has space', label: 'X' }] }];
    expectProblem(
      await bot.client.post(`/api/v1/conversations/${dm.id}/messages`, { clientKey: 'room-bot-0002', body: 'x', blocks: bad }),
      400,
      'invalid_input',
      'blocks.0.elements.0.actionId',
    );
    const twice = [
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'a', label: 'A' },
          { type: 'button', actionId: 'a', label: 'B' },
        ],
      },
    ];
    expectProblem(
      await bot.client.post(`/api/v1/conversations/${dm.id}/messages`, { clientKey: 'room-bot-0003', body: 'x', blocks: twice }),
      400,
      'invalid_input',
      'blocks.0.elements.1.actionId',
    );

    // Acting: checked against the blocks; a bot without a webhook for interactions says so (409).
    const act = (body: unknown, who: Client = member) => who.post(`/api/v1/messages/${sent.body.id}/actions`, body);
    expectProblem(await act({ actionId: 'nope' }), 400, 'invalid_input', 'actionId');
    expectProblem(await act({ actionId: 'slot', value: '11' }), 400, 'invalid_input', 'value');
    expectProblem(await act({ actionId: 'note', values: {} }), 400, 'invalid_input', 'values.why');
    expectProblem(await act({ actionId: 'note', values: { why: 'x', other: 'y' } }), 400, 'invalid_input', 'values.other');
    const refused = await act({ actionId: 'book' });
    expectProblem(refused, 409, 'bot_not_listening');
    expect(refused.body.detail).toContain('Room bot');
    expectProblem(await act({ actionId: 'book' }, acme.owner), 404, 'not_found');
    expectProblem(await act({ actionId: 'book' }, other.owner), 404, 'not_found');

    // The bot replaces the blocks: everyone sees the new state.
    const edited = await bot.client.patch(`/api/v1/messages/${sent.body.id}`, { blocks: [{ type: 'context', text: 'Booked by Mia' }] });
    expect(edited.status).toBe(200);
    expect((await member.get(`/api/v1/conversations/${dm.id}/messages`)).body.items.at(-1).blocks).toEqual([
      { type: 'context', text: 'Booked by Mia' },
    ]);
    expectProblem(await member.patch(`/api/v1/messages/${sent.body.id}`, { body: 'mine now' }), 403, 'forbidden');

    // Posts too.
    const post = await bot.client.post('/api/v1/posts', { groupId: openGroup, body: 'Rooms today', blocks: [{ type: 'divider' }] });
    expect(post.status).toBe(201);
    expect(post.body.blocks).toEqual([{ type: 'divider' }]);
    expect((await member.post(`/api/v1/groups/${openGroup}/join`, {})).status).toBeLessThan(300);
    expectProblem(
      await member.post('/api/v1/posts', { groupId: openGroup, body: 'x', blocks: [{ type: 'divider' }] }),
      400,
      'invalid_input',
      'blocks',
    );
  });

  it('marks the bot as a bot wherever it appears: reactions, conversation lists, message senders', async () => {
    const bot = await createIntegration(t, acme, {
      name: 'Badge bot',
      scopes: ['chat:read', 'chat:write', 'groups:read', 'groups:write'],
      groupIds: [openGroup],
    });
    const post = await acme.owner.post('/api/v1/posts', { groupId: openGroup, body: 'Lunch at noon' });
    expect(post.status).toBe(201);
    expect((await bot.client.put(`/api/v1/posts/${post.body.id}/reaction`, { kind: 'like' })).status).toBeLessThan(300);
    const reactions = await acme.owner.get(`/api/v1/posts/${post.body.id}/reactions`);
    expect(reactions.body.items).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ id: bot.botPersonId, isBot: true }) }),
    ]);

    const dm = await bot.client.post('/api/v1/conversations', { kind: 'direct', personId: member.personId });
    expect(dm.status).toBeLessThan(300);
    expect((await bot.client.post(`/api/v1/conversations/${dm.body.id}/messages`, { clientKey: randomUUID(), body: 'Hello' })).status).toBe(
      201,
    );
    const list = await member.get('/api/v1/conversations');
    const listed = list.body.items.find((c: { id: string }) => c.id === dm.body.id);
    expect(listed.people).toEqual([expect.objectContaining({ id: bot.botPersonId, isBot: true })]);
    expect(listed.lastMessage.sender).toMatchObject({ id: bot.botPersonId, isBot: true });
  });
});
