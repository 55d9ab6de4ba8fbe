import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { createIntegration, tokenClient, type TestIntegration } from './support/integrations.js';
import { startTestServer, type TestServer } from './support/server.js';

const OTHER_ID = '01a24602-8096-77cc-9ffd-8015f72f7b52';

describe.each(DIALECTS)('integrations on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client & { personId: string };
  let openGroup: string;
  let secretGroup: string;
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { INTEGRATION_RATE_LIMIT: '25' } });
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    openGroup = (await acme.owner.post('/api/v1/groups', { name: 'Rooms', visibility: 'open' })).body.id;
    secretGroup = (await acme.owner.post('/api/v1/groups', { name: 'Board', visibility: 'secret' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('admin routes: 401 without a session, 403 for members, 400 naming the field, 404 for another company', async () => {
    expectProblem(await t.client(acme.slug).post('/api/v1/admin/integrations', { name: 'X', scopes: [] }), 401, 'unauthenticated');
    expectProblem(await member.post('/api/v1/admin/integrations', { name: 'X', scopes: [] }), 403, 'forbidden');
    expectProblem(await acme.owner.post('/api/v1/admin/integrations', { name: '', scopes: [] }), 400, 'invalid_input', 'name');
    expectProblem(await acme.owner.post('/api/v1/admin/integrations', { name: 'X', scopes: ['root'] }), 400, 'invalid_input', 'scopes.0');
    const theirs = await other.owner.post('/api/v1/admin/integrations', { name: 'Theirs', scopes: [] });
    expect(theirs.status).toBe(201);
    expectProblem(await acme.owner.get(`/api/v1/admin/integrations/${theirs.body.id}`), 404, 'not_found');
    expectProblem(await acme.owner.post(`/api/v1/admin/integrations/${theirs.body.id}/tokens`, {}), 404, 'not_found');
    expectProblem(await acme.owner.get(`/api/v1/admin/integrations/${OTHER_ID}`), 404, 'not_found');
    expectProblem(await acme.owner.put(`/api/v1/admin/integrations/${theirs.body.id}/groups`, { groupIds: [] }), 404, 'not_found');
  });

  it('makes an integration with a bot person; tokens are shown once, kept hashed, rotated and revoked at once', async () => {
    const made = await acme.owner.post('/api/v1/admin/integrations', {
      name: 'Leave bot',
      description: 'Asks for leave',
      scopes: ['chat:read'],
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ name: 'Leave bot', scopes: ['chat:read'], disabled: false, activeTokens: 0 });
    const bot = await acme.owner.get(`/api/v1/people/${made.body.botPersonId}`);
    expect(bot.body).toMatchObject({ displayName: 'Leave bot', isBot: true });

    const first = await acme.owner.post(`/api/v1/admin/integrations/${made.body.id}/tokens`, {});
    expect(first.status).toBe(201);
    expect(first.body.token).toMatch(/^cpi_[A-Za-z0-9_-]{40,}$/);
    expect(first.body.prefix).toBe(first.body.token.slice(0, 12));
    const stored = await t.server.ctx.db
      .selectFrom('integration_tokens')
      .selectAll()
      .where('id', '=', first.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(first.body.token.slice(4, 20));
    const listed = await acme.owner.get(`/api/v1/admin/integrations/${made.body.id}/tokens`);
    expect(JSON.stringify(listed.body)).not.toContain(first.body.token);

    const bot1 = tokenClient(t, acme, first.body.token);
    expect((await bot1.get('/api/v1/me')).body).toMatchObject({ id: made.body.botPersonId, isBot: true });
    const rotated = await acme.owner.post(`/api/v1/admin/integrations/${made.body.id}/tokens/${first.body.id}/rotate`, {});
    expect(rotated.status).toBe(201);
    expectProblem(await bot1.get('/api/v1/me'), 401, 'invalid_token');
    const bot2 = tokenClient(t, acme, rotated.body.token);
    expect((await bot2.get('/api/v1/me')).status).toBe(200);
    // Another company's address does not know the token.
    expectProblem(await tokenClient(t, other, rotated.body.token).get('/api/v1/me'), 401, 'invalid_token');
    expectProblem(await tokenClient(t, acme, 'cpi_not-a-token').get('/api/v1/me'), 401, 'invalid_token');

    // Turned off: its tokens stop at once; on again: they work.
    expect((await acme.owner.patch(`/api/v1/admin/integrations/${made.body.id}`, { disabled: true })).body.disabled).toBe(true);
    expectProblem(await bot2.get('/api/v1/me'), 401, 'invalid_token');
    await acme.owner.patch(`/api/v1/admin/integrations/${made.body.id}`, { disabled: false });
    expect((await bot2.get('/api/v1/me')).status).toBe(200);
    expect((await acme.owner.delete(`/api/v1/admin/integrations/${made.body.id}/tokens/${rotated.body.id}`)).status).toBe(204);
    expectProblem(await bot2.get('/api/v1/me'), 401, 'invalid_token');

    // An expired token stops too.
    const short = await acme.owner.post(`/api/v1/admin/integrations/${made.body.id}/tokens`, { expiresInDays: 1 });
    await t.server.ctx.db
      .updateTable('integration_tokens')
      .set({ expires_at: Date.now() - 1 })
      .where('id', '=', short.body.id)
      .execute();
    expectProblem(await tokenClient(t, acme, short.body.token).get('/api/v1/me'), 401, 'invalid_token');

    // Bots never sign in.
    expectProblem(
      await t.client(acme.slug).post('/api/v1/auth/sign-in', { login: 'Leave bot', password: 'whatever it is' }),
      401,
      'invalid_credentials',
    );
  });

  it('enforces scopes on every route family; what the bot cannot see is 404', async () => {
    const none = await createIntegration(t, acme, { name: 'No scopes', scopes: [] });
    const reader = await createIntegration(t, acme, {
      name: 'Reader',
      scopes: ['groups:read', 'chat:read', 'people:read'],
      groupIds: [openGroup],
    });
    const writer = await createIntegration(t, acme, {
      name: 'Writer',
      scopes: ['groups:read', 'groups:write', 'chat:read', 'chat:write', 'people:write', 'audit:read'],
      groupIds: [openGroup],
    });
    const families: Array<[string, string, unknown, string]> = [
      ['GET', '/api/v1/groups', undefined, 'groups:read'],
      ['GET', `/api/v1/groups/${openGroup}/posts`, undefined, 'groups:read'],
      ['POST', '/api/v1/posts', { groupId: openGroup, body: 'Hello from a bot' }, 'groups:write'],
      ['GET', '/api/v1/conversations', undefined, 'chat:read'],
      ['POST', '/api/v1/conversations', { kind: 'direct', personId: member.personId }, 'chat:write'],
      ['GET', '/api/v1/people', undefined, 'people:read'],
      ['GET', '/api/v1/admin/audit-log', undefined, 'audit:read'],
    ];
    for (const [method, path, body, scope] of families) {
      const refused = await none.client.call(method, path, body);
      expectProblem(refused, 403, 'missing_scope');
      expect(refused.body.scope).toBe(scope);
      expect(refused.body.detail).toContain(scope);
    }
    expectProblem(await reader.client.post('/api/v1/posts', { groupId: openGroup, body: 'x' }), 403, 'missing_scope');
    expect((await reader.client.get('/api/v1/people')).status).toBe(200);
    expect((await writer.client.get('/api/v1/admin/audit-log')).status).toBe(200);

    // Routes that are not for integrations, whatever the scopes.
    for (const [method, path] of [
      ['GET', '/api/v1/admin/integrations'],
      ['PUT', '/api/v1/me/profile'],
      ['POST', '/api/v1/auth/sign-out'],
      ['GET', '/api/v1/admin/identity-settings'],
    ] as const) {
      expectProblem(await writer.client.call(method, path, method === 'GET' ? undefined : {}), 403, 'not_for_integrations');
    }

    // Within its scopes, the bot sees what its person sees.
    const post = await writer.client.post('/api/v1/posts', { groupId: openGroup, body: 'Room 2 is free' });
    expect(post.status).toBe(201);
    expect(post.body.author).toMatchObject({ displayName: 'Writer', isBot: true });
    expect((await member.get(`/api/v1/groups/${openGroup}/posts`)).body.items.map((p: { id: string }) => p.id)).toContain(post.body.id);
    expectProblem(await writer.client.get(`/api/v1/groups/${secretGroup}`), 404, 'not_found');
    expectProblem(await writer.client.post('/api/v1/posts', { groupId: secretGroup, body: 'x' }), 404, 'not_found');
    const dm = await writer.client.post('/api/v1/conversations', { kind: 'direct', personId: member.personId });
    expect(dm.status).toBe(201);
    const sent = await writer.client.post(`/api/v1/conversations/${dm.body.id}/messages`, { clientKey: 'bot-key-0001', body: 'Hello Mia' });
    expect(sent.status).toBe(201);
    expect((await member.get(`/api/v1/conversations/${dm.body.id}/messages`)).body.items.at(-1)).toMatchObject({
      body: 'Hello Mia',
      sender: { displayName: 'Writer', isBot: true },
    });
    expectProblem(await reader.client.get(`/api/v1/conversations/${dm.body.id}`), 404, 'not_found');
    // Another company's objects are not there.
    const theirGroup = (await other.owner.post('/api/v1/groups', { name: 'Theirs', visibility: 'open' })).body.id;
    expectProblem(await writer.client.get(`/api/v1/groups/${theirGroup}`), 404, 'not_found');

    // Removed from the group by the admin: its posts there are out of reach at once.
    await acme.owner.put(`/api/v1/admin/integrations/${writer.id}/groups`, { groupIds: [] });
    expectProblem(await writer.client.post('/api/v1/posts', { groupId: openGroup, body: 'x' }), 403, 'forbidden');
  });

  it('limits each token per minute with standard headers, and writes every call to the audit log', async () => {
    const bot: TestIntegration = await createIntegration(t, acme, { name: 'Chatty', scopes: ['people:read'] });
    const first = await bot.client.get('/api/v1/people');
    expect(first.headers['ratelimit-limit']).toBe('25');
    expect(Number(first.headers['ratelimit-remaining'])).toBe(24);
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    let last = first;
    for (let i = 0; i < 25 && last.status !== 429; i++) last = await bot.client.get('/api/v1/people');
    expectProblem(last, 429, 'rate_limited');
    expect(Number(last.headers['retry-after'])).toBeGreaterThan(0);
    expect(last.headers['ratelimit-remaining']).toBe('0');
    // Another token has its own budget.
    const again = await acme.owner.post(`/api/v1/admin/integrations/${bot.id}/tokens`, {});
    expect((await tokenClient(t, acme, again.body.token).get('/api/v1/people')).status).toBe(200);

    await expect
      .poll(async () => {
        const log = await acme.owner.get(`/api/v1/admin/audit-log?action=integration.api_call&actorId=${bot.id}&limit=100`);
        return log.body.items?.length ?? 0;
      })
      .toBeGreaterThanOrEqual(26);
    const log = await acme.owner.get(`/api/v1/admin/audit-log?action=integration.api_call&actorId=${bot.id}&limit=1`);
    expect(log.body.items[0]).toMatchObject({ actor: { kind: 'integration', label: 'Chatty' } });
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

  it('documents the scope each route needs', async () => {
    const doc = (await t.root().get('/api/v1/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/api/v1/groups/{id}/posts'].get.security).toContainEqual({ bearer: ['groups:read'] });
    expect(doc.paths['/api/v1/groups/{id}/posts'].get.description).toContain('Token scope: `groups:read`');
    expect(doc.paths['/api/v1/admin/integrations'].post.description).toContain('Not available to integration tokens');
  });
});
