import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string };
const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';

describe.each(DIALECTS)('reactions on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let other: Company;
  let admin: Person;
  let member: Person;
  let postId: string;
  let commentId: string;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    acme = await signUpCompany(t);
    other = await signUpCompany(t);
    admin = await addPerson(t, acme, { name: 'Ada Admin' });
    member = await addPerson(t, acme, { name: 'Mo Member' });
    const groupId = (await admin.post('/api/v1/groups', { name: 'Team', visibility: 'open' })).body.id;
    await member.post(`/api/v1/groups/${groupId}/join`);
    postId = (await admin.post('/api/v1/posts', { body: 'react to me', groupId })).body.id;
    commentId = (await admin.post(`/api/v1/posts/${postId}/comments`, { body: 'and me' })).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  for (const target of ['posts', 'comments'] as const) {
    const id = () => (target === 'posts' ? postId : commentId);

    it(`${target}: PUT/DELETE reaction and GET reactions: 401 → 400 → 404 → success; one per person, replaced`, async () => {
      const path = () => `/api/v1/${target}/${id()}`;
      expectProblem(await t.client(acme.slug).put(`${path()}/reaction`, { kind: 'like' }), 401, 'unauthenticated');
      expectProblem(await t.client(acme.slug).get(`${path()}/reactions`), 401, 'unauthenticated');
      expectProblem(await member.put(`${path()}/reaction`, { kind: 'meh' }), 400, 'invalid_input', 'kind');
      expectProblem(await member.get(`${path()}/reactions?kind=meh`), 400, 'invalid_input', 'kind');
      expectProblem(await member.put(`/api/v1/${target}/${NEVER_USED_ID}/reaction`, { kind: 'like' }), 404, 'not_found');
      expectProblem(await member.delete(`/api/v1/${target}/${NEVER_USED_ID}/reaction`), 404, 'not_found');
      expectProblem(await other.owner.put(`${path()}/reaction`, { kind: 'like' }), 404, 'not_found');
      expectProblem(await other.owner.get(`${path()}/reactions`), 404, 'not_found');

      const liked = await member.put(`${path()}/reaction`, { kind: 'like' });
      expect(liked.status).toBe(200);
      expect(liked.body).toMatchObject({ viewerReaction: 'like', counts: { reactions: { like: 1, love: 0 } } });
      const loved = await member.put(`${path()}/reaction`, { kind: 'love' });
      expect(loved.body).toMatchObject({ viewerReaction: 'love', counts: { reactions: { like: 0, love: 1 } } });
      await admin.put(`${path()}/reaction`, { kind: 'haha' });
      const all = await admin.get(`${path()}/reactions`);
      expect(all.body.items.map((r: { person: { id: string }; kind: string }) => [r.person.id, r.kind])).toEqual([
        [admin.personId, 'haha'],
        [member.personId, 'love'],
      ]);
      const loves = await admin.get(`${path()}/reactions?kind=love`);
      expect(loves.body.items.map((r: { person: { id: string } }) => r.person.id)).toEqual([member.personId]);
      const page1 = await admin.get(`${path()}/reactions?limit=1`);
      const page2 = await admin.get(`${path()}/reactions?limit=1&cursor=${page1.body.nextCursor}`);
      expect([page1.body.items[0].person.id, page2.body.items[0].person.id]).toEqual([admin.personId, member.personId]);

      const removed = await member.delete(`${path()}/reaction`);
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ viewerReaction: null, counts: { reactions: { love: 0, haha: 1 } } });
      expect((await member.delete(`${path()}/reaction`)).status).toBe(200);
    });

    it(`${target}: reacting twice at once leaves one reaction, no error`, async () => {
      const results = await Promise.all(
        ['like', 'wow', 'like', 'sad', 'angry', 'like'].map((kind) => member.put(`/api/v1/${target}/${id()}/reaction`, { kind })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const list = await member.get(`/api/v1/${target}/${id()}/reactions?limit=100`);
      expect(list.body.items.filter((r: { person: { id: string } }) => r.person.id === member.personId)).toHaveLength(1);
      const counts = (await member.get(`/api/v1/posts/${postId}`)).body.counts.reactions as Record<string, number>;
      if (target === 'posts') expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(2);
    });
  }

  it('a deactivated reactor stays counted but is listed only for company admins', async () => {
    const leaver = await addPerson(t, acme, { name: 'Lea Leaver' });
    expect((await leaver.post(`/api/v1/groups/${(await admin.get(`/api/v1/posts/${postId}`)).body.group.id}/join`)).status).toBe(200);
    expect((await leaver.put(`/api/v1/posts/${postId}/reaction`, { kind: 'sad' })).status).toBe(200);
    expect((await acme.owner.post(`/api/v1/admin/people/${leaver.personId}/deactivate`)).status).toBe(200);
    const reactors = async (c: Client) =>
      (
        (await c.get(`/api/v1/posts/${postId}/reactions?kind=sad&limit=100`)).body.items as Array<{
          person: { id: string; deactivated: boolean };
        }>
      )
        .map((r) => r.person)
        .filter((p) => p.id === leaver.personId);
    expect(await reactors(member)).toEqual([]);
    expect(await reactors(acme.owner)).toEqual([expect.objectContaining({ id: leaver.personId, deactivated: true })]);
    expect((await member.get(`/api/v1/posts/${postId}`)).body.counts.reactions.sad).toBeGreaterThanOrEqual(1);
  });
});
