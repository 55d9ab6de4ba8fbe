import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The visibility matrix (PRODUCT.md, "2. Groups"): every role × every visibility × every way to
 * reach a group. A group the viewer may not find answers exactly as an id that was never used.
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

/** [GET group, in discover, in mine, found by q, GET members, POST join, in admin list]; 401 = signed out. */
type Cell = [number, boolean | 401, boolean | 401, boolean | 401, number, number, boolean | 403 | 401];
const MATRIX: Record<Role, Record<Visibility, Cell>> = {
  'company owner, not member': {
    open: [200, true, false, true, 200, 200, true],
    closed: [200, true, false, true, 200, 202, true],
    secret: [404, false, false, false, 404, 404, true],
  },
  'company admin, not member': {
    open: [200, true, false, true, 200, 200, true],
    closed: [200, true, false, true, 200, 202, true],
    secret: [404, false, false, false, 404, 404, true],
  },
  'group admin': {
    open: [200, false, true, true, 200, 409, 403],
    closed: [200, false, true, true, 200, 409, 403],
    secret: [200, false, true, true, 200, 409, 403],
  },
  'group member': {
    open: [200, false, true, true, 200, 409, 403],
    closed: [200, false, true, true, 200, 409, 403],
    secret: [200, false, true, true, 200, 409, 403],
  },
  'non-member': {
    open: [200, true, false, true, 200, 200, 403],
    closed: [200, true, false, true, 200, 202, 403],
    secret: [404, false, false, false, 404, 404, 403],
  },
  'guest member': {
    open: [200, false, true, true, 200, 409, 403],
    closed: [200, false, true, true, 200, 409, 403],
    secret: [200, false, true, true, 200, 409, 403],
  },
  'guest non-member': {
    open: [404, false, false, false, 404, 404, 403],
    closed: [404, false, false, false, 404, 404, 403],
    secret: [404, false, false, false, 404, 404, 403],
  },
  'another company (its owner)': {
    open: [404, false, false, false, 404, 404, false],
    closed: [404, false, false, false, 404, 404, false],
    secret: [404, false, false, false, 404, 404, false],
  },
  'deactivated member': {
    open: [401, 401, 401, 401, 401, 401, 401],
    closed: [401, 401, 401, 401, 401, 401, 401],
    secret: [401, 401, 401, 401, 401, 401, 401],
  },
};

/** A problem body without what differs between any two answers (request id, path). */
const comparable = (res: Res): Record<string, unknown> => {
  const { requestId, instance, ...rest } = res.body as Record<string, unknown>;
  void requestId;
  void instance;
  return rest;
};

