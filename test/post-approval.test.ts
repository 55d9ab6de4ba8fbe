import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { addTo, expectUnknown, newGroup, type Person } from './support/post-fixtures.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

describe.each(DIALECTS)('post approval on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let moderator: Person;
  let author: Person;
  let member: Person;
  let outsider: Person;
  let groupId: string;

  const write = async (c: Client, body = 'Please approve me') => {
    const res = await c.post('/api/v1/posts', { body, groupId });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string };
  };
  const feedIds = async (c: Client, path: string) => ((await c.get(path)).body.items as Array<{ id: string }>).map((p) => p.id);

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    moderator = await addPerson(t, acme, { name: 'Max Moderator' });
    author = await addPerson(t, acme, { name: 'Wes Writer' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    // Open: without approval everyone in the company would see its posts.
    groupId = await newGroup(admin, 'open', { postApproval: true });
    await addTo(admin, groupId, moderator, author, member);
    expect((await admin.patch(`/api/v1/groups/${groupId}/members/${moderator.personId}`, { role: 'moderator' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('members’ posts wait; the group’s admins’ and moderators’ do not; without the setting nobody waits', async () => {
    expect((await write(author)).status).toBe('pending');
    expect((await write(admin)).status).toBe('published');
    expect((await write(moderator)).status).toBe('published');
    const free = await newGroup(admin, 'open');
    await addTo(admin, free, author);
    expect((await author.post('/api/v1/posts', { body: 'x', groupId: free })).body.status).toBe('published');
  });

  it('a pending post is seen by its author and the group’s admins and moderators only: by id, feeds, realtime', async () => {
    const [toAdmin, toMember, toOutsider] = [await connect(admin), await connect(member), await connect(outsider)];
    try {
      const p = await write(author, 'secret until approved');
      await toAdmin.waitFor((f) => f.type === 'post.created' && f.payload.postId === p.id);
      for (const c of [member, outsider, other.owner, acme.owner]) await expectUnknown((id) => c.get(`/api/v1/posts/${id}`), p.id);
      for (const c of [author, admin, moderator]) expect((await c.get(`/api/v1/posts/${p.id}`)).body.status).toBe('pending');
      const groupFeed = `/api/v1/groups/${groupId}/posts?limit=100`;
      const profileFeed = `/api/v1/people/${author.personId}/posts?limit=100`;
      for (const c of [member, outsider]) {
        expect(await feedIds(c, groupFeed)).not.toContain(p.id);
        expect(await feedIds(c, profileFeed)).not.toContain(p.id);
      }
      expect(await feedIds(author, groupFeed)).toContain(p.id);
      expect(await feedIds(admin, groupFeed)).toContain(p.id);
      // Nor can anyone interact with it, even those who see it.
      expectProblem(await admin.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'like' }), 403, 'forbidden');
      expectProblem(await member.post(`/api/v1/posts/${p.id}/comments`, { body: 'hi' }), 404, 'not_found');
      // Later events to the member and the outsider arrive in order: the pending post's did not come.
      const marker = await write(admin, 'marker');
      await toMember.waitFor((f) => f.type === 'post.created' && f.payload.postId === marker.id);
      expect((await admin.post(`/api/v1/people/${outsider.personId}/follow`)).status).toBeLessThan(300);
      await toOutsider.waitFor((f) => f.type === 'person.followed');
      for (const live of [toMember, toOutsider]) expect(live.events().filter((f) => f.payload?.postId === p.id)).toEqual([]);
    } finally {
      for (const live of [toAdmin, toMember, toOutsider]) live.close();
    }
  });

  it('POST /posts/:id/approve: 401 → 400 → 404 → 403 (the author) → 200, announced to the group; again 409', async () => {
    const p = await write(author);
    // Published while p waits: p still goes above it once approved (published at approval).
    const meanwhile = await admin.post('/api/v1/posts', { body: 'Published while the other waits', groupId });
    expect(meanwhile.status).toBe(201);
    expectProblem(await t.client(acme.slug).post(`/api/v1/posts/${p.id}/approve`), 401, 'unauthenticated');
    expectProblem(await admin.post('/api/v1/posts/nope/approve'), 400, 'invalid_input', 'id');
    for (const c of [member, outsider, other.owner]) await expectUnknown((id) => c.post(`/api/v1/posts/${id}/approve`), p.id);
    expectProblem(await author.post(`/api/v1/posts/${p.id}/approve`), 403, 'forbidden');

    const toMember = await connect(member);
    try {
      const ok = await moderator.post(`/api/v1/posts/${p.id}/approve`);
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ id: p.id, status: 'published' });
      await toMember.waitFor((f) => f.type === 'post.created' && f.payload.postId === p.id);
    } finally {
      toMember.close();
    }
    expect((await member.get(`/api/v1/posts/${p.id}`)).body.status).toBe('published');
    const feed = await feedIds(outsider, `/api/v1/groups/${groupId}/posts?limit=100`);
    expect(feed.indexOf(p.id)).toBeGreaterThanOrEqual(0);
    expect(feed.indexOf(p.id)).toBeLessThan(feed.indexOf(meanwhile.body.id as string));
    expectProblem(await admin.post(`/api/v1/posts/${p.id}/approve`), 409, 'not_pending');
    expectProblem(await admin.post(`/api/v1/posts/${p.id}/decline`), 409, 'not_pending');
  });

  it('POST /posts/:id/decline: 401 → 400 → 404 → 403 → 204; then only the author sees it', async () => {
    const p = await write(author);
    expectProblem(await t.client(acme.slug).post(`/api/v1/posts/${p.id}/decline`), 401, 'unauthenticated');
    expectProblem(await admin.post('/api/v1/posts/nope/decline'), 400, 'invalid_input', 'id');
    for (const c of [member, other.owner]) await expectUnknown((id) => c.post(`/api/v1/posts/${id}/decline`), p.id);
    expectProblem(await author.post(`/api/v1/posts/${p.id}/decline`), 403, 'forbidden');
    expect((await admin.post(`/api/v1/posts/${p.id}/decline`)).status).toBe(204);
    expect((await author.get(`/api/v1/posts/${p.id}`)).body.status).toBe('declined');
    for (const c of [admin, moderator, member]) await expectUnknown((id) => c.get(`/api/v1/posts/${id}`), p.id);
  });

  it('GET /groups/:id/pending-posts: 401 → 400 → 404 → 403 → 200, oldest first, paginated', async () => {
    const gid = await newGroup(admin, 'closed', { postApproval: true });
    await addTo(admin, gid, author);
    const first = (await author.post('/api/v1/posts', { body: 'one', groupId: gid })).body.id as string;
    const second = (await author.post('/api/v1/posts', { body: 'two', groupId: gid })).body.id as string;
    const path = (id: string, q = '') => `/api/v1/groups/${id}/pending-posts?limit=1${q}`;
    expectProblem(await t.client(acme.slug).get(path(gid)), 401, 'unauthenticated');
    expectProblem(await admin.get(path('nope')), 400, 'invalid_input', 'id');
    expectProblem(await admin.get(path(gid, '&limit=0')), 400, 'invalid_input', 'limit');
    await expectUnknown((id) => other.owner.get(path(id)), gid);
    const secret = await newGroup(admin, 'secret', { postApproval: true });
    await expectUnknown((id) => member.get(path(id)), secret);
    expectProblem(await author.get(path(gid)), 403, 'forbidden');
    expectProblem(await member.get(path(gid)), 403, 'forbidden');

    const page1 = await admin.get(path(gid));
    expect(page1.status).toBe(200);
    expect(page1.body.items.map((p: { id: string }) => p.id)).toEqual([first]);
    const page2 = await admin.get(path(gid, `&cursor=${page1.body.nextCursor}`));
    expect(page2.body.items.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[second, 'pending']]);
    expect(page2.body.nextCursor).toBeNull();
    expect((await admin.post(`/api/v1/posts/${first}/approve`)).status).toBe(200);
    expect((await admin.get(path(gid))).body.items.map((p: { id: string }) => p.id)).toEqual([second]);
  });
});
