import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as protocol from '../protocol/integrations.js';
import { generateSdkTypes, SDK_TYPES_FILE } from '../scripts/generate-sdk.js';
import * as sdk from '../sdk/src/index.js';
import {
  CommonplaceError,
  createCommonplaceClient,
  createWebhookHandler,
  signPayload,
  verifySignature,
  type WebhookEvent,
} from '../sdk/src/index.js';
import { direct } from './support/conversations.js';
import { signUpCompany, type Company } from './support/factories.js';
import { createIntegration } from './support/integrations.js';
import { startTestServer, type TestServer } from './support/server.js';

/** The SDK package folder (sdk/): its generated types, webhook receiving, and the client against a real server. */

describe('SDK types', () => {
  it('sdk/src/openapi.ts is what `npm run sdk:generate` makes of the routes', async () => {
    const [fresh, committed] = await Promise.all([generateSdkTypes(), readFile(SDK_TYPES_FILE, 'utf8')]);
    const a = committed.split('\n');
    const b = fresh.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    const where =
      line === -1 ? `length ${a.length} vs ${b.length} lines` : `first difference at line ${line + 1}: ${JSON.stringify(b[line])}`;
    expect(committed === fresh, `sdk/src/openapi.ts is out of date with the routes (${where}): run \`npm run sdk:generate\``).toBe(true);
  });

  it('names the same scopes, events, headers and tolerance as protocol/integrations.ts', () => {
    expect(sdk.SCOPES).toEqual(protocol.SCOPES);
    expect(sdk.WEBHOOK_EVENTS).toEqual(protocol.WEBHOOK_EVENTS);
    expect(sdk.WEBHOOK_HEADERS).toEqual(protocol.WEBHOOK_HEADERS);
    expect(sdk.TOKEN_PREFIX).toBe(protocol.TOKEN_PREFIX);
    expect(sdk.SIGNATURE_TOLERANCE_SECONDS).toBe(protocol.SIGNATURE_TOLERANCE_SECONDS);
  });
});

describe('webhook signatures', () => {
  const secret = 'whsec_0123456789abcdef0123456789abcdef';
  const body = JSON.stringify({ id: 'evt_1', type: 'message.created', data: { text: 'héllo' } });
  const t = 1_800_000_000;

  it('accepts a signature of the body made with the secret, as string or bytes', () => {
    const header = signPayload(secret, body, t);
    expect(header).toMatch(/^t=1800000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, header, body, { now: t })).toBe(true);
    expect(verifySignature(secret, header, Buffer.from(body), { now: t + 299 })).toBe(true);
    // While a secret is rotated, either one verifies; and a header may carry several v1 values.
    expect(verifySignature(['whsec_new', secret], header, body, { now: t })).toBe(true);
    expect(verifySignature(secret, `${signPayload('whsec_other', body, t)},v1=${header.split('v1=')[1]}`, body, { now: t })).toBe(true);
  });

  it('refuses a wrong secret, a changed body, an old or future timestamp and malformed headers', () => {
    const header = signPayload(secret, body, t);
    expect(verifySignature('whsec_wrong', header, body, { now: t })).toBe(false);
    expect(verifySignature(secret, header, body.replace('héllo', 'hello'), { now: t })).toBe(false);
    expect(verifySignature(secret, header, body, { now: t + 301 })).toBe(false);
    expect(verifySignature(secret, header, body, { now: t - 301 })).toBe(false);
    expect(verifySignature(secret, header, body, { now: t + 30, toleranceSeconds: 10 })).toBe(false);
    // The timestamp is part of what is signed: moving it breaks the signature.
    expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, { now: t })).toBe(false);
    for (const bad of [undefined, '', 'v1=abc', `t=${t}`, `t=${t},v1=zz`, `t=abc,v1=${'0'.repeat(64)}`, 'garbage'])
      expect(verifySignature(secret, bad, body, { now: t })).toBe(false);
  });
});