describe.each(DIALECTS)('group visibility matrix on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  const who = {} as Record<Role, Client>;
  const groups = {} as Record<Visibility, { id: string; tag: string }>;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    const other = await signUpCompany(t);
    const groupAdmin = await addPerson(t, acme, { name: 'Grace Group-admin' });
    const member = await addPerson(t, acme, { name: 'Mo Member' });
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
      const tag = `zq${visibility}${Math.random().toString(36).slice(2, 8)}`;
      const g = await groupAdmin.post('/api/v1/groups', { name: `Matrix ${tag}`, description: 'the matrix', visibility });
      expect(g.status).toBe(201);
      groups[visibility] = { id: g.body.id as string, tag };
      const invited = await groupAdmin.post(`/api/v1/groups/${g.body.id}/invitations`, {
        personIds: [member.personId, guestMember.personId, deactivated.personId],
      });
      expect(invited.status).toBe(201);
      for (const c of [member, guestMember, deactivated])
        expect((await c.post(`/api/v1/groups/${g.body.id}/invitations/accept`)).status).toBe(200);
    }
    expect((await acme.owner.post(`/api/v1/admin/people/${deactivated.personId}/deactivate`)).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  const cells = ROLES.flatMap((role) => VISIBILITIES.map((visibility) => [role, visibility] as const));
  const expected = (role: Role, v: Visibility) => MATRIX[role][v];

  /** Asserts a 404 that reads exactly like the one for an id never used on the same path. */
  async function expectNotFoundLikeNeverUsed(c: Client, res: Res, path: (id: string) => string, method: 'GET' | 'POST') {
    expectProblem(res, 404, 'not_found');
    const never = await c.call(method, path(NEVER_USED_ID), method === 'POST' ? {} : undefined);
    expect(comparable(res)).toEqual(comparable(never));
  }

  async function expectStatus(role: Role, res: Res, status: number, path: (id: string) => string, method: 'GET' | 'POST') {
    expect(res.status, `${role}: ${method} ${path(':id')}`).toBe(status);
    if (status === 404) await expectNotFoundLikeNeverUsed(who[role], res, path, method);
    if (status === 401) expectProblem(res, 401, 'unauthenticated');
  }

  async function inList(c: Client, query: string, id: string): Promise<boolean | 401> {
    const res: Res = await c.get(`/api/v1/groups?limit=100&${query}`);
    if (res.status === 401) return 401;
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).some((g) => g.id === id);
  }

  it.each(cells)('%s × %s: GET group and GET members', async (role, visibility) => {
    const [get, , , , members] = expected(role, visibility);
    const { id } = groups[visibility];
    const c = who[role];
    await expectStatus(role, await c.get(`/api/v1/groups/${id}`), get, (x) => `/api/v1/groups/${x}`, 'GET');
    await expectStatus(role, await c.get(`/api/v1/groups/${id}/members`), members, (x) => `/api/v1/groups/${x}/members`, 'GET');
  });

  it.each(cells)('%s × %s: lists (discover, mine, search)', async (role, visibility) => {
    const [, discover, mine, search] = expected(role, visibility);
    const { id, tag } = groups[visibility];
    const c = who[role];
    expect(await inList(c, 'filter=discover', id), `${role} discover`).toBe(discover);
    expect(await inList(c, 'filter=mine', id), `${role} mine`).toBe(mine);
    expect(await inList(c, `q=${tag.toUpperCase()}`, id), `${role} search`).toBe(search);
    // The description matches every matrix group: each viewer finds exactly the ones it may.
    const found = await inList(c, 'q=the%20matrix', id);
    expect(found).toBe(search);
  });

  it.each(cells)('%s × %s: admin list', async (role, visibility) => {
    const [, , , , , , admin] = expected(role, visibility);
    const res: Res = await who[role].get(`/api/v1/admin/groups?limit=100`);
    if (admin === 401) return expectProblem(res, 401, 'unauthenticated');
    if (admin === 403) return expectProblem(res, 403, 'forbidden');
    expect(res.status).toBe(200);
    const item = (res.body.items as Array<{ id: string }>).find((g) => g.id === groups[visibility].id);
    expect(Boolean(item)).toBe(admin);
    // Governance data only: no description, no posts, no member list.
    if (item)
      expect(Object.keys(item).sort()).toEqual(['archivedAt', 'createdAt', 'id', 'isCompanyWide', 'memberCount', 'name', 'visibility']);
    if (item) expect(item).toMatchObject({ visibility, memberCount: 3 });
  });

  // Last: joining changes memberships (each cell is its own person and group, so cells do not interact).
  it.each(cells)('%s × %s: POST join', async (role, visibility) => {
    const [, , , , , join] = expected(role, visibility);
    const res = await who[role].post(`/api/v1/groups/${groups[visibility].id}/join`);
    await expectStatus(role, res, join, (x) => `/api/v1/groups/${x}/join`, 'POST');
    if (join === 409) expectProblem(res, 409, 'already_member');
    if (join === 200) expect(res.body).toMatchObject({ status: 'joined', group: { membership: { role: 'member' } } });
    if (join === 202) expect(res.body).toMatchObject({ status: 'requested', group: { membership: null, pending: 'request' } });
  });

  it('company admins search the admin list by name only, secret groups included', async () => {
    const names = async (q: string) =>
      ((await acme.owner.get(`/api/v1/admin/groups?q=${q}`)).body.items as Array<{ name: string }>).map((g) => g.name).sort();
    expect(await names(groups.secret.tag)).toEqual([`Matrix ${groups.secret.tag}`]);
    expect(await names('the%20matrix')).toEqual([]);
    expectProblem(await acme.owner.get('/api/v1/admin/groups?limit=0'), 400, 'invalid_input', 'limit');
    expectProblem(await acme.owner.get('/api/v1/admin/groups?visibility=secret'), 400, 'invalid_input', 'visibility');
    expectProblem(await t.client(acme.slug).get('/api/v1/admin/groups'), 401, 'unauthenticated');
  });
});
