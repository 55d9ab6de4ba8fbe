import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes } from '../protocol/events.js';
import type { Client } from './support/client.js';
import { createPostgresDatabase } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { startServerProcess, type ServerProcess } from './support/processes.js';
import { anotherSession, closeOf, connect, currentSessionId, range, refusedUpgrade, seqsOf, waitForSeq } from './support/realtime.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Scaled-out shape: two server processes on one PostgreSQL database, joined by Redis. What happens
 * through one process must reach sockets and session caches held by the other, at once.
 */
describe('realtime across two server processes (PostgreSQL + Redis)', () => {
  const prefix = `cp-test-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  let drop: (() => Promise<void>) | undefined;
  let one: ServerProcess;
  let two: ServerProcess;
  let company: Company;

  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix, SIGNIN_LIMIT_PER_IP: '1000' };
    // One after the other, so that the first one alone migrates the fresh database.
    one = await startServerProcess(env);
    two = await startServerProcess(env);
    company = await signUpCompany(one.asHosts());
  }, 90_000);

  afterAll(async () => {
    for (const p of [one, two]) await p?.stop('SIGKILL');
    await drop?.();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  /** The same browser session, sent to the other process (as a load balancer might). */
  const onTwo = (client: Client): Client => two.sameSession(client, company.slug);

  it('delivers an event caused on one process to a socket on the other, in order', async () => {
    const pat = await addPerson(one.asHosts(), company);
    const live = await connect(onTwo(pat));
    const ownerLive = await connect(onTwo(company.owner));
    const s0 = live.frames[0]?.seq ?? -1;
    const o0 = ownerLive.frames[0]?.seq ?? -1;

    for (const n of range(1, 5)) expect((await pat.patch('/api/v1/me', { title: `step ${n}` })).status).toBe(200);
    const burst = await Promise.all(range(6, 15).map((n) => pat.patch('/api/v1/me', { title: `step ${n}` })));
    expect(burst.map((r) => r.status)).toEqual(range(6, 15).map(() => 200));
    // And the other way round: a change made through process two reaches a socket on process one.
    const liveOnOne = await connect(pat, s0 + 15);
    expect((await onTwo(pat).patch('/api/v1/me', { title: 'step 16' })).status).toBe(200);

    await waitForSeq(live, s0 + 16);
    await waitForSeq(liveOnOne, s0 + 16);
    expect(seqsOf(live)).toEqual(range(s0 + 1, s0 + 16));
    expect(
      live
        .events()
        .slice(0, 5)
        .map((f) => f.payload.person.title),
    ).toEqual(range(1, 5).map((n) => `step ${n}`));
    expect(seqsOf(liveOnOne)).toEqual([s0 + 16]);
    // The owner (an admin) heard of each change once, in order, on process two.
    await waitForSeq(ownerLive, o0 + 16);
    expect(seqsOf(ownerLive)).toEqual(range(o0 + 1, o0 + 16));
    expect(ownerLive.events().every((f) => f.type === 'people.changed' && f.payload.personId === pat.personId)).toBe(true);
    for (const l of [live, ownerLive, liveOnOne]) l.close();
  });

  it('closes the socket on process two within a second when process one deactivates the person', async () => {
    const dee = await addPerson(one.asHosts(), company);
    const sockets = [await connect(onTwo(dee)), await connect(dee)];
    const closes = sockets.map(closeOf);
    expect((await onTwo(dee).get('/api/v1/me')).status).toBe(200);

    const res = await company.owner.post(`/api/v1/admin/people/${dee.personId}/deactivate`);
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    const closed = await Promise.all(closes);
    expect(closed.map((c) => c.code)).toEqual([CloseCodes.signedOut, CloseCodes.signedOut]);
    const latencies = closed.map((c) => Math.max(0, c.at - answeredAt));
    for (const ms of latencies) expect(ms).toBeLessThan(1000);
    console.info(`[two processes] deactivation on one → close on two: ${latencies[0]} ms (on one: ${latencies[1]} ms)`);
    // Its cached session on process two was dropped through the bus.
    expect((await onTwo(dee).get('/api/v1/me')).status).toBe(401);
    expect(await refusedUpgrade(onTwo(dee))).toBe(401);
  });

  it('refuses on process two, at once, a session revoked on process one', async () => {
    const laptop = await addPerson(one.asHosts(), company);
    const phone = await anotherSession(laptop, laptop.email);
    const tablet = await anotherSession(laptop, laptop.email);
    const phoneId = await currentSessionId(phone);
    // Process two has seen (and cached) both sessions, and holds a socket of each.
    expect((await onTwo(phone).get('/api/v1/me')).status).toBe(200);
    expect((await onTwo(tablet).get('/api/v1/me')).status).toBe(200);
    const phoneLive = await connect(onTwo(phone));
    const tabletLive = await connect(onTwo(tablet));
    const [phoneClosed, tabletClosed] = [closeOf(phoneLive), closeOf(tabletLive)];

    expect((await laptop.delete(`/api/v1/me/sessions/${phoneId}`)).status).toBe(204);
    expect((await onTwo(phone).get('/api/v1/me')).status).toBe(401);
    expect((await phoneClosed).code).toBe(CloseCodes.signedOut);
    expect((await onTwo(tablet).get('/api/v1/me')).status).toBe(200);
    expect(tabletLive.ws.readyState).toBe(WebSocket.OPEN);

    expect((await laptop.post('/api/v1/me/sessions/revoke-others')).body).toEqual({ revoked: 1 });
    expect((await onTwo(tablet).get('/api/v1/me')).status).toBe(401);
    expect((await tabletClosed).code).toBe(CloseCodes.signedOut);
    expect((await onTwo(laptop).get('/api/v1/me')).status).toBe(200);
  });

  it('applies a role change made on process one to requests on process two at once', async () => {
    const riley = await addPerson(one.asHosts(), company);
    expect((await onTwo(riley).get('/api/v1/admin/people')).status).toBe(403);
    expect((await company.owner.patch(`/api/v1/admin/people/${riley.personId}`, { role: 'admin' })).status).toBe(200);
    expect((await onTwo(riley).get('/api/v1/admin/people')).status).toBe(200);
    expect((await company.owner.patch(`/api/v1/admin/people/${riley.personId}`, { role: 'member' })).status).toBe(200);
    expect((await onTwo(riley).get('/api/v1/admin/people')).status).toBe(403);
    expect((await onTwo(riley).get('/api/v1/me')).body).toMatchObject({ role: 'member' });
  });

  it('on SIGTERM tells open sockets to reconnect (4012) and exits 0, even with a client that stopped reading', async () => {
    const sockets = [await connect(onTwo(company.owner)), await connect(company.owner)];
    const closes = sockets.map(closeOf);
    // A client gone quiet (a phone that lost its network) never answers the close handshake.
    const quiet = await connect(onTwo(company.owner));
    (quiet.ws as unknown as { _socket: Socket })._socket.pause();
    const signalledAt = Date.now();
    expect(await two.stop('SIGTERM')).toBe(0);
    const stoppedIn = Date.now() - signalledAt;
    expect(stoppedIn).toBeLessThan(5000);
    console.info(`[two processes] graceful stop with a quiet client took ${stoppedIn} ms`);
    expect((await closes[0])?.code).toBe(CloseCodes.serverRestart);
    // The other process keeps serving, and goes the same way.
    expect((await company.owner.get('/api/v1/me')).status).toBe(200);
    expect(sockets[1]?.ws.readyState).toBe(WebSocket.OPEN);
    expect(await one.stop('SIGTERM')).toBe(0);
    expect((await closes[1])?.code).toBe(CloseCodes.serverRestart);
    expect(one.output()).toContain('"msg":"shutting down"');
  });
});
