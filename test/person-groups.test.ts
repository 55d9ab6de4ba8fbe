import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

/**
 * A profile lists the person's groups, but only those the viewer may find: a secret group shows up
 * for its own members only, and nothing of it leaks through this list to anyone else.
 */
describe.each(DIALECTS)('GET /people/:id/groups on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let anna: Client & { personId: string };
  let ben: Client & { personId: string };
  let carla: Client & { personId: string };
  let guest: Client & { personId: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    anna = await addPerson(t, acme, { name: 'Anna' });
    ben = await addPerson(t, acme, { name: 'Ben' });
    carla = await addPerson(t, acme, { name: 'Carla' });
    guest = await addPerson(t, acme, { name: 'Gus', role: 'guest' });
    for (const [name, visibility] of [
      ['Bakers', 'open'],
      ['Cellar', 'closed'],
      ['Skunkworks', 'secret'],
    ] as const) {
      const g = await anna.post('/api/v1/groups', { name, visibility });
      expect(g.status).toBe(201);
      ids[name] = g.body.id as string;
    }
    // Ben shares the secret group with Anna; Carla shares nothing but the company.
    expect((await anna.post(`/api/v1/groups/${ids.Skunkworks}/invitations`, { personIds: [ben.personId] })).status).toBeLessThan(300);
    expect((await ben.post(`/api/v1/groups/${ids.Skunkworks}/invitations/accept`)).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await t?.close();
  });

  const names = async (viewer: Client, personId: string) => {
    const res = await viewer.get(`/api/v1/people/${personId}/groups?limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ name: string }>).map((g) => g.name);
  };

  it('shows each viewer only the groups they may find', async () => {
    expect(await names(anna, anna.personId)).toEqual(['Announcements', 'Bakers', 'Cellar', 'Skunkworks']);
    expect(await names(ben, anna.personId)).toEqual(['Announcements', 'Bakers', 'Cellar', 'Skunkworks']);
    expect(await names(carla, anna.personId)).toEqual(['Announcements', 'Bakers', 'Cellar']);
    // A company owner is no member of the secret group: it does not exist for them either.
    expect(await names(acme.owner, anna.personId)).toEqual(['Announcements', 'Bakers', 'Cellar']);
    expect(await names(carla, carla.personId)).toEqual(['Announcements']);
  });

  it('pages by name with a cursor', async () => {
    const first = await ben.get(`/api/v1/people/${anna.personId}/groups?limit=3`);
    expect(first.body.items.map((g: { name: string }) => g.name)).toEqual(['Announcements', 'Bakers', 'Cellar']);
    const next = await ben.get(`/api/v1/people/${anna.personId}/groups?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.items.map((g: { name: string }) => g.name)).toEqual(['Skunkworks']);
    expect(next.body.nextCursor).toBeNull();
  });

  it('401 → 400 → 404 (another company, never used, hidden from a guest) → 200', async () => {
    expectProblem(await t.client(acme.slug).get(`/api/v1/people/${anna.personId}/groups`), 401, 'unauthenticated');
    expectProblem(await carla.get(`/api/v1/people/${anna.personId}/groups?limit=0`), 400, 'invalid_input', 'limit');
    expectProblem(await carla.get(`/api/v1/people/${anna.personId}/groups?cursor=nonsense`), 400, 'invalid_input', 'cursor');
    expectProblem(await carla.get('/api/v1/people/not-an-id/groups'), 400, 'invalid_input', 'id');
    const unknown = await carla.get(`/api/v1/people/${NEVER_USED_ID}/groups`);
    expectProblem(unknown, 404, 'not_found');
    const foreign = await other.owner.get(`/api/v1/people/${anna.personId}/groups`);
    const sameness = (r: typeof unknown) => ({ status: r.status, type: r.body.type, code: r.body.code, detail: r.body.detail });
    expect(sameness(foreign)).toEqual(sameness(unknown));
    // Guests see only themselves in the company, and so nobody else's groups.
    expectProblem(await guest.get(`/api/v1/people/${anna.personId}/groups`), 404, 'not_found');
    expect((await guest.get(`/api/v1/people/${guest.personId}/groups`)).status).toBe(200);
  });
});
