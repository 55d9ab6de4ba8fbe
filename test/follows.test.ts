import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, Res } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

const NEVER_USED_ID = '01900000-0000-7000-8000-000000000000';
type Person = Client & { personId: string; email: string };

function expectSameNotFound(hidden: Res, never: Res): void {
  expectProblem(hidden, 404, 'not_found');
  expectProblem(never, 404, 'not_found');
  expect({ ...hidden.body, requestId: 0, instance: 0 }).toEqual({ ...never.body, requestId: 0, instance: 0 });
}

describe.each(DIALECTS)('follows on %s', (dialect) => {
  let t: TestServer;
  let co: Company;
  let ann: Person;
  let ben: Person;
  let outsider: string;

  const listed = async (c: Client, id: string, side: 'followers' | 'following', limit = 100): Promise<string[]> => {
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Res = await c.get(`/api/v1/people/${id}/${side}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      names.push(...(res.body.items as Array<{ displayName: string }>).map((p) => p.displayName));
      cursor = res.body.nextCursor;
    } while (cursor);
    return names;
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000' } });
    co = await signUpCompany(t);
    ann = await addPerson(t, co, { name: 'Ann Follower' });
    ben = await addPerson(t, co, { name: 'Ben Followed' });
    const other = await signUpCompany(t);
    outsider = other.owner.session?.person.id ?? '';
  });
  afterAll(async () => {
    await t?.close();
  });

  it('401, 400 (yourself, bad id), 404 identical for foreign and never-used ids', async () => {
    for (const method of ['POST', 'DELETE'] as const) {
      const path = (id: string) => `/api/v1/people/${id}/follow`;
      expectProblem(await t.client(co.slug).call(method, path(ben.personId)), 401, 'unauthenticated');
      expectProblem(await ann.call(method, path('nope')), 400, 'invalid_input', 'id');
      expectProblem(await ann.call(method, path(ann.personId)), 400, 'invalid_input', 'id');
      expectSameNotFound(await ann.call(method, path(outsider)), await ann.call(method, path(NEVER_USED_ID)));
    }
    for (const side of ['followers', 'following']) {
      expectProblem(await t.client(co.slug).get(`/api/v1/people/${ben.personId}/${side}`), 401, 'unauthenticated');
      expectProblem(await ann.get(`/api/v1/people/${ben.personId}/${side}?limit=abc`), 400, 'invalid_input', 'limit');
      expectSameNotFound(await ann.get(`/api/v1/people/${outsider}/${side}`), await ann.get(`/api/v1/people/${NEVER_USED_ID}/${side}`));
    }
  });

  it('following is idempotent, tells the followee once, and unfollowing too', async () => {
    const live = await connect(ben);
    const first = await ann.post(`/api/v1/people/${ben.personId}/follow`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ personId: ben.personId, following: true, followers: 1 });
    const again = await ann.post(`/api/v1/people/${ben.personId}/follow`);
    expect(again.body).toEqual({ personId: ben.personId, following: true, followers: 1 });
    const frame = await live.waitFor((f) => f.type === 'person.followed');
    expect(frame.payload).toEqual({ followerId: ann.personId, followeeId: ben.personId });
    expect(await listed(ben, ben.personId, 'followers')).toEqual(['Ann Follower']);
    expect(await listed(ben, ann.personId, 'following')).toEqual(['Ben Followed']);
    expect((await ann.get(`/api/v1/people/${ben.personId}/profile`)).body).toMatchObject({ viewerFollows: true, followers: 1 });

    expect((await ann.delete(`/api/v1/people/${ben.personId}/follow`)).body).toEqual({
      personId: ben.personId,
      following: false,
      followers: 0,
    });
    expect((await ann.delete(`/api/v1/people/${ben.personId}/follow`)).body).toEqual({
      personId: ben.personId,
      following: false,
      followers: 0,
    });
    expect(await listed(ben, ben.personId, 'followers')).toEqual([]);
    // A marker event proves that nothing else was sent for the repeated follow in between.
    expect((await ann.post(`/api/v1/people/${ben.personId}/follow`)).status).toBe(200);
    await live.waitFor((f) => f.type === 'person.followed' && f.seq !== frame.seq);
    expect(live.events().filter((f) => f.type === 'person.followed')).toHaveLength(2);
    live.close();
  });

  it('concurrent follows of the same person make one row and one event', async () => {
    const cat = await addPerson(t, co, { name: 'Cat Concurrent' });
    const dan = await addPerson(t, co, { name: 'Dan Popular' });
    const live = await connect(dan);
    const all = await Promise.all(Array.from({ length: 8 }, () => cat.post(`/api/v1/people/${dan.personId}/follow`)));
    expect(all.map((r) => r.status)).toEqual(Array(8).fill(200));
    const rows = await t.server.ctx.db.selectFrom('follows').selectAll().where('followee_id', '=', dan.personId).execute();
    expect(rows).toHaveLength(1);
    await live.waitFor((f) => f.type === 'person.followed');
    // One more, distinct event as a fence: by the time it arrives every earlier one has too (in order).
    expect((await ann.post(`/api/v1/people/${dan.personId}/follow`)).status).toBe(200);
    await live.waitFor((f) => f.type === 'person.followed' && f.payload.followerId === ann.personId);
    expect(live.events().filter((f) => f.type === 'person.followed' && f.payload.followerId === cat.personId)).toHaveLength(1);
    live.close();
  });

  it('lists page by name and hide people the viewer may not see', async () => {
    const star = await addPerson(t, co, { name: 'Star Person' });
    const fans: Person[] = [];
    for (const name of ['Zed Fan', 'Émile Fan', 'Bo Fan', 'Dee Fan', 'Al Fan']) {
      const fan = await addPerson(t, co, { name });
      expect((await fan.post(`/api/v1/people/${star.personId}/follow`)).status).toBe(200);
      fans.push(fan);
    }
    const guest = await addPerson(t, co, { name: 'Gil Guest', role: 'guest' });
    expect(await listed(ann, star.personId, 'followers', 2)).toEqual(['Al Fan', 'Bo Fan', 'Dee Fan', 'Émile Fan', 'Zed Fan']);
    // A deactivated follower disappears from members' lists and counts, not from admins'.
    expect((await co.owner.post(`/api/v1/admin/people/${fans[3]!.personId}/deactivate`)).status).toBe(200);
    expect(await listed(ann, star.personId, 'followers')).toEqual(['Al Fan', 'Bo Fan', 'Émile Fan', 'Zed Fan']);
    expect((await ann.get(`/api/v1/people/${star.personId}/profile`)).body.followers).toBe(4);
    expect(await listed(co.owner, star.personId, 'followers')).toContain('Dee Fan');
    expect((await co.owner.get(`/api/v1/people/${star.personId}/profile`)).body.followers).toBe(5);
    // Members cannot follow a deactivated person (they cannot see them); admins are told why not.
    expectSameNotFound(
      await ann.post(`/api/v1/people/${fans[3]!.personId}/follow`),
      await ann.post(`/api/v1/people/${NEVER_USED_ID}/follow`),
    );
    expectProblem(await co.owner.post(`/api/v1/people/${fans[3]!.personId}/follow`), 409, 'person_deactivated');
    // A guest sees only themselves: nobody to follow, no one else's lists.
    expectSameNotFound(
      await guest.post(`/api/v1/people/${star.personId}/follow`),
      await guest.post(`/api/v1/people/${NEVER_USED_ID}/follow`),
    );
    expectSameNotFound(
      await guest.get(`/api/v1/people/${star.personId}/followers`),
      await guest.get(`/api/v1/people/${NEVER_USED_ID}/followers`),
    );
    expect(await listed(guest, guest.personId, 'following')).toEqual([]);
  });
});
