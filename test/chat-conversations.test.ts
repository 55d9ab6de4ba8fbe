import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_MAX_MEMBERS } from '../protocol/chat.js';
import { DIALECTS } from './support/databases.js';
import { bulkJoin, bulkPeople, chatHeard, direct, groupChat, send, type Person } from './support/conversations.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Conversations as people see them: one-to-one (one per pair), group conversations, a group's chat,
 * the list (order, filters, search, pages), unread counts and the badge on every device, receipts,
 * mute, archive and rename; and a conversation someone is not in is a 404 like an unknown id.
 */
describe.each(DIALECTS)('conversations on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;
  let bob: Person;
  let cat: Person;
  let dan: Person;
  let other: Company;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    ann = await addPerson(t, acme, { name: 'Ann Archer' });
    bob = await addPerson(t, acme, { name: 'Bob Baker' });
    cat = await addPerson(t, acme, { name: 'Cat Müller' });
    dan = await addPerson(t, acme, { name: 'Dan Doe' });
    other = await signUpCompany(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (c: Person, id: string) => c.get(`/api/v1/conversations/${id}`);

  it('one one-to-one conversation per pair, whoever asks and however often, even at once', async () => {
    const first = await ann.post('/api/v1/conversations', { kind: 'direct', personId: bob.personId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      kind: 'direct',
      name: null,
      group: null,
      memberCount: 2,
      lastSeq: 0,
      lastMessage: null,
      unreadCount: 0,
      muted: false,
      archived: false,
      can: { rename: false, addPeople: false, removePeople: false, leave: false },
    });
    expect(first.body.people.map((p: { id: string }) => p.id)).toEqual([bob.personId]);
    const again = await ann.post('/api/v1/conversations', { kind: 'direct', personId: bob.personId });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const reverse = await bob.post('/api/v1/conversations', { kind: 'direct', personId: ann.personId });
    expect(reverse.status).toBe(200);
    expect(reverse.body.id).toBe(first.body.id);
    expect(reverse.body.people.map((p: { id: string }) => p.id)).toEqual([ann.personId]);

    // Both ask at the same moment, several times: one conversation.
    const racing = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        i % 2
          ? cat.post('/api/v1/conversations', { kind: 'direct', personId: dan.personId })
          : dan.post('/api/v1/conversations', { kind: 'direct', personId: cat.personId }),
      ),
    );
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(racing.map((r) => r.body.id)).size).toBe(1);
    const rows = await t.server.ctx.db
      .selectFrom('conversations')
      .select('id')
      .where('direct_key', '=', [cat.personId, dan.personId].sort().join(':'))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a one-to-one with oneself, with nobody, and with someone of another company', async () => {
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'direct', personId: ann.personId }), 400, 'invalid_input', 'personId');
    const stranger = (await other.owner.get('/api/v1/me')).body.id as string;
    await expectUnknown((id) => ann.post('/api/v1/conversations', { kind: 'direct', personId: id }), stranger);
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'direct', personId: 'nope' }), 400, 'invalid_input', 'personId');
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'chat' }), 400, 'invalid_input');
  });

  it('a guest chats only with the people they can see', async () => {
    const guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    await expectUnknown((id) => guest.post('/api/v1/conversations', { kind: 'direct', personId: id }), ann.personId);
    expectProblem(
      await guest.post('/api/v1/conversations', { kind: 'group', personIds: [ann.personId] }),
      400,
      'invalid_input',
      'personIds.0',
    );
  });

  it('a group conversation: its creator is its admin, the others members, and seq 1 says it was created', async () => {
    const live = await connect(bob);
    const res = await ann.post('/api/v1/conversations', {
      kind: 'group',
      name: '  Launch  ',
      personIds: [bob.personId, cat.personId, bob.personId, ann.personId],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'group', name: 'Launch', memberCount: 3, lastSeq: 1, unreadCount: 0 });
    expect(res.body.can).toEqual({ rename: true, addPeople: true, removePeople: true, leave: true });
    expect(res.body.lastMessage).toMatchObject({ seq: 1, kind: 'system', system: { action: 'created', name: 'Launch' } });
    expect([...res.body.lastMessage.system.personIds].sort()).toEqual([bob.personId, cat.personId].sort());
    const heard = await live.waitFor((f) => f.type === 'chat.message' && f.payload.conversationId === res.body.id);
    expect(heard.payload.message.seq).toBe(1);
    const asBob = await get(bob, res.body.id);
    expect(asBob.body.can).toEqual({ rename: true, addPeople: true, removePeople: false, leave: true });
    const members = await ann.get(`/api/v1/conversations/${res.body.id}/members?limit=10`);
    expect(members.body.items.map((m: { person: { displayName: string }; role: string }) => [m.person.displayName, m.role])).toEqual([
      ['Ann Archer', 'admin'],
      ['Bob Baker', 'member'],
      ['Cat Müller', 'member'],
    ]);
    live.close();
  });

  it('refuses bad group conversations, naming the field', async () => {
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'group', personIds: [] }), 400, 'invalid_input', 'personIds');
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'group', personIds: [ann.personId] }), 400, 'invalid_input', 'personIds');
    const stranger = (await other.owner.get('/api/v1/me')).body.id as string;
    expectProblem(
      await ann.post('/api/v1/conversations', { kind: 'group', personIds: [bob.personId, stranger] }),
      400,
      'invalid_input',
      'personIds.1',
    );
    expectProblem(
      await ann.post('/api/v1/conversations', { kind: 'group', personIds: [bob.personId], name: 'x'.repeat(101) }),
      400,
      'invalid_input',
      'name',
    );
    const tooMany = Array.from({ length: CONVERSATION_MAX_MEMBERS }, () => bob.personId);
    expectProblem(await ann.post('/api/v1/conversations', { kind: 'group', personIds: tooMany }), 400, 'invalid_input', 'personIds');
    // A deactivated person cannot be added.
    const gone = await addPerson(t, acme, { name: 'Gone Person' });
    expect((await acme.owner.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
    expectProblem(
      await acme.owner.post('/api/v1/conversations', { kind: 'group', personIds: [gone.personId] }),
      400,
      'invalid_input',
      'personIds.0',
    );
  });

  it('a group’s chat follows the group’s membership, and a secret group’s chat is a 404 to outsiders', async () => {
    const groupId = await newGroup(ann, 'secret');
    await expectUnknown((id) => bob.post('/api/v1/conversations', { kind: 'linked', groupId: id }), groupId);
    const made = await ann.post('/api/v1/conversations', { kind: 'linked', groupId });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ kind: 'linked', memberCount: 1, can: { rename: false, addPeople: false, leave: false } });
    expect(made.body.group).toMatchObject({ id: groupId });
    expect((await ann.post('/api/v1/conversations', { kind: 'linked', groupId })).body.id).toBe(made.body.id);
    const id = made.body.id as string;
    await expectUnknown((x) => get(bob, x), id);

    await addTo(ann, groupId, bob);
    expect((await get(bob, id)).body).toMatchObject({ memberCount: 2, people: [{ id: ann.personId }] });
    expect((await bob.get('/api/v1/conversations')).body.items.map((c: { id: string }) => c.id)).toContain(id);
    const live = await connect(bob);
    await send(ann, id, 'Hello group');
    await live.waitFor((f) => f.type === 'chat.message' && f.payload.message.body === 'Hello group');
    expect((await bob.get('/api/v1/chat/unread')).body).toEqual({ total: 1, conversations: 1 });

    expect((await bob.post(`/api/v1/groups/${groupId}/leave`)).status).toBe(204);
    await expectUnknown((x) => get(bob, x), id);
    expect((await bob.get('/api/v1/chat/unread')).body).toEqual({ total: 0, conversations: 0 });
    const from = live.frames.length;
    await send(ann, id, 'After Bob left');
    expect(await chatHeard(bob, live, id, from)).toEqual([]);
    live.close();
  });

  it('a group of more than a thousand people has no chat (409 saying why)', async () => {
    const groupId = await newGroup(ann, 'open');
    await bulkJoin(t, acme.orgId, groupId, await bulkPeople(t, acme.orgId, CONVERSATION_MAX_MEMBERS, 'Crowd'));
    const res = await ann.post('/api/v1/conversations', { kind: 'linked', groupId });
    expectProblem(res, 409, 'group_too_large');
    expect(res.body.detail).toMatch(/more than 1000 members/);
  });

  it('lists my conversations newest activity first, with filters, accent-blind search and pages', async () => {
    const fresh = await addPerson(t, acme, { name: 'Fay Fresh' });
    const withBob = await direct(fresh, bob);
    const withCat = await direct(fresh, cat);
    const named = await groupChat(fresh, [ann, dan], 'Quarterly planning');
    await send(bob, withBob, 'Ping');
    const ids = async (query = '') =>
      (await fresh.get(`/api/v1/conversations${query}`)).body.items.map((c: { id: string }) => c.id) as string[];
    expect(await ids()).toEqual([withBob, named, withCat]);

    // Search: another person's name without its accents, or the conversation's name.
    expect(await ids('?q=muller')).toEqual([withCat]);
    expect(await ids('?q=M%C3%9CLLER')).toEqual([withCat]);
    expect(await ids('?q=quarterly')).toEqual([named]);
    expect(await ids('?q=ann')).toEqual([named]);
    expect(await ids('?q=fay')).toEqual([]);

    // Pages of two: stable, no overlap, complete.
    const p1 = await fresh.get('/api/v1/conversations?limit=2');
    expect(p1.body.items.map((c: { id: string }) => c.id)).toEqual([withBob, named]);
    const p2 = await fresh.get(`/api/v1/conversations?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((c: { id: string }) => c.id)).toEqual([withCat]);
    expect(p2.body.nextCursor).toBeNull();
    expectProblem(await fresh.get('/api/v1/conversations?cursor=garbage'), 400, 'invalid_input', 'cursor');

    // Unread: Bob's ping. Archived: out of "all" until a new message brings it back.
    expect(await ids('?filter=unread')).toEqual([withBob]);
    expect((await fresh.put(`/api/v1/conversations/${withCat}/settings`, { archived: true })).body.archived).toBe(true);
    expect(await ids()).toEqual([withBob, named]);
    expect(await ids('?filter=archived')).toEqual([withCat]);
    await send(cat, withCat, 'Back again');
    expect(await ids()).toEqual([withCat, withBob, named]);
    expect(await ids('?filter=archived')).toEqual([]);
  });

  it('unread counts and the badge; reading on one device clears it on the other, and the others get a receipt', async () => {
    const reader = await addPerson(t, acme, { name: 'Rita Reader' });
    const conv = await direct(ann, reader);
    const team = await groupChat(ann, [reader, bob]);
    const phone = await connect(reader);
    const laptop = await connect(reader);
    const annLive = await connect(ann);
    await send(ann, conv, 'one');
    await send(ann, conv, 'two');
    const three = await send(ann, conv, 'three');
    await send(bob, team, 'hi team');
    await send(reader, team, 'my own message does not count');

    expect((await reader.get('/api/v1/chat/unread')).body).toEqual({ total: 4, conversations: 2 });
    const listed = await reader.get(`/api/v1/conversations/${conv}`);
    expect(listed.body).toMatchObject({ unreadCount: 3, lastReadSeq: 0, lastSeq: 3, lastMessage: { body: 'three' } });

    const read = await reader.post(`/api/v1/conversations/${conv}/read`, { seq: 2 });
    expect(read.body).toEqual({ conversationId: conv, lastReadSeq: 2, unreadCount: 1, total: 2 });
    for (const device of [phone, laptop]) {
      const mine = await device.waitFor((f) => f.type === 'chat.read.mine' && f.payload.lastReadSeq === 2);
      expect(mine.payload).toEqual({ conversationId: conv, lastReadSeq: 2, unreadCount: 1, total: 2 });
    }
    const receipt = await annLive.waitFor((f) => f.type === 'chat.receipt' && f.payload.conversationId === conv);
    expect(receipt).toMatchObject({ kind: 'event', payload: { personId: reader.personId, lastReadSeq: 2 } });

    // Beyond the end is the end; backwards is no move and tells nobody.
    expect((await reader.post(`/api/v1/conversations/${conv}/read`, { seq: 99 })).body).toMatchObject({
      lastReadSeq: three.seq,
      unreadCount: 0,
      total: 1,
    });
    await laptop.waitFor((f) => f.type === 'chat.read.mine' && f.payload.lastReadSeq === 3);
    await annLive.waitFor((f) => f.type === 'chat.receipt' && f.payload.lastReadSeq === 3);
    const from = laptop.frames.length;
    const annFrom = annLive.frames.length;
    expect((await reader.post(`/api/v1/conversations/${conv}/read`, { seq: 1 })).body).toMatchObject({ lastReadSeq: 3, unreadCount: 0 });
    expect(await chatHeard(reader, laptop, conv, from)).toEqual([]);
    expect(await chatHeard(ann, annLive, conv, annFrom)).toEqual([]);

    const receipts = await ann.get(`/api/v1/conversations/${conv}/receipts`);
    expect(receipts.body.items).toEqual(
      expect.arrayContaining([
        { personId: reader.personId, lastReadSeq: 3 },
        { personId: ann.personId, lastReadSeq: 0 },
      ]),
    );
    expect(receipts.body.items).toHaveLength(2);

    // Muted: the team's unread message leaves the badge but keeps its count; the settings reach my devices.
    const muted = await reader.put(`/api/v1/conversations/${team}/settings`, { muted: true });
    expect(muted.body).toMatchObject({ muted: true, archived: false, unreadCount: 1 });
    const told = await phone.waitFor((f) => f.type === 'chat.settings' && f.payload.conversationId === team);
    expect(told.payload).toEqual({ conversationId: team, muted: true, archived: false, total: 0 });
    expect((await reader.get('/api/v1/chat/unread')).body).toEqual({ total: 0, conversations: 0 });
    await reader.put(`/api/v1/conversations/${team}/settings`, { muted: false });
    expect((await reader.get('/api/v1/chat/unread')).body).toEqual({ total: 1, conversations: 1 });
    await reader.put(`/api/v1/conversations/${team}/settings`, { archived: true });
    expect((await reader.get('/api/v1/chat/unread')).body).toEqual({ total: 0, conversations: 0 });
    for (const s of [phone, laptop, annLive]) s.close();
  });

  it('a one-to-one with someone since deactivated still shows them, marked so; they are no longer in it', async () => {
    const leaver = await addPerson(t, acme, { name: 'Lou Leaving' });
    const id = await direct(ann, leaver);
    expect((await acme.owner.post(`/api/v1/admin/people/${leaver.personId}/deactivate`)).status).toBe(200);
    const seen = (await get(ann, id)).body;
    expect(seen).toMatchObject({ memberCount: 1, people: [{ id: leaver.personId, displayName: 'Lou Leaving', deactivated: true }] });
  });

  it('a deleted message no longer counts as unread', async () => {
    const id = await direct(dan, cat);
    const gone = await send(dan, id, 'oops');
    await send(dan, id, 'kept');
    expect((await cat.get(`/api/v1/conversations/${id}`)).body.unreadCount).toBe(2);
    expect((await dan.delete(`/api/v1/messages/${gone.id}`)).status).toBeLessThan(300);
    expect((await cat.get(`/api/v1/conversations/${id}`)).body.unreadCount).toBe(1);
  });

  it('in a conversation of more than a hundred people, receipts are live signals, not numbered events', async () => {
    const crowd = await bulkPeople(t, acme.orgId, 100, 'Audience');
    const id = await groupChat(ann, [bob, ...crowd.map((personId) => ({ personId }))]);
    const annLive = await connect(ann);
    const { seq } = await send(ann, id, 'big news');
    await bob.post(`/api/v1/conversations/${id}/read`, { seq });
    const receipt = await annLive.waitFor((f) => f.type === 'chat.receipt' && f.payload.conversationId === id);
    expect(receipt).toEqual({
      kind: 'signal',
      type: 'chat.receipt',
      payload: { conversationId: id, personId: bob.personId, lastReadSeq: seq },
    });
    annLive.close();
  });

  it('a group’s chat keeps each member’s read position and settings', async () => {
    const groupId = await newGroup(ann, 'open');
    await addTo(ann, groupId, bob);
    const id = (await ann.post('/api/v1/conversations', { kind: 'linked', groupId })).body.id as string;
    await send(ann, id, 'hello');
    expect((await get(bob, id)).body).toMatchObject({ unreadCount: 1, muted: false });
    expect((await bob.post(`/api/v1/conversations/${id}/read`, { seq: 1 })).body).toMatchObject({ lastReadSeq: 1, unreadCount: 0 });
    expect((await bob.put(`/api/v1/conversations/${id}/settings`, { muted: true })).body).toMatchObject({ muted: true, lastReadSeq: 1 });
    const receipts = (await ann.get(`/api/v1/conversations/${id}/receipts`)).body.items;
    expect(receipts).toEqual(
      expect.arrayContaining([
        { personId: bob.personId, lastReadSeq: 1 },
        { personId: ann.personId, lastReadSeq: 0 },
      ]),
    );
  });

  it('renames a group conversation with a system message and an event to everyone in it', async () => {
    const id = await groupChat(ann, [bob, cat]);
    const live = await connect(cat);
    const res = await bob.patch(`/api/v1/conversations/${id}`, { name: 'Renamed by Bob' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed by Bob',
      lastSeq: 2,
      lastMessage: { kind: 'system', system: { action: 'renamed', name: 'Renamed by Bob' } },
    });
    const heard = (await chatHeard(cat, live, id)).map((f) => f.type);
    expect(heard).toEqual(['chat.message', 'chat.conversation']);
    expect((await cat.get('/api/v1/conversations?q=renamed')).body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect((await bob.patch(`/api/v1/conversations/${id}`, { name: '' })).body.name).toBeNull();
    const one = await direct(ann, bob);
    expectProblem(await ann.patch(`/api/v1/conversations/${one}`, { name: 'Us' }), 403, 'forbidden');
    live.close();
  });

  it('someone not in a conversation gets a 404 on every endpoint, like an unknown id; so does another company', async () => {
    const id = await groupChat(ann, [bob]);
    const outsider = dan;
    const stranger = other.owner;
    for (const c of [outsider, stranger]) {
      await expectUnknown((x) => c.get(`/api/v1/conversations/${x}`), id);
      await expectUnknown((x) => c.patch(`/api/v1/conversations/${x}`, { name: 'X' }), id);
      await expectUnknown((x) => c.put(`/api/v1/conversations/${x}/settings`, { muted: true }), id);
      await expectUnknown((x) => c.get(`/api/v1/conversations/${x}/members`), id);
      await expectUnknown((x) => c.post(`/api/v1/conversations/${x}/members`, { personIds: [outsider.personId] }), id);
      await expectUnknown((x) => c.delete(`/api/v1/conversations/${x}/members/${bob.personId}`), id);
      await expectUnknown((x) => c.post(`/api/v1/conversations/${x}/read`, { seq: 1 }), id);
      await expectUnknown((x) => c.get(`/api/v1/conversations/${x}/receipts`), id);
    }
    expect((await outsider.get('/api/v1/conversations')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await stranger.get('/api/v1/conversations')).body.items).toEqual([]);
    expect((await stranger.get('/api/v1/chat/unread')).body).toEqual({ total: 0, conversations: 0 });
  });
});
