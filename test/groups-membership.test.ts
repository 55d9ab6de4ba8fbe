import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
type Person = Client & { personId: string; email: string };

describe.each(DIALECTS)('group membership on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let admin: Person;
  let mod: Person;
  let ann: Person;
  let bob: Person;
  let guest: Person;
  let foreigner: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    mod = await addPerson(t, acme, { name: 'Moe Moderator' });
    ann = await addPerson(t, acme, { name: 'Ann' });
    bob = await addPerson(t, acme, { name: 'Bob' });
    guest = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    foreigner = await addPerson(t, await signUpCompany(t), { name: 'Fay Foreign' });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A group made by `admin`, with `mod` as moderator. */
  const makeGroup = async (visibility: 'open' | 'closed' | 'secret'): Promise<string> => {
    const g = await admin.post('/api/v1/groups', { name: `${visibility} ${Math.random()}`, visibility });
    expect(g.status).toBe(201);
    const id = g.body.id as string;
    await admin.post(`/api/v1/groups/${id}/invitations`, { personIds: [mod.personId] });
    expect((await mod.post(`/api/v1/groups/${id}/invitations/accept`)).status).toBe(200);
    expect((await admin.patch(`/api/v1/groups/${id}/members/${mod.personId}`, { role: 'moderator' })).status).toBe(200);
    return id;
  };
  const memberNames = async (c: Client, id: string): Promise<string[]> => {
    const res: Res = await c.get(`/api/v1/groups/${id}/members?limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ person: { displayName: string }; role: string }>).map((m) => `${m.person.displayName}:${m.role}`);
  };

  describe('POST /groups/:id/join', () => {
    it('401, 400, 404; open: member at once; a second join is a 409', async () => {
      const id = await makeGroup('open');
      expectProblem(await t.client(acme.slug).post(`/api/v1/groups/${id}/join`), 401, 'unauthenticated');
      expectProblem(await ann.post('/api/v1/groups/nope/join'), 400, 'invalid_input', 'id');
      expectProblem(await ann.post(`/api/v1/groups/${NEVER_USED_ID}/join`), 404, 'not_found');
      const res = await ann.post(`/api/v1/groups/${id}/join`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'joined', request: null, group: { membership: { role: 'member' }, memberCount: 3 } });
      expectProblem(await ann.post(`/api/v1/groups/${id}/join`), 409, 'already_member');
      expect(await memberNames(bob, id)).toEqual(['Ada Admin:admin', 'Ann:member', 'Moe Moderator:moderator']);
    });

    it('open: two joins at once make one membership, and both answers make sense', async () => {
      const id = await makeGroup('open');
      const answers = await Promise.all([bob.post(`/api/v1/groups/${id}/join`), bob.post(`/api/v1/groups/${id}/join`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect((await memberNames(bob, id)).filter((n) => n.startsWith('Bob'))).toEqual(['Bob:member']);
    });

    it('closed: a pending request (202), once; approving twice is a 409; declining', async () => {
      const id = await makeGroup('closed');
      const answers = await Promise.all([ann.post(`/api/v1/groups/${id}/join`), ann.post(`/api/v1/groups/${id}/join`)]);
      expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
      const asked = answers.find((a) => a.status === 202) as Res;
      expect(asked.body).toMatchObject({ status: 'requested', group: { membership: null, pending: 'request' } });
      expectProblem(answers.find((a) => a.status === 409) as Res, 409, 'request_pending');
      const requestId = asked.body.request.id as string;

      const path = `/api/v1/groups/${id}/requests`;
      expectProblem(await t.client(acme.slug).get(path), 401, 'unauthenticated');
      expectProblem(await admin.get(`${path}?limit=0`), 400, 'invalid_input', 'limit');
      expectProblem(await admin.get(`/api/v1/groups/${NEVER_USED_ID}/requests`), 404, 'not_found');
      expectProblem(await bob.get(path), 403, 'forbidden');
      const queue = await mod.get(path);
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((r: { id: string; person: { displayName: string } }) => [r.id, r.person.displayName])).toEqual([
        [requestId, 'Ann'],
      ]);

      expectProblem(await t.client(acme.slug).post(`${path}/${requestId}/approve`), 401, 'unauthenticated');
      expectProblem(await mod.post(`${path}/nope/approve`), 400, 'invalid_input', 'requestId');
      expectProblem(await mod.post(`${path}/${NEVER_USED_ID}/approve`), 404, 'not_found');
      expectProblem(await bob.post(`${path}/${requestId}/approve`), 403, 'forbidden');
      // Nobody approves their own request: it stays pending, and they stay outside.
      expectProblem(await ann.post(`${path}/${requestId}/approve`), 403, 'forbidden');
      expect((await ann.get(`/api/v1/groups/${id}`)).body).toMatchObject({ membership: null, pending: 'request' });
      const decisions = await Promise.all([mod.post(`${path}/${requestId}/approve`), admin.post(`${path}/${requestId}/approve`)]);
      expect(decisions.map((d) => d.status).sort()).toEqual([200, 409]);
      expectProblem(decisions.find((d) => d.status === 409) as Res, 409, 'request_decided');
      expect((await ann.get(`/api/v1/groups/${id}`)).body.membership.role).toBe('member');
      expectProblem(await admin.post(`${path}/${requestId}/decline`), 409, 'request_decided');

      const b = await bob.post(`/api/v1/groups/${id}/join`);
      expect(b.status).toBe(202);
      const declined = await admin.post(`${path}/${b.body.request.id}/decline`);
      expect(declined.status).toBe(200);
      expect(declined.body.status).toBe('declined');
      expect((await bob.get(`/api/v1/groups/${id}`)).body).toMatchObject({ membership: null, pending: null });
      // History does not block asking again.
      expect((await bob.post(`/api/v1/groups/${id}/join`)).status).toBe(202);
      // Withdrawing a request is leaving before having joined.
      expect((await bob.post(`/api/v1/groups/${id}/leave`)).status).toBe(204);
      expect((await mod.get(path)).body.items).toEqual([]);
    });

    it('secret: 404 to non-members, like an id never used; guests cannot join open groups either', async () => {
      const secret = await makeGroup('secret');
      const open = await makeGroup('open');
      const never = await ann.post(`/api/v1/groups/${NEVER_USED_ID}/join`);
      for (const [c, id] of [
        [ann, secret],
        [guest, secret],
        [guest, open],
        [foreigner, open],
      ] as const) {
        const res = await c.post(`/api/v1/groups/${id}/join`);
        expectProblem(res, 404, 'not_found');
        expect(res.body.detail).toBe(never.body.detail);
      }
    });
  });

  describe('invitations', () => {
    it('401, 400, 404 for unknown or foreign people, 403 for plain members, then accept and decline', async () => {
      const id = await makeGroup('secret');
      const path = `/api/v1/groups/${id}/invitations`;
      expectProblem(await t.client(acme.slug).post(path, { personIds: [ann.personId] }), 401, 'unauthenticated');
      expectProblem(await admin.post(path, { personIds: [] }), 400, 'invalid_input', 'personIds');
      expectProblem(await admin.post(path, { personIds: ['x'] }), 400, 'invalid_input', 'personIds.0');
      const many = Array.from({ length: 101 }, () => ann.personId);
      expectProblem(await admin.post(path, { personIds: many }), 400, 'invalid_input', 'personIds');
      expectProblem(await admin.post(path, { personIds: [ann.personId], role: 'admin' }), 400, 'invalid_input', 'role');
      expectProblem(await admin.post(`/api/v1/groups/${NEVER_USED_ID}/invitations`, { personIds: [ann.personId] }), 404, 'not_found');
      expectProblem(await admin.post(path, { personIds: [ann.personId, foreigner.personId] }), 404, 'not_found');
      expectProblem(await admin.post(path, { personIds: [NEVER_USED_ID] }), 404, 'not_found');
      // Nothing was written by the refused calls.
      expectProblem(await ann.get(`/api/v1/groups/${id}`), 404, 'not_found');

      const sent = await mod.post(path, { personIds: [ann.personId, bob.personId, guest.personId, ann.personId, admin.personId] });
      expect(sent.status).toBe(201);
      expect(sent.body.items.map((i: { personId: string }) => i.personId).sort()).toEqual(
        [ann.personId, bob.personId, guest.personId].sort(),
      );
      // Invited: they find the group (to answer) but see nothing inside a secret one.
      expect((await ann.get(`/api/v1/groups/${id}`)).body).toMatchObject({
        pending: 'invite',
        membership: null,
        can: { seeMembers: false },
      });
      expectProblem(await ann.get(`/api/v1/groups/${id}/members`), 404, 'not_found');
      // Inviting again skips them.
      expect((await admin.post(path, { personIds: [ann.personId] })).body.items).toEqual([]);

      expectProblem(await t.client(acme.slug).post(`${path}/accept`), 401, 'unauthenticated');
      expectProblem(await ann.post(`/api/v1/groups/${NEVER_USED_ID}/invitations/accept`), 404, 'not_found');
      const accepted = await ann.post(`${path}/accept`);
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ membership: { role: 'member' }, pending: null });
      expectProblem(await ann.post(`${path}/accept`), 404, 'not_found');
      // A member may not invite.
      expectProblem(await ann.post(path, { personIds: [bob.personId] }), 403, 'forbidden');

      // Guests join the groups they are invited to, and then find them.
      expect((await guest.post(`/api/v1/groups/${id}/join`)).status).toBe(200);
      expect((await guest.get('/api/v1/groups?filter=mine')).body.items.map((g: { id: string }) => g.id)).toContain(id);

      expect((await bob.post(`${path}/decline`)).status).toBe(204);
      expectProblem(await bob.get(`/api/v1/groups/${id}`), 404, 'not_found');
      expectProblem(await bob.post(`${path}/decline`), 404, 'not_found');
    });

    it('inviting someone who asked to join lets them in', async () => {
      const id = await makeGroup('closed');
      expect((await bob.post(`/api/v1/groups/${id}/join`)).status).toBe(202);
      expect((await admin.post(`/api/v1/groups/${id}/invitations`, { personIds: [bob.personId] })).status).toBe(201);
      expect((await bob.get(`/api/v1/groups/${id}`)).body).toMatchObject({ membership: { role: 'member' }, pending: null });
    });
  });

  describe('leaving, removal and roles', () => {
    it('POST /leave: 401, 404, 409 when not a member, 409 for the last admin while others remain', async () => {
      const id = await makeGroup('open');
      expectProblem(await t.client(acme.slug).post(`/api/v1/groups/${id}/leave`), 401, 'unauthenticated');
      expectProblem(await ann.post(`/api/v1/groups/${NEVER_USED_ID}/leave`), 404, 'not_found');
      expectProblem(await ann.post(`/api/v1/groups/${id}/leave`), 409, 'not_member');
      expectProblem(await admin.post(`/api/v1/groups/${id}/leave`), 409, 'last_group_admin');
      expect((await mod.post(`/api/v1/groups/${id}/leave`)).status).toBe(204);
      // Alone, the last admin may leave.
      expect((await admin.post(`/api/v1/groups/${id}/leave`)).status).toBe(204);
      expect((await admin.get(`/api/v1/groups/${id}`)).body).toMatchObject({ membership: null, memberCount: 0 });
    });

    it('DELETE /members/:personId: 401, 400, 404, 403 for non-admins and oneself, then gone at once', async () => {
      const id = await makeGroup('secret');
      await admin.post(`/api/v1/groups/${id}/invitations`, { personIds: [ann.personId] });
      await ann.post(`/api/v1/groups/${id}/invitations/accept`);
      const path = `/api/v1/groups/${id}/members/${ann.personId}`;
      expectProblem(await t.client(acme.slug).delete(path), 401, 'unauthenticated');
      expectProblem(await admin.delete(`/api/v1/groups/${id}/members/nope`), 400, 'invalid_input', 'personId');
      expectProblem(await admin.delete(`/api/v1/groups/${NEVER_USED_ID}/members/${ann.personId}`), 404, 'not_found');
      expectProblem(await admin.delete(`/api/v1/groups/${id}/members/${bob.personId}`), 404, 'not_found');
      expectProblem(await admin.delete(`/api/v1/groups/${id}/members/${foreigner.personId}`), 404, 'not_found');
      expectProblem(await mod.delete(path), 403, 'forbidden');
      expectProblem(await admin.delete(`/api/v1/groups/${id}/members/${admin.personId}`), 403, 'cannot_remove_self');
      expect((await admin.delete(path)).status).toBe(204);
      expectProblem(await ann.get(`/api/v1/groups/${id}`), 404, 'not_found');
      expectProblem(await admin.delete(path), 404, 'not_found');
    });

    it('PATCH /members/:personId: 401, 400, 404, 403, and the last admin keeps the role', async () => {
      const id = await makeGroup('closed');
      const path = `/api/v1/groups/${id}/members/${mod.personId}`;
      expectProblem(await t.client(acme.slug).patch(path, { role: 'admin' }), 401, 'unauthenticated');
      expectProblem(await admin.patch(path, { role: 'owner' }), 400, 'invalid_input', 'role');
      expectProblem(await admin.patch(path, { role: 'admin', x: 1 }), 400, 'invalid_input', 'x');
      expectProblem(await admin.patch(`/api/v1/groups/${id}/members/${ann.personId}`, { role: 'admin' }), 404, 'not_found');
      expectProblem(await mod.patch(path, { role: 'admin' }), 403, 'forbidden');
      expectProblem(await admin.patch(`/api/v1/groups/${id}/members/${admin.personId}`, { role: 'member' }), 409, 'last_group_admin');
      const promoted = await admin.patch(path, { role: 'admin' });
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({ role: 'admin', person: { id: mod.personId } });
      expect((await admin.patch(`/api/v1/groups/${id}/members/${admin.personId}`, { role: 'member' })).status).toBe(200);
      expect(await memberNames(ann, id)).toEqual(['Ada Admin:member', 'Moe Moderator:admin']);
    });

    it('GET /members: 401, 400, 404, and walks every member once', async () => {
      const id = await makeGroup('open');
      expectProblem(await t.client(acme.slug).get(`/api/v1/groups/${id}/members`), 401, 'unauthenticated');
      expectProblem(await ann.get(`/api/v1/groups/${id}/members?limit=101`), 400, 'invalid_input', 'limit');
      expectProblem(await ann.get(`/api/v1/groups/${id}/members?cursor=bm9wZQ`), 400, 'invalid_input', 'cursor');
      expectProblem(await ann.get(`/api/v1/groups/${NEVER_USED_ID}/members`), 404, 'not_found');
      for (const c of [ann, bob]) expect((await c.post(`/api/v1/groups/${id}/join`)).status).toBe(200);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: Res = await ann.get(`/api/v1/groups/${id}/members?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...res.body.items.map((m: { person: { displayName: string } }) => m.person.displayName));
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual(['Ada Admin', 'Ann', 'Bob', 'Moe Moderator']);
    });
  });
});
