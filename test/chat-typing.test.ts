import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, LiveSocket } from './support/client.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import {
  removeFromConversation,
  sendFrame,
  settled,
  signalsOf,
  startConversation,
  waitForError,
  waitForTyping,
} from './support/live-chat.js';
import { connect } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';
import { startTwoProcesses, type TwoProcesses } from './support/two-processes.js';

type Person = Client & { personId: string };

/** Who was heard typing on this socket, as "person@conversation", in arrival order. */
const typingHeard = (live: LiveSocket): string[] =>
  signalsOf(live, 'chat.typing').map((f) => `${f.payload.personId as string}@${f.payload.conversationId as string}`);

/**
 * Typing indicators: a live-only signal to the conversation's other participants' open sockets.
 * Absence is proven with a marker: a later signal that the same socket does receive, published after.
 */
describe.each(DIALECTS)('typing in a conversation on %s', (dialect) => {
  let t: TestServer;
  let acme: Company;
  let ann: Person;
  let ben: Person;
  let cat: Person;
  let dan: Person;
  let team: string;
  let benAndDan: string;

  beforeAll(async () => {
    t = await startTestServer({ dialect });
    acme = await signUpCompany(t);
    ann = await addPerson(t, acme, { name: 'Ann' });
    ben = await addPerson(t, acme, { name: 'Ben' });
    cat = await addPerson(t, acme, { name: 'Cat' });
    dan = await addPerson(t, acme, { name: 'Dan' });
    team = await startConversation(ann, [ben.personId, cat.personId]);
    benAndDan = await startConversation(ben, [dan.personId]);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reaches every device of the other participants, and neither the typist’s own devices nor anyone outside', async () => {
    const [annLaptop, annPhone, benLive, catLive, danLive] = [
      await connect(ann),
      await connect(ann),
      await connect(ben),
      await connect(cat),
      await connect(dan),
    ];
    const benPhone = await connect(ben);
    sendFrame(annLaptop, { kind: 'typing', conversationId: team });
    for (const live of [benLive, benPhone, catLive]) {
      expect((await waitForTyping(live, team, ann.personId)).payload).toEqual({ conversationId: team, personId: ann.personId });
    }
    // Markers: Ben types in both conversations; Ann's phone and Dan hear that, and nothing before it.
    sendFrame(benLive, { kind: 'typing', conversationId: team });
    sendFrame(benLive, { kind: 'typing', conversationId: benAndDan });
    await waitForTyping(annPhone, team, ben.personId);
    await waitForTyping(danLive, benAndDan, ben.personId);
    expect(typingHeard(annPhone)).toEqual([`${ben.personId}@${team}`]);
    expect(typingHeard(danLive)).toEqual([`${ben.personId}@${benAndDan}`]);
    expect(typingHeard(annLaptop)).toEqual([`${ben.personId}@${team}`]);
    for (const l of [annLaptop, annPhone, benLive, benPhone, catLive, danLive]) l.close();
  });

  it('refuses a non-participant’s typing exactly like an unknown conversation, and nobody hears it', async () => {
    const [annLive, danLive] = [await connect(ann), await connect(dan)];
    sendFrame(danLive, { kind: 'typing', conversationId: team });
    const refused = await waitForError(danLive, 1);
    sendFrame(danLive, { kind: 'typing', conversationId: randomUUID() });
    const unknown = await waitForError(danLive, 2);
    expect(refused).toEqual(unknown);
    expect(refused).toMatchObject({ kind: 'error', code: 'not_found' });
    sendFrame(await connect(cat), { kind: 'typing', conversationId: team });
    await waitForTyping(annLive, team, cat.personId);
    expect(typingHeard(annLive)).toEqual([`${cat.personId}@${team}`]);
    for (const l of [annLive, danLive]) l.close();
  });

  it('sends at most one typing signal per person and conversation a second', async () => {
    // A conversation of its own: nobody typed in it within the last second.
    const team = await startConversation(ann, [ben.personId, cat.personId]);
    const [annLive, benLive, catLive] = [await connect(ann), await connect(ben), await connect(cat)];
    const annPhone = await connect(ann);
    for (let i = 0; i < 3; i++) sendFrame(annLive, { kind: 'typing', conversationId: team });
    sendFrame(annPhone, { kind: 'typing', conversationId: team });
    const firstAt = Date.now();
    await waitForTyping(benLive, team, ann.personId);
    // Both of Ann's sockets have handled everything they sent; then Cat's marker.
    await settled(annLive);
    await settled(annPhone);
    sendFrame(catLive, { kind: 'typing', conversationId: team });
    await waitForTyping(benLive, team, cat.personId);
    expect(typingHeard(benLive)).toEqual([`${ann.personId}@${team}`, `${cat.personId}@${team}`]);
    // A second later the next one goes through.
    await expect
      .poll(
        () => {
          sendFrame(annLive, { kind: 'typing', conversationId: team });
          return typingHeard(benLive).filter((x) => x.startsWith(ann.personId)).length;
        },
        { interval: 100, timeout: 5000 },
      )
      .toBe(2);
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(1000);
    for (const l of [annLive, annPhone, benLive, catLive]) l.close();
  });

  it('refuses someone removed from the conversation at once', async () => {
    const eve = await addPerson(t, acme, { name: 'Eve' });
    const group = await startConversation(ann, [ben.personId, eve.personId]);
    const [benLive, eveLive] = [await connect(ben), await connect(eve)];
    sendFrame(eveLive, { kind: 'typing', conversationId: group });
    await waitForTyping(benLive, group, eve.personId);

    await removeFromConversation(ann, group, eve.personId);
    // Straight away, even within the throttle second of her last signal.
    sendFrame(eveLive, { kind: 'typing', conversationId: group });
    expect((await waitForError(eveLive, 1)).code).toBe('not_found');
    sendFrame(await connect(ann), { kind: 'typing', conversationId: group });
    await waitForTyping(benLive, group, ann.personId);
    expect(typingHeard(benLive)).toEqual([`${eve.personId}@${group}`, `${ann.personId}@${group}`]);
    for (const l of [benLive, eveLive]) l.close();
  });
});

