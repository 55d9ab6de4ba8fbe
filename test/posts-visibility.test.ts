import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The visibility matrix for posts, comments and reactions: every role × group visibility × way to
 * reach a post. What a viewer may not see answers exactly like an id that was never used.
 */

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
const VISIBILITIES = ['open', 'closed', 'secret'] as const;
type Visibility = (typeof VISIBILITIES)[number];
const ROLES = [
  'company owner, not member',
  'company admin, not member',
  'group admin',
  'group member',
  'non-member',
  'guest member',
  'guest non-member',
  'another company (its owner)',
  'deactivated member',
] as const;
type Role = (typeof ROLES)[number];

/**
 * [GET post, GET group posts (status), in the author's profile feed (404: the person is unknown to
 * the viewer), GET comments, GET reactions, POST comment, PUT reaction].
 */
type Cell = [number, number, boolean | 404 | 401, number, number, number, number];
const SEES_NOT_MEMBER: Cell = [200, 200, true, 200, 200, 403, 403];
const NOTHING: Cell = [404, 404, false, 404, 404, 404, 404];
const MEMBER: Cell = [200, 200, true, 200, 200, 201, 200];
const GUEST_MEMBER: Cell = [200, 200, 404, 200, 200, 201, 200];
const UNKNOWN: Cell = [404, 404, 404, 404, 404, 404, 404];
const SIGNED_OUT: Cell = [401, 401, 401, 401, 401, 401, 401];
const MATRIX: Record<Role, Record<Visibility, Cell>> = {
  'company owner, not member': { open: SEES_NOT_MEMBER, closed: NOTHING, secret: NOTHING },
  'company admin, not member': { open: SEES_NOT_MEMBER, closed: NOTHING, secret: NOTHING },
  'group admin': { open: MEMBER, closed: MEMBER, secret: MEMBER },
  'group member': { open: MEMBER, closed: MEMBER, secret: MEMBER },
  'non-member': { open: SEES_NOT_MEMBER, closed: NOTHING, secret: NOTHING },
  'guest member': { open: GUEST_MEMBER, closed: GUEST_MEMBER, secret: GUEST_MEMBER },
  'guest non-member': { open: UNKNOWN, closed: UNKNOWN, secret: UNKNOWN },
  'another company (its owner)': { open: UNKNOWN, closed: UNKNOWN, secret: UNKNOWN },
  'deactivated member': { open: SIGNED_OUT, closed: SIGNED_OUT, secret: SIGNED_OUT },
};

const comparable = (res: Res): Record<string, unknown> => {
  const { requestId, instance, ...rest } = res.body as Record<string, unknown>;
  void requestId;
  void instance;
  return rest;
};

