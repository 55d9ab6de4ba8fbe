import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_FRAME_MAX_BYTES, PRESENCE_WATCH_MAX } from '../protocol/events.js';
import { ABUSE_STRIKES } from '../server/realtime/client-frames.js';
import type { Client } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { errorsOf, sendFrame, startConversation, waitForError, waitForTyping } from './support/live-chat.js';
import { closeOf, connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

type Person = Client & { personId: string };

/** What clients send on the socket: refused frames get an error frame and the socket stays; abuse closes it, alone. */
describe.each(DIALECTS)('realtime client frames on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;
  let ben: Person;
  let cat: Person;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    [ann, ben, cat] = [
      await addPerson(t, acme, { name: 'Ann' }),
      await addPerson(t, acme, { name: 'Ben' }),
      await addPerson(t, acme, { name: 'Cat' }),
    ];
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers malformed, unknown and invalid frames with an error frame naming the problem, and stays open', async () => {
    const live = await connect(ann);
    const cases: Array<[unknown, string, string]> = [
      ['{"kind": "typing", ', 'invalid_json', 'not valid JSON'],
      ['[1, 2]', 'invalid_frame', 'JSON object'],
      [{ kind: 'shout', text: 'hi' }, 'unknown_kind', 'ping, typing, presence, watch'],
      [{ noKind: true }, 'unknown_kind', 'Unknown frame kind'],
      [{ kind: 'typing', conversationId: 'not-an-id' }, 'invalid_frame', 'conversationId'],
      [{ kind: 'typing' }, 'invalid_frame', 'conversationId'],
      [{ kind: 'presence', status: 'busy' }, 'invalid_frame', 'status'],
      [{ kind: 'ping', extra: 1 }, 'invalid_frame', 'extra'],
      [{ kind: 'watch', personIds: Array.from({ length: PRESENCE_WATCH_MAX + 1 }, () => ann.personId) }, 'invalid_frame', 'personIds'],
    ];
    for (const [i, [frame, code, text]] of cases.entries()) {
      sendFrame(live, frame);
      const error = await waitForError(live, i + 1);
      expect({ frame, code: error.code, hasText: String(error.message).includes(text) }).toEqual({ frame, code, hasText: true });
    }
    sendFrame(live, { kind: 'ping' });
    await live.waitFor((f) => f.kind === 'pong');
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    live.close();
  });

  it('closes a socket that sends a frame above the limit with 1009, and keeps serving everyone else', async () => {
    const big = await connect(ann);
    const other = await connect(ben);
    const closed = closeOf(big);
    sendFrame(big, { kind: 'watch', personIds: [], pad: 'x'.repeat(CLIENT_FRAME_MAX_BYTES) });
    expect((await closed).code).toBe(1009);
    // Another client of the same server still receives its events, and new sockets open.
    expect((await ben.patch('/api/v1/me', { title: 'still here' })).status).toBe(200);
    const event = await other.waitFor((f) => f.kind === 'event' && f.type === 'person.updated');
    expect(event.payload.person.title).toBe('still here');
    const again = await connect(ann);
    sendFrame(again, { kind: 'ping' });
    await again.waitFor((f) => f.kind === 'pong');
    // A frame just under the limit is read (and refused for what it says, not for its size).
    sendFrame(again, { kind: 'ping', pad: 'x'.repeat(CLIENT_FRAME_MAX_BYTES - 100) });
    expect((await waitForError(again)).code).toBe('invalid_frame');
    for (const l of [other, again]) l.close();
  });

  it('rate-limits a flooding socket with an error and drops the excess, while another person’s typing still arrives', async () => {
    const conversationId = await startConversation(ben, [cat.personId]);
    const flooder = await connect(ann);
    const benLive = await connect(ben);
    const catLive = await connect(cat);
    for (let i = 0; i < 150; i++) sendFrame(flooder, { kind: 'ping' });
    const limited = await waitForError(flooder, 1);
    expect(limited.code).toBe('rate_limited');
    expect(limited.message).toContain('20 a second');

    sendFrame(benLive, { kind: 'typing', conversationId });
    const typing = await waitForTyping(catLive, conversationId, ben.personId);
    expect(typing.payload).toEqual({ conversationId, personId: ben.personId });
    // The excess was dropped, not queued: far fewer pongs than pings, one error for the whole burst, and the socket is open.
    sendFrame(catLive, { kind: 'ping' });
    await catLive.waitFor((f) => f.kind === 'pong');
    const pongs = flooder.frames.filter((f) => f.kind === 'pong').length;
    expect(pongs).toBeLessThan(40);
    expect(errorsOf(flooder).map((f) => f.code)).toEqual(['rate_limited']);
    expect(flooder.ws.readyState).toBe(WebSocket.OPEN);
    for (const l of [flooder, benLive, catLive]) l.close();
  });

  it('closes a socket that keeps sending refused frames with 1008; the others stay', async () => {
    const abuser = await connect(ann);
    const bystander = await connect(ben);
    const closed = closeOf(abuser);
    for (let i = 0; i < ABUSE_STRIKES + 50 && abuser.ws.readyState === WebSocket.OPEN; i++) sendFrame(abuser, 'garbage');
    expect((await closed).code).toBe(1008);
    sendFrame(bystander, { kind: 'ping' });
    await bystander.waitFor((f) => f.kind === 'pong');
    expect(bystander.ws.readyState).toBe(WebSocket.OPEN);
    bystander.close();
  });
});
