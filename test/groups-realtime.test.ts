import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Frame, LiveSocket } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { connect, until } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };

const membership = (groupId: string, personId: string, status: string) => (f: Frame) =>
  f.kind === 'event' &&
  f.type === 'group.membership' &&
  f.payload.groupId === groupId &&
  f.payload.personId === personId &&
  f.payload.status === status;
const updated = (groupId: string, name?: string) => (f: Frame) =>
  f.kind === 'event' &&
  f.type === 'group.updated' &&
  f.payload.group.id === groupId &&
  (name === undefined || f.payload.group.name === name);

describe.each(DIALECTS)('groups live and at once on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let admin: Person;
  let stay: Person;
  let leaver: Person;
  let outsider: Person;
  let guest: Person;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    stay = await addPerson(t, acme, { name: 'Sam Stays' });
    leaver = await addPerson(t, acme, { name: 'Lee Leaves' });
    outsider = await addPerson(t, acme, { name: 'Otto Outside' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  const live = async (c: Client): Promise<LiveSocket> => {
    const s = await connect(c);
    sockets.push(s);
    return s;
  };
  const group = async (visibility: string, members: Person[]): Promise<string> => {
    const g = await admin.post('/api/v1/groups', { name: `Live ${visibility} ${Math.random()}`, visibility });
    expect(g.status).toBe(201);
    const id = g.body.id as string;
    if (members.length) {
      expect((await admin.post(`/api/v1/groups/${id}/invitations`, { personIds: members.map((m) => m.personId) })).status).toBe(201);
      for (const m of members) expect((await m.post(`/api/v1/groups/${id}/invitations/accept`)).status).toBe(200);
    }
    return id;
  };
  const listed = async (c: Client, query = ''): Promise<string[]> =>
    ((await c.get(`/api/v1/groups?limit=100&${query}`)).body.items as Array<{ id: string }>).map((g) => g.id);

  it('removing a member ends their access at once, tells them, and they hear nothing more of the group', async () => {
    const id = await group('secret', [stay, leaver]);
    const [adminLive, stayLive, leaverLive] = await Promise.all([live(admin), live(stay), live(leaver)]);
    expect((await leaver.get(`/api/v1/groups/${id}`)).status).toBe(200);

    expect((await admin.delete(`/api/v1/groups/${id}/members/${leaver.personId}`)).status).toBe(204);
    expectProblem(await leaver.get(`/api/v1/groups/${id}`), 404, 'not_found');
    expectProblem(await leaver.get(`/api/v1/groups/${id}/members`), 404, 'not_found');
    expect(await listed(leaver)).not.toContain(id);
    await leaverLive.waitFor(membership(id, leaver.personId, 'removed'));
    await adminLive.waitFor(membership(id, leaver.personId, 'removed'));

    expect((await admin.patch(`/api/v1/groups/${id}`, { name: 'Renamed after removal' })).status).toBe(200);
    expect((await admin.post(`/api/v1/groups/${id}/archive`)).status).toBe(200);
    await stayLive.waitFor(updated(id, 'Renamed after removal'));
    // Events reach a person in order: once this later one arrived, an update meant for them would have too.
    expect((await admin.post(`/api/v1/groups/${id}/unarchive`)).status).toBe(200);
    expect((await admin.post(`/api/v1/groups/${id}/invitations`, { personIds: [leaver.personId] })).status).toBe(201);
    await leaverLive.waitFor(membership(id, leaver.personId, 'invited'));
    expect(leaverLive.frames.filter(updated(id))).toEqual([]);
    await until(() => stayLive.frames.filter(updated(id)).length === 3, 'the three updates to reach a member');
  });

  it('leaving ends access at once too', async () => {
    const id = await group('secret', [stay]);
    const adminLive = await live(admin);
    expect((await stay.post(`/api/v1/groups/${id}/leave`)).status).toBe(204);
    expectProblem(await stay.get(`/api/v1/groups/${id}`), 404, 'not_found');
    await adminLive.waitFor(membership(id, stay.personId, 'left'));
  });

  it('a group made secret disappears from non-members’ lists and pages at once', async () => {
    const id = await group('open', [stay]);
    expect(await listed(outsider, 'filter=discover')).toContain(id);
    expect((await admin.patch(`/api/v1/groups/${id}`, { visibility: 'secret' })).status).toBe(200);
    expect(await listed(outsider, 'filter=discover')).not.toContain(id);
    expect(await listed(outsider)).not.toContain(id);
    expectProblem(await outsider.get(`/api/v1/groups/${id}`), 404, 'not_found');
    expectProblem(await outsider.post(`/api/v1/groups/${id}/join`), 404, 'not_found');
    expect(await listed(stay, 'filter=mine')).toContain(id);
    // Company admins still govern it.
    const all = (await acme.owner.get('/api/v1/admin/groups?limit=100')).body.items as Array<{ id: string; visibility: string }>;
    expect(all.find((g) => g.id === id)?.visibility).toBe('secret');
  });

  it('guests see only their groups, whatever the visibility of the others', async () => {
    const everyone = (await listed(guest))[0];
    const theirs = await group('closed', [guest]);
    await group('open', []);
    await group('closed', []);
    await group('secret', []);
    expect((await listed(guest)).sort()).toEqual([everyone, theirs].sort());
    expect(await listed(guest, 'filter=discover')).toEqual([]);
    expect((await guest.get(`/api/v1/groups/${theirs}/members`)).status).toBe(200);
    expectProblem(await guest.post('/api/v1/groups', { name: 'Mine' }), 403, 'forbidden');
  });

  it('join requests, approvals, role changes and invitations are told to the person and the group’s moderators', async () => {
    const id = await group('closed', [stay]);
    expect((await admin.patch(`/api/v1/groups/${id}/members/${stay.personId}`, { role: 'moderator' })).status).toBe(200);
    const [adminLive, modLive, asker] = await Promise.all([live(admin), live(stay), live(outsider)]);
    const req = await outsider.post(`/api/v1/groups/${id}/join`);
    expect(req.status).toBe(202);
    for (const s of [adminLive, modLive, asker]) await s.waitFor(membership(id, outsider.personId, 'requested'));
    expect((await stay.post(`/api/v1/groups/${id}/requests/${req.body.request.id}/approve`)).status).toBe(200);
    for (const s of [adminLive, modLive, asker]) await s.waitFor(membership(id, outsider.personId, 'joined'));
    expect((await admin.patch(`/api/v1/groups/${id}/members/${outsider.personId}`, { role: 'admin' })).status).toBe(200);
    const changed = await asker.waitFor(membership(id, outsider.personId, 'role_changed'));
    expect(changed.payload.role).toBe('admin');
    expect((await outsider.patch(`/api/v1/groups/${id}`, { description: 'Now I run it too' })).status).toBe(200);
    await modLive.waitFor((f) => updated(id)(f) && f.payload.group.description === 'Now I run it too');
  });
});
