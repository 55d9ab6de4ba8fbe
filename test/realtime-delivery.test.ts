import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneEvents } from '../server/realtime/retention.js';
import type { Client } from './support/client.js';
import { startTestServer } from './support/server.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany } from './support/factories.js';
import { anotherSession, connect, range, seqsOf, storedSeqOf, waitForSeq } from './support/realtime.js';
import type { TestServer } from './support/server.js';

/** Live delivery, who hears what, and exactly-once catch-up across disconnects and concurrency. */
describe.each(DIALECTS)('realtime delivery on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect });
  });
  afterAll(async () => {
    await t?.close();
  });

  const personIdOf = (c: Client): string => c.session?.person.id ?? '';
  const seqOf = (c: Client): Promise<number> => storedSeqOf(t.server.ctx, personIdOf(c));

  it('tells the person and the admins about a profile change, and nobody else', async () => {
    const company = await signUpCompany(t);
    const admin = await addPerson(t, company, { role: 'admin' });
    const pat = await addPerson(t, company, { name: 'Pat' });
    const quinn = await addPerson(t, company, { name: 'Quinn' });
    const patElsewhere = await anotherSession(pat, pat.email);
    const seq = { pat: await seqOf(pat), owner: await seqOf(company.owner), admin: await seqOf(admin), quinn: await seqOf(quinn) };
    const patLive = await connect(pat);
    const ownerLive = await connect(company.owner);
    const adminLive = await connect(admin);
    const quinnLive = await connect(quinn);

    const res = await patElsewhere.patch('/api/v1/me', { title: 'Engineer', department: 'Platform' });
    expect(res.status).toBe(200);

    const updated = await waitForSeq(patLive, seq.pat + 1);
    expect(updated).toMatchObject({ kind: 'event', type: 'person.updated' });
    expect(updated.payload).toEqual({ person: res.body });
    expect(updated.payload.person).toMatchObject({ id: pat.personId, title: 'Engineer', department: 'Platform', displayName: 'Pat' });
    for (const [live, before] of [
      [ownerLive, seq.owner],
      [adminLive, seq.admin],
    ] as const) {
      const changed = await waitForSeq(live, before + 1);
      expect(changed).toMatchObject({ kind: 'event', type: 'people.changed', payload: { personId: pat.personId } });
    }

    // Quinn, a plain member, hears nothing of it: the next frame Quinn gets is Quinn's own change.
    expect((await quinn.patch('/api/v1/me', { title: 'Designer' })).status).toBe(200);
    await waitForSeq(quinnLive, seq.quinn + 1);
    expect(quinnLive.frames.map((f) => [f.kind, f.seq, f.type])).toEqual([
      ['ready', seq.quinn, undefined],
      ['event', seq.quinn + 1, 'person.updated'],
    ]);
    expect(quinnLive.frames[1]?.payload.person).toMatchObject({ id: quinn.personId, title: 'Designer' });
    // And Pat heard nothing of Quinn's change either.
    await waitForSeq(ownerLive, seq.owner + 2);
    expect(patLive.events().map((f) => f.seq)).toEqual([seq.pat + 1]);
    for (const live of [patLive, ownerLive, adminLive, quinnLive]) live.close();
  });

  it('catches up exactly the missed events, in order, after a forced disconnect', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company);
    const editor = await anotherSession(pat, pat.email);
    const s0 = await seqOf(pat);
    const first = await connect(pat);
    expect(first.frames).toEqual([{ kind: 'ready', seq: s0, connectionId: expect.any(String) }]);
    for (const n of [1, 2, 3]) expect((await editor.patch('/api/v1/me', { title: `title ${n}` })).status).toBe(200);
    await waitForSeq(first, s0 + 3);
    const lastSeen = seqsOf(first).at(-1) ?? -1;
    expect(seqsOf(first)).toEqual(range(s0 + 1, s0 + 3));

    first.ws.terminate();
    await first.closed;
    for (const n of [4, 5, 6, 7, 8]) expect((await editor.patch('/api/v1/me', { title: `title ${n}` })).status).toBe(200);

    const back = await connect(pat, lastSeen);
    expect(back.frames[0]).toEqual({ kind: 'ready', seq: s0 + 8, connectionId: expect.any(String) });
    await waitForSeq(back, s0 + 8);
    expect(seqsOf(back)).toEqual(range(s0 + 4, s0 + 8));
    expect(back.events().map((f) => f.payload.person.title)).toEqual(['title 4', 'title 5', 'title 6', 'title 7', 'title 8']);
    // Live again: the next change comes once, right after the caught-up ones.
    expect((await editor.patch('/api/v1/me', { title: 'title 9' })).status).toBe(200);
    await waitForSeq(back, s0 + 9);
    expect(seqsOf(back)).toEqual(range(s0 + 4, s0 + 9));
    // A client that saw everything gets nothing again.
    const upToDate = await connect(pat, s0 + 9);
    expect(upToDate.frames).toEqual([{ kind: 'ready', seq: s0 + 9, connectionId: expect.any(String) }]);
    back.close();
    upToDate.close();
  });

  it('keeps every socket contiguous and exactly-once under concurrent writers and a reconnect mid-way', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company, { name: 'Pat' });
    const rory = await addPerson(t, company, { name: 'Rory' });
    const devices = [pat, await anotherSession(pat, pat.email), await anotherSession(pat, pat.email)];
    const s0 = await seqOf(pat);
    const steady = await connect(pat);
    const leaving = await connect(pat);
    const RECONNECT_AFTER = 5;
    // Reconnect as soon as the leaving socket has seen a few events, while the writers are still busy.
    const returning = leaving
      .waitFor((f) => f.kind === 'event' && f.seq === s0 + RECONNECT_AFTER, 20_000)
      .then(async () => {
        leaving.ws.terminate();
        const seen = seqsOf(leaving);
        return { seen, socket: await connect(pat, seen.at(-1)) };
      });

    const edits = devices.flatMap((device, d) =>
      range(1, 10).map(async (n) => {
        const res = await device.patch('/api/v1/me', { title: `device ${d} edit ${n}` });
        expect(res.status).toBe(200);
      }),
    );
    // Role changes run as chains (each one a real change) alongside the edits.
    const roles = ['admin', 'member', 'admin', 'member', 'admin', 'member'] as const;
    const roleChain = async (personId: string) => {
      for (const role of roles) {
        const res = await company.owner.patch(`/api/v1/admin/people/${personId}`, { role });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    };
    await Promise.all([...edits, roleChain(pat.personId), roleChain(rory.personId)]);

    const last = await seqOf(pat);
    const { seen, socket: back } = await returning;
    await waitForSeq(steady, last);
    await waitForSeq(back, last);
    expect(back.frames[0]?.kind).toBe('ready');
    expect(seqsOf(steady)).toEqual(range(s0 + 1, last));
    expect(seen).toEqual(range(s0 + 1, seen.at(-1) ?? 0));
    expect(seen.length).toBeGreaterThanOrEqual(RECONNECT_AFTER);
    expect(seqsOf(back)).toEqual(range((seen.at(-1) ?? 0) + 1, last));
    expect([...seen, ...seqsOf(back)]).toEqual(range(s0 + 1, last));
    // Pat's own changes: 30 edits and 6 role changes, each one event; the rest are Rory's changes
    // that Pat heard of while Pat was an admin.
    const types = steady.events().map((f) => f.type);
    expect(types.filter((x) => x === 'person.updated')).toHaveLength(36);
    expect(types.filter((x) => x !== 'person.updated').every((x) => x === 'people.changed')).toBe(true);
    expect(types.length).toBeLessThanOrEqual(36 + 6);
    // Events are numbered in commit order, so the last person.updated is Pat as Pat now is.
    const lastUpdate = steady
      .events()
      .filter((f) => f.type === 'person.updated')
      .at(-1);
    expect(lastUpdate?.payload.person).toEqual((await company.owner.get(`/api/v1/people/${pat.personId}`)).body);
    for (const live of [steady, back]) live.close();
  });

  it('answers `resync` with the current seq to a client ahead of the server', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company);
    const s0 = await seqOf(pat);
    const live = await connect(pat, s0 + 5);
    expect(live.frames).toEqual([{ kind: 'resync', seq: s0, reason: 'unknown sequence', connectionId: expect.any(String) }]);
    expect((await pat.patch('/api/v1/me', { title: 'after resync' })).status).toBe(200);
    await waitForSeq(live, s0 + 1);
    expect(seqsOf(live)).toEqual([s0 + 1]);
    live.close();
  });

  it('answers `resync` with the current seq when the missed events were pruned', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company);
    const s0 = await seqOf(pat);
    for (const n of [1, 2, 3, 4]) expect((await pat.patch('/api/v1/me', { title: `t${n}` })).status).toBe(200);
    // Pat's first two events are past retention; the rest are recent.
    const longAgo = Date.now() - t.server.ctx.config.eventRetentionMs - 60_000;
    await t.server.ctx.db
      .updateTable('events')
      .set({ created_at: longAgo })
      .where('person_id', '=', pat.personId)
      .where('seq', '<=', s0 + 2)
      .execute();
    expect(await pruneEvents(t.server.ctx)).toBe(2);

    const gap = await connect(pat, s0);
    expect(gap.frames).toEqual([{ kind: 'resync', seq: s0 + 4, reason: 'gap older than retention', connectionId: expect.any(String) }]);
    const partly = await connect(pat, s0 + 1);
    expect(partly.frames).toEqual([{ kind: 'resync', seq: s0 + 4, reason: 'gap older than retention', connectionId: expect.any(String) }]);
    // Whoever missed only retained events still catches up normally.
    const fine = await connect(pat, s0 + 2);
    await waitForSeq(fine, s0 + 4);
    expect(fine.frames[0]).toEqual({ kind: 'ready', seq: s0 + 4, connectionId: expect.any(String) });
    expect(seqsOf(fine)).toEqual([s0 + 3, s0 + 4]);

    // After a resync the socket is live from the current seq on.
    expect((await pat.patch('/api/v1/me', { title: 't5' })).status).toBe(200);
    for (const live of [gap, partly, fine]) await waitForSeq(live, s0 + 5);
    expect(seqsOf(gap)).toEqual([s0 + 5]);
    expect(seqsOf(partly)).toEqual([s0 + 5]);
    expect(seqsOf(fine)).toEqual([s0 + 3, s0 + 4, s0 + 5]);

    // Everything pruned (a `now` far ahead): a client that saw all still gets `ready`, others `resync`.
    await pruneEvents(t.server.ctx, Date.now() + t.server.ctx.config.eventRetentionMs + 60_000);
    expect((await connect(pat, s0 + 5)).frames).toEqual([{ kind: 'ready', seq: s0 + 5, connectionId: expect.any(String) }]);
    expect((await connect(pat, s0 + 4)).frames).toEqual([{ kind: 'resync', seq: s0 + 5, reason: 'gap older than retention', connectionId: expect.any(String) }]);
    for (const live of [gap, partly, fine]) live.close();
  });
});
