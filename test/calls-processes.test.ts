import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSignals, joinCall, offer, signal, startCall, stateOf, waitForCall } from './support/calls.js';
import type { Client } from './support/client.js';
import { addPerson } from './support/factories.js';
import { sendFrame, startConversation, waitForError, waitForTyping } from './support/live-chat.js';
import { connect } from './support/realtime.js';
import { startTwoProcesses, type TwoProcesses } from './support/two-processes.js';

type Person = Client & { personId: string };

/**
 * Calls across two server processes joined by Redis (PostgreSQL): the caller's socket on one, the
 * callee's on the other. Ringing, answering and signalling cross between them; a person outside the
 * conversation hears nothing on either.
 */
describe('calls across two server processes', () => {
  let p: TwoProcesses;
  let ann: Person;
  let ben: Person;
  let dan: Person;
  let annBen: string;

  beforeAll(async () => {
    p = await startTwoProcesses();
    [ann, ben, dan] = [
      await addPerson(p.one.asHosts(), p.company, { name: 'Ann' }),
      await addPerson(p.one.asHosts(), p.company, { name: 'Ben' }),
      await addPerson(p.one.asHosts(), p.company, { name: 'Dan' }),
    ];
    annBen = await startConversation(ann, [ben.personId]);
  }, 90_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('rings the callee on the other process, and relays offer and answer both ways to the joined devices only', async () => {
    const annOnOne = await connect(ann);
    const benTwo = p.onTwo(ben);
    const benOnTwo = await connect(benTwo);
    const benOnOne = await connect(ben);
    const danOnTwo = await connect(p.onTwo(dan));

    const started = await startCall(ann, annBen, annOnOne, 'audio');
    expect(started.status).toBe(201);
    const callId = started.body.id as string;
    await waitForCall(benOnTwo, (c) => c.id === callId && stateOf(c, ben.personId) === 'ringing');
    await waitForCall(benOnOne, (c) => c.id === callId && stateOf(c, ben.personId) === 'ringing');

    expect((await joinCall(benTwo, callId, benOnTwo)).status).toBe(200);
    await waitForCall(annOnOne, (c) => c.id === callId && c.state === 'active');

    signal(annOnOne, offer(callId, ben.personId));
    const heardOffer = await benOnTwo.waitFor((f) => f.type === 'call.signal');
    expect(heardOffer.payload).toMatchObject({ fromPersonId: ann.personId, description: { type: 'offer' } });
    signal(benOnTwo, { kind: 'call.signal', callId, toPersonId: ann.personId, description: { type: 'answer', sdp: 'v=0\r\n' } });
    const heardAnswer = await annOnOne.waitFor((f) => f.type === 'call.signal');
    expect(heardAnswer.payload).toMatchObject({ fromPersonId: ben.personId, description: { type: 'answer' } });

    // Dan, outside the conversation, on process two: refused, and told nothing of the call.
    signal(danOnTwo, offer(callId, ben.personId));
    expect((await waitForError(danOnTwo)).code).toBe('not_found');
    expect((await p.onTwo(dan).get(`/api/v1/calls/${callId}`)).status).toBe(404);
    // Ben's socket on process one did not take the call: a later typing signal arrives there, the offer never did.
    sendFrame(annOnOne, { kind: 'typing', conversationId: annBen });
    await waitForTyping(benOnOne, annBen, ann.personId);
    expect(callSignals(benOnOne, 'call.signal')).toEqual([]);
    expect(danOnTwo.frames.filter((f) => f.type === 'call.updated' || f.type === 'call.signal')).toEqual([]);

    const ended = await benTwo.post(`/api/v1/calls/${callId}/leave`, {});
    expect(ended.body).toMatchObject({ state: 'ended', outcome: 'completed' });
    await waitForCall(annOnOne, (c) => c.id === callId && c.state === 'ended');
    for (const s of [annOnOne, benOnTwo, benOnOne, danOnTwo]) s.close();
  });
});
