import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, PASSWORD, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, signIn } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

interface Person {
  id: string;
  displayName: string;
  email: string;
  role: string;
  status: string;
}

describe.each(DIALECTS)('people administration on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ownerId: string;
  let admin: Client & { personId: string; email: string };
  let member: Client & { personId: string; email: string };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    ownerId = acme.owner.session?.person.id ?? '';
    admin = await addPerson(t, acme, { name: 'Adam Admin', role: 'admin' });
    member = await addPerson(t, acme, { name: 'Mia Member' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const search = async (c: Client, query: string): Promise<Person[]> => {
    const res: Res = await c.get(`/api/v1/admin/people?${query}`);
    expect(res.status).toBe(200);
    return res.body.items as Person[];
  };

  describe('GET /people/:id', () => {
    it('401, 400, 404 for unknown ids; a colleague sees a colleague', async () => {
      expectProblem(await t.client(acme.slug).get(`/api/v1/people/${member.personId}`), 401, 'unauthenticated');
      expectProblem(await member.get('/api/v1/people/not-a-uuid'), 400, 'invalid_input', 'id');
      expectProblem(await member.get(`/api/v1/people/${NEVER_USED_ID}`), 404, 'not_found');
      const res = await member.get(`/api/v1/people/${ownerId}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: ownerId,
        displayName: 'Olivia Owner',
        role: 'owner',
        status: 'active',
        email: `owner@${acme.slug}.test`,
      });
    });
  });

  describe('GET /admin/people', () => {
    it('401, 403 for members, 400 naming the field', async () => {
      expectProblem(await t.client(acme.slug).get('/api/v1/admin/people'), 401, 'unauthenticated');
      expectProblem(await member.get('/api/v1/admin/people'), 403, 'forbidden');
      for (const [query, field] of [
        ['role=king', 'role'],
        ['status=gone', 'status'],
        ['limit=0', 'limit'],
        ['limit=1000', 'limit'],
        ['cursor=bm90LWpzb24', 'cursor'],
        [`q=${'a'.repeat(101)}`, 'q'],
        ['sort=name', 'sort'],
      ] as const) {
        expectProblem(await admin.get(`/api/v1/admin/people?${query}`), 400, 'invalid_input', field);
      }
    });

    it('finds people whatever the accents and case', async () => {
      const elodie = await addPerson(t, acme, { name: 'Élodie Müller' });
      await addPerson(t, acme, { name: 'Elliot Miller' });
      for (const q of ['elodie', 'MULLER', 'élodie müller', 'Elodie%20Muller', 'müll']) {
        expect((await search(admin, `q=${q}`)).map((p) => p.id)).toEqual([elodie.personId]);
      }
      // A prefix finds both spellings. Anyone else found has "el" in their e-mail address: the
      // company's address is random (it holds a base-36 time) and may contain those letters.
      const el = await search(admin, 'q=el');
      expect(el.map((p) => p.displayName)).toEqual(expect.arrayContaining(['Elliot Miller', 'Élodie Müller']));
      for (const p of el.filter((x) => !['Elliot Miller', 'Élodie Müller'].includes(x.displayName)))
        expect(p.email?.toLowerCase() ?? '', p.displayName).toContain('el');
      // By e-mail too.
      expect((await search(admin, `q=${encodeURIComponent(elodie.email.toUpperCase())}`)).map((p) => p.id)).toEqual([elodie.personId]);
      expect(await search(admin, 'q=zzzz-nobody')).toEqual([]);
    });

    it('filters by role and by status', async () => {
      const co = await signUpCompany(t);
      await addPerson(t, co, { name: 'Ann Admin', role: 'admin' });
      await addPerson(t, co, { name: 'Gil Guest', role: 'guest' });
      await addPerson(t, co, { name: 'Max Member' });
      const gone = await addPerson(t, co, { name: 'Dee Parted' });
      expect((await co.owner.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
      const names = async (q: string) => (await search(co.owner, q)).map((p) => p.displayName);
      expect(await names('')).toEqual(['Ann Admin', 'Dee Parted', 'Gil Guest', 'Max Member', 'Olivia Owner']);
      expect(await names('role=admin')).toEqual(['Ann Admin']);
      expect(await names('role=guest')).toEqual(['Gil Guest']);
      expect(await names('role=member')).toEqual(['Dee Parted', 'Max Member']);
      expect(await names('role=owner')).toEqual(['Olivia Owner']);
      expect(await names('status=deactivated')).toEqual(['Dee Parted']);
      expect(await names('status=active&role=member')).toEqual(['Max Member']);
      expect(await names('status=active&q=member')).toEqual(['Max Member']);
      expect(await names('status=deactivated&q=member')).toEqual([]);
    });

    it('walks every person exactly once with the cursor, names shared or not', async () => {
      const co = await signUpCompany(t);
      const made = [ownerIdOf(co)];
      // Ten people share one name, so the order between them rests on the id tie-break.
      for (let i = 0; i < 29; i++)
        made.push((await addPerson(t, co, { name: i < 10 ? 'Sam Same' : `Person ${String(i).padStart(2, '0')}` })).personId);
      const seen: Person[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: Res = await co.owner.get(`/api/v1/admin/people?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(7);
        seen.push(...(res.body.items as Person[]));
        cursor = res.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toHaveLength(30);
      expect(new Set(seen.map((p) => p.id)).size).toBe(30);
      expect(seen.map((p) => p.id).sort()).toEqual([...made].sort());
      const names = seen.map((p) => p.displayName);
      expect(names).toEqual([...names].sort());
      // Filters hold across pages too.
      const same: string[] = [];
      cursor = null;
      do {
        const res: Res = await co.owner.get(`/api/v1/admin/people?q=same&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        same.push(...(res.body.items as Person[]).map((p) => p.id));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(same).toHaveLength(10);
      expect(new Set(same).size).toBe(10);
    });
  });

  describe('PATCH /admin/people/:id (role)', () => {
    it('401, 403 for members, 400 naming the field, 404 for unknown ids', async () => {
      const path = `/api/v1/admin/people/${member.personId}`;
      expectProblem(await t.client(acme.slug).patch(path, { role: 'admin' }), 401, 'unauthenticated');
      expectProblem(await member.patch(`/api/v1/admin/people/${admin.personId}`, { role: 'member' }), 403, 'forbidden');
      expectProblem(await admin.patch(path, { role: 'king' }), 400, 'invalid_input', 'role');
      expectProblem(await admin.patch(path, {}), 400, 'invalid_input', 'role');
      expectProblem(await admin.patch(path, { role: 'admin', status: 'active' }), 400, 'invalid_input', 'status');
      expectProblem(await admin.patch('/api/v1/admin/people/xyz', { role: 'admin' }), 400, 'invalid_input', 'id');
      expectProblem(await admin.patch(`/api/v1/admin/people/${NEVER_USED_ID}`, { role: 'admin' }), 404, 'not_found');
      expect((await admin.get(`/api/v1/people/${member.personId}`)).body.role).toBe('member');
    });

    it('a promotion and a demotion take effect on the person’s open session at once', async () => {
      const p = await addPerson(t, acme, { name: 'Pro Moted' });
      expectProblem(await p.get('/api/v1/admin/people'), 403, 'forbidden');
      const up = await admin.patch(`/api/v1/admin/people/${p.personId}`, { role: 'admin' });
      expect(up.status).toBe(200);
      expect(up.body).toMatchObject({ id: p.personId, role: 'admin' });
      expect((await p.get('/api/v1/me')).body.role).toBe('admin');
      expect((await p.get('/api/v1/admin/people')).status).toBe(200);
      expect((await admin.patch(`/api/v1/admin/people/${p.personId}`, { role: 'member' })).body.role).toBe('member');
      expect((await p.get('/api/v1/me')).body.role).toBe('member');
      expectProblem(await p.get('/api/v1/admin/people'), 403, 'forbidden');
      expectProblem(await p.post('/api/v1/admin/invite-links', {}), 403, 'forbidden');
    });

    it('only an owner makes or unmakes owners; nobody changes their own role', async () => {
      const p = await addPerson(t, acme, { name: 'Would Be Owner' });
      expectProblem(await admin.patch(`/api/v1/admin/people/${p.personId}`, { role: 'owner' }), 403, 'forbidden');
      expectProblem(await admin.patch(`/api/v1/admin/people/${ownerId}`, { role: 'member' }), 403, 'forbidden');
      expectProblem(await admin.patch(`/api/v1/admin/people/${admin.personId}`, { role: 'member' }), 403, 'cannot_change_self');
      expectProblem(await acme.owner.patch(`/api/v1/admin/people/${ownerId}`, { role: 'admin' }), 403, 'cannot_change_self');
      expect((await admin.get(`/api/v1/people/${p.personId}`)).body.role).toBe('member');
      expect((await acme.owner.get('/api/v1/me')).body.role).toBe('owner');
    });

    it('keeps at least one owner: two owners demoting each other at once leave exactly one', async () => {
      for (let round = 0; round < 3; round++) {
        const co = await signUpCompany(t);
        const firstId = ownerIdOf(co);
        const second = await addPerson(t, co, { name: 'Second Owner' });
        expect((await co.owner.patch(`/api/v1/admin/people/${second.personId}`, { role: 'owner' })).status).toBe(200);
        const [a, b] = await Promise.all([
          co.owner.patch(`/api/v1/admin/people/${second.personId}`, { role: 'admin' }),
          second.patch(`/api/v1/admin/people/${firstId}`, { role: 'admin' }),
        ]);
        // One demotion wins. The other finds either that it would remove the last owner, or (if its
        // request started after the first committed) that its author is no longer an owner.
        expect([a, b].filter((r) => r.status === 200)).toHaveLength(1);
        const loser = a.status === 200 ? b : a;
        if (loser.status === 409) expectProblem(loser, 409, 'last_owner', 'role');
        else expectProblem(loser, 403, 'forbidden');
        // The first owner is an owner or an admin now; either may list.
        expect(await search(co.owner, 'role=owner&status=active')).toHaveLength(1);
      }
    });

    it('an owner may demote a deactivated co-owner: the active owner remains', async () => {
      const co = await signUpCompany(t);
      const other = await addPerson(t, co, { name: 'Former Owner' });
      expect((await co.owner.patch(`/api/v1/admin/people/${other.personId}`, { role: 'owner' })).status).toBe(200);
      expect((await co.owner.post(`/api/v1/admin/people/${other.personId}/deactivate`)).status).toBe(200);
      const res = await co.owner.patch(`/api/v1/admin/people/${other.personId}`, { role: 'member' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'member', status: 'deactivated' });
    });
  });

  it('admins changing their own profiles at the same moment all succeed', async () => {
    const co = await signUpCompany(t);
    const admins = [co.owner, ...(await Promise.all([1, 2, 3].map((i) => addPerson(t, co, { name: `Admin ${i}`, role: 'admin' }))))];
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(admins.map((c, i) => c.patch('/api/v1/me', { title: `Round ${round} admin ${i}` })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    }
    expect((await search(co.owner, 'role=admin')).map((p) => p.displayName)).toEqual(['Admin 1', 'Admin 2', 'Admin 3']);
    for (const [i, c] of admins.entries()) expect((await c.get('/api/v1/me')).body.title).toBe(`Round 3 admin ${i}`);
  });

  describe('deactivate and reactivate', () => {
    it('401, 403 for members, 400, 404 for unknown ids, 403 on oneself', async () => {
      for (const action of ['deactivate', 'reactivate']) {
        expectProblem(await t.client(acme.slug).post(`/api/v1/admin/people/${member.personId}/${action}`), 401, 'unauthenticated');
        expectProblem(await member.post(`/api/v1/admin/people/${admin.personId}/${action}`), 403, 'forbidden');
        expectProblem(await admin.post(`/api/v1/admin/people/nope/${action}`), 400, 'invalid_input', 'id');
        expectProblem(await admin.post(`/api/v1/admin/people/${NEVER_USED_ID}/${action}`), 404, 'not_found');
        expectProblem(await admin.post(`/api/v1/admin/people/${admin.personId}/${action}`), 403, 'cannot_change_self');
      }
      expectProblem(await admin.post(`/api/v1/admin/people/${ownerId}/deactivate`), 403, 'forbidden');
      expect((await member.get('/api/v1/me')).status).toBe(200);
      expect((await acme.owner.get('/api/v1/me')).status).toBe(200);
    });

    it('ends the person’s sessions at once, refuses their sign-in, hides them from members; reactivation lets them back in', async () => {
      const p = await addPerson(t, acme, { name: 'Lee Leaving' });
      const laptop = await signIn(t, acme.slug, p.email);
      for (const c of [p, laptop]) expect((await c.get('/api/v1/me')).status).toBe(200);

      const off = await admin.post(`/api/v1/admin/people/${p.personId}/deactivate`);
      expect(off.status).toBe(200);
      expect(off.body).toMatchObject({ id: p.personId, status: 'deactivated' });
      for (const c of [p, laptop]) expectProblem(await c.get('/api/v1/me'), 401, 'unauthenticated');
      expectProblem(await p.patch('/api/v1/me', { title: 'Still here?' }), 401, 'unauthenticated');
      expectProblem(
        await t.client(acme.slug).post('/api/v1/auth/sign-in', { email: p.email, password: PASSWORD }),
        403,
        'account_deactivated',
      );
      expectProblem(await member.get(`/api/v1/people/${p.personId}`), 404, 'not_found');
      expect((await admin.get(`/api/v1/people/${p.personId}`)).body).toMatchObject({ status: 'deactivated', displayName: 'Lee Leaving' });
      expect((await search(admin, 'status=deactivated&q=leaving')).map((x) => x.id)).toEqual([p.personId]);
      // Deactivating again changes nothing.
      expect((await admin.post(`/api/v1/admin/people/${p.personId}/deactivate`)).body.status).toBe('deactivated');

      const on = await admin.post(`/api/v1/admin/people/${p.personId}/reactivate`);
      expect(on.status).toBe(200);
      expect(on.body.status).toBe('active');
      // The old sessions stay ended; a new sign-in works.
      expectProblem(await laptop.get('/api/v1/me'), 401, 'unauthenticated');
      const back = await signIn(t, acme.slug, p.email);
      expect((await back.get('/api/v1/me')).body).toMatchObject({ id: p.personId, status: 'active' });
      expect((await member.get(`/api/v1/people/${p.personId}`)).status).toBe(200);
    });

    it('an admin cannot deactivate an owner; an owner can deactivate another owner but not the last one standing', async () => {
      const co = await signUpCompany(t);
      const coAdmin = await addPerson(t, co, { name: 'Co Admin', role: 'admin' });
      const second = await addPerson(t, co, { name: 'Second Owner' });
      expect((await co.owner.patch(`/api/v1/admin/people/${second.personId}`, { role: 'owner' })).status).toBe(200);
      expectProblem(await coAdmin.post(`/api/v1/admin/people/${second.personId}/deactivate`), 403, 'forbidden');
      expect((await co.owner.post(`/api/v1/admin/people/${second.personId}/deactivate`)).status).toBe(200);
      expectProblem(await second.get('/api/v1/me'), 401, 'unauthenticated');
      expect((await search(co.owner, 'role=owner&status=active')).map((p) => p.id)).toEqual([ownerIdOf(co)]);
    });
  });
});

function ownerIdOf(co: Company): string {
  const id = co.owner.session?.person.id;
  if (!id) throw new Error('owner session missing');
  return id;
}
