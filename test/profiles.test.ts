import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem, problemFields } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
type Person = Client & { personId: string; email: string };

/** A 404 for a hidden or foreign id must read exactly like one for an id that never existed. */
export function expectSameNotFound(hidden: Res, never: Res): void {
  expectProblem(hidden, 404, 'not_found');
  expectProblem(never, 404, 'not_found');
  const strip = ({ requestId, instance, ...rest }: Record<string, unknown>) => (void requestId, void instance, rest);
  expect(strip(hidden.body)).toEqual(strip(never.body));
}

describe.each(DIALECTS)('profiles on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ownerId: string;
  let admin: Person;
  let member: Person;
  let other: Company;
  let otherPerson: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    ownerId = acme.owner.session?.person.id ?? '';
    admin = await addPerson(t, acme, { name: 'Adam Admin', role: 'admin' });
    member = await addPerson(t, acme, { name: 'Mia Member' });
    other = await signUpCompany(t);
    otherPerson = await addPerson(t, other, { name: 'Oscar Outside' });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('PATCH /me (profile fields)', () => {
    it('401, 400 naming the field, then saves location, phone, about and normalised skills', async () => {
      expectProblem(await t.client(acme.slug).patch('/api/v1/me', { location: 'Paris' }), 401, 'unauthenticated');
      for (const [body, field] of [
        [{ location: 'x'.repeat(101) }, 'location'],
        [{ phone: '1'.repeat(41) }, 'phone'],
        [{ phone: '+33\u0007 1' }, 'phone'],
        [{ about: 'a'.repeat(2001) }, 'about'],
        [{ about: 'bell\u0007' }, 'about'],
        [{ skills: 'python' }, 'skills'],
        [{ skills: Array.from({ length: 31 }, (_, i) => `skill ${i}`) }, 'skills'],
        [{ skills: ['x'.repeat(41)] }, 'skills.0'],
        [{ skills: ['ok', ''] }, 'skills.1'],
        [{ managerId: ownerId }, 'managerId'],
        [{ employeeId: 'E1' }, 'employeeId'],
      ] as const) {
        expectProblem(await member.patch('/api/v1/me', body), 400, 'invalid_input', field);
      }
      const thirty = Array.from({ length: 30 }, (_, i) => `Skill ${i}`);
      expect((await member.patch('/api/v1/me', { skills: thirty })).body.skills).toEqual(thirty);
      const about = 'Line one.\nLine two,\twith a tab.\r\nLine three: 🎉 ünïcödé';
      const res = await member.patch('/api/v1/me', {
        location: '  Zürich  ',
        phone: '+41 44 123 45 67',
        about,
        skills: [' Python ', 'python', 'Data science', 'PYTHON', 'Café', 'cafe', 'Rust'],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        location: 'Zürich',
        phone: '+41 44 123 45 67',
        about: about.trim(),
        skills: ['Python', 'Data science', 'Café', 'Rust'],
        managerId: null,
        employeeId: null,
      });
      expect((await member.get('/api/v1/me')).body).toMatchObject({
        location: 'Zürich',
        skills: ['Python', 'Data science', 'Café', 'Rust'],
      });
      // Empty strings and null clear; fields not sent stay as they were.
      const cleared = await member.patch('/api/v1/me', { location: '', phone: null });
      expect(cleared.body).toMatchObject({ location: null, phone: null, about: about.trim() });
      expect((await member.patch('/api/v1/me', { skills: [] })).body.skills).toEqual([]);
    });
  });

  describe('PATCH /admin/people/:id/profile', () => {
    it('401, 403 for members, 400 naming the field, 404 for foreign and unknown ids', async () => {
      const path = `/api/v1/admin/people/${member.personId}/profile`;
      expectProblem(await t.client(acme.slug).patch(path, { title: 'X' }), 401, 'unauthenticated');
      expectProblem(await member.patch(`/api/v1/admin/people/${admin.personId}/profile`, { title: 'X' }), 403, 'forbidden');
      for (const [body, field] of [
        [{ managerId: 'boss' }, 'managerId'],
        [{ employeeId: 'e'.repeat(65) }, 'employeeId'],
        [{ role: 'admin' }, 'role'],
        [{ skills: Array.from({ length: 31 }, (_, i) => `s${i}`) }, 'skills'],
      ] as const) {
        expectProblem(await admin.patch(path, body), 400, 'invalid_input', field);
      }
      expectProblem(await admin.patch('/api/v1/admin/people/nope/profile', { title: 'X' }), 400, 'invalid_input', 'id');
      expectSameNotFound(
        await admin.patch(`/api/v1/admin/people/${otherPerson.personId}/profile`, { title: 'X' }),
        await admin.patch(`/api/v1/admin/people/${NEVER_USED_ID}/profile`, { title: 'X' }),
      );
      // A manager from another company, or one that never existed, is bad input on the field.
      expectProblem(await admin.patch(path, { managerId: otherPerson.personId }), 400, 'invalid_input', 'managerId');
      expectProblem(await admin.patch(path, { managerId: NEVER_USED_ID }), 400, 'invalid_input', 'managerId');
      expectProblem(await admin.patch(path, { managerId: member.personId }), 400, 'invalid_input', 'managerId');
    });

    it('sets anyone’s profile, manager and employee id; the role PATCH still works', async () => {
      const p = await addPerson(t, acme, { name: 'Paula Profile' });
      const res = await admin.patch(`/api/v1/admin/people/${p.personId}/profile`, {
        title: 'Buyer',
        department: 'Purchasing',
        location: 'Lyon',
        skills: ['Negotiation'],
        managerId: ownerId,
        employeeId: 'E-1001',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: p.personId, title: 'Buyer', managerId: ownerId, employeeId: 'E-1001', skills: ['Negotiation'] });
      expect((await p.get('/api/v1/me')).body).toMatchObject({ managerId: ownerId, employeeId: 'E-1001', location: 'Lyon' });
      expect((await admin.patch(`/api/v1/admin/people/${p.personId}`, { role: 'admin' })).body).toMatchObject({
        role: 'admin',
        employeeId: 'E-1001',
      });
      // The owner's profile too; and clearing.
      expect((await admin.patch(`/api/v1/admin/people/${ownerId}/profile`, { about: 'Founder.' })).body.about).toBe('Founder.');
      expect((await admin.patch(`/api/v1/admin/people/${p.personId}/profile`, { managerId: null, employeeId: '' })).body).toMatchObject({
        managerId: null,
        employeeId: null,
      });
    });

    it('employee ids are unique within a company, not across companies', async () => {
      const a = await addPerson(t, acme, { name: 'Emp A' });
      const b = await addPerson(t, acme, { name: 'Emp B' });
      expect((await admin.patch(`/api/v1/admin/people/${a.personId}/profile`, { employeeId: 'E-42' })).status).toBe(200);
      expectProblem(
        await admin.patch(`/api/v1/admin/people/${b.personId}/profile`, { employeeId: 'E-42' }),
        409,
        'employee_id_taken',
        'employeeId',
      );
      // Setting the same id again on its holder is fine.
      expect((await admin.patch(`/api/v1/admin/people/${a.personId}/profile`, { employeeId: 'E-42' })).status).toBe(200);
      expect((await other.owner.patch(`/api/v1/admin/people/${otherPerson.personId}/profile`, { employeeId: 'E-42' })).status).toBe(200);
      // Two admins giving the same id to two people at once: exactly one wins.
      const c = await addPerson(t, acme, { name: 'Emp C' });
      const d = await addPerson(t, acme, { name: 'Emp D' });
      const both = await Promise.all([
        admin.patch(`/api/v1/admin/people/${c.personId}/profile`, { employeeId: 'E-77' }),
        acme.owner.patch(`/api/v1/admin/people/${d.personId}/profile`, { employeeId: 'E-77' }),
      ]);
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(both.find((r) => r.status === 409) as Res, 409, 'employee_id_taken', 'employeeId');
    });

    it('refuses oneself and cycles as manager', async () => {
      const [a, b, c, d] = await Promise.all(['Cy A', 'Cy B', 'Cy C', 'Cy D'].map((name) => addPerson(t, acme, { name })));
      const setManager = (who: Person, boss: Person | null) =>
        admin.patch(`/api/v1/admin/people/${who.personId}/profile`, { managerId: boss?.personId ?? null });
      expectProblem(await setManager(a!, a!), 400, 'invalid_input', 'managerId');
      // d → c → b → a
      expect((await setManager(b!, a!)).status).toBe(200);
      expect((await setManager(c!, b!)).status).toBe(200);
      expect((await setManager(d!, c!)).status).toBe(200);
      expectProblem(await setManager(a!, b!), 409, 'manager_cycle', 'managerId');
      expectProblem(await setManager(a!, d!), 409, 'manager_cycle', 'managerId');
      expectProblem(await setManager(b!, d!), 409, 'manager_cycle', 'managerId');
      expect((await admin.get(`/api/v1/people/${a!.personId}`)).body.managerId).toBeNull();
      // Moving a branch elsewhere is fine, and then the old cycle is no longer one.
      expect((await setManager(c!, a!)).status).toBe(200);
      expect((await setManager(b!, d!)).status).toBe(200);
      // Two admins closing a loop from both ends at once: one wins, the other is a cycle.
      const [x, y] = await Promise.all(['Loop X', 'Loop Y'].map((name) => addPerson(t, acme, { name })));
      const race = await Promise.all([
        admin.patch(`/api/v1/admin/people/${x!.personId}/profile`, { managerId: y!.personId }),
        acme.owner.patch(`/api/v1/admin/people/${y!.personId}/profile`, { managerId: x!.personId }),
      ]);
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
      expectProblem(race.find((r) => r.status === 409) as Res, 409, 'manager_cycle', 'managerId');
    });

    it('a deactivated person or a guest cannot become a manager', async () => {
      const gone = await addPerson(t, acme, { name: 'Gone Boss' });
      const guest = await addPerson(t, acme, { name: 'Guest Boss', role: 'guest' });
      expect((await admin.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
      expectProblem(
        await admin.patch(`/api/v1/admin/people/${member.personId}/profile`, { managerId: gone.personId }),
        400,
        'invalid_input',
        'managerId',
      );
      expectProblem(
        await admin.patch(`/api/v1/admin/people/${member.personId}/profile`, { managerId: guest.personId }),
        400,
        'invalid_input',
        'managerId',
      );
    });
  });

  describe('GET /people/:id/profile', () => {
    it('401, 400, 404 identical for foreign and never-used ids, then the whole profile', async () => {
      const path = (id: string) => `/api/v1/people/${id}/profile`;
      expectProblem(await t.client(acme.slug).get(path(member.personId)), 401, 'unauthenticated');
      expectProblem(await member.get('/api/v1/people/xyz/profile'), 400, 'invalid_input', 'id');
      expectSameNotFound(await member.get(path(otherPerson.personId)), await member.get(path(NEVER_USED_ID)));

      const boss = await addPerson(t, acme, { name: 'Bea Boss' });
      const pat = await addPerson(t, acme, { name: 'Pat Profile' });
      const report = await addPerson(t, acme, { name: 'Rory Report' });
      expect((await admin.patch(`/api/v1/admin/people/${pat.personId}/profile`, { managerId: boss.personId, title: 'Clerk' })).status).toBe(
        200,
      );
      expect((await admin.patch(`/api/v1/admin/people/${report.personId}/profile`, { managerId: pat.personId })).status).toBe(200);
      expect((await member.post(`/api/v1/people/${pat.personId}/follow`)).status).toBe(200);
      expect((await pat.post(`/api/v1/people/${boss.personId}/follow`)).status).toBe(200);
      const res = await member.get(path(pat.personId));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        person: expect.objectContaining({ id: pat.personId, displayName: 'Pat Profile', title: 'Clerk', managerId: boss.personId }),
        manager: {
          id: boss.personId,
          displayName: 'Bea Boss',
          title: null,
          department: null,
          photoUrl: null,
          status: 'active',
          isBot: false,
        },
        directReports: 1,
        followers: 1,
        following: 1,
        viewerFollows: true,
        fields: [],
      });
      expect((await admin.get(path(pat.personId))).body.viewerFollows).toBe(false);
      expect((await pat.get(path(pat.personId))).body).toMatchObject({ viewerFollows: false, followers: 1 });
    });

    it('deactivated people: 404 for members (like an unknown id), visible to admins', async () => {
      const gone = await addPerson(t, acme, { name: 'Dee Parted' });
      const boss = await addPerson(t, acme, { name: 'Left Boss' });
      expect((await admin.patch(`/api/v1/admin/people/${member.personId}/profile`, { managerId: boss.personId })).status).toBe(200);
      expect((await admin.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
      expect((await admin.post(`/api/v1/admin/people/${boss.personId}/deactivate`)).status).toBe(200);
      expectSameNotFound(
        await member.get(`/api/v1/people/${gone.personId}/profile`),
        await member.get(`/api/v1/people/${NEVER_USED_ID}/profile`),
      );
      expect((await admin.get(`/api/v1/people/${gone.personId}/profile`)).body.person.status).toBe('deactivated');
      // A deactivated manager is not shown to members, but is to admins.
      expect((await member.get(`/api/v1/people/${member.personId}/profile`)).body.manager).toBeNull();
      expect((await admin.get(`/api/v1/people/${member.personId}/profile`)).body.manager).toMatchObject({
        id: boss.personId,
        status: 'deactivated',
      });
      expect((await admin.get(`/api/v1/people/${boss.personId}/profile`)).body.directReports).toBe(1);
      expect((await admin.patch(`/api/v1/admin/people/${member.personId}/profile`, { managerId: null })).status).toBe(200);
    });

    it('a guest sees only their own profile', async () => {
      const guest = await addPerson(t, acme, { name: 'Gil Guest', role: 'guest' });
      expect((await guest.get(`/api/v1/people/${guest.personId}/profile`)).body.person.id).toBe(guest.personId);
      expectSameNotFound(
        await guest.get(`/api/v1/people/${member.personId}/profile`),
        await guest.get(`/api/v1/people/${NEVER_USED_ID}/profile`),
      );
      expectSameNotFound(await guest.get(`/api/v1/people/${ownerId}/profile`), await guest.get(`/api/v1/people/${NEVER_USED_ID}/profile`));
    });
  });

  describe('company-defined profile fields', () => {
    const base = '/api/v1/admin/profile-fields';

    it('401, 403, 400 naming the field, 404 for foreign and unknown ids; create, list, change, delete', async () => {
      expectProblem(await t.client(acme.slug).get(base), 401, 'unauthenticated');
      expectProblem(await t.client(acme.slug).post(base, { label: 'X', kind: 'text' }), 401, 'unauthenticated');
      expectProblem(await member.get(base), 403, 'forbidden');
      expectProblem(await member.post(base, { label: 'X', kind: 'text' }), 403, 'forbidden');
      for (const [body, field] of [
        [{ kind: 'text' }, 'label'],
        [{ label: 'x'.repeat(61), kind: 'text' }, 'label'],
        [{ label: 'X', kind: 'number' }, 'kind'],
        [{ label: 'X', kind: 'text', visibleTo: 'friends' }, 'visibleTo'],
        [{ label: 'X', kind: 'text', order: -1 }, 'order'],
        [{ label: 'X', kind: 'text', colour: 'red' }, 'colour'],
      ] as const) {
        expectProblem(await admin.post(base, body), 400, 'invalid_input', field);
      }
      const co = await signUpCompany(t);
      const foreign = await co.owner.post(base, { label: 'Theirs', kind: 'text' });
      expect(foreign.status).toBe(201);
      expectSameNotFound(
        await admin.patch(`${base}/${foreign.body.id}`, { label: 'Mine' }),
        await admin.patch(`${base}/${NEVER_USED_ID}`, { label: 'Mine' }),
      );
      expectSameNotFound(await admin.delete(`${base}/${foreign.body.id}`), await admin.delete(`${base}/${NEVER_USED_ID}`));
      expectProblem(await admin.patch(`${base}/${foreign.body.id}`, { kind: 'url' }), 400, 'invalid_input', 'kind');

      const fresh = await signUpCompany(t);
      const made = [];
      for (const [label, kind] of [
        ['Pronouns', 'text'],
        ['Personal site', 'url'],
        ['Started on', 'date'],
      ] as const) {
        const res = await fresh.owner.post(base, { label, kind });
        expect(res.status).toBe(201);
        made.push(res.body);
      }
      expect(made.map((f) => [f.label, f.order, f.visibleTo])).toEqual([
        ['Pronouns', 0, 'everyone'],
        ['Personal site', 1, 'everyone'],
        ['Started on', 2, 'everyone'],
      ]);
      const moved = await fresh.owner.patch(`${base}/${made[0].id}`, { order: 5, label: 'My pronouns', visibleTo: 'admins' });
      expect(moved.body).toMatchObject({ id: made[0].id, label: 'My pronouns', order: 5, visibleTo: 'admins', kind: 'text' });
      expect((await fresh.owner.get(base)).body.items.map((f: { label: string }) => f.label)).toEqual([
        'Personal site',
        'Started on',
        'My pronouns',
      ]);
      expect((await fresh.owner.delete(`${base}/${made[1].id}`)).status).toBe(204);
      expect((await fresh.owner.get(base)).body.items.map((f: { label: string }) => f.label)).toEqual(['Started on', 'My pronouns']);
      // The other company's list is untouched by all of this.
      expect((await co.owner.get(base)).body.items.map((f: { label: string }) => f.label)).toEqual(['Theirs']);
    });

    it('values: set by the person or an admin, checked per kind, admin-only fields for admins only', async () => {
      const co = await signUpCompany(t);
      const worker = await addPerson(t, co, { name: 'Wendy Worker' });
      const colleague = await addPerson(t, co, { name: 'Colin Colleague' });
      const coAdmin = await addPerson(t, co, { name: 'Ada Admin', role: 'admin' });
      const field = async (label: string, kind: string, visibleTo = 'everyone') =>
        (await co.owner.post(base, { label, kind, visibleTo })).body.id as string;
      const pronouns = await field('Pronouns', 'text');
      const site = await field('Site', 'url');
      const started = await field('Started on', 'date');
      const cost = await field('Cost centre', 'text', 'admins');

      expectProblem(await t.client(co.slug).put('/api/v1/me/fields', { values: {} }), 401, 'unauthenticated');
      expectProblem(await worker.put('/api/v1/me/fields', {}), 400, 'invalid_input', 'values');
      expectProblem(await worker.put('/api/v1/me/fields', { values: { [pronouns]: 3 } }), 400, 'invalid_input', `values.${pronouns}`);
      for (const [id, value] of [
        [site, 'not a url'],
        [site, 'javascript:alert(1)'],
        [started, '2024-02-30'],
        [started, 'yesterday'],
        [pronouns, 'x'.repeat(501)],
        [pronouns, 'bell\u0007'],
      ] as const) {
        expectProblem(await worker.put('/api/v1/me/fields', { values: { [id]: value } }), 400, 'invalid_input', `values.${id}`);
      }
      // Unknown fields, another company's fields, and fields the person may not see are all unknown.
      const foreignField = (await acme.owner.post(base, { label: 'Elsewhere', kind: 'text' })).body.id as string;
      for (const id of [NEVER_USED_ID, foreignField, cost, 'not-an-id']) {
        expectProblem(await worker.put('/api/v1/me/fields', { values: { [id]: 'x' } }), 400, 'invalid_input', `values.${id}`);
      }

      const saved = await worker.put('/api/v1/me/fields', {
        values: { [pronouns]: ' she/her ', [site]: 'https://wendy.example', [started]: '2021-09-01' },
      });
      expect(saved.status).toBe(200);
      expect(saved.body.fields.map((f: { label: string; value: string }) => [f.label, f.value])).toEqual([
        ['Pronouns', 'she/her'],
        ['Site', 'https://wendy.example'],
        ['Started on', '2021-09-01'],
      ]);
      const adminPath = `/api/v1/admin/people/${worker.personId}/fields`;
      expectProblem(await colleague.put(adminPath, { values: { [cost]: 'CC-9' } }), 403, 'forbidden');
      expectProblem(await coAdmin.put(adminPath, { values: { [cost]: 'CC-9' }, extra: 1 }), 400, 'invalid_input', 'extra');
      expectSameNotFound(
        await coAdmin.put(`/api/v1/admin/people/${otherPerson.personId}/fields`, { values: {} }),
        await coAdmin.put(`/api/v1/admin/people/${NEVER_USED_ID}/fields`, { values: {} }),
      );
      expect((await coAdmin.put(adminPath, { values: { [cost]: 'CC-9', [site]: null } })).status).toBe(200);

      // What the person is offered to fill: every field they may set, empty ones too, never admin-only ones.
      expectProblem(await t.client(co.slug).get('/api/v1/me/fields'), 401, 'unauthenticated');
      const offered = await worker.get('/api/v1/me/fields');
      expect(offered.body.items.map((f: { label: string; value: string | null }) => [f.label, f.value])).toEqual([
        ['Pronouns', 'she/her'],
        ['Site', null],
        ['Started on', '2021-09-01'],
      ]);
      expect((await colleague.get('/api/v1/me/fields')).body.items.map((f: { value: string | null }) => f.value)).toEqual([
        null,
        null,
        null,
      ]);

      const seenBy = async (c: Client) =>
        ((await c.get(`/api/v1/people/${worker.personId}/profile`)).body.fields as Array<{ label: string; value: string }>).map((f) => [
          f.label,
          f.value,
        ]);
      expect(await seenBy(colleague)).toEqual([
        ['Pronouns', 'she/her'],
        ['Started on', '2021-09-01'],
      ]);
      expect(await seenBy(worker)).toEqual(await seenBy(colleague));
      expect(await seenBy(coAdmin)).toEqual([
        ['Pronouns', 'she/her'],
        ['Started on', '2021-09-01'],
        ['Cost centre', 'CC-9'],
      ]);
      // An empty value removes it; deleting a field removes its values.
      expect((await worker.put('/api/v1/me/fields', { values: { [pronouns]: '' } })).status).toBe(200);
      expect((await co.owner.delete(`${base}/${started}`)).status).toBe(204);
      expect(await seenBy(colleague)).toEqual([]);
      expect(problemFields(await worker.put('/api/v1/me/fields', { values: { [started]: '2021-09-01' } }))).toEqual([`values.${started}`]);
    });
  });
});
