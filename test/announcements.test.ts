import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('announcements on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let moderator: Person;
  let member: Person;
  let member2: Person;
  let outsider: Person;
  let groupId: string;

  const announce = async (c: Client = admin) => {
    const res = await c.post('/api/v1/posts', { body: 'Office closed on Friday', groupId, important: true });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const seen = (c: Client, id: string) => c.put(`/api/v1/posts/${id}/seen`);
  const announcementOf = async (c: Client, id: string) => (await c.get(`/api/v1/posts/${id}`)).body.announcement;
  const seenBy = (c: Client, id: string, q = '') => c.get(`/api/v1/posts/${id}/seen-by?limit=10${q}`);
  const ids = (items: Array<{ person: { id: string } }>) => items.map((x) => x.person.id).sort();

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    moderator = await addPerson(t, acme, { name: 'Max Moderator' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    member2 = await addPerson(t, acme, { name: 'Nia Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    groupId = await newGroup(admin, 'closed');
    await addTo(admin, groupId, moderator, member, member2);
    expect((await admin.patch(`/api/v1/groups/${groupId}/members/${moderator.personId}`, { role: 'moderator' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('only the group’s admins and moderators post announcements; profile posts cannot be one', async () => {
    expectProblem(await member.post('/api/v1/posts', { body: 'x', groupId, important: 'yes' }), 400, 'invalid_input', 'important');
    expectProblem(await member.post('/api/v1/posts', { body: 'x', important: true }), 400, 'invalid_input', 'important');
    expectProblem(await member.post('/api/v1/posts', { body: 'x', groupId, important: true }), 403, 'forbidden');
    const byModerator = await moderator.post('/api/v1/posts', { body: 'Read me', groupId, important: true });
    expect(byModerator.status).toBe(201);
    // Audience: the group's members but the author (admin, member, member2).
    expect(byModerator.body.announcement).toEqual({ seenByViewer: true, seenCount: 0, audienceCount: 3 });
    expect((await member.post('/api/v1/posts', { body: 'x', groupId })).body.announcement).toBeNull();
  });

  it('PUT /posts/:id/seen: 401 → 400 → 404 → 403 → 200, idempotent', async () => {
    const p = await announce();
    const plain = (await admin.post('/api/v1/posts', { body: 'ordinary', groupId })).body.id as string;
    expectProblem(await t.client(acme.slug).put(`/api/v1/posts/${p.id}/seen`), 401, 'unauthenticated');
    expectProblem(await member.put('/api/v1/posts/nope/seen'), 400, 'invalid_input', 'id');
    for (const c of [other.owner, outsider]) await expectUnknown((id) => seen(c, id), p.id);
    expectProblem(await seen(member, plain), 404, 'not_found');
    const open = await newGroup(admin, 'open');
    const inOpen = await admin.post('/api/v1/posts', { body: 'All hands', groupId: open, important: true });
    expectProblem(await seen(outsider, inOpen.body.id), 403, 'forbidden');

    expect(await announcementOf(member, p.id)).toEqual({ seenByViewer: false, seenCount: 0, audienceCount: 3 });
    const once = await seen(member, p.id);
    expect(once.status).toBe(200);
    expect(once.body.announcement).toEqual({ seenByViewer: true, seenCount: 1, audienceCount: 3 });
    expect((await seen(member, p.id)).body.announcement).toEqual({ seenByViewer: true, seenCount: 1, audienceCount: 3 });
    expect(await announcementOf(admin, p.id)).toEqual({ seenByViewer: true, seenCount: 1, audienceCount: 3 });
  });

  it('GET /posts/:id/seen-by: 401 → 400 → 404 → 403 (members) → 200 for the author and moderators', async () => {
    const p = await announce();
    await seen(member, p.id);
    expectProblem(await t.client(acme.slug).get(`/api/v1/posts/${p.id}/seen-by`), 401, 'unauthenticated');
    expectProblem(await admin.get('/api/v1/posts/nope/seen-by'), 400, 'invalid_input', 'id');
    expectProblem(await seenBy(admin, p.id, '&seen=maybe'), 400, 'invalid_input', 'seen');
    for (const c of [other.owner, outsider, acme.owner]) await expectUnknown((id) => seenBy(c, id), p.id);
    expectProblem(await seenBy(member2, p.id), 403, 'forbidden');

    for (const c of [admin, moderator]) {
      const yes = await seenBy(c, p.id, '&seen=true');
      expect(yes.status).toBe(200);
      expect(yes.body.items).toEqual([{ person: expect.objectContaining({ id: member.personId }), seenAt: expect.any(String) }]);
      const no = await seenBy(c, p.id, '&seen=false');
      expect(ids(no.body.items)).toEqual([moderator.personId, member2.personId].sort());
      expect(no.body.items.every((x: { seenAt: unknown }) => x.seenAt === null)).toBe(true);
    }
    // Paginated by name.
    const page1 = await admin.get(`/api/v1/posts/${p.id}/seen-by?seen=false&limit=1`);
    const page2 = await admin.get(`/api/v1/posts/${p.id}/seen-by?seen=false&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page1.body.items[0].person.displayName).toBe('Max Moderator');
    expect(page2.body.items[0].person.displayName).toBe('Nia Member');
    expect(page2.body.nextCursor).toBeNull();
  });

  it('"seen by N of M" follows the group: removed members leave both counts', async () => {
    const gid = await newGroup(admin, 'closed');
    const [a, b, c] = [await addPerson(t, acme), await addPerson(t, acme), await addPerson(t, acme)];
    await addTo(admin, gid, a, b, c);
    const p = await admin.post('/api/v1/posts', { body: 'Read me', groupId: gid, important: true });
    await seen(a, p.body.id);
    await seen(b, p.body.id);
    expect(await announcementOf(admin, p.body.id)).toMatchObject({ seenCount: 2, audienceCount: 3 });
    expect((await admin.delete(`/api/v1/groups/${gid}/members/${a.personId}`)).status).toBe(204);
    expect(await announcementOf(admin, p.body.id)).toMatchObject({ seenCount: 1, audienceCount: 2 });
    expect(ids((await seenBy(admin, p.body.id, '&seen=true')).body.items)).toEqual([b.personId]);
    expect((await admin.delete(`/api/v1/groups/${gid}/members/${c.personId}`)).status).toBe(204);
    expect(await announcementOf(admin, p.body.id)).toMatchObject({ seenCount: 1, audienceCount: 1 });
    expect((await seenBy(admin, p.body.id, '&seen=false')).body.items).toEqual([]);
  });

  it('realtime: seen counts reach the author and the group’s moderators, not every member', async () => {
    const p = await announce();
    const [toAdmin, toModerator, toMember2] = [await connect(admin), await connect(moderator), await connect(member2)];
    try {
      expect((await seen(member, p.id)).status).toBe(200);
      for (const live of [toAdmin, toModerator]) {
        const f = await live.waitFor((x) => x.type === 'post.tally' && x.payload.postId === p.id);
        expect(f.payload).toEqual({ postId: p.id, groupId, announcement: { seenCount: 1, audienceCount: 3 } });
      }
      expect((await admin.post(`/api/v1/people/${member2.personId}/follow`)).status).toBeLessThan(300);
      await toMember2.waitFor((x) => x.type === 'person.followed');
      expect(toMember2.events().filter((x) => x.type === 'post.tally')).toEqual([]);
    } finally {
      for (const live of [toAdmin, toModerator, toMember2]) live.close();
    }
  });
});
