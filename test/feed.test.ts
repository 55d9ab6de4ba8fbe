import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
interface Reason {
  kind: string;
  groupId?: string;
  authorId?: string;
  count?: number;
  text: string;
}
interface Item {
  post: { id: string; counts: { comments: number } };
  why: { reasons: Reason[]; score?: number; terms?: Record<string, number> };
}

describe.each(DIALECTS)('home feed on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let owner: Client;
  let me: Person;
  let friend: Person;
  let stranger: Person;
  let guest: Person;

  const newGroup = async (c: Client, visibility: string) => {
    const g = await c.post('/api/v1/groups', { name: `G ${Math.random()}`, visibility });
    expect(g.status).toBe(201);
    return g.body.id as string;
  };
  /** The group's creator invites; each person accepts. */
  const addTo = async (creator: Client, gid: string, ...people: Person[]) => {
    expect((await creator.post(`/api/v1/groups/${gid}/invitations`, { personIds: people.map((p) => p.personId) })).status).toBe(201);
    for (const p of people) expect((await p.post(`/api/v1/groups/${gid}/invitations/accept`)).status).toBe(200);
  };
  const post = async (c: Client, body: string, groupId?: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await c.post('/api/v1/posts', { body, ...(groupId ? { groupId } : {}), ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  /** Every page of the feed, in order. */
  const readAll = async (c: Client, order: 'recent' | 'top', limit = 100): Promise<Item[]> => {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const res = await c.get(`/api/v1/feed?order=${order}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...(res.body.items as Item[]));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    return items;
  };
  const idsOf = (items: Item[]) => items.map((i) => i.post.id);

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    owner = acme.owner;
    me = await addPerson(t, acme, { name: 'Mia Me' });
    friend = await addPerson(t, acme, { name: 'Fred Friend' });
    stranger = await addPerson(t, acme, { name: 'Stan Stranger' });
    guest = await addPerson(t, acme, { name: 'Gail Guest', role: 'guest' });
    expect((await me.post(`/api/v1/people/${friend.personId}/follow`)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /feed: 401 → 400 (order, cursor, limit) → 200', async () => {
    expectProblem(await t.client(acme.slug).get('/api/v1/feed'), 401, 'unauthenticated');
    expectProblem(await me.get('/api/v1/feed?order=best'), 400, 'invalid_input', 'order');
    expectProblem(await me.get('/api/v1/feed?cursor=not-a-cursor'), 400, 'invalid_input', 'cursor');
    expectProblem(await me.get('/api/v1/feed?limit=0'), 400, 'invalid_input', 'limit');
    expectProblem(await me.get('/api/v1/feed?limit=101'), 400, 'invalid_input', 'limit');
    expectProblem(await me.get('/api/v1/feed?extra=1'), 400, 'invalid_input');
    // A cursor of one order is not one of the other; a Top snapshot from the future is not a cursor either.
    const recentCursor = Buffer.from(JSON.stringify([Date.now(), 'x'])).toString('base64url');
    expectProblem(await me.get(`/api/v1/feed?order=top&cursor=${recentCursor}`), 400, 'invalid_input', 'cursor');
    const future = Buffer.from(JSON.stringify([Date.now() + 86_400_000, 1, 'x'])).toString('base64url');
    expectProblem(await me.get(`/api/v1/feed?order=top&cursor=${future}`), 400, 'invalid_input', 'cursor');
    for (const order of ['recent', 'top']) {
      const res = await me.get(`/api/v1/feed?order=${order}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ items: expect.any(Array), nextCursor: null });
    }
  });

  it('holds my groups, people I follow where I may see them, my own posts; nothing else', async () => {
    const openMine = await newGroup(owner, 'open');
    const closedMine = await newGroup(owner, 'closed');
    const secretMine = await newGroup(owner, 'secret');
    await addTo(owner, openMine, me);
    await addTo(owner, closedMine, me, stranger, guest);
    await addTo(owner, secretMine, me, stranger);
    const openNotMine = await newGroup(stranger, 'open');
    const closedNotMine = await newGroup(friend, 'closed');
    const secretNotMine = await newGroup(friend, 'secret');
    expect((await friend.post(`/api/v1/groups/${openNotMine}/join`)).status).toBe(200);

    const shown = {
      friendInOpenNotMine: await post(friend, 'friend, open group I am not in', openNotMine),
      strangerInClosedMine: await post(stranger, 'stranger, closed group I am in', closedMine),
      strangerInSecretMine: await post(stranger, 'stranger, secret group I am in', secretMine),
      friendProfile: await post(friend, 'friend, on their profile'),
      myProfile: await post(me, 'me, on my profile'),
      mineInOpenMine: await post(me, 'me, open group I am in', openMine),
    };
    const hidden = {
      strangerInOpenNotMine: await post(stranger, 'stranger, open group I am not in', openNotMine),
      friendInClosedNotMine: await post(friend, 'friend, closed group I am not in', closedNotMine),
      friendInSecretNotMine: await post(friend, 'friend, secret group I am not in', secretNotMine),
      strangerProfile: await post(stranger, 'stranger, on their profile'),
      otherCompany: await post(other.owner, 'another company'),
      deleted: await post(stranger, 'deleted at once', closedMine),
    };
    expect((await stranger.delete(`/api/v1/posts/${hidden.deleted}`)).status).toBe(204);

    for (const order of ['recent', 'top'] as const) {
      const items = await readAll(me, order, 2);
      const ids = idsOf(items);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of Object.values(shown)) expect(ids).toContain(id);
      for (const id of Object.values(hidden)) expect(ids).not.toContain(id);
      const why = (id: string) =>
        items
          .find((i) => i.post.id === id)!
          .why.reasons.filter((r) => ['own_post', 'member_of_group', 'follows_author'].includes(r.kind))
          .map((r) => [r.kind, r.groupId ?? r.authorId ?? null]);
      expect(why(shown.friendInOpenNotMine)).toEqual([['follows_author', friend.personId]]);
      expect(why(shown.strangerInClosedMine)).toEqual([['member_of_group', closedMine]]);
      expect(why(shown.friendProfile)).toEqual([['follows_author', friend.personId]]);
      expect(why(shown.myProfile)).toEqual([['own_post', null]]);
      expect(why(shown.mineInOpenMine)).toEqual([
        ['own_post', null],
        ['member_of_group', openMine],
      ]);
      expect(items.find((i) => i.post.id === shown.friendProfile)!.why.reasons[0]!.text).toBe('You follow Fred Friend.');
    }
    // Recent is newest first.
    const recent = idsOf(await readAll(me, 'recent'));
    expect(recent.indexOf(shown.mineInOpenMine)).toBeLessThan(recent.indexOf(shown.strangerInClosedMine));

    // A guest (who cannot follow anyone): their groups only; no profile posts, no open groups they are not in.
    const guestIds = idsOf(await readAll(guest, 'recent'));
    expect(guestIds).toContain(shown.strangerInClosedMine);
    for (const id of [hidden.strangerProfile, hidden.strangerInOpenNotMine, shown.strangerInSecretMine, shown.friendProfile]) {
      expect(guestIds).not.toContain(id);
    }

    // Removed from a group: its posts are gone from my next read, in both orders.
    expect((await owner.delete(`/api/v1/groups/${closedMine}/members/${me.personId}`)).status).toBe(204);
    for (const order of ['recent', 'top'] as const) expect(idsOf(await readAll(me, order))).not.toContain(shown.strangerInClosedMine);
  });

  it('pages are stable while new posts arrive: no repeats, no gaps, in both orders', async () => {
    const reader = await addPerson(t, acme, { name: 'Rita Reader' });
    const gid = await newGroup(owner, 'closed');
    await addTo(owner, gid, reader);
    for (let i = 0; i < 7; i++) await post(owner, `before ${i}`, gid);
    for (const order of ['recent', 'top'] as const) {
      const before = idsOf(await readAll(reader, order));
      const seen: string[] = [];
      const written: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await reader.get(`/api/v1/feed?order=${order}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...idsOf(res.body.items as Item[]));
        cursor = res.body.nextCursor as string | null;
        written.push(await post(owner, `while reading ${order}`, gid));
      } while (cursor);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toEqual(before);
      for (const id of written) expect(seen).not.toContain(id);
      // A new first page has them.
      expect(idsOf(await readAll(reader, order))).toEqual(expect.arrayContaining(written));
    }
  });

  it('Recent: busy and quiet sources interleave in exact time order at every page size', async () => {
    const reader = await addPerson(t, acme, { name: 'Nina Newest' });
    const followed = await addPerson(t, acme, { name: 'Paul Poster' });
    expect((await reader.post(`/api/v1/people/${followed.personId}/follow`)).status).toBeLessThan(300);
    const busy = await newGroup(owner, 'closed');
    const quiet = await newGroup(owner, 'open');
    await addTo(owner, busy, reader);
    await addTo(owner, quiet, reader);
    const written: string[] = [];
    for (let i = 0; i < 16; i++) {
      written.push(await post(owner, `busy ${i}`, busy));
      if (i % 5 === 0) written.push(await post(owner, `quiet ${i}`, quiet));
      if (i % 7 === 3) written.push(await post(followed, `profile ${i}`));
    }
    const expected = [...written].reverse();
    for (const limit of [1, 4, 6, 9, 30]) expect(idsOf(await readAll(reader, 'recent', limit))).toEqual(expected);
  });

  it('Top: unseen announcements first, then by score; the score is its terms, the reasons say them', async () => {
    const reader = await addPerson(t, acme, { name: 'Tom Top' });
    const alice = await addPerson(t, acme, { name: 'Alice Author' });
    const bob = await addPerson(t, acme, { name: 'Bob Busy' });
    const gid = await newGroup(owner, 'closed');
    await addTo(owner, gid, reader, alice, bob);
    const older = await post(alice, 'Alice, earlier', gid);
    expect((await reader.put(`/api/v1/posts/${older}/reaction`, { kind: 'like' })).status).toBe(200);
    const plain = await post(alice, 'Alice, plain', gid);
    const busy = await post(bob, 'Bob, much discussed', gid);
    for (let i = 0; i < 5; i++) expect((await alice.post(`/api/v1/posts/${busy}/comments`, { body: `comment ${i}` })).status).toBe(201);
    const announcement = await post(owner, 'Read me', gid, { important: true });

    const items = await readAll(reader, 'top', 2);
    const scores = items.map((i) => i.why.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const i of items) {
      const sum = Object.values(i.why.terms!).reduce((a, b) => a + b, 0);
      expect(i.why.score).toBeCloseTo(sum, 2);
    }
    const find = (id: string) => items.find((i) => i.post.id === id)!;
    const kinds = (id: string) => find(id).why.reasons.map((r) => r.kind);
    expect(items[0]!.post.id).toBe(announcement);
    expect(find(announcement).why.terms!.announcement).toBe(1000);
    expect(kinds(announcement)).toContain('announcement');
    // Bob's post: five comments (weight 10) → 15 × log2(11); popular, in words.
    expect(find(busy).why.terms!.engagement).toBeCloseTo(15 * Math.log2(11), 2);
    expect(find(busy).why.reasons.find((r) => r.kind === 'popular')).toMatchObject({ count: 5, text: '0 reactions and 5 comments.' });
    // I reacted to Alice's earlier post in this group: +10 for Alice, +5 for the group.
    expect(find(plain).why.terms).toMatchObject({ author: 10, group: 5, engagement: 0, announcement: 0 });
    expect(find(plain).why.reasons.find((r) => r.kind === 'interacted_with_author')).toMatchObject({
      authorId: alice.personId,
      count: 1,
      text: 'You reacted to or commented on Alice Author’s posts once in the last 30 days.',
    });
    expect(kinds(plain)).toEqual(['member_of_group', 'interacted_with_author', 'interacted_with_group', 'recent']);
    expect(find(plain).why.terms!.recency).toBeGreaterThan(99);
    const order = idsOf(items);
    expect(order.indexOf(busy)).toBeLessThan(order.indexOf(older));
    expect(order.indexOf(older)).toBeLessThan(order.indexOf(plain));
    // Recent explains where a post comes from, without a score.
    const recent = (await readAll(reader, 'recent')).find((i) => i.post.id === plain)!;
    expect(recent.why).toEqual({ reasons: [expect.objectContaining({ kind: 'member_of_group', groupId: gid })] });

    // Once seen, the announcement is scored like any post.
    expect((await reader.put(`/api/v1/posts/${announcement}/seen`)).status).toBe(200);
    const after = await readAll(reader, 'top');
    expect(after.find((i) => i.post.id === announcement)!.why.terms!.announcement).toBe(0);
    expect(idsOf(after)[0]).toBe(busy);
  });

  it('realtime: a followed person’s new posts reach me where I may see them, with live counts; not others', async () => {
    const fan = await addPerson(t, acme, { name: 'Fay Fan' });
    const author = await addPerson(t, acme, { name: 'Al Author' });
    const bystander = await addPerson(t, acme, { name: 'Ben Bystander' });
    expect((await fan.post(`/api/v1/people/${author.personId}/follow`)).status).toBeLessThan(300);
    const open = await newGroup(author, 'open');
    const secret = await newGroup(author, 'secret');
    const [toFan, toBystander] = [await connect(fan), await connect(bystander)];
    try {
      const hiddenId = await post(author, 'in my secret group', secret);
      const profileId = await post(author, 'on my profile');
      const openId = await post(author, 'in my open group', open);
      await toFan.waitFor((f) => f.type === 'post.created' && f.payload.postId === profileId && f.payload.groupId === null);
      await toFan.waitFor((f) => f.type === 'post.created' && f.payload.postId === openId && f.payload.groupId === open);
      expect((await bystander.put(`/api/v1/posts/${profileId}/reaction`, { kind: 'wow' })).status).toBe(200);
      await toFan.waitFor((f) => f.type === 'post.counts' && f.payload.postId === profileId && f.payload.reactions.wow === 1);
      // Everything after the secret post arrived, in order: it was never sent.
      expect(toFan.events().filter((f) => f.payload?.postId === hiddenId)).toEqual([]);
      // The bystander follows nobody: a follow event to them comes after anything earlier, and no post event came.
      expect((await fan.post(`/api/v1/people/${bystander.personId}/follow`)).status).toBeLessThan(300);
      await toBystander.waitFor((f) => f.type === 'person.followed');
      expect(toBystander.events().filter((f) => String(f.type).startsWith('post.'))).toEqual([]);
    } finally {
      toFan.close();
      toBystander.close();
    }
  });
});
