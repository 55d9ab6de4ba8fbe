import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPES, type Scope } from '../protocol/integrations.js';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { createIntegration, tokenClient, type TestIntegration } from './support/integrations.js';
import { refusedUpgrade } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';
const LIMIT = 60;

/** One call of the matrix: what it needs, and what it answers to a bot that has the scope. */
interface Step {
  scope: Scope | 'any';
  method: string;
  path: () => string;
  body?: () => unknown;
  status: number;
  keep?: (body: any) => void;
}

/**
 * Integration tokens on the public API: each route's scope (403 `missing_scope` naming it, success
 * with it), routes closed to tokens, what the bot's person cannot see (404), wrong tokens (401), the
 * per-token rate limit, the audit log of every call, and the OpenAPI document.
 */
describe.each(DIALECTS)('integration scopes on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client & { personId: string };
  let ownerId: string;
  // Filled in beforeAll, and by the matrix as the bots make things.
  const ids = {
    open: '',
    secret: '',
    post: '',
    comment: '',
    secretPost: '',
    private: '',
    conv: '',
    theirGroup: '',
    theirPost: '',
    theirPerson: '',
    botPost: '',
    botComment: '',
    dm: '',
    message: '',
    made: '',
  };
  const bots = {} as Record<Scope | 'none' | 'full', TestIntegration>;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { INTEGRATION_RATE_LIMIT: String(LIMIT) } });
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    ownerId = acme.owner.session!.person.id;
    member = await addPerson(t, acme, { name: 'Mia Member' });
    ids.open = (await acme.owner.post('/api/v1/groups', { name: 'Rooms', visibility: 'open' })).body.id;
    ids.secret = (await acme.owner.post('/api/v1/groups', { name: 'Board', visibility: 'secret' })).body.id;
    await member.post(`/api/v1/groups/${ids.open}/join`);
    ids.post = (await member.post('/api/v1/posts', { groupId: ids.open, body: 'Room 1 is booked' })).body.id;
    ids.comment = (await acme.owner.post(`/api/v1/posts/${ids.post}/comments`, { body: 'Thanks' })).body.id;
    ids.secretPost = (await acme.owner.post('/api/v1/posts', { groupId: ids.secret, body: 'Board only' })).body.id;
    ids.private = (await member.post('/api/v1/conversations', { kind: 'direct', personId: ownerId })).body.id;
    ids.theirGroup = (await other.owner.post('/api/v1/groups', { name: 'Theirs', visibility: 'open' })).body.id;
    ids.theirPost = (await other.owner.post('/api/v1/posts', { groupId: ids.theirGroup, body: 'Theirs' })).body.id;
    ids.theirPerson = other.owner.session!.person.id;

    for (const scope of SCOPES)
      bots[scope] = await createIntegration(t, acme, { name: `Bot ${scope}`, scopes: [scope], groupIds: [ids.open] });
    bots.none = await createIntegration(t, acme, { name: 'No scopes', scopes: [], groupIds: [ids.open] });
    bots.full = await createIntegration(t, acme, { name: 'All scopes', scopes: [...SCOPES], groupIds: [ids.open] });
    // The chat reader is in a conversation of the member's, with a message to read.
    ids.conv = (
      await member.post('/api/v1/conversations', { kind: 'group', name: 'Desk', personIds: [bots['chat:read'].botPersonId] })
    ).body.id;
    await member.post(`/api/v1/conversations/${ids.conv}/messages`, { clientKey: 'mia-desk-0001', body: 'Any desk free?' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const id = (key: keyof typeof ids) => () => ids[key] || SOME_ID;
  const steps: Step[] = [
    { scope: 'any', method: 'GET', path: () => '/api/v1/me', status: 200 },
    // Groups, their members, posts, comments and reactions.
    { scope: 'groups:read', method: 'GET', path: () => '/api/v1/groups', status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/groups/${ids.open}`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/groups/${ids.open}/members`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/groups/${ids.open}/posts`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/posts/${ids.post}`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/posts/${ids.post}/comments`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/posts/${ids.post}/reactions`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/comments/${ids.comment}/reactions`, status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => '/api/v1/feed', status: 200 },
    { scope: 'groups:read', method: 'GET', path: () => `/api/v1/people/${member.personId}/posts`, status: 200 },
    {
      scope: 'groups:write',
      method: 'POST',
      path: () => '/api/v1/posts',
      body: () => ({ groupId: ids.open, body: 'Room 2 is free' }),
      status: 201,
      keep: (b) => (ids.botPost = b.id),
    },
    {
      scope: 'groups:write',
      method: 'PATCH',
      path: () => `/api/v1/posts/${id('botPost')()}`,
      body: () => ({ body: 'Room 2 is free now' }),
      status: 200,
    },
    {
      scope: 'groups:write',
      method: 'POST',
      path: () => `/api/v1/posts/${ids.post}/comments`,
      body: () => ({ body: 'Noted' }),
      status: 201,
      keep: (b) => (ids.botComment = b.id),
    },
    {
      scope: 'groups:write',
      method: 'PATCH',
      path: () => `/api/v1/comments/${id('botComment')()}`,
      body: () => ({ body: 'Noted!' }),
      status: 200,
    },
    { scope: 'groups:write', method: 'PUT', path: () => `/api/v1/posts/${ids.post}/reaction`, body: () => ({ kind: 'like' }), status: 200 },
    { scope: 'groups:write', method: 'DELETE', path: () => `/api/v1/posts/${ids.post}/reaction`, status: 200 },
    {
      scope: 'groups:write',
      method: 'PUT',
      path: () => `/api/v1/comments/${ids.comment}/reaction`,
      body: () => ({ kind: 'love' }),
      status: 200,
    },
    // Chat.
    { scope: 'chat:read', method: 'GET', path: () => '/api/v1/conversations', status: 200 },
    { scope: 'chat:read', method: 'GET', path: () => `/api/v1/conversations/${ids.conv}`, status: 200 },
    { scope: 'chat:read', method: 'GET', path: () => `/api/v1/conversations/${ids.conv}/messages`, status: 200 },
    { scope: 'chat:read', method: 'GET', path: () => `/api/v1/conversations/${ids.conv}/members`, status: 200 },
    { scope: 'chat:read', method: 'GET', path: () => '/api/v1/chat/unread', status: 200 },
    {
      scope: 'chat:write',
      method: 'POST',
      path: () => '/api/v1/conversations',
      body: () => ({ kind: 'direct', personId: member.personId }),
      status: 201,
      keep: (b) => (ids.dm = b.id),
    },
    {
      scope: 'chat:write',
      method: 'POST',
      path: () => `/api/v1/conversations/${id('dm')()}/messages`,
      body: () => ({ clientKey: `bot-${randomBytes(6).toString('hex')}`, body: 'Hello Mia' }),
      status: 201,
      keep: (b) => (ids.message = b.id),
    },
    {
      scope: 'chat:write',
      method: 'PATCH',
      path: () => `/api/v1/messages/${id('message')()}`,
      body: () => ({ body: 'Hello, Mia' }),
      status: 200,
    },
    {
      scope: 'chat:write',
      method: 'PUT',
      path: () => `/api/v1/messages/${id('message')()}/reaction`,
      body: () => ({ kind: 'wow' }),
      status: 200,
    },
    // The directory.
    { scope: 'people:read', method: 'GET', path: () => '/api/v1/people', status: 200 },
    { scope: 'people:read', method: 'GET', path: () => '/api/v1/people/facets', status: 200 },
    { scope: 'people:read', method: 'GET', path: () => `/api/v1/people/${member.personId}`, status: 200 },
    { scope: 'people:read', method: 'GET', path: () => `/api/v1/people/${member.personId}/profile`, status: 200 },
    { scope: 'people:read', method: 'GET', path: () => `/api/v1/people/${member.personId}/org-chart`, status: 200 },
    // Managing people, as an admin would (never as an owner).
    { scope: 'people:write', method: 'GET', path: () => '/api/v1/admin/people', status: 200 },
    {
      scope: 'people:write',
      method: 'POST',
      path: () => '/api/v1/admin/people',
      body: () => ({ displayName: 'Sam Shift', username: `sam-${randomBytes(3).toString('hex')}` }),
      status: 201,
      keep: (b) => (ids.made = b.id),
    },
    {
      scope: 'people:write',
      method: 'PATCH',
      path: () => `/api/v1/admin/people/${id('made')()}`,
      body: () => ({ role: 'admin' }),
      status: 200,
    },
    {
      scope: 'people:write',
      method: 'PATCH',
      path: () => `/api/v1/admin/people/${id('made')()}/profile`,
      body: () => ({ title: 'Lead' }),
      status: 200,
    },
    { scope: 'people:write', method: 'POST', path: () => `/api/v1/admin/people/${id('made')()}/deactivate`, status: 200 },
    { scope: 'people:write', method: 'POST', path: () => `/api/v1/admin/people/${id('made')()}/reactivate`, status: 200 },
    // The audit log.
    { scope: 'audit:read', method: 'GET', path: () => '/api/v1/admin/audit-log', status: 200 },
  ];

  it('each route: 403 missing_scope naming the scope without it, success with it alone', async () => {
    for (const step of steps) {
      const label = `${step.method} ${step.path()}`;
      if (step.scope !== 'any') {
        const refused = await bots.none.client.call(step.method, step.path(), step.body?.());
        expectProblem(refused, 403, 'missing_scope');
        expect(refused.body.scope, label).toBe(step.scope);
        expect(refused.body.detail, label).toContain(step.scope);
      }
      const bot = step.scope === 'any' ? bots.none : bots[step.scope];
      const res = await bot.client.call(step.method, step.path(), step.body?.());
      expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(step.status);
      step.keep?.(res.body);
    }
    // What the bots wrote is theirs, shown as a bot's.
    const post = await member.get(`/api/v1/posts/${ids.botPost}`);
    expect(post.body).toMatchObject({ bodyMarkdown: 'Room 2 is free now', author: { id: bots['groups:write'].botPersonId, isBot: true } });
    const dm = await member.get(`/api/v1/conversations/${ids.dm}/messages`);
    expect(dm.body.items.at(-1)).toMatchObject({ body: 'Hello, Mia', sender: { isBot: true } });
    // As an admin would: never an owner's power.
    const owner = await bots['people:write'].client.patch(`/api/v1/admin/people/${ids.made}`, { role: 'owner' });
    expectProblem(owner, 403, 'forbidden');
    expectProblem(await bots['people:write'].client.post(`/api/v1/admin/people/${ownerId}/deactivate`), 403, 'forbidden');
    const log = await acme.owner.get(`/api/v1/admin/audit-log?targetId=${ids.made}&action=person.role_changed`);
    expect(log.body.items[0].actor).toMatchObject({ kind: 'person', id: bots['people:write'].botPersonId, label: 'Bot people:write' });
  });

  it('what the bot’s person cannot see answers 404, as to anyone', async () => {
    const full = bots.full.client;
    const hidden: Array<[string, string, unknown?]> = [
      ['GET', `/api/v1/groups/${ids.secret}`],
      ['GET', `/api/v1/groups/${ids.secret}/posts`],
      ['GET', `/api/v1/groups/${ids.secret}/members`],
      ['GET', `/api/v1/posts/${ids.secretPost}`],
      ['POST', '/api/v1/posts', { groupId: ids.secret, body: 'x' }],
      ['POST', `/api/v1/posts/${ids.secretPost}/comments`, { body: 'x' }],
      ['PUT', `/api/v1/posts/${ids.secretPost}/reaction`, { kind: 'like' }],
      ['GET', `/api/v1/conversations/${ids.private}`],
      ['GET', `/api/v1/conversations/${ids.private}/messages`],
      ['POST', `/api/v1/conversations/${ids.private}/messages`, { clientKey: 'full-bot-0001', body: 'x' }],
      ['GET', `/api/v1/conversations/${ids.conv}`],
      // Another company's objects.
      ['GET', `/api/v1/groups/${ids.theirGroup}`],
      ['GET', `/api/v1/posts/${ids.theirPost}`],
      ['POST', '/api/v1/posts', { groupId: ids.theirGroup, body: 'x' }],
      ['GET', `/api/v1/people/${ids.theirPerson}`],
      ['PATCH', `/api/v1/admin/people/${ids.theirPerson}`, { role: 'member' }],
      ['POST', '/api/v1/conversations', { kind: 'direct', personId: ids.theirPerson }],
    ];
    for (const [method, path, body] of hidden) expectProblem(await full.call(method, path, body), 404, 'not_found');
    // Its groups list has only its own and open groups, never the secret one.
    const groups = await full.get('/api/v1/groups?limit=100');
    expect(groups.body.items.map((g: { id: string }) => g.id)).not.toContain(ids.secret);
    // Search shows nothing either: it is not for tokens at all.
    expectProblem(await full.get('/api/v1/search?q=board'), 403, 'not_for_integrations');
  });

  it('routes not for integrations answer 403 not_for_integrations, whatever the scopes and the input', async () => {
    const full = bots.full.client;
    const closed: Array<[string, string, unknown?]> = [
      ['PATCH', '/api/v1/me', { title: 'Bot' }],
      ['PUT', '/api/v1/me/password', { currentPassword: 'x', newPassword: 'y' }],
      ['GET', '/api/v1/me/sessions'],
      ['POST', '/api/v1/auth/sign-out'],
      ['GET', '/api/v1/auth/session'],
      ['GET', '/api/v1/admin/integrations'],
      ['POST', '/api/v1/admin/integrations', { name: '' }],
      ['POST', `/api/v1/admin/integrations/${bots.full.id}/tokens`, {}],
      ['GET', '/api/v1/admin/identity-settings'],
      ['POST', '/api/v1/admin/access-codes', { personIds: [member.personId] }],
      ['POST', '/api/v1/admin/invites', { emails: ['x@x.test'] }],
      ['GET', '/api/v1/admin/scim-tokens'],
      ['POST', '/api/v1/groups', { name: 'Bot group', visibility: 'open' }],
      ['POST', `/api/v1/groups/${ids.secret}/join`],
      ['GET', '/api/v1/notifications'],
      ['POST', '/api/v1/uploads'],
      ['GET', '/api/v1/search?q=room'],
    ];
    for (const [method, path, body] of closed) {
      expectProblem(await full.call(method, path, body), 403, 'not_for_integrations');
    }
    expect(await refusedUpgrade(full, { authorization: `Bearer ${bots.full.token}` })).toBe(403);
    // An address that is no route stays a 404.
    expectProblem(await full.get('/api/v1/no-such-thing'), 404, 'not_found');
    // Nothing happened.
    expect((await acme.owner.get('/api/v1/admin/integrations?limit=100')).body.items).toHaveLength(SCOPES.length + 2);
  });

  it('a wrong, revoked or foreign token is a 401 invalid_token, never an anonymous call', async () => {
    const anonymous = t.client(acme.slug);
    expect((await anonymous.get('/api/v1/context')).status).toBe(200);
    for (const header of ['Bearer cpi_not-a-token-at-all', 'Bearer something-else', `Bearer ${bots.full.token}x`]) {
      expectProblem(await anonymous.get('/api/v1/context', { authorization: header }), 401, 'invalid_token');
    }
    expectProblem(await tokenClient(t, other, bots.full.token).get('/api/v1/me'), 401, 'invalid_token');
    const spare = await createIntegration(t, acme, { name: 'Spare', scopes: ['people:read'] });
    expect((await spare.client.get('/api/v1/people')).status).toBe(200);
    await acme.owner.delete(`/api/v1/admin/integrations/${spare.id}/tokens/${spare.tokenId}`);
    expectProblem(await spare.client.get('/api/v1/people'), 401, 'invalid_token');
    // The owner's own session is not touched by a stray header on another request.
    expect((await acme.owner.get('/api/v1/me')).body.id).toBe(ownerId);
  });

  it('limits each token per minute with the standard headers; 429 with Retry-After when spent', async () => {
    const bot = await createIntegration(t, acme, { name: 'Chatty', scopes: ['people:read'] });
    const first = await bot.client.get('/api/v1/people');
    expect(first.headers['ratelimit-limit']).toBe(String(LIMIT));
    expect(first.headers['ratelimit-remaining']).toBe(String(LIMIT - 1));
    expect(Number(first.headers['ratelimit-reset'])).toBeGreaterThan(0);
    expect(Number(first.headers['ratelimit-reset'])).toBeLessThanOrEqual(60);
    // Refused calls count too, and carry the headers.
    const refused = await bot.client.get('/api/v1/groups');
    expectProblem(refused, 403, 'missing_scope');
    expect(refused.headers['ratelimit-remaining']).toBe(String(LIMIT - 2));
    let last: Res = refused;
    for (let i = 2; i < LIMIT && last.status !== 429; i++) last = await bot.client.get('/api/v1/people');
    expect(last.status).toBe(200);
    expect(last.headers['ratelimit-remaining']).toBe('0');
    const spent = await bot.client.get('/api/v1/people');
    expectProblem(spent, 429, 'rate_limited');
    expect(Number(spent.headers['retry-after'])).toBeGreaterThan(0);
    expect(spent.headers['ratelimit-remaining']).toBe('0');
    // Another token, even of the same integration, has its own budget; sessions have none of this.
    const again = await acme.owner.post(`/api/v1/admin/integrations/${bot.id}/tokens`, {});
    expect((await tokenClient(t, acme, again.body.token).get('/api/v1/people')).status).toBe(200);
    expect((await member.get('/api/v1/people')).headers['ratelimit-limit']).toBeUndefined();
  });

  it('writes every call made with a token to the audit log, as the integration', async () => {
    const bot = await createIntegration(t, acme, { name: 'Audited', scopes: ['groups:read'], groupIds: [ids.open] });
    const calls: Array<[string, string, number]> = [
      ['GET', `/api/v1/groups/${ids.open}`, 200],
      ['GET', `/api/v1/groups/${ids.secret}`, 404],
      ['GET', '/api/v1/people', 403],
      ['PATCH', '/api/v1/me', 403],
      ['GET', '/api/v1/groups?limit=0', 400],
    ];
    for (const [method, path, status] of calls) {
      expect((await bot.client.call(method, path, method === 'GET' ? undefined : {})).status).toBe(status);
    }
    const read = async () =>
      (await acme.owner.get(`/api/v1/admin/audit-log?action=integration.api_call&actorId=${bot.id}&limit=100`)).body.items as Array<{
        actor: unknown;
        details: { method: string; route: string; status: number };
      }>;
    await expect.poll(async () => (await read()).length).toBe(calls.length);
    const entries = (await read()).reverse();
    expect(entries.map((e) => e.details)).toEqual([
      { method: 'GET', route: '/api/v1/groups/:id', status: 200 },
      { method: 'GET', route: '/api/v1/groups/:id', status: 404 },
      { method: 'GET', route: '/api/v1/people', status: 403 },
      { method: 'PATCH', route: '/api/v1/me', status: 403 },
      { method: 'GET', route: '/api/v1/groups', status: 400 },
    ]);
    for (const e of entries) expect(e.actor).toEqual({ kind: 'integration', id: bot.id, label: 'Audited' });
  });

  it('shows in the OpenAPI document the scope each route needs', async () => {
    const doc = (await t.root().get('/api/v1/openapi.json')).body;
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const posts = doc.paths['/api/v1/groups/{id}/posts'].get;
    expect(posts.security).toContainEqual({ bearer: ['groups:read'] });
    expect(posts.security).toContainEqual({ session: [] });
    expect(posts.description).toContain('Token scope: `groups:read`');
    expect(doc.paths['/api/v1/admin/people/{id}'].patch.security).toContainEqual({ bearer: ['people:write'] });
    expect(doc.paths['/api/v1/me'].get.security).toContainEqual({ bearer: [] });
    const closed = doc.paths['/api/v1/admin/integrations'].post;
    expect(closed.description).toContain('Not available to integration tokens');
    expect(JSON.stringify(closed.security ?? [])).not.toContain('bearer');
    // Every request body and JSON answer carries an example made from its own schema.
    const send = doc.paths['/api/v1/conversations/{id}/messages'].post;
    expect(send.requestBody.content['application/json'].example).toMatchObject({ clientKey: expect.any(String), body: expect.any(String) });
    expect(send.responses['201'].content['application/json'].example).toMatchObject({
      id: expect.any(String),
      seq: expect.any(Number),
    });
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const json = op.requestBody?.content?.['application/json'];
        if (json?.schema && json.example === undefined) missing.push(`${method} ${path} body`);
        for (const [code, answer] of Object.entries(op.responses ?? {}) as Array<[string, any]>) {
          const media = answer.content?.['application/json'];
          if (code.startsWith('2') && media?.schema && media.example === undefined) missing.push(`${method} ${path} ${code}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('integration rate limits across two server processes (PostgreSQL + Redis)', () => {
  const prefix = `cp-test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  let one: TestServer;
  let two: TestServer;
  let acme: Company;

  beforeAll(async () => {
    const env = { INTEGRATION_RATE_LIMIT: '4', REDIS_PREFIX: prefix };
    one = await startTestServer({ dialect: 'postgres', redisUrl: REDIS_URL, env });
    two = await startTestServer({ dialect: 'postgres', redisUrl: REDIS_URL, databaseUrl: one.databaseUrl, env });
    acme = await signUpCompany(one);
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('a token has one budget for all processes', async () => {
    const bot = await createIntegration(one, acme, { name: 'Everywhere', scopes: ['people:read'] });
    const onTwo = tokenClient(two, acme, bot.token);
    const answers: string[] = [];
    for (const c of [bot.client, onTwo, bot.client, onTwo]) {
      const res = await c.get('/api/v1/people');
      expect(res.status).toBe(200);
      answers.push(String(res.headers['ratelimit-remaining']));
    }
    expect(answers).toEqual(['3', '2', '1', '0']);
    expectProblem(await onTwo.get('/api/v1/people'), 429, 'rate_limited');
    expectProblem(await bot.client.get('/api/v1/people'), 429, 'rate_limited');
  });
});
