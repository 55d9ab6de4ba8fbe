import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup, NEVER_USED_ID, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type PollOption = { id: string; text: string; votes: number };

describe.each(DIALECTS)('polls on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let guest: Person;
  let closedId: string;
  let secretId: string;

  const pollPost = async (c: Client, groupId: string, poll: Record<string, unknown>) => {
    const res = await c.post('/api/v1/posts', { body: 'Where shall we eat?', groupId, poll });
    expect(res.status).toBe(201);
    return res.body as { id: string; poll: { options: PollOption[] } };
  };
  const vote = (c: Client, postId: string, optionIds: string[]) => c.put(`/api/v1/posts/${postId}/votes`, { optionIds });

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    closedId = await newGroup(admin, 'closed');
    await addTo(admin, closedId, member);
    secretId = await newGroup(admin, 'secret');
    await addTo(admin, secretId, member);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('POST /posts with a poll: 400 naming the field for bad polls → 201 with empty results', async () => {
    const bad: Array<[unknown, string]> = [
      [{ options: [] }, 'poll.options'],
      [{ options: ['only one'] }, 'poll.options'],
      [{ options: Array.from({ length: 1000 }, (_, i) => `option ${i}`) }, 'poll.options'],
      [{ options: ['a', 'x'.repeat(201)] }, 'poll.options.1'],
      [{ options: ['a', '   '] }, 'poll.options.1'],
      [{ options: ['Pizza', 'pizza '] }, 'poll.options'],
      [{ options: ['a', 'b'], closesAt: 'tomorrow' }, 'poll.closesAt'],
      [{ options: ['a', 'b'], closesAt: new Date(Date.now() - 60_000).toISOString() }, 'poll.closesAt'],
      [{ options: ['a', 'b'], multiple: 'yes' }, 'poll.multiple'],
      [{ options: ['a', 'b'], zzz: 1 }, 'poll.zzz'],
    ];
    for (const [poll, field] of bad) {
      expectProblem(await member.post('/api/v1/posts', { body: 'x', groupId: closedId, poll }), 400, 'invalid_input', field);
    }
    const closesAt = new Date(Date.now() + 86_400_000).toISOString();
    const res = await member.post('/api/v1/posts', {
      body: 'Lunch?',
      groupId: closedId,
      poll: { options: [' Pizza ', 'Sushi'], closesAt },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'published',
      event: null,
      announcement: null,
      poll: {
        multiple: false,
        closesAt,
        closed: false,
        voters: 0,
        viewerChoices: [],
        options: [
          { text: 'Pizza', votes: 0 },
          { text: 'Sushi', votes: 0 },
        ],
      },
    });
    expect((await member.post('/api/v1/posts', { body: 'plain', groupId: closedId })).body.poll).toBeNull();
  });

  it('PUT /posts/:id/votes: 401 → 400 → 404 → 403 → 200; single choice replaces, empty list takes back', async () => {
    const p = await pollPost(admin, closedId, { options: ['A', 'B', 'C'] });
    const [a, b] = p.poll.options.map((o) => o.id);
    const plain = (await admin.post('/api/v1/posts', { body: 'no poll', groupId: closedId })).body.id as string;
    expectProblem(await t.client(acme.slug).put(`/api/v1/posts/${p.id}/votes`, { optionIds: [a] }), 401, 'unauthenticated');
    expectProblem(await member.put('/api/v1/posts/nope/votes', { optionIds: [a] }), 400, 'invalid_input', 'id');
    expectProblem(await member.put(`/api/v1/posts/${p.id}/votes`, { optionIds: 'A' }), 400, 'invalid_input', 'optionIds');
    expectProblem(await member.put(`/api/v1/posts/${p.id}/votes`, { optionIds: ['A'] }), 400, 'invalid_input', 'optionIds.0');
    expectProblem(await vote(member, p.id, [a!, a!]), 400, 'invalid_input', 'optionIds');
    await expectUnknown((id) => vote(other.owner, id, [a!]), p.id);
    await expectUnknown((id) => vote(outsider, id, [a!]), p.id);
    await expectUnknown((id) => vote(guest, id, [a!]), p.id);
    expectProblem(await vote(member, plain, [a!]), 404, 'not_found');
    expectProblem(await vote(member, p.id, [a!, b!]), 400, 'invalid_input', 'optionIds');
    expectProblem(await vote(member, p.id, [NEVER_USED_ID]), 400, 'invalid_input', 'optionIds');

    const open = await newGroup(admin, 'open');
    const inOpen = await pollPost(admin, open, { options: ['Yes', 'No'] });
    expectProblem(await vote(outsider, inOpen.id, [inOpen.poll.options[0]!.id]), 403, 'forbidden');

    const first = await vote(member, p.id, [a!]);
    expect(first.status).toBe(200);
    expect(first.body.poll).toMatchObject({ voters: 1, viewerChoices: [a] });
    const second = await vote(member, p.id, [b!]);
    expect(second.body.poll.viewerChoices).toEqual([b]);
    expect(second.body.poll.options.map((o: PollOption) => o.votes)).toEqual([0, 1, 0]);
    expect((await vote(admin, p.id, [b!])).body.poll).toMatchObject({ voters: 2, viewerChoices: [b] });
    const back = await vote(member, p.id, []);
    expect(back.body.poll).toMatchObject({ voters: 1, viewerChoices: [] });
    expect((await admin.get(`/api/v1/posts/${p.id}`)).body.poll).toMatchObject({ voters: 1, viewerChoices: [b] });
  });

  it('multiple choice: several options, one voter counted once', async () => {
    const p = await pollPost(admin, closedId, { options: ['Mon', 'Tue', 'Wed'], multiple: true });
    const ids = p.poll.options.map((o) => o.id);
    const res = await vote(member, p.id, [ids[0]!, ids[2]!]);
    expect(res.status).toBe(200);
    expect(res.body.poll).toMatchObject({ multiple: true, voters: 1 });
    expect(res.body.poll.options.map((o: PollOption) => o.votes)).toEqual([1, 0, 1]);
    expect([...res.body.poll.viewerChoices].sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('a closed poll takes no votes (409) and says so', async () => {
    const p = await pollPost(admin, closedId, { options: ['A', 'B'], closesAt: new Date(Date.now() + 1500).toISOString() });
    await expect
      .poll(async () => (await member.get(`/api/v1/posts/${p.id}`)).body.poll.closed, { timeout: 10_000, interval: 200 })
      .toBe(true);
    expectProblem(await vote(member, p.id, [p.poll.options[0]!.id]), 409, 'poll_closed');
  });

  it('one person voting many times at once: every answer is a 200, one vote survives', async () => {
    const p = await pollPost(admin, closedId, { options: ['A', 'B', 'C', 'D'] });
    const ids = p.poll.options.map((o) => o.id);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => vote(member, p.id, [ids[i % ids.length]!])));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const after = (await member.get(`/api/v1/posts/${p.id}`)).body.poll;
    expect(after.voters).toBe(1);
    expect(after.viewerChoices).toHaveLength(1);
    expect(after.options.reduce((n: number, o: PollOption) => n + o.votes, 0)).toBe(1);
  });

  it('GET /posts/:id/poll/voters: 401 → 400 → 404 (invisible = unknown) → 200, paginated and by option', async () => {
    const p = await pollPost(admin, secretId, { options: ['A', 'B'] });
    const [a, b] = p.poll.options.map((o) => o.id);
    await vote(admin, p.id, [a!]);
    await vote(member, p.id, [b!]);
    const path = (id: string, q = '') => `/api/v1/posts/${id}/poll/voters?limit=1${q}`;
    expectProblem(await t.client(acme.slug).get(path(p.id)), 401, 'unauthenticated');
    expectProblem(await member.get(path('nope')), 400, 'invalid_input', 'id');
    expectProblem(await member.get(path(p.id, '&optionId=x')), 400, 'invalid_input', 'optionId');
    expectProblem(await member.get(path(p.id, `&optionId=${NEVER_USED_ID}`)), 400, 'invalid_input', 'optionId');
    expectProblem(await member.get(path(p.id, '&cursor=zzz')), 400, 'invalid_input', 'cursor');
    for (const c of [outsider, guest, other.owner, acme.owner]) await expectUnknown((id) => c.get(path(id)), p.id);
    for (const c of [outsider, guest, other.owner]) await expectUnknown((id) => c.get(`/api/v1/posts/${id}`), p.id);

    const first = await member.get(path(p.id));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const second = await member.get(path(p.id, `&cursor=${first.body.nextCursor}`));
    expect(second.body.nextCursor).toBeNull();
    const everyone = [...first.body.items, ...second.body.items];
    expect(everyone.map((x: { person: { id: string } }) => x.person.id).sort()).toEqual([admin.personId, member.personId].sort());
    const onlyB = await member.get(path(p.id, `&optionId=${b}`));
    expect(onlyB.body.items).toEqual([
      { person: expect.objectContaining({ id: member.personId }), optionId: b, votedAt: expect.any(String) },
    ]);
  });

  it('realtime: new tallies reach the group’s members, nobody else', async () => {
    const p = await pollPost(admin, closedId, { options: ['A', 'B'] });
    const [toAdmin, toOutsider] = [await connect(admin), await connect(outsider)];
    try {
      expect((await vote(member, p.id, [p.poll.options[1]!.id])).status).toBe(200);
      const f = await toAdmin.waitFor((x) => x.type === 'post.tally' && x.payload.postId === p.id);
      expect(f.payload).toEqual({
        postId: p.id,
        groupId: closedId,
        poll: {
          voters: 1,
          options: [
            { id: p.poll.options[0]!.id, votes: 0 },
            { id: p.poll.options[1]!.id, votes: 1 },
          ],
        },
      });
      // A later event to the outsider proves the tally, had it been sent, would have arrived first.
      expect((await admin.post(`/api/v1/people/${outsider.personId}/follow`)).status).toBeLessThan(300);
      await toOutsider.waitFor((x) => x.type === 'person.followed');
      expect(toOutsider.events().filter((x) => x.payload?.postId === p.id)).toEqual([]);
    } finally {
      toAdmin.close();
      toOutsider.close();
    }
  });
});
