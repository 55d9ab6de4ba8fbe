import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MESSAGE_MAX_CHARS } from '../protocol/chat.js';
import type { LiveSocket } from './support/client.js';
import { direct, groupChat, send, type Person } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { connect, range } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

const key = () => randomBytes(8).toString('hex');
const mention = (name: string, id: string) => `@[${name}](person:${id})`;

describe.each(DIALECTS)('chat messages on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let anna: Person;
  let ben: Person;
  let cleo: Person;
  let dan: Person;

  beforeAll(async () => {
    // Flooding has its own suite below; here many sends follow each other quickly.
    t = await startTestServer({ dialect, env: { CHAT_SEND_LIMIT: '1000' } });
    acme = await signUpCompany(t);
    anna = await addPerson(t, acme, { name: 'Anna Archer' });
    ben = await addPerson(t, acme, { name: 'Ben Baker' });
    cleo = await addPerson(t, acme, { name: 'Cleo Cook' });
    dan = await addPerson(t, acme, { name: 'Dan Diver' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const msgs = (id: string) => `/api/v1/conversations/${id}/messages`;
  /** The conversation's last seq before the test's messages (a group conversation starts with its 'created' system message). */
  const lastSeq = async (id: string): Promise<number> => (await anna.get(`/api/v1/conversations/${id}`)).body.lastSeq as number;
  type Item = { seq: number; body: string; kind: string; id: string };
  const texts = async (c: Person, id: string): Promise<Item[]> =>
    ((await c.get(`${msgs(id)}?limit=100`)).body.items as Item[]).filter((m) => m.kind === 'text');

  it('sends and lists in server order; every participant device hears chat.message, the sender answer is 201', async () => {
    const conv = await groupChat(anna, [ben, cleo]);
    const base = await lastSeq(conv);
    const benLive = await connect(ben);
    const res = await anna.post(msgs(conv), { clientKey: key(), body: 'Hello **team**' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      conversationId: conv,
      seq: base + 1,
      kind: 'text',
      sender: { id: anna.personId, displayName: 'Anna Archer' },
      body: 'Hello **team**',
      html: '<p>Hello <strong>team</strong></p>\n',
      replyTo: null,
      attachments: [],
      post: null,
      reactions: [],
      mentions: [],
      editedAt: null,
      deletedAt: null,
    });
    const heard = await benLive.waitFor((f) => f.type === 'chat.message' && f.payload.conversationId === conv);
    expect(heard.payload.message).toEqual(res.body);
    await send(ben, conv, 'Second');
    await send(cleo, conv, 'Third');
    const page = await ben.get(msgs(conv));
    expect(page.status).toBe(200);
    expect(page.body.hasMore).toBe(false);
    expect(page.body.items.filter((m: Item) => m.kind === 'text').map((m: Item) => [m.seq, m.body])).toEqual([
      [base + 1, 'Hello **team**'],
      [base + 2, 'Second'],
      [base + 3, 'Third'],
    ]);
    benLive.close();
  });

  it('pages: newest page, older with before, catch-up with after, hasMore in the asked direction', async () => {
    const conv = await direct(anna, cleo);
    for (let i = 1; i <= 7; i++) await send(i % 2 ? anna : cleo, conv, `m${i}`);
    const seqs = (r: { body: { items: Array<{ seq: number }> } }) => r.body.items.map((m) => m.seq);
    const newest = await anna.get(`${msgs(conv)}?limit=3`);
    expect([seqs(newest), newest.body.hasMore]).toEqual([[5, 6, 7], true]);
    const older = await anna.get(`${msgs(conv)}?limit=3&before=5`);
    expect([seqs(older), older.body.hasMore]).toEqual([[2, 3, 4], true]);
    const oldest = await anna.get(`${msgs(conv)}?limit=3&before=2`);
    expect([seqs(oldest), oldest.body.hasMore]).toEqual([[1], false]);
    const after = await anna.get(`${msgs(conv)}?limit=3&after=2`);
    expect([seqs(after), after.body.hasMore]).toEqual([[3, 4, 5], true]);
    const tail = await anna.get(`${msgs(conv)}?limit=3&after=5`);
    expect([seqs(tail), tail.body.hasMore]).toEqual([[6, 7], false]);
    expectProblem(await anna.get(`${msgs(conv)}?before=3&after=1`), 400, 'invalid_input', 'before');
  });

  it('20 concurrent sends from three people take seqs 1..20 without a gap or a duplicate', async () => {
    const conv = await groupChat(anna, [ben, cleo]);
    const base = await lastSeq(conv);
    const senders = [anna, ben, cleo];
    const answers = await Promise.all(
      range(1, 20).map((i) => senders[i % 3]!.post(msgs(conv), { clientKey: key(), body: `parallel ${i}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(range(1, 20).map(() => 201));
    expect(answers.map((a) => a.body.seq as number).sort((a, b) => a - b)).toEqual(range(base + 1, base + 20));
    const page = await anna.get(`${msgs(conv)}?limit=100`);
    expect(page.body.items.map((m: Item) => m.seq)).toEqual(range(1, base + 20));
    expect(new Set((await texts(anna, conv)).map((m) => m.body)).size).toBe(20);
  });

  it('concurrent sends, edits and reactions in conversations sharing people all succeed (no deadlock reaches anyone)', async () => {
    const convs = [await groupChat(anna, [ben, cleo]), await groupChat(cleo, [dan, anna]), await groupChat(dan, [ben, anna, cleo])];
    const seed = await Promise.all(convs.map((c) => send(anna, c, 'seed')));
    const people = [anna, ben, cleo, dan];
    const member = (c: number, i: number) => (c === 0 ? [anna, ben, cleo] : c === 1 ? [cleo, dan, anna] : people)[i % 3]!;
    const answers = await Promise.all(
      range(0, 59).map((i) => {
        const c = i % 3;
        const who = member(c, i);
        if (i % 5 === 4) return who.put(`/api/v1/messages/${seed[c]!.id}/reaction`, { kind: i % 2 ? 'like' : 'wow' });
        return who.post(msgs(convs[c]!), { clientKey: key(), body: `stress ${i}` });
      }),
    );
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    for (const c of convs) {
      const seqs = ((await anna.get(`${msgs(c)}?limit=100`)).body.items as Item[]).map((m) => m.seq);
      expect(seqs).toEqual(range(1, seqs.length));
    }
  });

  it('a retried key returns the first message (200), one row; at once too; another person has their own keys', async () => {
    const conv = await groupChat(anna, [ben, cleo]);
    const base = await lastSeq(conv);
    const k = key();
    const first = await anna.post(msgs(conv), { clientKey: k, body: 'once' });
    const again = await anna.post(msgs(conv), { clientKey: k, body: 'once' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    // Ben using the same key is his own message, no conflict and nothing of Anna's.
    const bens = await ben.post(msgs(conv), { clientKey: k, body: 'mine' });
    expect(bens.status).toBe(201);
    expect(bens.body).toMatchObject({ body: 'mine', sender: { id: ben.personId }, seq: base + 2 });
    // Two sends with one key at the same moment: one message, equal answers.
    const k2 = key();
    const both = await Promise.all([0, 1].map(() => cleo.post(msgs(conv), { clientKey: k2, body: 'twice?' })));
    expect(both.map((b) => b.status).sort()).toEqual([200, 201]);
    expect(both[0]!.body).toEqual(both[1]!.body);
    const page = await texts(anna, conv);
    expect(page.map((m) => [m.seq, m.body])).toEqual([
      [base + 1, 'once'],
      [base + 2, 'mine'],
      [base + 3, 'twice?'],
    ]);
  });

  it('reusing a key for another body or conversation is a 409 naming clientKey', async () => {
    const conv = await groupChat(anna, [ben]);
    const other = await direct(anna, dan);
    const k = key();
    expect((await anna.post(msgs(conv), { clientKey: k, body: 'first' })).status).toBe(201);
    expectProblem(await anna.post(msgs(conv), { clientKey: k, body: 'changed' }), 409, 'client_key_reused', 'clientKey');
    const elsewhere = await anna.post(msgs(other), { clientKey: k, body: 'first' });
    expectProblem(elsewhere, 409, 'client_key_reused', 'clientKey');
    expect(elsewhere.body.detail).toContain('already used for another message');
  });

  it('replies quote a message of the same conversation only', async () => {
    const conv = await groupChat(anna, [ben]);
    const other = await direct(anna, cleo);
    const q = await send(anna, conv, 'Lunch at *noon*?');
    const foreign = await send(anna, other, 'elsewhere');
    const reply = await ben.post(msgs(conv), { clientKey: key(), body: 'Yes', replyToId: q.id });
    expect(reply.status).toBe(201);
    expect(reply.body.replyTo).toEqual({
      id: q.id,
      seq: q.seq,
      senderId: anna.personId,
      senderName: 'Anna Archer',
      // The excerpt reads the rendered text (markup gone, words kept apart).
      excerpt: 'Lunch at noon ?',
      deleted: false,
    });
    expectProblem(await ben.post(msgs(conv), { clientKey: key(), body: 'x', replyToId: foreign.id }), 400, 'invalid_input', 'replyToId');
    // Once the quoted message is deleted the reply says so, without its text.
    expect((await anna.delete(`/api/v1/messages/${q.id}`)).status).toBe(200);
    const page = await ben.get(msgs(conv));
    expect(page.body.items.find((m: { id: string }) => m.id === reply.body.id).replyTo).toMatchObject({ excerpt: null, deleted: true });
  });

  it('edit, reactions and delete reach the other participant as chat.message.updated; the message keeps its seq', async () => {
    const conv = await groupChat(anna, [ben]);
    const m = await send(anna, conv, 'draft');
    await send(ben, conv, 'after it');
    const benLive: LiveSocket = await connect(ben);
    const updates = () => benLive.events().filter((f) => f.type === 'chat.message.updated' && f.payload.message.id === m.id);

    const edited = await anna.patch(`/api/v1/messages/${m.id}`, { body: 'final' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'final', html: '<p>final</p>\n', seq: m.seq });
    expect(edited.body.editedAt).not.toBeNull();
    await benLive.waitFor(() => updates().length === 1);
    expect(updates()[0]!.payload.message).toEqual(edited.body);

    expectProblem(await ben.patch(`/api/v1/messages/${m.id}`, { body: 'hijack' }), 403, 'forbidden');
    expect((await ben.patch(`/api/v1/messages/${m.id}`, { body: 'hijack' })).body.detail).toContain('You can only edit your own messages');
    expectProblem(await ben.delete(`/api/v1/messages/${m.id}`), 403, 'forbidden');

    expect((await ben.put(`/api/v1/messages/${m.id}/reaction`, { kind: 'like' })).body.reactions).toEqual([
      { kind: 'like', personIds: [ben.personId] },
    ]);
    expect((await anna.put(`/api/v1/messages/${m.id}/reaction`, { kind: 'like' })).body.reactions).toEqual([
      { kind: 'like', personIds: [ben.personId, anna.personId] },
    ]);
    // One per person: a new kind replaces the old.
    expect((await ben.put(`/api/v1/messages/${m.id}/reaction`, { kind: 'love' })).body.reactions).toEqual([
      { kind: 'like', personIds: [anna.personId] },
      { kind: 'love', personIds: [ben.personId] },
    ]);
    expect((await anna.delete(`/api/v1/messages/${m.id}/reaction`)).body.reactions).toEqual([{ kind: 'love', personIds: [ben.personId] }]);
    await benLive.waitFor(() => updates().length === 5);
    expect(updates()[4]!.payload.message.reactions).toEqual([{ kind: 'love', personIds: [ben.personId] }]);

    const gone = await anna.delete(`/api/v1/messages/${m.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ body: '', html: '', reactions: [], seq: m.seq });
    expect(gone.body.deletedAt).not.toBeNull();
    await benLive.waitFor(() => updates().length === 6);
    expect(updates()[5]!.payload.message).toEqual(gone.body);
    expectProblem(await ben.put(`/api/v1/messages/${m.id}/reaction`, { kind: 'like' }), 409, 'message_deleted');
    expectProblem(await anna.patch(`/api/v1/messages/${m.id}`, { body: 'back' }), 409, 'message_deleted');
    // No new seq for any of it.
    expect((await texts(ben, conv)).map((x) => x.seq)).toEqual([m.seq, m.seq + 1]);
    expect(benLive.events().filter((f) => f.type === 'chat.message' && f.payload.conversationId === conv)).toEqual([]);
    benLive.close();
  });

  it('mentions link participants only (others stay plain text) and notify them, even when muted', async () => {
    const conv = await groupChat(anna, [ben, cleo]);
    expect((await cleo.put(`/api/v1/conversations/${conv}/settings`, { muted: true })).status).toBe(200);
    const body = `Hi ${mention('Ben', ben.personId)}, ${mention('Cleo', cleo.personId)} and ${mention('Dan', dan.personId)}`;
    const res = await anna.post(msgs(conv), { clientKey: key(), body });
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([ben.personId, cleo.personId]);
    expect(res.body.html).toContain(`<a href="/people/${ben.personId}" class="mention">@Ben Baker</a>`);
    expect(res.body.html).toContain(`<a href="/people/${cleo.personId}" class="mention">@Cleo Cook</a>`);
    expect(res.body.html).toContain('and @Dan</p>');
    expect(res.body.html).not.toContain(dan.personId);
    for (const who of [ben, cleo]) {
      const list = await who.get('/api/v1/notifications?limit=20');
      const note = list.body.items.find(
        (n: { kind: string; messageId: string }) => n.kind === 'chat_mention' && n.messageId === res.body.id,
      );
      expect(note).toMatchObject({ conversationId: conv, actors: [{ id: anna.personId }], excerpt: 'Hi @Ben Baker , @Cleo Cook and @Dan' });
    }
    const dans = await dan.get('/api/v1/notifications?limit=20');
    expect(dans.body.items.filter((n: { conversationId: string }) => n.conversationId === conv)).toEqual([]);
  });

  it('people not looking get one chat_message notification per conversation gathering the senders; muted and looking people none', async () => {
    // People who never opened a socket here (nobody else's devices count).
    const quiet = () => addPerson(t, acme, { name: 'Quinn Quiet' });
    const [ben, cleo, dan] = [await quiet(), await quiet(), await quiet()];
    const conv = await groupChat(anna, [ben, cleo, dan]);
    expect((await dan.put(`/api/v1/conversations/${conv}/settings`, { muted: true })).status).toBe(200);
    // Cleo is looking: a device of hers reported just now.
    await t.server.ctx.db
      .insertInto('presence_devices')
      .values({ connection_id: key(), org_id: acme.orgId, person_id: cleo.personId, status: 'active', seen_at: Date.now() })
      .execute();
    await send(anna, conv, 'one');
    await send(cleo, conv, 'two');
    await send(anna, conv, 'three');
    const bens = (await ben.get('/api/v1/notifications?limit=50')).body.items.filter(
      (n: { kind: string; conversationId: string }) => n.kind === 'chat_message' && n.conversationId === conv,
    );
    expect(bens).toHaveLength(1);
    expect(bens[0]).toMatchObject({ actorCount: 2, excerpt: 'three', read: false });
    expect(bens[0].actors.map((a: { id: string }) => a.id)).toEqual([anna.personId, cleo.personId]);
    for (const who of [cleo!, dan!]) {
      const items = (await who.get('/api/v1/notifications?limit=50')).body.items;
      expect(items.filter((n: { kind: string; conversationId: string }) => n.kind === 'chat_message' && n.conversationId === conv)).toEqual(
        [],
      );
    }
  });

  it('bodies over the limit are a 400 naming body; a body over the request limit a 413 problem', async () => {
    const conv = await direct(anna, ben);
    expectProblem(
      await anna.post(msgs(conv), { clientKey: key(), body: 'x'.repeat(CHAT_MESSAGE_MAX_CHARS + 1) }),
      400,
      'invalid_input',
      'body',
    );
    expect((await anna.post(msgs(conv), { clientKey: key(), body: 'x'.repeat(CHAT_MESSAGE_MAX_CHARS) })).status).toBe(201);
    const huge = await anna.post(msgs(conv), { clientKey: key(), body: 'x'.repeat(2 * 1024 * 1024) });
    expectProblem(huge, 413, 'body_too_large');
    expectProblem(await anna.post(msgs(conv), { clientKey: key(), body: '   ' }), 400, 'invalid_input', 'body');
    expectProblem(await anna.post(msgs(conv), { clientKey: 'short', body: 'x' }), 400, 'invalid_input', 'clientKey');
    // The server keeps serving.
    expect((await send(anna, conv, 'still here')).seq).toBe(2);
  });
});

describe.each(DIALECTS)('chat flooding and big audiences on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let anna: Person;
  let ben: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { CHAT_SEND_LIMIT: '5', NOTIFY_INLINE_LIMIT: '2' } });
    acme = await signUpCompany(t);
    anna = await addPerson(t, acme, { name: 'Anna Archer' });
    ben = await addPerson(t, acme, { name: 'Ben Baker' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a person sending too fast gets 429 with Retry-After; a retried key still answers; another person still sends', async () => {
    const conv = await direct(anna, ben);
    const path = `/api/v1/conversations/${conv}/messages`;
    const keys = range(1, 5).map(() => key());
    const burst = await Promise.all(keys.map((k, i) => anna.post(path, { clientKey: k, body: `burst ${i}` })));
    expect(burst.map((b) => b.status)).toEqual([201, 201, 201, 201, 201]);
    const refused = await anna.post(path, { clientKey: key(), body: 'one too many' });
    expectProblem(refused, 429, 'too_many_messages');
    expect(refused.body.detail).toMatch(/^You are sending messages too fast; try again in \d+ s\.$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // A retry of an acknowledged send is not a new message: it is answered, not refused.
    expect((await anna.post(path, { clientKey: keys[0], body: 'burst 0' })).status).toBe(200);
    expect((await ben.post(path, { clientKey: key(), body: 'I can still talk' })).status).toBe(201);
    const page = await ben.get(path);
    expect(page.body.items).toHaveLength(6);
  });

  it('above NOTIFY_INLINE_LIMIT people not looking are told by the background job', async () => {
    const quiet = await Promise.all(range(1, 3).map((i) => addPerson(t, acme, { name: `Quinn ${i}` })));
    // Ben (Anna spent her budget above).
    const conv = await groupChat(ben, quiet);
    const sent = await send(ben, conv, 'to all of you');
    for (const q of quiet)
      await expect
        .poll(async () =>
          ((await q.get('/api/v1/notifications?limit=20')).body.items as Array<{ kind: string; messageId: string }>).map((n) => [
            n.kind,
            n.messageId,
          ]),
        )
        .toContainEqual(['chat_message', sent.id]);
  });
});

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('chat flooding across two server processes (PostgreSQL + Redis)', () => {
  const prefix = `cp-test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  let one: TestServer;
  let two: TestServer;
  let anna: Person;
  let ben: Person;

  beforeAll(async () => {
    const env = { CHAT_SEND_LIMIT: '4', REDIS_PREFIX: prefix };
    one = await startTestServer({ dialect: 'postgres', redisUrl: REDIS_URL, env });
    two = await startTestServer({ dialect: 'postgres', redisUrl: REDIS_URL, databaseUrl: one.databaseUrl, env });
    const acme = await signUpCompany(one);
    anna = await addPerson(one, acme, { name: 'Anna Archer' });
    ben = await addPerson(one, acme, { name: 'Ben Baker' });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('the budget is one for all processes', async () => {
    const conv = await direct(anna, ben);
    const path = `/api/v1/conversations/${conv}/messages`;
    const annaOnTwo = Object.assign(two.client(anna.host.split('.')[0]!), { cookie: anna.cookie, csrf: anna.csrf });
    for (const c of [anna, annaOnTwo, anna, annaOnTwo]) expect((await c.post(path, { clientKey: key(), body: 'hi' })).status).toBe(201);
    expectProblem(await annaOnTwo.post(path, { clientKey: key(), body: 'one more' }), 429, 'too_many_messages');
    expectProblem(await anna.post(path, { clientKey: key(), body: 'one more' }), 429, 'too_many_messages');
  });
});
