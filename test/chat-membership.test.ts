import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONVERSATION_MAX_MEMBERS } from '../protocol/chat.js';
import type { Frame } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { bulkPeople, chatHeard, direct, groupChat, send, type Person } from './support/conversations.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * Who is in a conversation: adding, removing, leaving, each told as a system message in seq order
 * and as an event to everyone concerned; a removed person hears nothing more of it, at once.
 */
describe.each(DIALECTS)('conversation membership on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;
  let bob: Person;
  let cat: Person;
  let dan: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    ann = await addPerson(t, acme, { name: 'Ann Archer' });
    bob = await addPerson(t, acme, { name: 'Bob Baker' });
    cat = await addPerson(t, acme, { name: 'Cat Cole' });
    dan = await addPerson(t, acme, { name: 'Dan Doe' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const systemOf = (frames: Frame[]) =>
    frames
      .filter((f) => f.type === 'chat.message')
      .map((f) => [f.payload.message.seq, f.payload.message.kind === 'system' ? f.payload.message.system.action : f.payload.message.body]);
  const names = async (c: Person, id: string) =>
    (await c.get(`/api/v1/conversations/${id}/members?limit=100`)).body.items.map(
      (m: { person: { displayName: string } }) => m.person.displayName,
    );

  it('adds, removes and leaves, each a system message in seq order with a membership event', async () => {
    const id = await groupChat(ann, [bob]);
    const annLive = await connect(ann);
    const catLive = await connect(cat);

    await send(bob, id, 'before');
    const added = await bob.post(`/api/v1/conversations/${id}/members`, { personIds: [cat.personId, dan.personId, cat.personId] });
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({ memberCount: 4, lastMessage: { kind: 'system', system: { action: 'added' } } });
    expect([...added.body.lastMessage.system.personIds].sort()).toEqual([cat.personId, dan.personId].sort());
    expect(await names(cat, id)).toEqual(['Ann Archer', 'Bob Baker', 'Cat Cole', 'Dan Doe']);
    // Adding someone already in changes nothing.
    expect((await ann.post(`/api/v1/conversations/${id}/members`, { personIds: [cat.personId] })).body.lastSeq).toBe(3);

    await send(cat, id, 'hello all');
    expect((await ann.delete(`/api/v1/conversations/${id}/members/${dan.personId}`)).status).toBe(204);
    expect((await cat.delete(`/api/v1/conversations/${id}/members/${cat.personId}`)).status).toBe(204);
    await send(ann, id, 'after');

    const annHeard = await chatHeard(ann, annLive, id);
    expect(systemOf(annHeard)).toEqual([
      [2, 'before'],
      [3, 'added'],
      [4, 'hello all'],
      [5, 'removed'],
      [6, 'left'],
      [7, 'after'],
    ]);
    expect(annHeard.filter((f) => f.type === 'chat.membership').map((f) => [f.payload.personId, f.payload.change])).toEqual([
      [cat.personId, 'added'],
      [dan.personId, 'added'],
      [dan.personId, 'removed'],
      [cat.personId, 'left'],
    ]);
    // Cat heard her own arrival and departure (the message telling the others she left is theirs), nothing after.
    const catHeard = await chatHeard(cat, catLive, id);
    expect(systemOf(catHeard)).toEqual([
      [3, 'added'],
      [4, 'hello all'],
      [5, 'removed'],
    ]);
    expect(catHeard.filter((f) => f.type === 'chat.membership').map((f) => [f.payload.personId, f.payload.change])).toEqual([
      [cat.personId, 'added'],
      [dan.personId, 'removed'],
      [cat.personId, 'left'],
    ]);
    expect(catHeard.at(-1)).toMatchObject({ type: 'chat.membership', payload: { personId: cat.personId, change: 'left' } });
    expect(await names(ann, id)).toEqual(['Ann Archer', 'Bob Baker']);
    await expectUnknown((x) => cat.get(`/api/v1/conversations/${x}`), id);
    expect((await cat.get('/api/v1/conversations')).body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    annLive.close();
    catLive.close();
  });

  it('a removed person’s open socket receives nothing more from the conversation once the DELETE answered', async () => {
    const id = await groupChat(ann, [bob, cat]);
    const bobLive = await connect(bob);
    const bobPhone = await connect(bob);
    // Messages keep flowing while Bob is removed; whatever was sent before the removal may reach him, nothing after.
    const flood = (async () => {
      for (let i = 0; i < 15; i++) await send(cat, id, `during ${i}`);
    })();
    await send(ann, id, 'while Bob is in');
    await bobLive.waitFor((f) => f.type === 'chat.message' && f.payload.message.body === 'while Bob is in');
    expect((await ann.delete(`/api/v1/conversations/${id}/members/${bob.personId}`)).status).toBe(204);
    await send(ann, id, 'after Bob left');
    await flood;
    for (const live of [bobLive, bobPhone]) {
      const heard = await chatHeard(bob, live, id);
      const removal = heard.findIndex((f) => f.type === 'chat.membership' && f.payload.change === 'removed');
      expect(removal).toBeGreaterThanOrEqual(0);
      // Nothing of the conversation after his removal, and never the message sent once the DELETE answered.
      expect(heard.slice(removal + 1)).toEqual([]);
      expect(heard.some((f) => f.payload.message?.body === 'after Bob left')).toBe(false);
      const seqs = heard.filter((f) => f.type === 'chat.message').map((f) => f.payload.message.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    await expectUnknown((x) => bob.get(`/api/v1/conversations/${x}`), id);
    bobLive.close();
    bobPhone.close();
  });

  it('only the conversation’s admins remove others; direct and group chats are not changed here', async () => {
    const id = await groupChat(ann, [bob, cat]);
    const res = await bob.delete(`/api/v1/conversations/${id}/members/${cat.personId}`);
    expectProblem(res, 403, 'forbidden');
    expect(res.body.detail).toMatch(/admins/);
    await expectUnknown((x) => ann.delete(`/api/v1/conversations/${id}/members/${x}`), dan.personId);

    const one = await direct(ann, bob);
    expect((await ann.delete(`/api/v1/conversations/${one}/members/${ann.personId}`)).body.detail).toMatch(/archive it instead/);
    expectProblem(await ann.delete(`/api/v1/conversations/${one}/members/${bob.personId}`), 403, 'forbidden');
    expectProblem(await ann.post(`/api/v1/conversations/${one}/members`, { personIds: [cat.personId] }), 403, 'forbidden');

    const groupId = await newGroup(ann, 'open');
    await addTo(ann, groupId, bob);
    const linked = (await ann.post('/api/v1/conversations', { kind: 'linked', groupId })).body.id as string;
    expect((await ann.post(`/api/v1/conversations/${linked}/members`, { personIds: [cat.personId] })).body.detail).toMatch(
      /joining the group/,
    );
    expect((await bob.delete(`/api/v1/conversations/${linked}/members/${bob.personId}`)).body.detail).toMatch(/leaving the group/);
    expectProblem(await ann.delete(`/api/v1/conversations/${linked}/members/${bob.personId}`), 403, 'forbidden');
    const members = (await bob.get(`/api/v1/conversations/${linked}/members`)).body.items;
    expect(members.map((m: { person: { id: string }; role: string }) => [m.person.id, m.role])).toEqual([
      [ann.personId, 'admin'],
      [bob.personId, 'member'],
    ]);
  });

  it('when the last admin leaves, the longest-standing member becomes admin; when everyone leaves, nobody is in it', async () => {
    const id = await groupChat(ann, [bob, cat]);
    expect((await ann.delete(`/api/v1/conversations/${id}/members/${ann.personId}`)).status).toBe(204);
    expect((await bob.get(`/api/v1/conversations/${id}`)).body.can.removePeople).toBe(true);
    expect((await bob.delete(`/api/v1/conversations/${id}/members/${bob.personId}`)).status).toBe(204);
    expect((await cat.delete(`/api/v1/conversations/${id}/members/${cat.personId}`)).status).toBe(204);
    for (const c of [ann, bob, cat]) await expectUnknown((x) => c.get(`/api/v1/conversations/${x}`), id);
  });

  it('refuses people one may not add, naming them, and more than a thousand people', async () => {
    const id = await groupChat(ann, [bob]);
    const other = await signUpCompany(t);
    const stranger = (await other.owner.get('/api/v1/me')).body.id as string;
    expectProblem(
      await ann.post(`/api/v1/conversations/${id}/members`, { personIds: [cat.personId, stranger] }),
      400,
      'invalid_input',
      'personIds.1',
    );
    expectProblem(await ann.post(`/api/v1/conversations/${id}/members`, { personIds: [] }), 400, 'invalid_input', 'personIds');

    const crowd = await bulkPeople(t, acme.orgId, CONVERSATION_MAX_MEMBERS - 2, 'Crowd');
    const full = await ann.post(`/api/v1/conversations/${id}/members`, { personIds: crowd });
    expect(full.status).toBe(200);
    expect(full.body.memberCount).toBe(CONVERSATION_MAX_MEMBERS);
    const page = await ann.get(`/api/v1/conversations/${id}/members?limit=100`);
    expect(page.body.items).toHaveLength(100);
    const next = await ann.get(`/api/v1/conversations/${id}/members?limit=100&cursor=${page.body.nextCursor}`);
    expect(next.body.items[0].person.displayName > page.body.items[99].person.displayName).toBe(true);
    const over = await ann.post(`/api/v1/conversations/${id}/members`, { personIds: [cat.personId] });
    expectProblem(over, 409, 'conversation_full');
    expect(over.body.detail).toMatch(/at most 1000 people/);
  });
});
