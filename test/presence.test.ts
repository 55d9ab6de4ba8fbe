import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLooking, STALE_MS } from '../server/realtime/presence.js';
import type { Client, LiveSocket } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { expectProblem } from './support/http.js';
import { presenceTrail, sendFrame, settled, signalsOf, waitForPresence } from './support/live-chat.js';
import { closeOf, connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startTwoProcesses, type TwoProcesses } from './support/two-processes.js';

type Person = Client & { personId: string };

/** Opens a socket that watches these people and resolves once it was told their presence (or, for none, straight away). */
async function watcher(client: Client, personIds: string[], expected = personIds.length): Promise<LiveSocket> {
  const live = await connect(client);
  sendFrame(live, { kind: 'watch', personIds });
  await live.waitFor(() => signalsOf(live, 'presence').length >= expected);
  return live;
}

/** Opens a socket and waits until its start, presence row and announcement are done (a frame round trip). */
async function connectSettled(client: Client): Promise<LiveSocket> {
  const live = await connect(client);
  await settled(live);
  return live;
}

/** Waits until the socket was told `n` presences of the person; resolves with the last. */
async function waitForTrail(live: LiveSocket, personId: string, n: number) {
  await live.waitFor(() => presenceTrail(live, personId).length >= n);
  return lastPresence(live, personId);
}

const lastPresence = (live: LiveSocket, personId: string) =>
  signalsOf(live, 'presence')
    .filter((f) => f.payload.personId === personId)
    .at(-1)!;