describe('createWebhookHandler on node:http', () => {
  const secret = 'whsec_handler_test_secret';
  const received: WebhookEvent[] = [];
  let failNext = false;
  let server: HttpServer;
  let url: string;

  beforeAll(async () => {
    const handler = createWebhookHandler({
      secret,
      onEvent: (event) => {
        if (failNext) {
          failNext = false;
          throw new Error('the bot fell over');
        }
        received.push(event);
      },
      onError: () => {},
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/commonplace`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const envelope = (type: string, data: unknown) => ({
    id: `evt_${Math.random().toString(36).slice(2)}`,
    type,
    createdAt: new Date().toISOString(),
    company: { id: 'org_1', slug: 'acme' },
    integrationId: 'int_1',
    data,
  });
  const deliver = (payload: unknown, sign: string | null = secret) => {
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (sign) headers[sdk.WEBHOOK_HEADERS.signature] = signPayload(sign, text);
    return fetch(url, { method: 'POST', headers, body: text });
  };

  it('answers the address check with its challenge, without calling onEvent', async () => {
    const res = await deliver(envelope('url_verification', { challenge: 'c-123' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'c-123' });
    expect(received).toHaveLength(0);
  });

  it('refuses unsigned and wrongly signed requests with 401, and bodies over 1 MB with 413', async () => {
    expect((await deliver(envelope('message.created', {}), null)).status).toBe(401);
    expect((await deliver(envelope('message.created', {}), 'whsec_someone_else')).status).toBe(401);
    expect((await deliver(envelope('url_verification', { challenge: 'x' }), 'whsec_someone_else')).status).toBe(401);
    expect((await deliver(envelope('message.created', { pad: 'x'.repeat(1024 * 1024) }))).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
    expect(received).toHaveLength(0);
  });

  it('hands a signed event to onEvent and answers 200; 500 when onEvent throws', async () => {
    const event = envelope('interaction', {
      interactionId: 'i1',
      action: { type: 'button', actionId: 'approve', value: 'leave-1' },
      person: { id: 'p1', displayName: 'Ana' },
      message: { id: 'm1', conversationId: 'c1' },
    });
    const res = await deliver(event);
    expect(res.status).toBe(200);
    expect(received).toEqual([event]);
    const first = received[0];
    if (first?.type === 'interaction') expect(first.data.action.actionId).toBe('approve');

    failNext = true;
    expect((await deliver(envelope('message.created', {}))).status).toBe(500);
    expect((await deliver('{not json')).status).toBe(400);
    expect(received).toHaveLength(1);
  });
});

describe('the client against a real server', () => {
  let t: TestServer;
  let acme: Company;
  let ownerId: string;
  // Company addresses are <slug>.localhost:<port>; the client reaches them on 127.0.0.1 like a resolver would.
  const loopback = new Agent({ connect: { lookup: (_host, _opts, done) => done(null, [{ address: '127.0.0.1', family: 4 }]) } });
  const viaLoopback = (request: Request) => fetch(request, { dispatcher: loopback } as RequestInit);

  beforeAll(async () => {
    t = await startTestServer({ dialect: 'sqlite', env: { INTEGRATION_RATE_LIMIT: '40' } });
    acme = await signUpCompany(t);
    ownerId = (await acme.owner.get('/api/v1/me')).body.id as string;
  });
  afterAll(async () => {
    await t?.close();
    await loopback.close();
  });

  const baseUrl = () => `http://${acme.slug}.localhost:${t.port}`;

  const integration = (name: string, scopes: sdk.Scope[], groupIds?: string[]) => createIntegration(t, acme, { name, scopes, groupIds });

  it('me(), a message with blocks in a conversation with the bot, its edit, and a person', async () => {
    const bot = await integration('Leave Bot', ['chat:read', 'chat:write', 'people:read']);
    const client = createCommonplaceClient({ baseUrl: `${baseUrl()}/api/v1/`, token: bot.token, fetch: viaLoopback });

    const me = await client.me();
    expect(me).toMatchObject({ id: bot.botPersonId, displayName: 'Leave Bot' });

    const conversationId = await direct(acme.owner, { personId: bot.botPersonId });
    const opened = await client.openDirectConversation(ownerId);
    expect(opened.id).toBe(conversationId);

    const sent = await client.sendMessage(conversationId, {
      text: 'Ana asks for **3 days** off',
      blocks: [
        { type: 'fields', fields: [{ label: 'From', value: '2 March' }] },
        {
          type: 'actions',
          elements: [
            { type: 'button', actionId: 'approve', label: 'Approve', style: 'primary', value: 'leave-1' },
            { type: 'button', actionId: 'decline', label: 'Decline', style: 'danger', value: 'leave-1' },
          ],
        },
      ],
    });
    expect(sent).toMatchObject({ conversationId, body: 'Ana asks for **3 days** off', sender: { id: bot.botPersonId } });
    expect(sent.blocks?.map((b) => b.type)).toEqual(['fields', 'actions']);

    const seen = await acme.owner.get(`/api/v1/conversations/${conversationId}/messages`);
    expect(seen.body.items.map((m: { id: string }) => m.id)).toContain(sent.id);

    const edited = await client.updateMessage(sent.id, { text: 'Approved by Olivia', blocks: [{ type: 'context', text: 'Done' }] });
    expect(edited).toMatchObject({ id: sent.id, body: 'Approved by Olivia' });
    expect(edited.blocks).toEqual([{ type: 'context', text: 'Done' }]);

    expect(await client.person(ownerId)).toMatchObject({ id: ownerId, displayName: 'Olivia Owner' });

    // The raw typed client is there too, for every other route.
    const { data, response } = await client.GET('/api/v1/conversations/{id}', { params: { path: { id: conversationId } } });
    expect(response.status).toBe(200);
    expect(data?.id).toBe(conversationId);
    expect(response.headers.get('ratelimit-limit')).toBe('40');
  });

  it('createPost() in a group the bot is in, and its edit', async () => {
    const groupId = (await acme.owner.post('/api/v1/groups', { name: 'Announcements', visibility: 'open' })).body.id as string;
    const bot = await integration('Poster', ['groups:read', 'groups:write'], [groupId]);
    const client = createCommonplaceClient({ baseUrl: baseUrl(), token: bot.token, fetch: viaLoopback });
    const post = await client.createPost(groupId, { text: 'Lunch is at **noon**', blocks: [{ type: 'text', text: 'Vote below' }] });
    expect(post).toMatchObject({ bodyMarkdown: 'Lunch is at **noon**', group: { id: groupId }, author: { id: bot.botPersonId } });
    expect(post.blocks).toEqual([{ type: 'text', text: 'Vote below', html: expect.stringContaining('Vote below') }]);
    const edited = await client.updatePost(post.id, { blocks: null });
    expect(edited).toMatchObject({ id: post.id, blocks: null });
    expect((await acme.owner.get(`/api/v1/posts/${post.id}`)).body.bodyMarkdown).toBe('Lunch is at **noon**');
  });

  it('throws CommonplaceError with the problem: not found, missing scope, bad input, bad token', async () => {
    const bot = await integration('Reader', ['chat:read']);
    const client = createCommonplaceClient({ baseUrl: baseUrl(), token: bot.token, fetch: viaLoopback });
    const caught = async (p: Promise<unknown>): Promise<CommonplaceError> => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CommonplaceError);
      return err as CommonplaceError;
    };

    const missing = await caught(client.sendMessage('0190f2c4-0000-7000-8000-000000000000', { text: 'hi' }));
    expect(missing).toMatchObject({ status: 403, code: 'missing_scope', scope: 'chat:write' });
    expect(missing.requestId).toMatch(/.+/);

    const writer = createCommonplaceClient({
      baseUrl: baseUrl(),
      token: (await integration('Writer', ['chat:write'])).token,
      fetch: viaLoopback,
    });
    const notFound = await caught(writer.sendMessage('0190f2c4-0000-7000-8000-000000000000', { text: 'hi' }));
    expect(notFound).toMatchObject({ status: 404, code: 'not_found' });
    const badInput = await caught(writer.sendMessage('not-an-id', { text: 'hi' }));
    expect(badInput).toMatchObject({ status: 400, code: 'invalid_input', field: 'id' });

    const stranger = createCommonplaceClient({ baseUrl: baseUrl(), token: 'cpi_not_a_real_token', fetch: viaLoopback });
    expect(await caught(stranger.me())).toMatchObject({ status: 401, code: 'invalid_token' });
  });

  it('a 429 longer than the client waits is thrown with retryAfterSeconds', async () => {
    const bot = await integration('Chatty', ['people:read']);
    const client = createCommonplaceClient({ baseUrl: baseUrl(), token: bot.token, fetch: viaLoopback, maxRetryWaitSeconds: 1 });
    let error: unknown;
    for (let i = 0; i < 45 && !error; i++) await client.me().catch((e: unknown) => (error = e));
    expect(error).toBeInstanceOf(CommonplaceError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited' });
    expect((error as CommonplaceError).retryAfterSeconds).toBeGreaterThan(1);
  });
});

describe('the client retries a short 429 once', () => {
  it('waits Retry-After and sends the same request again (same clientKey)', async () => {
    const bodies: string[] = [];
    const server = createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        bodies.push(text);
        if (bodies.length === 1) {
          res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': '1' });
          res.end(
            JSON.stringify({
              type: 'about:blank#rate_limited',
              title: 'Too Many Requests',
              status: 429,
              code: 'rate_limited',
              detail: 'wait',
            }),
          );
          return;
        }
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'm1', body: JSON.parse(text).body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createCommonplaceClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, token: 'cpi_x' });
      const started = Date.now();
      const sent = await client.sendMessage('c1', { text: 'once' });
      expect(sent).toMatchObject({ id: 'm1', body: 'once' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
      expect(bodies).toHaveLength(2);
      expect(bodies[1]).toBe(bodies[0]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
