import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_SECONDS, WEBHOOK_HEADERS, type Scope, type WebhookEventType } from '../protocol/integrations.js';
import { verifyWebhookSignature } from '../protocol/webhook-signature.js';
import type { Client } from './support/client.js';
import { direct, groupChat, send } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { createIntegration } from './support/integrations.js';
import { startTestServer, type TestServer } from './support/server.js';
import { answerChallenge, startReceiver, waitUntil, type Receiver, type ReceiverHandler } from './support/webhook-receiver.js';

/**
 * Webhook deliveries end to end: events written with the change, signed, sent to real receivers
 * on 127.0.0.1, retried with back-off after failures and timeouts, in order per conversation or
 * group, only to bots that may see what they are about (checked again before each attempt),
 * turned off after failing again and again, and logged. Retries are short here (JOB_RETRY_BASE_MS).
 */
describe.each(DIALECTS)('webhook deliveries on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let mia: Client & { personId: string };
  let ops: string;
  let secretGroup: string;
  const receivers: Receiver[] = [];

  /** A bot in `groupIds` with a webhook for `events` to a receiver of its own. */
  async function hookedBot(
    events: WebhookEventType[],
    opts: { groupIds?: string[]; handler?: ReceiverHandler; name?: string; scopes?: Scope[] } = {},
  ) {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const bot = await createIntegration(t, acme, {
      name: opts.name ?? 'Hook bot',
      scopes: opts.scopes ?? ['groups:read', 'groups:write', 'chat:read', 'chat:write'],
      groupIds: opts.groupIds ?? [ops],
    });
    const made = await acme.owner.post(`/api/v1/admin/integrations/${bot.id}/webhooks`, { url: receiver.url, events });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    if (opts.handler) receiver.handler = opts.handler;
    const base = `/api/v1/admin/integrations/${bot.id}/webhooks/${made.body.id as string}`;
    const deliveries = async (): Promise<any[]> => (await acme.owner.get(`${base}/deliveries?limit=100`)).body.items;
    return { receiver, bot, webhookId: made.body.id as string, secret: made.body.secret as string, base, deliveries };
  }
  const post = async (c: Client, groupId: string, body: string) => {
    const res = await c.post('/api/v1/posts', { groupId, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const textOf = (r: { body: any }) => r.body.data?.post?.text ?? r.body.data?.message?.text;
  const ok = (out: Parameters<ReceiverHandler>[1]) => void out.writeHead(200).end();

  beforeAll(async () => {
    t = await startTestServer({
      dialect,
      env: { JOB_RETRY_BASE_MS: '5', WEBHOOK_TIMEOUT_MS: '300', WEBHOOK_MAX_ATTEMPTS: '6', WEBHOOK_DISABLE_AFTER: '2' },
    });
    acme = await signUpCompany(t);
    mia = await addPerson(t, acme, { name: 'Mia Member' });
    expect((await acme.owner.put('/api/v1/admin/integration-settings', { allowedHosts: ['127.0.0.1'] })).status).toBe(200);
    ops = (await acme.owner.post('/api/v1/groups', { name: 'Ops', visibility: 'open' })).body.id;
    secretGroup = (await acme.owner.post('/api/v1/groups', { name: 'Board', visibility: 'secret' })).body.id;
    expect((await mia.post(`/api/v1/groups/${ops}/join`)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('signs every request: the verifier accepts it, and refuses a wrong secret or an old timestamp', async () => {
    const { receiver, bot, secret } = await hookedBot(['post.created']);
    const postId = await post(mia, ops, 'Hello **ops**');
    const got = await waitUntil(() => receiver.events().find((r) => r.body.data.post.id === postId), 'the post');
    expect(got.body).toMatchObject({
      type: 'post.created',
      company: { id: acme.orgId, slug: acme.slug },
      integrationId: bot.id,
      data: {
        post: { id: postId, groupId: ops, text: 'Hello **ops**', author: { id: mia.personId, displayName: 'Mia Member', isBot: false } },
      },
    });
    expect(got.headers[WEBHOOK_HEADERS.eventId]).toBe(got.body.id);
    expect(got.headers[WEBHOOK_HEADERS.eventType]).toBe('post.created');
    expect(got.headers[WEBHOOK_HEADERS.deliveryId]).toMatch(/^[0-9a-f-]{36}$/);
    expect(got.headers['user-agent']).toBe('Commonplace-Webhooks/1');
    const header = got.headers[WEBHOOK_HEADERS.signature] as string;
    const signedAt = Number(/^t=(\d+),v1=[0-9a-f]{64}$/.exec(header)?.[1]);
    expect(verifyWebhookSignature(secret, header, got.raw)).toBe(true);
    expect(verifyWebhookSignature(secret, header, Buffer.from(got.raw), signedAt + SIGNATURE_TOLERANCE_SECONDS)).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', header, got.raw)).toBe(false);
    expect(verifyWebhookSignature(secret, header, got.raw.replace('ops', 'oops'))).toBe(false);
    expect(verifyWebhookSignature(secret, header, got.raw, signedAt + SIGNATURE_TOLERANCE_SECONDS + 1)).toBe(false);
  });

  it('delivers posts of groups the bot is in, never of others, nor its own', async () => {
    const { receiver, bot } = await hookedBot(['post.created']);
    const hidden = await post(acme.owner, secretGroup, 'Board only');
    const own = await post(bot.client, ops, 'I am the bot');
    const seen = await post(mia, ops, 'For everyone in ops');
    await waitUntil(() => receiver.events().some((r) => r.body.data.post.id === seen), 'the ops post');
    const ids = receiver.events().map((r) => r.body.data.post.id);
    expect(ids).not.toContain(hidden);
    expect(ids).not.toContain(own);
    // Not merely late: never written for this bot.
    const rows = await t.server.ctx.db.selectFrom('webhook_deliveries').select('payload').execute();
    expect(rows.filter((r) => r.payload.includes(hidden))).toEqual([]);
  });

  it('tells of a post waiting for approval only once it is approved', async () => {
    const reviewed = (await acme.owner.post('/api/v1/groups', { name: 'Reviewed', visibility: 'open', postApproval: true })).body.id;
    expect((await mia.post(`/api/v1/groups/${reviewed}/join`)).status).toBeLessThan(300);
    const { receiver } = await hookedBot(['post.created', 'mention'], { groupIds: [reviewed], name: 'Review bot' });
    const bot = await t.server.ctx.db.selectFrom('people').select('id').where('display_name', '=', 'Review bot').executeTakeFirstOrThrow();
    const pending = await post(mia, reviewed, `Waiting, @[Review bot](person:${bot.id})`);
    const published = await post(acme.owner, reviewed, 'Straight out');
    await waitUntil(() => receiver.events().some((r) => r.body.data.post.id === published), 'the published post');
    expect(receiver.events().map((r) => r.body.data.post.id)).not.toContain(pending);
    expect((await acme.owner.post(`/api/v1/posts/${pending}/approve`)).status).toBe(200);
    await waitUntil(
      () => receiver.events().filter((r) => r.body.data.post.id === pending).length === 2,
      'the approved post and its mention',
    );
    expect(receiver.events().map((r) => [r.body.type, textOf(r)])).toEqual([
      ['post.created', 'Straight out'],
      ['post.created', `Waiting, @[Review bot](person:${bot.id})`],
      ['mention', `Waiting, @[Review bot](person:${bot.id})`],
    ]);
  });

  it('retries after 500s and after a timeout, then delivers; the log shows the attempts', async () => {
    let calls = 0;
    const { receiver, deliveries } = await hookedBot(['post.created'], {
      handler: (_r, out) => {
        calls++;
        if (calls <= 2) return void out.writeHead(500).end('busy');
        if (calls === 3) return; // hangs: the attempt times out
        ok(out);
      },
    });
    const postId = await post(mia, ops, 'Try again');
    const [delivery] = await waitUntil(async () => {
      const items = await deliveries();
      return items[0]?.status === 'delivered' ? items : undefined;
    }, 'the delivery');
    expect(delivery).toMatchObject({ eventType: 'post.created', status: 'delivered', attempts: 4, lastStatus: 200, lastError: null });
    expect(delivery.durationMs).toEqual(expect.any(Number));
    expect(delivery.deliveredAt).toEqual(expect.any(String));
    const attempts = receiver.events().filter((r) => r.body.data.post.id === postId);
    expect(attempts).toHaveLength(4);
    // Each attempt is the same event, signed anew.
    expect(new Set(attempts.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.headers[WEBHOOK_HEADERS.deliveryId])).size).toBe(1);
  });

  it('keeps the order within a conversation while it waits for retries; other conversations go on', async () => {
    const answered: string[] = [];
    let firstFailures = 0;
    const { bot } = await hookedBot(['message.created'], {
      handler: (r, out) => {
        const text = textOf(r);
        // A1 fails until B1 got through: B's conversation is not held up by A's.
        if (text === 'A1' && !answered.includes('B1')) {
          firstFailures++;
          return void out.writeHead(503).end();
        }
        answered.push(text);
        ok(out);
      },
    });
    const a = await groupChat(mia, [{ personId: bot.botPersonId }, { personId: acme.owner.session!.person.id }], 'A');
    const b = await groupChat(acme.owner, [{ personId: bot.botPersonId }], 'B');
    for (const text of ['A1', 'A2', 'A3', 'A4', 'A5']) await send(mia, a, text);
    await waitUntil(() => firstFailures > 0, 'A1 to fail once');
    await send(acme.owner, b, 'B1');
    await waitUntil(() => answered.length === 6, 'all six messages');
    expect(answered.filter((x) => x.startsWith('A'))).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(answered.indexOf('B1')).toBeLessThan(answered.indexOf('A1'));
  });

  it('tells a bot only of what its scopes let it read; a scope taken away stops what was queued', async () => {
    const deaf = await hookedBot(['message.created', 'post.created'], { name: 'Writer only', scopes: ['groups:write', 'chat:write'] });
    const reader = await hookedBot(['message.created', 'post.created'], { name: 'Reader' });
    const chat = await groupChat(mia, [{ personId: deaf.bot.botPersonId }, { personId: reader.bot.botPersonId }], 'Scoped');
    const message = await send(mia, chat, 'Scoped hello');
    const postId = await post(mia, ops, 'Scoped post');
    await waitUntil(
      () =>
        reader.receiver.events().filter((r) => [message.id, postId].includes(r.body.data.message?.id ?? r.body.data.post?.id)).length === 2,
      'both events',
    );
    // Written with the change or never: the writer-only bot has no delivery at all.
    expect(await deaf.deliveries()).toEqual([]);
    expect(deaf.receiver.events()).toEqual([]);

    // Queued while the receiver fails, then groups:read is taken away: skipped, with the reason.
    let open = false;
    reader.receiver.handler = (_r, out) => (open ? ok(out) : void out.writeHead(500).end());
    const queued = await post(mia, ops, 'Scoped post, queued');
    await waitUntil(() => reader.receiver.events().some((r) => r.body.data.post?.id === queued), 'a first attempt');
    const patched = await acme.owner.patch(`/api/v1/admin/integrations/${reader.bot.id}`, {
      scopes: ['groups:write', 'chat:read', 'chat:write'],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    open = true;
    await waitUntil(
      async () => (await reader.deliveries()).find((d) => d.eventType === 'post.created' && d.status === 'skipped'),
      'the skip',
    );
    const skipped = (await reader.deliveries()).filter((d) => d.status === 'skipped');
    expect(skipped.map((d) => d.lastError)).toEqual(['the integration no longer has the scope groups:read']);
  });

  it('delivers nothing more once the bot left the group: what was queued is skipped', async () => {
    // Posts are never accepted: an attempt that began before the removal (its checks read just
    // before) fails, and the next one must find the bot gone and skip. Only skipping ends them.
    const { receiver, bot, deliveries } = await hookedBot(['post.created', 'member.left'], {
      handler: (r, out) => (r.body.type === 'member.left' ? ok(out) : void out.writeHead(500).end()),
    });
    const first = await post(mia, ops, 'Queued one');
    const second = await post(mia, ops, 'Queued two');
    await waitUntil(() => receiver.events().some((r) => r.body.data.post?.id === first), 'a first attempt');
    expect((await acme.owner.put(`/api/v1/admin/integrations/${bot.id}/groups`, { groupIds: [] })).status).toBe(200);
    // The bot hears that it left (to it alone), after the posts it can no longer read were skipped.
    const left = await waitUntil(() => receiver.events().find((r) => r.body.type === 'member.left'), 'member.left');
    expect(left.body.data).toEqual({
      groupId: ops,
      person: { id: bot.botPersonId, displayName: 'Hook bot', isBot: true },
      change: 'removed',
    });
    // A run's outcomes are written once it ends: the log may follow the receiver by a moment.
    const posts = await waitUntil(async () => {
      const list = (await deliveries()).filter((d) => d.eventType === 'post.created');
      return list.every((d) => d.status !== 'pending') ? list : null;
    }, 'the posts’ outcomes');
    expect(posts.map((d) => [d.status, d.lastError])).toEqual([
      ['skipped', 'the bot can no longer see this post'],
      ['skipped', 'the bot can no longer see this post'],
    ]);
    expect(receiver.events().filter((r) => r.body.data.post?.id === second)).toEqual([]);
    expect(
      receiver
        .events()
        .filter((r) => r.body.data.post?.id === first)
        .every((r) => r.at < left.at),
    ).toBe(true);
  });

  it('turns a webhook off after deliveries fail again and again, and says why', async () => {
    const other = (await acme.owner.post('/api/v1/groups', { name: 'Ops 2', visibility: 'open' })).body.id;
    const { bot, base, deliveries, receiver } = await hookedBot(['post.created'], {
      groupIds: [ops, other],
      handler: (_r, out) => void out.writeHead(500).end(),
    });
    // Two groups, two lanes failing side by side.
    await post(acme.owner, ops, 'Fails 1');
    await post(acme.owner, other, 'Fails 2');
    const off = await waitUntil(async () => {
      const w = (await acme.owner.get(base)).body;
      return w.enabled ? undefined : w;
    }, 'the webhook to be turned off');
    expect(off.disabledReason).toMatch(/^2 deliveries in a row failed; the last: answered with status 500/);
    expect(off.stats).toMatchObject({ failed: 2, pending: 0 });
    expect((await deliveries()).map((d) => [d.status, d.attempts])).toEqual([
      ['failed', 6],
      ['failed', 6],
    ]);
    const audit = await acme.owner.get('/api/v1/admin/audit-log?action=webhook.disabled');
    expect(audit.body.items[0]).toMatchObject({ actor: { kind: 'system' }, target: { id: off.id } });
    // Off: new events are not even written for it. On again: failures reset, events flow.
    await post(acme.owner, ops, 'While off');
    expect(await deliveries()).toHaveLength(2);
    receiver.handler = answerChallenge;
    expect((await acme.owner.patch(base, { enabled: true })).body).toMatchObject({ enabled: true, failures: 0 });
    const back = await post(acme.owner, ops, 'Back on');
    await waitUntil(() => receiver.events().some((r) => r.body.data.post.id === back), 'the post after it is on again');
    void bot;
  });

  it('finds deliveries another process wrote, and ones whose worker died mid-attempt', async () => {
    const { receiver, webhookId, deliveries } = await hookedBot(['post.created']);
    const row = (id: string, nextAttemptAt: number, attempts: number) => ({
      id,
      org_id: acme.orgId,
      webhook_id: webhookId,
      event_id: id,
      event_type: 'post.created',
      ordering_key: 'elsewhere',
      scope_kind: null,
      scope_id: null,
      payload: JSON.stringify({ id, type: 'post.created', data: { post: { id } } }),
      status: 'pending' as const,
      attempts,
      next_attempt_at: nextAttemptAt,
      last_status: null,
      last_error: null,
      last_duration_ms: null,
      created_at: Date.now(),
      delivered_at: null,
    });
    // Written straight to the table (no wake-up here), and one left leased by a worker that is gone.
    const db = t.server.ctx.db;
    await db
      .insertInto('webhook_deliveries')
      .values(row('01900000-0000-7000-8000-0000000000b1', Date.now(), 0))
      .execute();
    await db
      .insertInto('webhook_deliveries')
      .values(row('01900000-0000-7000-8000-0000000000b2', Date.now() + 300, 1))
      .execute();
    await waitUntil(async () => (await deliveries()).filter((d) => d.status === 'delivered').length === 2, 'both deliveries');
    expect(receiver.events().map((r) => r.body.id)).toEqual([
      '01900000-0000-7000-8000-0000000000b1',
      '01900000-0000-7000-8000-0000000000b2',
    ]);
  });

  it('is not hurt by a 10 MB answer', async () => {
    const { receiver, deliveries } = await hookedBot(['post.created'], {
      handler: (_r, out) => {
        out.writeHead(200, { 'content-type': 'text/plain' });
        out.on('error', () => {});
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        for (let i = 0; i < 10; i++) out.write(chunk);
        out.end();
      },
    });
    await post(mia, ops, 'Big answer 1');
    await post(mia, ops, 'Big answer 2');
    await waitUntil(async () => (await deliveries()).filter((d) => d.status === 'delivered').length === 2, 'both deliveries');
    expect(receiver.events()).toHaveLength(2);
  });

  it('tells bots of messages, mentions, members, comments and reactions where they are', async () => {
    const { receiver, bot } = await hookedBot(
      ['message.created', 'mention', 'member.joined', 'comment.created', 'reaction.added', 'interaction'],
      { name: 'Desk bot' },
    );
    const of = (type: string) => receiver.events().filter((r) => r.body.type === type);
    const dm = await direct(mia, { personId: bot.botPersonId });
    const joined = await waitUntil(() => of('member.joined').find((r) => r.body.data.conversationId === dm), 'member.joined');
    expect(joined.body.data).toMatchObject({ person: { id: bot.botPersonId, isBot: true }, change: 'added' });
    const sent = await send(mia, dm, `Hi @[Desk bot](person:${bot.botPersonId})`);
    await bot.client.post(`/api/v1/conversations/${dm}/messages`, { clientKey: 'bot-own-0001', body: 'Hello Mia' });
    const mention = await waitUntil(() => of('mention')[0], 'the mention');
    expect(mention.body.data.message).toMatchObject({
      id: sent.id,
      conversationId: dm,
      conversationKind: 'direct',
      author: { id: mia.personId },
    });
    await waitUntil(() => of('message.created').length === 1, 'the message');
    expect((await mia.put(`/api/v1/messages/${sent.id}/reaction`, { kind: 'like' })).status).toBe(200);
    const postId = await post(mia, ops, 'A post to comment on');
    expect((await mia.post(`/api/v1/posts/${postId}/comments`, { body: 'First!' })).status).toBe(201);
    expect((await mia.put(`/api/v1/posts/${postId}/reaction`, { kind: 'love' })).status).toBe(200);
    await waitUntil(() => of('reaction.added').length === 2 && of('comment.created').length === 1, 'reactions and the comment');
    expect(of('comment.created')[0]!.body.data.comment).toMatchObject({ postId, groupId: ops, text: 'First!', parentId: null });
    expect(of('reaction.added').map((r) => r.body.data)).toEqual([
      { reaction: 'like', person: expect.objectContaining({ id: mia.personId }), message: { id: sent.id, conversationId: dm } },
      { reaction: 'love', person: expect.objectContaining({ id: mia.personId }), post: { id: postId, groupId: ops } },
    ]);
    // The bot's own message was not sent back to it.
    expect(of('message.created').map(textOf)).toEqual([`Hi @[Desk bot](person:${bot.botPersonId})`]);
    // A button pressed on the bot's message comes back to it alone.
    const blocks = [{ type: 'actions', elements: [{ type: 'button', actionId: 'ok', label: 'OK' }] }];
    const asked = await bot.client.post(`/api/v1/conversations/${dm}/messages`, { clientKey: 'bot-own-0002', body: 'Fine?', blocks });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const acted = await mia.post(`/api/v1/messages/${asked.body.id}/actions`, { actionId: 'ok' });
    expect(acted.status, JSON.stringify(acted.body)).toBe(202);
    const interaction = await waitUntil(() => of('interaction')[0], 'the interaction');
    expect(interaction.body.data).toMatchObject({
      interactionId: acted.body.interactionId,
      person: { id: mia.personId },
      message: { id: asked.body.id, conversationId: dm },
    });
  });

  it('lists the delivery log newest first in pages, and sends a delivery again', async () => {
    const { receiver, base, deliveries } = await hookedBot(['post.created']);
    for (const text of ['Log 1', 'Log 2', 'Log 3']) await post(mia, ops, text);
    await waitUntil(
      async () => (await deliveries()).every((d) => d.status === 'delivered') && (await deliveries()).length === 3,
      'three deliveries',
    );
    const first = await acme.owner.get(`${base}/deliveries?limit=2`);
    expect(first.body.items).toHaveLength(2);
    const rest = await acme.owner.get(`${base}/deliveries?limit=2&cursor=${first.body.nextCursor}`);
    expect(rest.body).toMatchObject({ nextCursor: null });
    const all = [...first.body.items, ...rest.body.items];
    expect(all.map((d: any) => d.id)).toEqual([...all.map((d: any) => d.id)].sort().reverse());
    const oldest = all.at(-1);
    const again = await acme.owner.post(`${base}/deliveries/${oldest.id}/redeliver`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ eventId: oldest.eventId, status: 'pending', attempts: 0 });
    await waitUntil(() => receiver.events().filter((r) => r.body.id === oldest.eventId).length === 2, 'the second copy');
    const copies = receiver.events().filter((r) => r.body.id === oldest.eventId);
    expect(copies[1]!.headers[WEBHOOK_HEADERS.deliveryId]).toBe(again.body.id);
    expect(copies[1]!.raw).toBe(copies[0]!.raw);
    expect((await acme.owner.get(`${base}/deliveries?status=pending`)).body.items).toEqual([]);
  });
});