describe.each(DIALECTS)('post visibility matrix on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let groupAdmin: Client & { personId: string };
  let member: Client & { personId: string };
  const who = {} as Record<Role, Client>;
  const groups = {} as Record<Visibility, { id: string; postId: string }>;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    const other = await signUpCompany(t);
    groupAdmin = await addPerson(t, acme, { name: 'Grace Group-admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    const guestMember = await addPerson(t, acme, { name: 'Gina Guest', role: 'guest' });
    const deactivated = await addPerson(t, acme, { name: 'Dan Departed' });
    Object.assign(who, {
      'company owner, not member': acme.owner,
      'company admin, not member': await addPerson(t, acme, { name: 'Cal Company-admin', role: 'admin' }),
      'group admin': groupAdmin,
      'group member': member,
      'non-member': await addPerson(t, acme, { name: 'Nora Non-member' }),
      'guest member': guestMember,
      'guest non-member': await addPerson(t, acme, { name: 'Gil Guest', role: 'guest' }),
      'another company (its owner)': other.owner,
      'deactivated member': deactivated,
    });
    for (const visibility of VISIBILITIES) {
      const g = await groupAdmin.post('/api/v1/groups', { name: `Posts ${visibility}`, visibility });
      expect(g.status).toBe(201);
      const invited = await groupAdmin.post(`/api/v1/groups/${g.body.id}/invitations`, {
        personIds: [member.personId, guestMember.personId, deactivated.personId],
      });
      expect(invited.status).toBe(201);
      for (const c of [member, guestMember, deactivated])
        expect((await c.post(`/api/v1/groups/${g.body.id}/invitations/accept`)).status).toBe(200);
      const p = await groupAdmin.post('/api/v1/posts', { body: `in ${visibility}`, groupId: g.body.id });
      expect(p.status).toBe(201);
      expect((await member.post(`/api/v1/posts/${p.body.id}/comments`, { body: 'first!' })).status).toBe(201);
      expect((await member.put(`/api/v1/posts/${p.body.id}/reaction`, { kind: 'like' })).status).toBe(200);
      groups[visibility] = { id: g.body.id, postId: p.body.id };
    }
    expect((await acme.owner.post(`/api/v1/admin/people/${deactivated.personId}/deactivate`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const cells = ROLES.flatMap((role) => VISIBILITIES.map((visibility) => [role, visibility] as const));

  async function expectStatus(role: Role, res: Res, status: number, method: string, path: (id: string) => string, body?: unknown) {
    expect(res.status, `${role}: ${method} ${path(':id')}`).toBe(status);
    if (status === 401) expectProblem(res, 401, 'unauthenticated');
    if (status === 403) expectProblem(res, 403, 'forbidden');
    if (status === 404) {
      expectProblem(res, 404, 'not_found');
      const never = await who[role].call(method, path(NEVER_USED_ID), body);
      expect(comparable(res)).toEqual(comparable(never));
    }
  }

  it.each(cells)('%s × %s: GET post, group feed, profile feed', async (role, visibility) => {
    const [get, feed, profile] = MATRIX[role][visibility];
    const { id, postId } = groups[visibility];
    const c = who[role];
    await expectStatus(role, await c.get(`/api/v1/posts/${postId}`), get, 'GET', (x) => `/api/v1/posts/${x}`);
    const list = await c.get(`/api/v1/groups/${id}/posts`);
    await expectStatus(role, list, feed, 'GET', (x) => `/api/v1/groups/${x}/posts`);
    if (feed === 200) expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([postId]);
    const byAuthor = await c.get(`/api/v1/people/${groupAdmin.personId}/posts?limit=100`);
    if (profile === 401 || profile === 404) {
      await expectStatus(role, byAuthor, profile, 'GET', (x) => `/api/v1/people/${x}/posts?limit=100`);
    } else {
      expect(byAuthor.status).toBe(200);
      expect(byAuthor.body.items.some((p: { id: string }) => p.id === postId)).toBe(profile);
    }
  });

  it.each(cells)('%s × %s: GET comments and reactions', async (role, visibility) => {
    const [, , , comments, reactions] = MATRIX[role][visibility];
    const { postId } = groups[visibility];
    const c = who[role];
    const listed = await c.get(`/api/v1/posts/${postId}/comments`);
    await expectStatus(role, listed, comments, 'GET', (x) => `/api/v1/posts/${x}/comments`);
    if (comments === 200) {
      expect(listed.body.items[0]).toMatchObject({ bodyMarkdown: 'first!', author: { id: member.personId } });
      const commentId = listed.body.items[0].id as string;
      expect((await c.get(`/api/v1/comments/${commentId}/replies`)).status).toBe(200);
    }
    const who_ = await c.get(`/api/v1/posts/${postId}/reactions`);
    await expectStatus(role, who_, reactions, 'GET', (x) => `/api/v1/posts/${x}/reactions`);
    // Reactors are listed only when the viewer may see them (a guest sees only themselves).
    if (reactions === 200) {
      const expected = role === 'guest member' ? [] : [{ person: { id: member.personId }, kind: 'like' }];
      expect(who_.body.items).toMatchObject(expected);
    }
  });

  it.each(cells)('%s × %s: POST comment, PUT reaction', async (role, visibility) => {
    const [, , , , , comment, react] = MATRIX[role][visibility];
    const { postId } = groups[visibility];
    const c = who[role];
    await expectStatus(
      role,
      await c.post(`/api/v1/posts/${postId}/comments`, { body: 'me too' }),
      comment,
      'POST',
      (x) => `/api/v1/posts/${x}/comments`,
      {
        body: 'me too',
      },
    );
    await expectStatus(
      role,
      await c.put(`/api/v1/posts/${postId}/reaction`, { kind: 'wow' }),
      react,
      'PUT',
      (x) => `/api/v1/posts/${x}/reaction`,
      {
        kind: 'wow',
      },
    );
  });

  it('removal from a group and a switch to secret end access at once, on every path', async () => {
    const g = await groupAdmin.post('/api/v1/groups', { name: 'Shrinking', visibility: 'open' });
    const gid = g.body.id as string;
    const leaver = await addPerson(t, acme, { name: 'Lee Leaver' });
    const bystander = await addPerson(t, acme, { name: 'Bea Bystander' });
    expect((await leaver.post(`/api/v1/groups/${gid}/join`)).status).toBe(200);
    const p = (await groupAdmin.post('/api/v1/posts', { body: 'soon hidden', groupId: gid })).body;
    const comment = (await groupAdmin.post(`/api/v1/posts/${p.id}/comments`, { body: 'c' })).body;

    const paths = (c: Client) => [
      () => c.get(`/api/v1/posts/${p.id}`),
      () => c.get(`/api/v1/groups/${gid}/posts`),
      () => c.get(`/api/v1/posts/${p.id}/comments`),
      () => c.get(`/api/v1/posts/${p.id}/reactions`),
      () => c.get(`/api/v1/posts/${p.id}/revisions`),
      () => c.get(`/api/v1/comments/${comment.id}/replies`),
      () => c.get(`/api/v1/comments/${comment.id}/reactions`),
      () => c.post(`/api/v1/posts/${p.id}/comments`, { body: 'x' }),
      () => c.put(`/api/v1/posts/${p.id}/reaction`, { kind: 'sad' }),
      () => c.put(`/api/v1/comments/${comment.id}/reaction`, { kind: 'sad' }),
    ];
    const inProfile = async (c: Client) =>
      ((await c.get(`/api/v1/people/${groupAdmin.personId}/posts?limit=100`)).body.items as Array<{ id: string }>).some(
        (x) => x.id === p.id,
      );

    for (const call of paths(leaver)) expect((await call()).status).toBeLessThan(300);
    expect(await inProfile(leaver)).toBe(true);
    expect((await groupAdmin.delete(`/api/v1/groups/${gid}/members/${leaver.personId}`)).status).toBe(204);
    // Open group: as a non-member the leaver still reads, but may no longer comment or react.
    expectProblem(await leaver.post(`/api/v1/posts/${p.id}/comments`, { body: 'x' }), 403, 'forbidden');

    expect((await bystander.get(`/api/v1/posts/${p.id}`)).status).toBe(200);
    expect((await groupAdmin.patch(`/api/v1/groups/${gid}`, { visibility: 'secret' })).status).toBe(200);
    for (const c of [leaver, bystander]) {
      for (const call of paths(c)) expectProblem(await call(), 404, 'not_found');
      expect(await inProfile(c)).toBe(false);
    }
    for (const call of paths(groupAdmin)) expect((await call()).status).toBeLessThan(300);
  });

  it('removal from a closed group ends access at once on every path', async () => {
    const gid = (await groupAdmin.post('/api/v1/groups', { name: 'Closed club', visibility: 'closed' })).body.id as string;
    const leaver = await addPerson(t, acme, { name: 'Rex Removed' });
    await groupAdmin.post(`/api/v1/groups/${gid}/invitations`, { personIds: [leaver.personId] });
    expect((await leaver.post(`/api/v1/groups/${gid}/invitations/accept`)).status).toBe(200);
    const p = (await leaver.post('/api/v1/posts', { body: 'mine, in the club', groupId: gid })).body;
    const c = (await leaver.post(`/api/v1/posts/${p.id}/comments`, { body: 'c' })).body;
    expect((await leaver.get(`/api/v1/posts/${p.id}`)).status).toBe(200);
    expect((await groupAdmin.delete(`/api/v1/groups/${gid}/members/${leaver.personId}`)).status).toBe(204);
    for (const res of [
      await leaver.get(`/api/v1/posts/${p.id}`),
      await leaver.get(`/api/v1/groups/${gid}/posts`),
      await leaver.get(`/api/v1/posts/${p.id}/comments`),
      await leaver.get(`/api/v1/posts/${p.id}/reactions`),
      await leaver.patch(`/api/v1/posts/${p.id}`, { body: 'edit after removal' }),
      await leaver.delete(`/api/v1/posts/${p.id}`),
      await leaver.patch(`/api/v1/comments/${c.id}`, { body: 'edit after removal' }),
      await leaver.put(`/api/v1/comments/${c.id}/reaction`, { kind: 'like' }),
    ])
      expectProblem(res, 404, 'not_found');
    // What they wrote stays in the group.
    expect((await groupAdmin.get(`/api/v1/posts/${p.id}`)).body.bodyMarkdown).toBe('mine, in the club');
    const own = (await leaver.get(`/api/v1/people/${leaver.personId}/posts`)).body.items as Array<{ id: string }>;
    expect(own.some((x) => x.id === p.id)).toBe(false);
  });
});
