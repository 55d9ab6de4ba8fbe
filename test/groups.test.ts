import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
type Person = Client & { personId: string; email: string };

interface GroupView {
  id: string;
  name: string;
  description: string;
  visibility: string;
  postPermission: string;
  postApproval: boolean;
  isCompanyWide: boolean;
  archivedAt: string | null;
  memberCount: number;
  membership: { role: string; notify: string } | null;
  pending: string | null;
  can: Record<string, boolean>;
}

describe.each(DIALECTS)('groups on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let member: Person;
  let other: Person;
  let guest: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    member = await addPerson(t, acme, { name: 'Mia Member' });
    other = await addPerson(t, acme, { name: 'Oscar Other' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const create = async (c: Client, body: Record<string, unknown>): Promise<GroupView> => {
    const res: Res<GroupView> = await c.post('/api/v1/groups', body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const list = async (c: Client, query = ''): Promise<GroupView[]> => {
    const res: Res = await c.get(`/api/v1/groups?limit=100${query ? `&${query}` : ''}`);
    expect(res.status).toBe(200);
    return res.body.items as GroupView[];
  };

  describe('the company-wide group', () => {
    it('is made at sign-up, open, admins-only posting, with the owner as admin and every newcomer as member', async () => {
      const co = await signUpCompany(t);
      const mine = await list(co.owner, 'filter=mine');
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({
        name: 'Announcements',
        visibility: 'open',
        postPermission: 'admins',
        isCompanyWide: true,
        memberCount: 1,
        membership: { role: 'admin', notify: 'highlights' },
        can: { post: true, manage: true },
      });
      const newcomer = await addPerson(t, co, { name: 'Nina New' });
      const theirs = await list(newcomer, 'filter=mine');
      expect(theirs.map((g) => [g.id, g.membership?.role, g.can.post, g.memberCount])).toEqual([[mine[0]?.id, 'member', false, 2]]);
      const newGuest = await addPerson(t, co, { name: 'Gail Guest', role: 'guest' });
      expect((await list(newGuest)).map((g) => g.id)).toEqual([mine[0]?.id]);
    });

    it('cannot be left, archived, made closed, and nobody can be removed from it', async () => {
      const id = (await list(acme.owner, 'filter=mine')).find((g) => g.isCompanyWide)?.id ?? '';
      expectProblem(await member.post(`/api/v1/groups/${id}/leave`), 403, 'company_wide_group');
      expectProblem(await acme.owner.post(`/api/v1/groups/${id}/archive`), 403, 'company_wide_group');
      expectProblem(await acme.owner.patch(`/api/v1/groups/${id}`, { visibility: 'secret' }), 403, 'company_wide_group');
      expectProblem(await acme.owner.delete(`/api/v1/groups/${id}/members/${member.personId}`), 403, 'company_wide_group');
      expectProblem(await member.post(`/api/v1/groups/${id}/archive`), 403, 'forbidden');
      expect((await acme.owner.patch(`/api/v1/groups/${id}`, { name: 'All company' })).body.name).toBe('All company');
    });
  });

  describe('POST /groups', () => {
    it('401, 403 for guests, 400 naming the field, then 201 with me as admin', async () => {
      expectProblem(await t.client(acme.slug).post('/api/v1/groups', { name: 'x' }), 401, 'unauthenticated');
      expectProblem(await guest.post('/api/v1/groups', { name: 'Guests club' }), 403, 'forbidden');
      for (const [body, field] of [
        [{}, 'name'],
        [{ name: '   ' }, 'name'],
        [{ name: 'x'.repeat(201) }, 'name'],
        [{ name: 'Ok', visibility: 'public' }, 'visibility'],
        [{ name: 'Ok', postPermission: 'nobody' }, 'postPermission'],
        [{ name: 'Ok', postApproval: 'yes' }, 'postApproval'],
        [{ name: 'Ok', description: 'd'.repeat(5001) }, 'description'],
        [{ name: 'Ok', owner: 'me' }, 'owner'],
      ] as const) {
        expectProblem(await member.post('/api/v1/groups', body), 400, 'invalid_input', field);
      }
      const g = await create(member, { name: '  Équipe Café ', description: 'Coffee lovers', visibility: 'open' });
      expect(g).toMatchObject({
        name: 'Équipe Café',
        description: 'Coffee lovers',
        visibility: 'open',
        postPermission: 'everyone',
        postApproval: false,
        isCompanyWide: false,
        archivedAt: null,
        memberCount: 1,
        membership: { role: 'admin', notify: 'highlights' },
        pending: null,
        can: { seeMembers: true, seePosts: true, post: true, manage: true, moderate: true, join: false, requestToJoin: false },
      });
      expect((await create(member, { name: 'x'.repeat(200) })).visibility).toBe('closed');
    });
  });

  describe('GET /groups/:id', () => {
    it('401, 400, 404 for never-used ids, then the group as I see it', async () => {
      const g = await create(member, { name: 'Readers', visibility: 'closed' });
      expectProblem(await t.client(acme.slug).get(`/api/v1/groups/${g.id}`), 401, 'unauthenticated');
      expectProblem(await member.get('/api/v1/groups/not-a-uuid'), 400, 'invalid_input', 'id');
      expectProblem(await member.get(`/api/v1/groups/${NEVER_USED_ID}`), 404, 'not_found');
      const seen: Res<GroupView> = await other.get(`/api/v1/groups/${g.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body).toMatchObject({
        id: g.id,
        memberCount: 1,
        membership: null,
        pending: null,
        can: { seeMembers: true, seePosts: false, post: false, manage: false, join: false, requestToJoin: true },
      });
    });
  });

  describe('GET /groups', () => {
    it('401, 400 naming the field', async () => {
      expectProblem(await t.client(acme.slug).get('/api/v1/groups'), 401, 'unauthenticated');
      for (const [query, field] of [
        ['filter=all', 'filter'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['cursor=bm90LWpzb24', 'cursor'],
        [`q=${'a'.repeat(101)}`, 'q'],
        ['sort=name', 'sort'],
      ] as const) {
        expectProblem(await member.get(`/api/v1/groups?${query}`), 400, 'invalid_input', field);
      }
    });

    it('searches name and purpose whatever the accents and case; mine and discover split them', async () => {
      const co = await signUpCompany(t);
      const ana = await addPerson(t, co, { name: 'Ana' });
      const a = await create(co.owner, { name: 'Équipe Été', description: 'Summer team', visibility: 'open' });
      const b = await create(co.owner, { name: 'Night shift', description: 'Les équipes de nuit', visibility: 'closed' });
      await create(co.owner, { name: '100%_done', visibility: 'open' });
      const ids = async (c: Client, q: string) => (await list(c, q)).map((g) => g.id);
      expect(await ids(ana, 'q=equipe')).toEqual([a.id, b.id].sort((x, y) => (x === a.id ? -1 : y === a.id ? 1 : 0)));
      expect(await ids(ana, 'q=ÉTÉ')).toEqual([a.id]);
      expect(await ids(ana, 'q=summer%20equipe')).toEqual([a.id]);
      expect(await ids(ana, `q=${encodeURIComponent('%')}`)).toHaveLength(1);
      expect(await ids(ana, 'q=_')).toHaveLength(1);
      expect(await ids(ana, 'q=nothing-like-this')).toEqual([]);
      expect((await list(ana, 'filter=mine')).map((g) => g.name)).toEqual(['Announcements']);
      expect((await list(ana, 'filter=discover')).map((g) => g.name)).toEqual(['100%_done', 'Équipe Été', 'Night shift']);
      expect((await ana.post(`/api/v1/groups/${a.id}/join`)).status).toBe(200);
      expect((await list(ana, 'filter=mine')).map((g) => g.name)).toEqual(['Announcements', 'Équipe Été']);
      expect((await list(ana, 'filter=discover')).map((g) => g.name)).toEqual(['100%_done', 'Night shift']);
    });

    it('walks every group exactly once with the cursor, names shared or not', async () => {
      const co = await signUpCompany(t);
      const made = [(await list(co.owner))[0]?.id];
      for (let i = 0; i < 16; i++) made.push((await create(co.owner, { name: i < 6 ? 'Same name' : `Group ${i}`, visibility: 'open' })).id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Res = await co.owner.get(`/api/v1/groups?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        seen.push(...(res.body.items as GroupView[]).map((g) => g.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(17);
      expect([...seen].sort()).toEqual([...made].sort());
    });
  });

  describe('PATCH /groups/:id, archive, unarchive', () => {
    it('401, 400, 404, 403 for non-admins, then the change', async () => {
      const g = await create(member, { name: 'Settings', visibility: 'open' });
      const path = `/api/v1/groups/${g.id}`;
      expectProblem(await t.client(acme.slug).patch(path, { name: 'x' }), 401, 'unauthenticated');
      expectProblem(await member.patch(path, { name: '' }), 400, 'invalid_input', 'name');
      expectProblem(await member.patch(path, { visibility: 'public' }), 400, 'invalid_input', 'visibility');
      expectProblem(await member.patch(path, { isCompanyWide: true }), 400, 'invalid_input', 'isCompanyWide');
      expectProblem(await member.patch(`/api/v1/groups/${NEVER_USED_ID}`, { name: 'x' }), 404, 'not_found');
      expectProblem(await other.patch(path, { name: 'Mine now' }), 403, 'forbidden');
      // The company's owner is no admin of someone else's group.
      expectProblem(await acme.owner.patch(path, { name: 'Mine now' }), 403, 'forbidden');
      const res: Res<GroupView> = await member.patch(path, {
        name: 'Renamed',
        description: 'New purpose',
        visibility: 'closed',
        postPermission: 'admins',
        postApproval: true,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Renamed',
        description: 'New purpose',
        visibility: 'closed',
        postPermission: 'admins',
        postApproval: true,
      });
      expect((await list(other, 'q=renamed')).map((x) => x.id)).toEqual([g.id]);

      expectProblem(await other.post(`${path}/archive`), 403, 'forbidden');
      expectProblem(await member.post(`/api/v1/groups/${NEVER_USED_ID}/archive`), 404, 'not_found');
      const archived: Res<GroupView> = await member.post(`${path}/archive`);
      expect(archived.status).toBe(200);
      expect(archived.body.archivedAt).not.toBeNull();
      expect(archived.body.can.post).toBe(false);
      expectProblem(await other.post(`${path}/join`), 409, 'group_archived');
      expect((await list(other, 'filter=discover')).map((x) => x.id)).not.toContain(g.id);
      expect((await list(member, 'filter=mine')).map((x) => x.id)).toContain(g.id);
      const back: Res<GroupView> = await member.post(`${path}/unarchive`);
      expect(back.body.archivedAt).toBeNull();
      expect((await list(other, 'filter=discover')).map((x) => x.id)).toContain(g.id);
    });
  });

  describe('PUT /groups/:id/notifications', () => {
    it('401, 400, 404, 409 for non-members, then my level', async () => {
      const g = await create(member, { name: 'Quiet', visibility: 'open' });
      const path = `/api/v1/groups/${g.id}/notifications`;
      expectProblem(await t.client(acme.slug).put(path, { level: 'off' }), 401, 'unauthenticated');
      expectProblem(await member.put(path, { level: 'loud' }), 400, 'invalid_input', 'level');
      expectProblem(await member.put(`/api/v1/groups/${NEVER_USED_ID}/notifications`, { level: 'off' }), 404, 'not_found');
      expectProblem(await other.put(path, { level: 'off' }), 409, 'not_member');
      const res: Res<GroupView> = await member.put(path, { level: 'all' });
      expect(res.status).toBe(200);
      expect(res.body.membership?.notify).toBe('all');
    });
  });
});