const presenceOf = async (client: Client, ids: string[]) => {
  const res = await client.get<{ items: Array<{ personId: string; status: string; lastActiveAt: string | null }> }>(
    `/api/v1/presence?ids=${ids.join(',')}`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
};

/** Online / away / offline with last active: one row per open socket, aggregated per person, pushed to watchers. */
describe.each(DIALECTS)('presence on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    ann = await addPerson(t, acme, { name: 'Ann' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows a watcher a colleague going online, away, back, and offline with when they were last active', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const annLive = await watcher(ann, [ben.personId]);
    expect(signalsOf(annLive, 'presence')[0]?.payload).toEqual({ personId: ben.personId, status: 'offline', lastActiveAt: null });

    const benLive = await connect(ben);
    expect((await waitForPresence(annLive, ben.personId, 'online')).payload.lastActiveAt).not.toBeNull();
    sendFrame(benLive, { kind: 'presence', status: 'away' });
    const away = await waitForPresence(annLive, ben.personId, 'away');
    sendFrame(benLive, { kind: 'presence', status: 'active' });
    await annLive.waitFor(() => presenceTrail(annLive, ben.personId).length === 4);
    const closedAt = Date.now();
    benLive.close();
    await annLive.waitFor(() => presenceTrail(annLive, ben.personId).length === 5);
    const offline = lastPresence(annLive, ben.personId);
    expect(presenceTrail(annLive, ben.personId)).toEqual(['offline', 'online', 'away', 'online', 'offline']);
    expect(offline.payload.status).toBe('offline');
    expect(Date.parse(offline.payload.lastActiveAt)).toBeGreaterThanOrEqual(closedAt - 5);
    expect(Date.parse(offline.payload.lastActiveAt)).toBeGreaterThanOrEqual(Date.parse(away.payload.lastActiveAt));
    expect(await presenceOf(ann, [ben.personId])).toEqual([offline.payload]);
    annLive.close();
  });

  it('is online while any device is active, away only when all are, and offline when the last one closes', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const annLive = await watcher(ann, [ben.personId]);
    const laptop = await connectSettled(ben);
    const phone = await connectSettled(ben);
    await waitForPresence(annLive, ben.personId, 'online');
    const outsider = await addPerson(t, acme, { name: 'Not here' });
    expect([...(await isLooking(t.server.ctx.db, [ben.personId, ann.personId, outsider.personId]))].sort()).toEqual(
      [ann.personId, ben.personId].sort(),
    );

    sendFrame(laptop, { kind: 'presence', status: 'away' });
    await settled(laptop);
    expect((await presenceOf(ann, [ben.personId]))[0]?.status).toBe('online');
    sendFrame(phone, { kind: 'presence', status: 'away' });
    await waitForPresence(annLive, ben.personId, 'away');
    // Away is still looking (no notification), but no longer online.
    expect([...(await isLooking(t.server.ctx.db, [ben.personId]))]).toEqual([ben.personId]);
    phone.close();
    const devices = () => t.server.ctx.db.selectFrom('presence_devices').select('status').where('person_id', '=', ben.personId).execute();
    await expect.poll(async () => (await devices()).length, { timeout: 5000 }).toBe(1);
    expect((await presenceOf(ann, [ben.personId]))[0]?.status).toBe('away');
    laptop.close();
    await waitForTrail(annLive, ben.personId, 4);
    expect(presenceTrail(annLive, ben.personId)).toEqual(['offline', 'online', 'away', 'offline']);
    expect((await isLooking(t.server.ctx.db, [ben.personId])).size).toBe(0);
    annLive.close();
  });

  it('watches only people the viewer may see; the others are left out without a word, on the socket and over HTTP', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const gus = await addPerson(t, acme, { name: 'Gus Guest', role: 'guest' });
    const gone = await addPerson(t, acme, { name: 'Gone' });
    expect((await acme.owner.post(`/api/v1/admin/people/${gone.personId}/deactivate`)).status).toBe(200);
    const globex = await signUpCompany(t);
    const stranger = await addPerson(t, globex, { name: 'Stranger' });
    const unknown = randomUUID();

    // A guest sees only themselves: the one signal that comes back is their own.
    const gusLive = await watcher(gus, [ben.personId, ann.personId, gus.personId], 1);
    // Ann: the stranger of another company, a deactivated colleague and an unknown id are left out.
    const annLive = await watcher(ann, [stranger.personId, gone.personId, unknown, ben.personId], 1);
    expect(signalsOf(gusLive, 'presence').map((f) => f.payload.personId)).toEqual([gus.personId]);
    expect(signalsOf(annLive, 'presence').map((f) => f.payload.personId)).toEqual([ben.personId]);
    // Nor do they hear later changes of those people: Ben's marker arrives, the stranger's does not.
    const strangerLive = await connectSettled(stranger);
    await connect(ben);
    await waitForPresence(annLive, ben.personId, 'online');
    expect(signalsOf(annLive, 'presence').map((f) => f.payload.personId)).toEqual([ben.personId, ben.personId]);
    strangerLive.close();

    expect((await presenceOf(gus, [ben.personId, gus.personId])).map((p) => p.personId)).toEqual([gus.personId]);
    expect((await presenceOf(ann, [stranger.personId, gone.personId, unknown, ben.personId])).map((p) => p.personId)).toEqual([
      ben.personId,
    ]);
    // An admin may see a deactivated person: offline.
    expect(await presenceOf(acme.owner, [gone.personId])).toEqual([{ personId: gone.personId, status: 'offline', lastActiveAt: null }]);
    expectProblem(await ann.get('/api/v1/presence?ids=a;b'), 400, 'invalid_input', 'ids');
    expect(await presenceOf(ann, ['abc', ben.personId.toUpperCase().replace(/-/g, '')])).toEqual([]);
    for (const l of [gusLive, annLive]) l.close();
  });

  it('replaces the watch list on each watch frame', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const cat = await addPerson(t, acme, { name: 'Cat' });
    const annLive = await watcher(ann, [ben.personId]);
    sendFrame(annLive, { kind: 'watch', personIds: [cat.personId] });
    await annLive.waitFor(() => presenceTrail(annLive, cat.personId).length === 1);
    await connectSettled(ben);
    await connect(cat);
    await waitForPresence(annLive, cat.personId, 'online');
    // Cat's connection came after Ben's: had Ben still been watched, his would be here by now.
    expect(presenceTrail(annLive, ben.personId)).toEqual(['offline']);
    annLive.close();
  });

  it('goes offline when a person is deactivated, whose sockets close', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const benLive = await connect(ben);
    const annLive = await watcher(ann, [ben.personId]);
    expect(signalsOf(annLive, 'presence')[0]?.payload.status).toBe('online');
    const closed = closeOf(benLive);
    expect((await acme.owner.post(`/api/v1/admin/people/${ben.personId}/deactivate`)).status).toBe(200);
    await closed;
    expect((await waitForTrail(annLive, ben.personId, 2)).payload).toMatchObject({ status: 'offline', lastActiveAt: expect.any(String) });
    // And can no longer be watched.
    sendFrame(annLive, { kind: 'watch', personIds: [ben.personId, ann.personId] });
    await annLive.waitFor(() => presenceTrail(annLive, ann.personId).length === 1);
    expect(presenceTrail(annLive, ben.personId)).toEqual(['online', 'offline']);
    annLive.close();
  });

  it('ignores a device row nobody refreshed for 90 s (a process that died) and prunes it, keeping when it was last seen', async () => {
    const ben = await addPerson(t, acme, { name: 'Ben' });
    const seenAt = Date.now() - STALE_MS - 10_000;
    // Set-up: the row a process left behind when it died.
    await t.server.ctx.db
      .insertInto('presence_devices')
      .values({ connection_id: randomUUID(), org_id: acme.orgId, person_id: ben.personId, status: 'active', seen_at: seenAt })
      .execute();
    expect(await presenceOf(ann, [ben.personId])).toEqual([{ personId: ben.personId, status: 'offline', lastActiveAt: null }]);
    expect((await isLooking(t.server.ctx.db, [ben.personId])).size).toBe(0);
    const annLive = await watcher(ann, [ben.personId]);
    const benLive = await connect(ben);
    await waitForPresence(annLive, ben.personId, 'online');

    await t.server.gateway.presence.beat([]);
    const person = await t.server.ctx.db
      .selectFrom('people')
      .select('last_active_at')
      .where('id', '=', ben.personId)
      .executeTakeFirstOrThrow();
    expect(person.last_active_at).toBe(seenAt);
    const rows = await t.server.ctx.db.selectFrom('presence_devices').select('seen_at').where('person_id', '=', ben.personId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.seen_at).toBeGreaterThan(seenAt);
    benLive.close();
    const offline = await waitForTrail(annLive, ben.personId, 3);
    expect(presenceTrail(annLive, ben.personId)).toEqual(['offline', 'online', 'offline']);
    expect(Date.parse(offline.payload.lastActiveAt)).toBeGreaterThan(seenAt);
    annLive.close();
  });
});

