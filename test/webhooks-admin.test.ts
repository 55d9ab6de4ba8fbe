import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_HEADERS } from '../protocol/integrations.js';
import { verifyWebhookSignature } from '../protocol/webhook-signature.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { createIntegration } from './support/integrations.js';
import { startTestServer, type TestServer } from './support/server.js';
import { answerChallenge, startReceiver, type Receiver } from './support/webhook-receiver.js';

const SOME_ID = '01900000-0000-7000-8000-000000000000';

/**
 * Webhooks in the admin area: who may manage them (401 → 403 → 404 for another company's), bad
 * input named, the address check before an address is kept (refused addresses, redirects, wrong
 * answers, a status, a receiver that hangs), the secret shown only at creation and when rolled,
 * changes, removal, and the audit log. Real receivers on 127.0.0.1.
 */
describe.each(DIALECTS)('webhooks admin on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let member: Client;
  let receiver: Receiver;
  let bot: { id: string };
  let theirs: { integrationId: string; webhookId: string; deliveryId: string };
  const hooks = (integrationId = bot.id) => `/api/v1/admin/integrations/${integrationId}/webhooks`;
  const allow = async (c: Company, hosts: string[]) =>
    expect((await c.owner.put('/api/v1/admin/integration-settings', { allowedHosts: hosts })).status).toBe(200);

  beforeAll(async () => {
    [t, receiver] = await Promise.all([startTestServer({ dialect, env: { WEBHOOK_TIMEOUT_MS: '500' } }), startReceiver()]);
    [acme, other] = await Promise.all([signUpCompany(t), signUpCompany(t)]);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    bot = await createIntegration(t, acme, { name: 'Hook bot', scopes: [] });
    await allow(other, ['127.0.0.1']);
    const theirBot = await createIntegration(t, other, { name: 'Their bot', scopes: [] });
    const made = await other.owner.post(hooks(theirBot.id), { url: receiver.url, events: ['post.created'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    // A delivery of theirs to name in the routes (written as the outbox would).
    const delivery = await t.server.ctx.db
      .insertInto('webhook_deliveries')
      .values({
        id: '01900000-0000-7000-8000-0000000000aa',
        org_id: other.orgId,
        webhook_id: made.body.id,
        event_id: SOME_ID,
        event_type: 'post.created',
        ordering_key: 'k',
        scope_kind: null,
        scope_id: null,
        payload: '{}',
        status: 'failed',
        attempts: 8,
        next_attempt_at: Date.now(),
        last_status: 500,
        last_error: 'answered with status 500',
        last_duration_ms: 3,
        created_at: Date.now(),
        delivered_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    theirs = { integrationId: theirBot.id, webhookId: made.body.id, deliveryId: delivery.id };
  });
  afterAll(async () => {
    await t?.close();
    await receiver?.close();
  });

  it('every route: 401 without a session, 403 for members, 404 for another company’s ids', async () => {
    const { integrationId, webhookId, deliveryId } = theirs;
    const one = `${hooks(integrationId)}/${webhookId}`;
    const routes: Array<[string, string, unknown?]> = [
      ['POST', hooks(integrationId), { url: receiver.url, events: ['mention'] }],
      ['GET', hooks(integrationId)],
      ['GET', one],
      ['PATCH', one, { events: ['mention'] }],
      ['DELETE', one],
      ['POST', `${one}/secret`],
      ['GET', `${one}/deliveries`],
      ['POST', `${one}/deliveries/${deliveryId}/redeliver`],
    ];
    const anonymous = t.client(acme.slug);
    for (const [method, path, body] of routes) {
      expectProblem(await anonymous.call(method, path, body), 401, 'unauthenticated');
      expectProblem(await member.call(method, path, body), 403, 'forbidden');
      expectProblem(await acme.owner.call(method, path, body), 404, 'not_found');
    }
    // Our integration with their webhook's id, and ids that never existed.
    expectProblem(await acme.owner.get(`${hooks()}/${webhookId}`), 404, 'not_found');
    expectProblem(await acme.owner.get(`${hooks()}/${SOME_ID}/deliveries`), 404, 'not_found');
    expectProblem(await acme.owner.post(`${hooks(SOME_ID)}`, { url: receiver.url, events: ['mention'] }), 404, 'not_found');
    // A bot's token is no way in either.
    const tokenBot = await createIntegration(t, acme, { name: 'Token bot', scopes: ['people:write'] });
    expectProblem(await tokenBot.client.get(hooks()), 403, 'not_for_integrations');
    // Nothing of theirs changed.
    expect((await other.owner.get(`${hooks(integrationId)}/${webhookId}`)).body).toMatchObject({ enabled: true, events: ['post.created'] });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', hooks(), { events: ['mention'] }, 'url'],
      ['POST', hooks(), { url: 'not a url', events: ['mention'] }, 'url'],
      ['POST', hooks(), { url: 'ftp://example.com/x', events: ['mention'] }, 'url'],
      ['POST', hooks(), { url: `https://example.com/${'x'.repeat(2000)}`, events: ['mention'] }, 'url'],
      ['POST', hooks(), { url: receiver.url }, 'events'],
      ['POST', hooks(), { url: receiver.url, events: [] }, 'events'],
      ['POST', hooks(), { url: receiver.url, events: ['mention', 'post.deleted'] }, 'events.1'],
      ['POST', hooks(), { url: receiver.url, events: ['mention'], secret: 'mine' }, 'secret'],
      ['GET', `${hooks()}/nope`, undefined, 'webhookId'],
      ['PATCH', `${hooks()}/${SOME_ID}`, { enabled: 'yes' }, 'enabled'],
      ['PATCH', `${hooks()}/${SOME_ID}`, { status: 'active' }, 'status'],
      ['GET', `${hooks()}/${SOME_ID}/deliveries?limit=0`, undefined, 'limit'],
      ['GET', `${hooks()}/${SOME_ID}/deliveries?status=lost`, undefined, 'status'],
      ['POST', `${hooks()}/${SOME_ID}/deliveries/nope/redeliver`, undefined, 'deliveryId'],
      ['POST', `${hooks('nope')}`, { url: receiver.url, events: ['mention'] }, 'id'],
    ];
    for (const [method, path, body, field] of cases) {
      expectProblem(await acme.owner.call(method, path, body), 400, 'invalid_input', field);
    }
  });

  it('checks the address before keeping it, and says why it failed', async () => {
    const post = (url: string) => acme.owner.post(hooks(), { url, events: ['post.created'] });
    const seen = receiver.received.length;
    // Not allowed yet: the receiver's loopback address is refused before anything is sent.
    let res = await post(receiver.url);
    expectProblem(res, 400, 'invalid_input', 'url');
    expect(res.body.detail).toContain('loopback address (127.0.0.1)');
    for (const [url, words] of [
      ['http://10.1.2.3/hook', 'private address'],
      ['http://169.254.169.254/latest/meta-data/', 'link-local address'],
      ['http://[::1]:9/hook', 'loopback address'],
      [`http://localhost:${receiver.port}/hook`, 'loopback address'],
    ] as const) {
      res = await post(url);
      expectProblem(res, 400, 'invalid_input', 'url');
      expect(res.body.detail).toContain(words);
    }
    expect(receiver.received.length).toBe(seen);

    await allow(acme, ['127.0.0.1']);
    const answers: Array<[string, Receiver['handler'], string]> = [
      [
        'redirect',
        (_r, out) => {
          out.writeHead(307, { location: 'http://example.com/' });
          out.end();
        },
        'redirects are not followed (status 307',
      ],
      ['status', (_r, out) => void out.writeHead(500).end('nope'), 'answered with status 500'],
      [
        'wrong challenge',
        (_r, out) => {
          out.writeHead(200, { 'content-type': 'application/json' });
          out.end('{"challenge":"something else"}');
        },
        'did not contain the challenge',
      ],
      ['hang', () => {}, 'timed out'],
    ];
    for (const [what, handler, words] of answers) {
      receiver.handler = handler;
      const started = Date.now();
      res = await post(receiver.url);
      expectProblem(res, 400, 'invalid_input', 'url');
      expect(res.body.detail, what).toContain(words);
      expect(Date.now() - started).toBeLessThan(5000);
    }
    receiver.handler = answerChallenge;
    expect((await acme.owner.get(hooks())).body.items).toEqual([]);

    // Plain text with the challenge will do too.
    receiver.handler = (r, out) => {
      out.writeHead(200, { 'content-type': 'text/plain' });
      out.end(r.body.data.challenge);
    };
    res = await post(receiver.url);
    receiver.handler = answerChallenge;
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const check = receiver.received.at(-1)!;
    expect(check.body).toMatchObject({ type: 'url_verification', company: { id: acme.orgId, slug: acme.slug }, integrationId: bot.id });
    expect(check.headers['user-agent']).toBe('Commonplace-Webhooks/1');
    expect(check.headers[WEBHOOK_HEADERS.eventType]).toBe('url_verification');
    const signature = check.headers[WEBHOOK_HEADERS.signature] as string;
    expect(verifyWebhookSignature(res.body.secret, signature, check.raw)).toBe(true);
    expect(verifyWebhookSignature(`${res.body.secret}x`, signature, check.raw)).toBe(false);
    expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await acme.owner.delete(`${hooks()}/${res.body.id}`);

    // A secret of the admin's choosing signs the check too, so a receiver can start with it first.
    const chosen = 'f'.repeat(16) + '0123456789abcdef0123456789abcdef';
    res = await acme.owner.post(hooks(), { url: receiver.url, events: ['mention'], secret: chosen });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.secret).toBe(chosen);
    const chosenCheck = receiver.received.at(-1)!;
    expect(verifyWebhookSignature(chosen, chosenCheck.headers[WEBHOOK_HEADERS.signature] as string, chosenCheck.raw)).toBe(true);
    await acme.owner.delete(`${hooks()}/${res.body.id}`);
  });

  it('shows the secret once; lists, reads, changes, rolls and removes, all in the audit log', async () => {
    await allow(acme, ['127.0.0.1']);
    const made = await acme.owner.post(hooks(), { url: receiver.url, events: ['post.created', 'mention', 'mention'] });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ integrationId: bot.id, url: receiver.url, events: ['post.created', 'mention'], enabled: true });
    const one = `${hooks()}/${made.body.id}`;
    const list = await acme.owner.get(hooks());
    expect(list.body.items.map((w: any) => w.id)).toEqual([made.body.id]);
    expect(list.body.items[0].secret).toBeUndefined();
    const got = await acme.owner.get(one);
    expect(got.body.secret).toBeUndefined();
    expect(got.body.stats).toEqual({ pending: 0, delivered: 0, failed: 0, skipped: 0, lastDeliveredAt: null });
    // The secret is kept sealed, never as given.
    const stored = await t.server.ctx.db
      .selectFrom('webhooks')
      .select('secret_sealed')
      .where('id', '=', made.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_sealed).not.toContain(made.body.secret);

    // A new address is checked again (signed with the current secret); a failing one is not kept.
    receiver.handler = (_r, out) => void out.writeHead(404).end();
    expectProblem(await acme.owner.patch(one, { url: `${receiver.url}/moved` }), 400, 'invalid_input', 'url');
    receiver.handler = answerChallenge;
    const moved = await acme.owner.patch(one, { url: `${receiver.url}/moved`, events: ['mention'] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ url: `${receiver.url}/moved`, events: ['mention'] });
    expect(
      verifyWebhookSignature(
        made.body.secret,
        receiver.received.at(-1)!.headers[WEBHOOK_HEADERS.signature] as string,
        receiver.received.at(-1)!.raw,
      ),
    ).toBe(true);

    // Off by hand, with the reason; on again.
    const off = await acme.owner.patch(one, { enabled: false });
    expect(off.body).toMatchObject({ enabled: false, disabledReason: 'turned off by Olivia Owner' });
    const on = await acme.owner.patch(one, { enabled: true });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null, failures: 0 });

    // Rolled: a new secret, shown once, signing from now on.
    const rolled = await acme.owner.post(`${one}/secret`);
    expect(rolled.status).toBe(200);
    expect(rolled.body.secret).toMatch(/^whsec_/);
    expect(rolled.body.secret).not.toBe(made.body.secret);
    expect((await acme.owner.patch(one, { url: receiver.url })).status).toBe(200);
    const check = receiver.received.at(-1)!;
    expect(verifyWebhookSignature(rolled.body.secret, check.headers[WEBHOOK_HEADERS.signature] as string, check.raw)).toBe(true);
    expect(verifyWebhookSignature(made.body.secret, check.headers[WEBHOOK_HEADERS.signature] as string, check.raw)).toBe(false);

    expect((await acme.owner.delete(one)).status).toBe(204);
    expectProblem(await acme.owner.get(one), 404, 'not_found');

    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=webhook&limit=100');
    const actions = (audit.body.items as Array<{ action: string; target: { id: string }; details: unknown }>)
      .filter((e) => e.target?.id === made.body.id)
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'webhook.created',
      'webhook.changed',
      'webhook.changed',
      'webhook.changed',
      'webhook.secret_rolled',
      'webhook.changed',
      'webhook.deleted',
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(made.body.secret);
    expect(JSON.stringify(audit.body)).not.toContain(rolled.body.secret);
  });

  it('holds at most ten webhooks per integration and none on a removed one', async () => {
    await allow(acme, ['127.0.0.1']);
    const many = await createIntegration(t, acme, { name: 'Many hooks', scopes: [] });
    for (let i = 0; i < 10; i++)
      expect((await acme.owner.post(hooks(many.id), { url: `${receiver.url}/${i}`, events: ['mention'] })).status).toBe(201);
    expectProblem(await acme.owner.post(hooks(many.id), { url: receiver.url, events: ['mention'] }), 409, 'too_many_webhooks');
    expect((await acme.owner.delete(`/api/v1/admin/integrations/${many.id}`)).status).toBe(204);
    const gone = await createIntegration(t, acme, { name: 'Gone', scopes: [] });
    expect((await acme.owner.delete(`/api/v1/admin/integrations/${gone.id}`)).status).toBe(204);
    expectProblem(await acme.owner.post(hooks(gone.id), { url: receiver.url, events: ['mention'] }), 409, 'integration_removed');
  });
});
