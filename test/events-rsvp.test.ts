import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('events and RSVPs on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let outsider: Person;
  let guest: Person;
  let closedId: string;

  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const eventPost = async (c: Client, groupId: string, event: Record<string, unknown> = { startsAt }) => {
    const res = await c.post('/api/v1/posts', { body: 'Summer party', groupId, event });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const rsvp = (c: Client, postId: string, answer: string) => c.put(`/api/v1/posts/${postId}/rsvp`, { answer });

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
  });
  afterAll(async () => {
    await t?.close();
  });

  it('POST /posts with an event: 400 naming the field → 201 with the event and no answers', async () => {
    const bad: Array<[unknown, string]> = [
      [{}, 'event.startsAt'],
      [{ startsAt: 'next friday' }, 'event.startsAt'],
      [{ startsAt, endsAt: new Date(Date.parse(startsAt) - 60_000).toISOString() }, 'event.endsAt'],
      [{ startsAt, place: 'x'.repeat(201) }, 'event.place'],
      [{ startsAt, title: '' }, 'event.title'],
      [{ startsAt, title: 'a\u0000b' }, 'event.title'],
    ];
    for (const [event, field] of bad) {
      expectProblem(await member.post('/api/v1/posts', { body: 'x', groupId: closedId, event }), 400, 'invalid_input', field);
    }
    const endsAt = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
    const res = await member.post('/api/v1/posts', {
      body: 'Party!',
      groupId: closedId,
      event: { title: ' Summer party ', startsAt, endsAt, place: 'Roof terrace' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      poll: null,
      event: {
        title: 'Summer party',
        startsAt,
        endsAt,
        place: 'Roof terrace',
        counts: { going: 0, maybe: 0, declined: 0 },
        viewerAnswer: null,
      },
    });
    const bare = await member.post('/api/v1/posts', { body: 'Stand-up', event: { startsAt } });
    expect(bare.body.event).toMatchObject({ title: null, endsAt: null, place: null });
  });

  it('PUT /posts/:id/rsvp: 401 → 400 → 404 → 403 → 200; a new answer replaces the old', async () => {
    const p = await eventPost(admin, closedId);
    const plain = (await admin.post('/api/v1/posts', { body: 'no event', groupId: closedId })).body.id as string;
    expectProblem(await t.client(acme.slug).put(`/api/v1/posts/${p.id}/rsvp`, { answer: 'going' }), 401, 'unauthenticated');
    expectProblem(await member.put('/api/v1/posts/nope/rsvp', { answer: 'going' }), 400, 'invalid_input', 'id');
    expectProblem(await rsvp(member, p.id, 'yes'), 400, 'invalid_input', 'answer');
    expectProblem(await member.put(`/api/v1/posts/${p.id}/rsvp`, {}), 400, 'invalid_input', 'answer');
    for (const c of [other.owner, outsider, guest]) await expectUnknown((id) => rsvp(c, id, 'going'), p.id);
    expectProblem(await rsvp(member, plain, 'going'), 404, 'not_found');
    const open = await newGroup(admin, 'open');
    const inOpen = await eventPost(admin, open);
    expectProblem(await rsvp(outsider, inOpen.id, 'going'), 403, 'forbidden');

    const going = await rsvp(member, p.id, 'going');
    expect(going.status).toBe(200);
    expect(going.body.event).toMatchObject({ counts: { going: 1, maybe: 0, declined: 0 }, viewerAnswer: 'going' });
    expect((await rsvp(admin, p.id, 'maybe')).body.event.counts).toEqual({ going: 1, maybe: 1, declined: 0 });
    const changed = await rsvp(member, p.id, 'declined');
    expect(changed.body.event).toMatchObject({ counts: { going: 0, maybe: 1, declined: 1 }, viewerAnswer: 'declined' });
    expect((await rsvp(member, p.id, 'declined')).body.event.counts).toEqual({ going: 0, maybe: 1, declined: 1 });
  });

  it('GET /posts/:id/rsvps: 401 → 400 → 404 (invisible = unknown) → 200, paginated and by answer', async () => {
    const p = await eventPost(admin, closedId);
    await rsvp(admin, p.id, 'going');
    await rsvp(member, p.id, 'maybe');
    const path = (id: string, q = '') => `/api/v1/posts/${id}/rsvps?limit=1${q}`;
    expectProblem(await t.client(acme.slug).get(path(p.id)), 401, 'unauthenticated');
    expectProblem(await member.get(path('nope')), 400, 'invalid_input', 'id');
    expectProblem(await member.get(path(p.id, '&answer=yes')), 400, 'invalid_input', 'answer');
    for (const c of [outsider, guest, other.owner, acme.owner]) await expectUnknown((id) => c.get(path(id)), p.id);

    const first = await member.get(path(p.id));
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    const second = await member.get(path(p.id, `&cursor=${first.body.nextCursor}`));
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((x: { answer: string }) => x.answer).sort()).toEqual(['going', 'maybe']);
    const maybe = await member.get(path(p.id, '&answer=maybe'));
    expect(maybe.body.items).toEqual([
      { person: expect.objectContaining({ id: member.personId }), answer: 'maybe', answeredAt: expect.any(String) },
    ]);
  });

  it('realtime: new answer counts reach the group’s members, nobody else', async () => {
    const p = await eventPost(admin, closedId);
    const [toAdmin, toOutsider] = [await connect(admin), await connect(outsider)];
    try {
      expect((await rsvp(member, p.id, 'going')).status).toBe(200);
      const f = await toAdmin.waitFor((x) => x.type === 'post.tally' && x.payload.postId === p.id);
      expect(f.payload).toEqual({ postId: p.id, groupId: closedId, event: { going: 1, maybe: 0, declined: 0 } });
      expect((await admin.post(`/api/v1/people/${outsider.personId}/follow`)).status).toBeLessThan(300);
      await toOutsider.waitFor((x) => x.type === 'person.followed');
      expect(toOutsider.events().filter((x) => x.payload?.postId === p.id)).toEqual([]);
    } finally {
      toAdmin.close();
      toOutsider.close();
    }
  });
});