describe('presence across two server processes (PostgreSQL + Redis)', () => {
  let p: TwoProcesses;

  beforeAll(async () => {
    p = await startTwoProcesses();
  }, 90_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('a watcher on process one sees a person on process two go online, away, and offline with last active', async () => {
    const ann = await addPerson(p.one.asHosts(), p.company, { name: 'Ann' });
    const ben = await addPerson(p.one.asHosts(), p.company, { name: 'Ben' });
    const annLive = await watcher(ann, [ben.personId]);
    const benLive = await connect(p.onTwo(ben));
    await waitForPresence(annLive, ben.personId, 'online');
    const idleAt = Date.now();
    sendFrame(benLive, { kind: 'presence', status: 'away' });
    const away = await waitForPresence(annLive, ben.personId, 'away');
    expect(Date.parse(away.payload.lastActiveAt)).toBeGreaterThanOrEqual(idleAt - 5);
    benLive.close();
    const offline = await waitForTrail(annLive, ben.personId, 4);
    expect(presenceTrail(annLive, ben.personId)).toEqual(['offline', 'online', 'away', 'offline']);
    // He was last active when his only device went idle, not when it closed.
    expect(offline.payload.lastActiveAt).toBe(away.payload.lastActiveAt);
    // Both processes answer the same over HTTP.
    expect(await presenceOf(p.onTwo(ann), [ben.personId])).toEqual([offline.payload]);
    expect(await presenceOf(ann, [ben.personId])).toEqual([offline.payload]);
    annLive.close();
  });

  it('a process that stops takes its devices with it: watchers elsewhere see its people go offline', async () => {
    const ann = await addPerson(p.one.asHosts(), p.company, { name: 'Ann' });
    const ben = await addPerson(p.one.asHosts(), p.company, { name: 'Ben' });
    const annLive = await watcher(ann, [ben.personId]);
    await connect(p.onTwo(ben));
    await waitForPresence(annLive, ben.personId, 'online');
    expect(await p.two.stop('SIGTERM')).toBe(0);
    expect((await waitForTrail(annLive, ben.personId, 3)).payload.status).toBe('offline');
    expect(await p.db.selectFrom('presence_devices').select('connection_id').where('person_id', '=', ben.personId).execute()).toEqual([]);
    annLive.close();
  });
});
