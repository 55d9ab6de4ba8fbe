import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes } from '../protocol/events.js';
import type { LiveSocket } from './support/client.js';
import { startTestServer } from './support/server.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany } from './support/factories.js';
import { anotherSession, closeOf, connect, currentSessionId, eventSeqOf, range, refusedUpgrade } from './support/realtime.js';
import type { TestServer } from './support/server.js';

/** Who may open the realtime socket, and how signing out and deactivation end it everywhere at once. */
describe.each(DIALECTS)('realtime access on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses an upgrade without a session (401) and from a foreign page (403)', async () => {
    const company = await signUpCompany(t);
    expect(await refusedUpgrade(t.client(company.slug))).toBe(401);
    const stranger = t.client(company.slug);
    stranger.cookie = 'cp_session=not-a-real-token';
    expect(await refusedUpgrade(stranger)).toBe(401);
    expect(await refusedUpgrade(company.owner, { origin: 'https://evil.example' })).toBe(403);
    // Another company on the same base domain is another site too.
    expect(await refusedUpgrade(company.owner, { origin: `http://other-co.localhost:${t.port}` })).toBe(403);
    expect(await refusedUpgrade(company.owner, { origin: 'not a url' })).toBe(403);
    // Bad input is refused before anything opens.
    expect(await refusedUpgrade(company.owner, {}, -1)).toBe(400);
  });

  it("refuses one company's session on another company's host", async () => {
    const a = await signUpCompany(t);
    const b = await signUpCompany(t);
    const cross = b.owner.fresh();
    cross.cookie = a.owner.cookie;
    expect(await refusedUpgrade(cross)).toBe(401);
  });

  it("answers a valid session with `ready` and the person's current seq, from its own page too", async () => {
    const company = await signUpCompany(t);
    expect(await eventSeqOf(company.owner)).toBe(0);
    for (const title of ['Founder', 'CEO']) expect((await company.owner.patch('/api/v1/me', { title })).status).toBe(200);
    // The session endpoint (where the web app starts its socket from) and the profile are fresh at once.
    expect(await eventSeqOf(company.owner)).toBe(2);
    expect((await company.owner.get('/api/v1/me')).body).toMatchObject({ title: 'CEO' });

    const live = await connect(company.owner);
    expect(live.frames).toEqual([{ kind: 'ready', seq: 2, connectionId: expect.any(String) }]);
    const sameSite = company.owner.realtime(undefined, { origin: `http://${company.slug}.localhost:${t.port}` });
    await sameSite.waitFor((f) => f.kind === 'ready');
    expect(sameSite.frames).toEqual([{ kind: 'ready', seq: 2, connectionId: expect.any(String) }]);

    // Application-level heartbeat: a ping frame is answered, garbage gets an error frame and the socket stays.
    live.ws.send('not json');
    live.ws.send(JSON.stringify({ kind: 'ping' }));
    await live.waitFor((f) => f.kind === 'pong');
    expect(live.frames).toEqual([
      { kind: 'ready', seq: 2, connectionId: expect.any(String) },
      { kind: 'error', code: 'invalid_json', message: expect.any(String) },
      { kind: 'pong' },
    ]);
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    live.close();
    sameSite.close();
    expect((await live.closed).code).toBe(1005);
  });

  it('checks the session in the database when a socket starts, not only in the few-second cache', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company);
    expect((await pat.get('/api/v1/me')).status).toBe(200);
    // A revocation that committed while a request was caching this session: the cached entry
    // outlives it for a few seconds, and its disconnect message went out before this socket existed.
    await t.server.ctx.db.updateTable('sessions').set({ revoked_at: Date.now() }).where('person_id', '=', pat.personId).execute();
    const live = pat.realtime();
    // Whichever comes first: a frame (it must not) or the close.
    const first = await Promise.race([closeOf(live), live.waitFor(() => true)]);
    expect(first).toMatchObject({ code: CloseCodes.signedOut, reason: 'signed out' });
    expect(live.frames).toEqual([]);
  });

  it('closes every socket of a deactivated person within a second (4001) and refuses them after', async () => {
    const company = await signUpCompany(t);
    const member = await addPerson(t, company, { name: 'Dee Activated' });
    const laptop = member;
    const phone = await anotherSession(member, member.email);
    const sockets = [await connect(laptop), await connect(laptop), await connect(phone)];
    const closes = sockets.map(closeOf);
    // A bystander's socket is left alone.
    const bystander = await connect(company.owner);

    const res = await company.owner.post(`/api/v1/admin/people/${member.personId}/deactivate`);
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: member.personId, status: 'deactivated' });

    const closed = await Promise.all(closes);
    expect(closed.map((c) => c.code)).toEqual([CloseCodes.signedOut, CloseCodes.signedOut, CloseCodes.signedOut]);
    const latencies = closed.map((c) => Math.max(0, c.at - answeredAt));
    for (const ms of latencies) expect(ms).toBeLessThan(1000);
    console.info(`[${dialect}] deactivation → socket close: ${latencies.join(', ')} ms`);

    expect(await refusedUpgrade(laptop)).toBe(401);
    expect(await refusedUpgrade(phone)).toBe(401);
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
    // The owner heard about the change on the socket that stayed open.
    await bystander.waitFor((f) => f.type === 'people.changed' && f.payload?.personId === member.personId);
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  });

  it("deactivation racing the person's own sign-outs ends every session and socket, without errors", async () => {
    const company = await signUpCompany(t);
    for (let round = 0; round < 4; round++) {
      const person = await addPerson(t, company);
      const devices = [person, ...(await Promise.all(range(1, 5).map(() => anotherSession(person, person.email))))];
      const sockets = await Promise.all(devices.map((d) => connect(d)));
      const closes = sockets.map(closeOf);
      const [deactivated, ...signOuts] = await Promise.all([
        company.owner.post(`/api/v1/admin/people/${person.personId}/deactivate`),
        ...devices.map((d) => d.post('/api/v1/auth/sign-out')),
        devices[0]?.post('/api/v1/me/sessions/revoke-others'),
      ]);
      expect(deactivated?.status, JSON.stringify(deactivated?.body)).toBe(200);
      // Each sign-out either won (204, 200 for revoke-others) or found the session already ended (401).
      for (const res of signOuts) expect([200, 204, 401], JSON.stringify(res?.body)).toContain(res?.status);
      expect((await Promise.all(closes)).map((c) => c.code)).toEqual(sockets.map(() => CloseCodes.signedOut));
      for (const d of devices) expect(await refusedUpgrade(d)).toBe(401);
    }
  });

  it('"sign out everywhere else" closes only the other sessions\' sockets', async () => {
    const company = await signUpCompany(t);
    const here = await addPerson(t, company);
    const phone = await anotherSession(here, here.email);
    const tablet = await anotherSession(here, here.email);
    const [phoneId, tabletId] = [await currentSessionId(phone), await currentSessionId(tablet)];
    const seq = await eventSeqOf(here);
    const kept = [await connect(here), await connect(here)];
    const ended = [await connect(phone), await connect(tablet), await connect(tablet)];
    const closes = ended.map(closeOf);

    const res = await here.post('/api/v1/me/sessions/revoke-others');
    const answeredAt = Date.now();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 2 });
    const closed = await Promise.all(closes);
    expect(closed.map((c) => c.code)).toEqual([CloseCodes.signedOut, CloseCodes.signedOut, CloseCodes.signedOut]);
    for (const c of closed) expect(Math.max(0, c.at - answeredAt)).toBeLessThan(1000);

    // The sockets of this session stay, and are told which sessions ended (one event each).
    for (const live of kept) {
      await live.waitFor((f) => f.seq === seq + 2);
      expect(live.ws.readyState).toBe(WebSocket.OPEN);
      expect(live.events().map((f) => f.type)).toEqual(['session.revoked', 'session.revoked']);
      expect(live.events().map((f) => f.seq)).toEqual([seq + 1, seq + 2]);
      expect(
        live
          .events()
          .map((f) => f.payload.sessionId as string)
          .sort(),
      ).toEqual([phoneId, tabletId].sort());
    }
    expect(await refusedUpgrade(phone)).toBe(401);
    expect(await refusedUpgrade(tablet)).toBe(401);
    const again = await connect(here);
    expect(again.frames).toEqual([{ kind: 'ready', seq: seq + 2, connectionId: expect.any(String) }]);
    for (const live of [...kept, again]) live.close();
  });

  it("signing out one session (itself, or from another device) closes only that session's sockets", async () => {
    const company = await signUpCompany(t);
    const laptop = await addPerson(t, company);
    const phone = await anotherSession(laptop, laptop.email);
    const tablet = await anotherSession(laptop, laptop.email);
    const [phoneId, tabletId] = [await currentSessionId(phone), await currentSessionId(tablet)];
    const seq = await eventSeqOf(laptop);
    const laptopLive = await connect(laptop);
    const phoneLive = await connect(phone);
    const tabletLive = await connect(tablet);
    const [phoneClosed, tabletClosed] = [closeOf(phoneLive), closeOf(tabletLive)];

    expect((await phone.post('/api/v1/auth/sign-out')).status).toBe(204);
    expect((await phoneClosed).code).toBe(CloseCodes.signedOut);
    await laptopLive.waitFor((f) => f.seq === seq + 1);
    await tabletLive.waitFor((f) => f.seq === seq + 1);
    expect(expectOpen([laptopLive, tabletLive])).toBe(true);
    expect(await refusedUpgrade(phone)).toBe(401);

    expect((await laptop.delete(`/api/v1/me/sessions/${tabletId}`)).status).toBe(204);
    expect((await tabletClosed).code).toBe(CloseCodes.signedOut);
    await laptopLive.waitFor((f) => f.seq === seq + 2);
    expect(laptopLive.events().map((f) => [f.seq, f.type, f.payload.sessionId])).toEqual([
      [seq + 1, 'session.revoked', phoneId],
      [seq + 2, 'session.revoked', tabletId],
    ]);
    expect(expectOpen([laptopLive])).toBe(true);
    expect(await refusedUpgrade(tablet)).toBe(401);
    laptopLive.close();
  });
});

const expectOpen = (sockets: LiveSocket[]): boolean => sockets.every((s) => s.ws.readyState === WebSocket.OPEN);
