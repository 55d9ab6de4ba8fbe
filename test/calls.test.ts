import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_REJOIN_GRACE_MS, CALL_RING_MAX_PEOPLE, SDP_MAX_CHARS } from '../protocol/calls.js';
import { sweepCalls } from '../server/modules/calls/sweeper.js';
import { callSignals, connectionIdOf, joinCall, lastCall, offer, signal, startCall, stateOf, waitForCall } from './support/calls.js';
import type { Client, LiveSocket } from './support/client.js';
import { bulkPeople } from './support/conversations.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { errorsOf, removeFromConversation, sendFrame, startConversation, waitForError, waitForTyping } from './support/live-chat.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string };

/**
 * Calls: ringing every device, answering from one, decline, busy, timeout, the last one out, the
 * history message, and that nobody outside the conversation can ring, join, read or send anything
 * of a call. Timeouts and vanished devices are driven through the sweep with a later clock.
 */
describe.each(DIALECTS)('calls on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;
  let ben: Person;
  let cat: Person;
  let dan: Person;
  let annBen: string;
  let team: string;
  const sockets: LiveSocket[] = [];
  const open = async (p: Person): Promise<LiveSocket> => {
    const live = await connect(p);
    sockets.push(live);
    return live;
  };

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    ann = await addPerson(t, acme, { name: 'Ann' });
    ben = await addPerson(t, acme, { name: 'Ben' });
    cat = await addPerson(t, acme, { name: 'Cat' });
    dan = await addPerson(t, acme, { name: 'Dan' });
    annBen = await startConversation(ann, [ben.personId]);
    team = await startConversation(ann, [ben.personId, cat.personId]);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t?.close();
  });

  it('rings every device of the callee; one answers, the others stop; only the two joined devices signal each other', async () => {
    const [annLive, benLaptop, benPhone, catLive] = [await open(ann), await open(ben), await open(ben), await open(cat)];
    const started = await startCall(ann, annBen, annLive, 'video');
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const call = started.body;
    expect(call).toMatchObject({ mode: 'p2p', media: 'video', state: 'ringing', startedBy: ann.personId });
    expect(stateOf(call, ben.personId)).toBe('ringing');
    for (const device of [benLaptop, benPhone, annLive]) await waitForCall(device, (c) => c.id === call.id && c.state === 'ringing');
    // A page opened now asks what rings for it; Cat, outside the conversation, has nothing ringing.
    expect((await ben.get('/api/v1/calls/ringing')).body.items.map((c: any) => c.id)).toEqual([call.id]);
    expect((await ann.get('/api/v1/calls/ringing')).body.items).toEqual([]);
    expect((await cat.get('/api/v1/calls/ringing')).body.items).toEqual([]);

    const joined = await joinCall(ben, call.id, benPhone);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ state: 'active' });
    expect(joined.body.answeredAt).not.toBeNull();
    // The laptop learns that the phone took the call (its connectionId), so it stops ringing.
    const onLaptop = await waitForCall(benLaptop, (c) => c.id === call.id && stateOf(c, ben.personId) === 'joined');
    expect(onLaptop.payload.call.participants[1].connectionId).toBe(connectionIdOf(benPhone));

    signal(annLive, offer(call.id, ben.personId));
    const heard = await benPhone.waitFor((f) => f.kind === 'signal' && f.type === 'call.signal');
    expect(heard.payload).toMatchObject({ callId: call.id, fromPersonId: ann.personId, description: { type: 'offer' } });
    // A later typing signal reaches the laptop: the offer before it did not.
    sendFrame(annLive, { kind: 'typing', conversationId: annBen });
    await waitForTyping(benLaptop, annBen, ann.personId);
    expect(callSignals(benLaptop, 'call.signal')).toEqual([]);

    // The laptop (not the joined device) and Cat (not in the conversation) are refused; nothing reaches Ann.
    signal(benLaptop, offer(call.id, ann.personId));
    expect((await waitForError(benLaptop)).code).toBe('not_found');
    signal(catLive, offer(call.id, ann.personId));
    expect((await waitForError(catLive)).code).toBe('not_found');
    signal(catLive, { kind: 'call.resume', callId: call.id });
    expect((await waitForError(catLive, 2)).code).toBe('not_found');
    for (const path of [`/api/v1/calls/${call.id}`]) expect((await cat.get(path)).status).toBe(404);
    for (const action of ['join', 'decline', 'leave'])
      expect(
        (await cat.post(`/api/v1/calls/${call.id}/${action}`, action === 'join' ? { connectionId: connectionIdOf(catLive) } : {})).status,
      ).toBe(404);
    expect((await cat.get(`/api/v1/conversations/${annBen}/calls/current`)).status).toBe(404);
    expect((await startCall(cat, annBen, catLive)).status).toBe(404);
    expect(catLive.frames.filter((f) => f.type === 'call.updated' || f.type === 'call.signal')).toEqual([]);

    // Ann hangs up: the call ends for both, with its duration; the history message says so.
    const left = await ann.post(`/api/v1/calls/${call.id}/leave`, {});
    expect(left.body).toMatchObject({ state: 'ended', outcome: 'completed' });
    expect(left.body.durationS).toBeGreaterThanOrEqual(0);
    await waitForCall(benPhone, (c) => c.id === call.id && c.state === 'ended');
    const history = await ben.get(`/api/v1/conversations/${annBen}/messages`);
    const entry = history.body.items.find((m: any) => m.call?.callId === call.id);
    expect(entry).toMatchObject({
      kind: 'system',
      system: { action: 'call' },
      call: { state: 'ended', outcome: 'completed', media: 'video' },
    });
    expect((await joinCall(ben, call.id, benPhone)).status).toBe(409);
    expect((await joinCall(ben, call.id, benPhone)).body.code).toBe('call_ended');
  });

  it('tells the caller of a decline, of busy, and of no answer, and keeps each in the history', async () => {
    const [annLive, benLive, catLive, danLive] = [await open(ann), await open(ben), await open(cat), await open(dan)];
    const declined = (await startCall(ann, annBen, annLive, 'audio')).body;
    const answer = await ben.post(`/api/v1/calls/${declined.id}/decline`, {});
    expect(answer.body).toMatchObject({ state: 'ended', outcome: 'declined' });
    await waitForCall(annLive, (c) => c.id === declined.id && c.outcome === 'declined');

    // Ben is in a call with Cat: Ann's call to Ben is busy at once.
    const benCat = await startConversation(cat, [ben.personId]);
    const catCall = (await startCall(cat, benCat, catLive)).body;
    expect((await joinCall(ben, catCall.id, benLive)).status).toBe(200);
    const busy = await startCall(ann, annBen, annLive);
    expect(busy.status).toBe(201);
    expect(busy.body).toMatchObject({ state: 'ended', outcome: 'busy' });
    expect(stateOf(busy.body, ben.personId)).toBe('busy');
    // And Ben cannot start another call while in one.
    expect((await startCall(ben, annBen, benLive)).body.code).toBe('in_another_call');
    await cat.post(`/api/v1/calls/${catCall.id}/leave`, {});

    // Nobody answers: after the ring time the call is missed, for the caller and the callee's devices.
    const annDan = await startConversation(ann, [dan.personId]);
    const unanswered = (await startCall(ann, annDan, annLive)).body;
    await sweepCalls(t.server.ctx, Date.now() + t.server.ctx.config.calls.ringTimeoutMs - 5_000);
    expect(lastCall(danLive, unanswered.id)?.state).toBe('ringing');
    await sweepCalls(t.server.ctx, Date.now() + t.server.ctx.config.calls.ringTimeoutMs + 1_000);
    const missed = await waitForCall(danLive, (c) => c.id === unanswered.id && c.state === 'ended');
    expect(missed.payload.call).toMatchObject({ outcome: 'missed' });
    expect(stateOf(missed.payload.call, dan.personId)).toBe('missed');
    const history = await dan.get(`/api/v1/conversations/${annDan}/messages`);
    expect(history.body.items.find((m: any) => m.call?.callId === unanswered.id)?.call).toMatchObject({
      outcome: 'missed',
      durationS: null,
    });
    // Dan is told of the missed call (once), leading to the conversation; Ben, who declined, is not.
    const danHears = (await dan.get('/api/v1/notifications')).body.items.filter((n: any) => n.kind === 'call_missed');
    expect(danHears).toEqual([
      expect.objectContaining({ conversationId: annDan, actors: [expect.objectContaining({ id: ann.personId })] }),
    ]);
    expect((await ben.get('/api/v1/notifications')).body.items.filter((n: any) => n.kind === 'call_missed')).toEqual([]);
  });

  it('makes one call of two started at once, and the other caller is told which one to join', async () => {
    const [annLive, benLive] = [await open(ann), await open(ben)];
    const both = await Promise.all([startCall(ann, annBen, annLive), startCall(ben, annBen, benLive)]);
    const statuses = both.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const won = both.find((r) => r.status === 201)!;
    const lost = both.find((r) => r.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'call_in_progress', callId: won.body.id });
    await ann
      .post(`/api/v1/calls/${won.body.id}/leave`, {})
      .then((r) => (r.status === 409 ? ben.post(`/api/v1/calls/${won.body.id}/leave`, {}) : r));
  });

  it('keeps a device whose socket comes back in time (resume), and drops one that vanished', async () => {
    const [annLive, benLive] = [await open(ann), await open(ben)];
    const call = (await startCall(ann, annBen, annLive)).body;
    await joinCall(ben, call.id, benLive);
    // Network change: a new socket of the same session takes the place of the old one.
    const benAgain = await open(ben);
    benLive.ws.terminate();
    signal(benAgain, { kind: 'call.resume', callId: call.id });
    const resumed = await waitForCall(annLive, (c) => c.id === call.id && c.participants[1].connectionId === connectionIdOf(benAgain));
    expect(resumed.payload.call.state).toBe('active');
    await sweepCalls(t.server.ctx, Date.now() + CALL_REJOIN_GRACE_MS + 1_000);
    expect(lastCall(annLive, call.id).state).toBe('active');

    // Now the browser vanishes for good: seen gone by one sweep, out after the grace time; the call ends.
    benAgain.ws.terminate();
    await expect
      .poll(async () => {
        await sweepCalls(t.server.ctx);
        const row = await t.server.ctx.db
          .selectFrom('call_participants')
          .select('gone_at')
          .where('call_id', '=', call.id)
          .where('person_id', '=', ben.personId)
          .executeTakeFirst();
        return row?.gone_at !== null;
      })
      .toBe(true);
    await sweepCalls(t.server.ctx, Date.now() + CALL_REJOIN_GRACE_MS + 1_000);
    const ended = await waitForCall(annLive, (c) => c.id === call.id && c.state === 'ended');
    expect(ended.payload.call).toMatchObject({ outcome: 'completed' });
    expect(stateOf(ended.payload.call, ben.personId)).toBe('left');
  });

  it('drops a person removed from a group conversation from its call, and they hear no more of it', async () => {
    const [annLive, benLive, catLive] = [await open(ann), await open(ben), await open(cat)];
    const call = (await startCall(ann, team, annLive)).body;
    expect(call.mode).toBe('sfu');
    expect((await joinCall(ben, call.id, benLive)).status).toBe(200);
    expect((await joinCall(cat, call.id, catLive)).status).toBe(200);
    // One screen at a time: Ben shares, Cat is refused until he stops.
    expect((await ben.post(`/api/v1/calls/${call.id}/screen`, { sharing: true })).body.sharerId).toBe(ben.personId);
    expect((await cat.post(`/api/v1/calls/${call.id}/screen`, { sharing: true })).body.code).toBe('screen_taken');
    expect((await ben.post(`/api/v1/calls/${call.id}/screen`, { sharing: false })).body.sharerId).toBeNull();
    expect((await cat.post(`/api/v1/calls/${call.id}/screen`, { sharing: true })).body.sharerId).toBe(cat.personId);
    await removeFromConversation(ann, team, cat.personId);
    await sweepCalls(t.server.ctx);
    const out = await waitForCall(catLive, (c) => c.id === call.id && stateOf(c, cat.personId) === 'left');
    // Her screen share ended with her.
    expect(out.payload.call).toMatchObject({ state: 'active', sharerId: null });
    // From now on Cat is refused everything of the call, and its later changes do not reach her.
    sendFrame(catLive, { kind: 'call.media', callId: call.id, muted: true, camera: false });
    expect((await waitForError(catLive)).code).toBe('not_found');
    // Her page's media connection, waiting for an answer, is told the same (and nothing more).
    sendFrame(catLive, { kind: 'call.sfu', callId: call.id, op: 'publish', pc: 'camera', description: { type: 'offer', sdp: 'v=0\r\n' } });
    expect((await waitForError(catLive, 2)).code).toBe('not_found');
    expect(callSignals(catLive, 'call.sfu').map((f) => f.payload)).toEqual([
      { callId: call.id, op: 'error', pc: 'camera', code: 'not_found', message: 'There is no such call.' },
    ]);
    expect((await cat.get(`/api/v1/calls/${call.id}`)).status).toBe(404);
    const before = catLive.frames.length;
    await ben.post(`/api/v1/calls/${call.id}/leave`, {});
    await waitForCall(annLive, (c) => c.id === call.id && stateOf(c, ben.personId) === 'left');
    sendFrame(annLive, { kind: 'typing', conversationId: team });
    await waitForTyping(benLive, team, ann.personId);
    expect(catLive.frames.slice(before).filter((f) => f.type === 'call.updated')).toEqual([]);
    await ann.post(`/api/v1/calls/${call.id}/leave`, {});
  });

  it('answers 404 to another company for a call of this one, on every route and on the socket', async () => {
    const [annLive, benLive] = [await open(ann), await open(ben)];
    const call = (await startCall(ann, annBen, annLive)).body;
    const other = await signUpCompany(t);
    const eve = other.owner;
    const eveLive = await connect(eve);
    sockets.push(eveLive);
    expect((await eve.get(`/api/v1/calls/${call.id}`)).status).toBe(404);
    expect((await eve.get(`/api/v1/conversations/${annBen}/calls/current`)).status).toBe(404);
    for (const action of ['join', 'decline', 'leave', 'screen']) {
      const body = action === 'join' ? { connectionId: connectionIdOf(eveLive) } : action === 'screen' ? { sharing: true } : {};
      expect((await eve.post(`/api/v1/calls/${call.id}/${action}`, body)).status).toBe(404);
    }
    expect((await startCall(eve, annBen, eveLive)).status).toBe(404);
    signal(eveLive, offer(call.id, ben.personId));
    expect((await waitForError(eveLive)).code).toBe('not_found');
    signal(eveLive, { kind: 'call.resume', callId: call.id });
    expect((await waitForError(eveLive, 2)).code).toBe('not_found');
    expect(eveLive.frames.filter((f) => String(f.type).startsWith('call.'))).toEqual([]);
    expect(lastCall(benLive, call.id).participants).toHaveLength(2);
    await ann.post(`/api/v1/calls/${call.id}/leave`, {});
  });

  it('does not ring a big conversation: its people see the call and join it', async () => {
    const many = await bulkPeople(t, acme.orgId, CALL_RING_MAX_PEOPLE, 'Crowd');
    const hall = await startConversation(ann, [ben.personId, ...many]);
    const [annLive, benLive] = [await open(ann), await open(ben)];
    const call = (await startCall(ann, hall, annLive)).body;
    expect(call.participants.map((p: any) => p.personId)).toEqual([ann.personId]);
    // Ben hears of the call (to join it) without being rung.
    await waitForCall(benLive, (c) => c.id === call.id);
    expect((await ben.get('/api/v1/calls/ringing')).body.items).toEqual([]);
    expect((await ben.get(`/api/v1/conversations/${hall}/calls/current`)).body.call.id).toBe(call.id);
    const joined = await joinCall(ben, call.id, benLive);
    expect(joined.body).toMatchObject({ state: 'active' });
    expect(stateOf(joined.body, ben.personId)).toBe('joined');
    await ben.post(`/api/v1/calls/${call.id}/leave`, {});
    expect((await ann.post(`/api/v1/calls/${call.id}/leave`, {})).body).toMatchObject({ state: 'ended', outcome: 'completed' });
  });

  it('refuses malformed signalling with a clear error, and survives a flood of rings', async () => {
    const [annLive, benLive] = [await open(ann), await open(ben)];
    const call = (await startCall(ann, annBen, annLive)).body;
    await joinCall(ben, call.id, benLive);
    const bad = [
      { ...offer(call.id, ben.personId), description: { type: 'offer', sdp: 'x'.repeat(SDP_MAX_CHARS + 1) } },
      { ...offer(call.id, ben.personId), description: { type: 'pranswer', sdp: 'v=0' } },
      { ...offer(call.id, ben.personId), description: { type: 'offer', sdp: 'hello, this is not SDP' } },
      { kind: 'call.signal', callId: call.id, toPersonId: ben.personId, candidate: { candidate: 'rm -rf /', sdpMid: '0' } },
      { kind: 'call.signal', callId: call.id, toPersonId: ben.personId, candidate: { candidate: 42 } },
      { kind: 'call.signal', callId: 'not-an-id', toPersonId: ben.personId },
      { kind: 'call.sfu', callId: call.id, op: 'publish', pc: 'camera', description: { type: 'offer', sdp: 'v=0' } },
    ];
    const errorsBefore = errorsOf(annLive).length;
    for (const frame of bad) signal(annLive, frame);
    await waitForError(annLive, errorsBefore + bad.length);
    const codes = errorsOf(annLive)
      .slice(errorsBefore)
      .map((e) => e.code);
    // The last one is well formed but for a one-to-one call, which has no media server: no such call.
    expect(codes, JSON.stringify(errorsOf(annLive).slice(errorsBefore))).toEqual([
      'invalid_frame',
      'invalid_frame',
      'invalid_frame',
      'invalid_frame',
      'invalid_frame',
      'invalid_frame',
      'not_found',
    ]);
    expect(errorsOf(annLive)[errorsBefore]!.message).toContain('description.sdp');
    expect(callSignals(benLive, 'call.signal')).toEqual([]);
    await ann.post(`/api/v1/calls/${call.id}/leave`, {});

    // Dan is not in the conversation: not found, until his own budget of rings is spent.
    const rings = await Promise.all(Array.from({ length: 300 }, () => startCall(dan, annBen, benLive)));
    expect(new Set(rings.map((r) => r.status))).toEqual(new Set([404, 429]));
    // 1,000 rings at once: one starts, a few find the call going on, the rest are told to slow down.
    const flood = await Promise.all(Array.from({ length: 1000 }, () => startCall(ann, annBen, annLive)));
    const counts = new Map<number, number>();
    for (const r of flood) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    expect([...counts.keys()].every((s) => [201, 409, 429].includes(s))).toBe(true);
    expect(counts.get(201)).toBe(1);
    expect(counts.get(429)).toBeGreaterThan(980);
    expect(flood.find((r) => r.status === 429)!.headers['retry-after']).toBeDefined();
    const ongoing = (await ann.get(`/api/v1/conversations/${annBen}/calls/current`)).body.call;
    await ann.post(`/api/v1/calls/${ongoing.id}/leave`, {});
  });
});
