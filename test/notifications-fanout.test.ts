import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { addToGroup, kinds as allKinds, makeGroup, mention, post } from './support/notifications.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string; email: string };
/** What a person was told, newest first, but the invitation that brought them into the group. */
const kinds = async (c: Client) => (await allKinds(c)).filter((k) => k !== 'group_invite');

/**
 * A post to a large audience is told by a background job in batches (NOTIFY_INLINE_LIMIT, here 2
 * so a small group stands for a company-wide one): everyone still hears of it exactly once, over
 * realtime too, and whoever leaves before the job runs hears nothing.
 */
describe.each(DIALECTS)('notifications to a large audience on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let members: Person[];
  let groupId: string;

  beforeAll(async () => {
    t = await startTestServer({ dialect, env: { SIGNIN_LIMIT_PER_IP: '10000', NOTIFY_INLINE_LIMIT: '2' } });
    acme = await signUpCompany(t);
    members = [];
    for (const name of ['Ann', 'Bea', 'Cal', 'Dan']) members.push(await addPerson(t, acme, { name }));
    groupId = await makeGroup(acme.owner, 'Everyone at the plant', 'open');
    for (const m of members) {
      await addToGroup(acme.owner, groupId, m);
      expect((await m.put(`/api/v1/groups/${groupId}/notifications`, { level: 'all' })).status).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  const jobsDone = () => expect.poll(() => t.server.ctx.jobs.pendingCount(), { timeout: 20_000 }).toBe(0);

  it('tells every member once, live, through the job; a mention stays a mention', async () => {
    const [ann, bea, cal, dan] = members as [Person, Person, Person, Person];
    const live = await connect(cal);
    try {
      await post(acme.owner, `Shift plan for next week, ${mention('Ann', ann.personId)}`, groupId);
      await live.waitFor((f) => f.type === 'notification.created', 20_000);
      await jobsDone();
      expect(await kinds(ann)).toEqual(['mention_post']);
      for (const m of [bea, cal, dan]) expect(await kinds(m)).toEqual(['group_post']);
      expect(await kinds(acme.owner)).toEqual([]);
    } finally {
      live.close();
    }
  });

  it('whoever left the group before the job ran hears nothing', async () => {
    const [, bea, cal, dan] = members as [Person, Person, Person, Person];
    // The job runs after commit; removing Dan in the same instant races it, so pause the workers.
    await t.server.ctx.jobs.stop();
    const before = await kinds(dan);
    await post(acme.owner, 'Canteen closed on Friday', groupId);
    expect((await dan.post(`/api/v1/groups/${groupId}/leave`)).status).toBeLessThan(300);
    t.server.ctx.jobs.start();
    await jobsDone();
    expect(await kinds(dan)).toEqual(before);
    for (const m of [bea, cal]) expect(await kinds(m)).toEqual(['group_post', 'group_post']);
  });
});