describe('typing across two server processes (PostgreSQL + Redis)', () => {
  let p: TwoProcesses;
  let ann: Person;
  let ben: Person;
  let dan: Person;
  let team: string;
  let benAndDan: string;

  beforeAll(async () => {
    p = await startTwoProcesses();
    [ann, ben, dan] = [
      await addPerson(p.one.asHosts(), p.company),
      await addPerson(p.one.asHosts(), p.company),
      await addPerson(p.one.asHosts(), p.company),
    ];
    team = await startConversation(ann, [ben.personId]);
    benAndDan = await startConversation(ben, [dan.personId]);
  }, 90_000);
  afterAll(async () => {
    await p?.stop();
  });

  it('a typist on process one reaches the participant on process two, and no non-participant on either', async () => {
    const annOnOne = await connect(ann);
    const benOnTwo = await connect(p.onTwo(ben));
    const danOnOne = await connect(dan);
    const danOnTwo = await connect(p.onTwo(dan));
    sendFrame(annOnOne, { kind: 'typing', conversationId: team });
    expect((await waitForTyping(benOnTwo, team, ann.personId)).payload).toEqual({ conversationId: team, personId: ann.personId });
    // Dan's marker comes from process two, after Ann's signal was published through Redis.
    sendFrame(benOnTwo, { kind: 'typing', conversationId: benAndDan });
    for (const live of [danOnOne, danOnTwo]) {
      await waitForTyping(live, benAndDan, ben.personId);
      expect(typingHeard(live)).toEqual([`${ben.personId}@${benAndDan}`]);
    }
    // And Dan, on either process, cannot type into a conversation he is not in.
    sendFrame(danOnTwo, { kind: 'typing', conversationId: team });
    expect((await waitForError(danOnTwo, 1)).code).toBe('not_found');
    for (const l of [annOnOne, benOnTwo, danOnOne, danOnTwo]) l.close();
  });
});
