import type { Socket } from 'node:net';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../protocol/api.js';
import { CloseCodes } from '../protocol/events.js';
import { pruneEvents } from '../server/realtime/retention.js';
import type { Client, LiveSocket } from './support/client.js';
import { startTestServer } from './support/server.js';
import { DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany } from './support/factories.js';
import { closeOf, connect, publishMany, range, seqsOf, storedSeqOf, waitForSeq } from './support/realtime.js';
import type { TestServer } from './support/server.js';

const HIGH_WATER = 64 * 1024;
/** What a socket may hold beyond the high-water mark: one batch of rows read from the database. */
const SLACK = 256 * 1024;
const BATCH = 500;

/**
 * A client that stops reading must not make the server hold its events: the server stops writing at
 * the high-water mark, and either the client catches up once it reads again, or (when it stays away
 * too long) the server closes it with 4008 and it catches up from the database on reconnect.
 */
describe.each(DIALECTS)('realtime back-pressure on %s', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    // Stalled readers never answer pings: a heartbeat during a slow run (a loaded machine) would end them
    // before the test does, so it beats once an hour here.
    t = await startTestServer({ dialect, env: { REALTIME_HEARTBEAT_MS: '3600000' } });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('never holds more than the high-water mark for a stalled reader; each recovers exactly', async () => {
    const company = await signUpCompany(t);
    const pat = await addPerson(t, company, { name: 'P'.repeat(100) });
    const me = (await pat.patch('/api/v1/me', { title: 'T'.repeat(100), department: 'D'.repeat(100) })).body as Person;
    // Three readers that stop reading: one the server gives up on after 300 ms, two it waits for.
    const impatient = await stalledReader(pat, 300);
    const patient = await stalledReader(pat, 600_000);
    const pruned = await stalledReader(pat, 600_000);
    const readers = [impatient, patient, pruned];
    const s0 = impatient.s0;
    expect(readers.map((r) => r.s0)).toEqual([s0, s0, s0]);

    let produced = 0;
    let maxBuffered = 0;
    /** Realistic, maximal profile events, numbered in the title so that order can be checked. */
    const produce = async (count: number) => {
      const from = produced;
      await publishMany(
        t.server.ctx,
        company.orgId,
        [pat.personId],
        'person.updated',
        (i) => ({ person: { ...me, title: `${from + i}`.padEnd(100, 'T') } }),
        count,
      );
      produced += count;
      // Let the server write (SQLite answers without ever yielding to the event loop).
      await new Promise((resolve) => setImmediate(resolve));
      for (const r of readers) maxBuffered = Math.max(maxBuffered, r.server.bufferedAmount);
    };
    // Produce until the server gave up on the impatient reader and the others are full.
    while (impatient.server.readyState === WebSocket.OPEN || readers.some((r) => r.server.bufferedAmount <= HIGH_WATER)) {
      await produce(BATCH);
      if (produced > 100_000)
        throw new Error(`the server kept writing to stalled sockets: ${readers.map((r) => r.server.bufferedAmount).join(', ')}`);
    }
    const heldForClosed = impatient.server.bufferedAmount;
    // Much more happens meanwhile: nothing is added for the closed one, the others stay bounded.
    await produce(4 * BATCH);
    expect(impatient.server.bufferedAmount).toBeLessThanOrEqual(heldForClosed);
    expect(maxBuffered).toBeLessThan(HIGH_WATER + SLACK);
    expect(impatient.server.readyState).toBe(WebSocket.CLOSING);
    expect([patient.server.readyState, pruned.server.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    const final = s0 + produced;
    expect(await storedSeqOf(t.server.ctx, pat.personId)).toBe(final);
    console.info(`[${dialect}] ${produced} events to fill stalled sockets; the server held at most ${maxBuffered} bytes for one`);

    // The patient reader reads again: everything, in order, once, on the same socket.
    socketOf(patient.live).resume();
    await waitForSeq(patient.live, final, 30_000);
    expect(seqsOf(patient.live)).toEqual(range(s0 + 1, final));
    expect(titlesOf(patient.live)).toEqual(range(0, produced - 1));
    expect(patient.live.ws.readyState).toBe(WebSocket.OPEN);
    patient.live.close();

    // The impatient one finds it was closed as too slow, and catches up the rest on reconnect.
    const closed = closeOf(impatient.live);
    socketOf(impatient.live).resume();
    expect((await closed).code).toBe(CloseCodes.tooSlow);
    const seen = seqsOf(impatient.live);
    const last = seen.at(-1) ?? s0;
    expect(seen).toEqual(range(s0 + 1, last));
    expect(last).toBeLessThan(final);
    const back = await connect(pat, last);
    await waitForSeq(back, final, 30_000);
    expect(back.frames[0]).toEqual({ kind: 'ready', seq: final, connectionId: expect.any(String) });
    expect(seqsOf(back)).toEqual(range(last + 1, final));
    expect([...titlesOf(impatient.live), ...titlesOf(back)]).toEqual(range(0, produced - 1));
    back.close();

    // The last one's missed events are pruned while it is stalled: it is told to resync, then goes on.
    await pruneEvents(t.server.ctx, Date.now() + t.server.ctx.config.eventRetentionMs + 60_000);
    socketOf(pruned.live).resume();
    const resync = await pruned.live.waitFor((f) => f.kind === 'resync', 10_000);
    expect(resync).toEqual({ kind: 'resync', seq: final, reason: 'gap older than retention', connectionId: expect.any(String) });
    const before = seqsOf(pruned.live);
    expect(before).toEqual(range(s0 + 1, before.at(-1) ?? s0));
    expect(before.length).toBeLessThan(produced);
    expect((await pat.patch('/api/v1/me', { title: 'after' })).status).toBe(200);
    await waitForSeq(pruned.live, final + 1);
    const afterResync = pruned.live.frames.slice(pruned.live.frames.indexOf(resync) + 1);
    expect(afterResync.map((f) => [f.kind, f.seq, f.payload?.person?.title])).toEqual([['event', final + 1, 'after']]);
    pruned.live.close();
  }, 180_000); // generous: the machine may be shared and slow; the assertions are on order and bounds, not time

  /** An open socket of the person whose reading is paused, and the server's end of it. */
  async function stalledReader(person: Client, maxBehindMs: number) {
    t.server.gateway.limits.highWaterBytes = HIGH_WATER;
    t.server.gateway.limits.maxBehindMs = maxBehindMs;
    const known = new Set(t.server.websocketServer.clients);
    const live = await connect(person);
    const server = [...t.server.websocketServer.clients].find((c) => !known.has(c));
    if (!server) throw new Error('no server side socket');
    socketOf(live).pause();
    return { live, server, s0: live.frames[0]?.seq ?? -1 };
  }
});

const titlesOf = (live: LiveSocket) => live.events().map((f) => Number.parseInt(String(f.payload.person.title), 10));

/** The client's TCP socket under the websocket, to stop and restart reading. */
function socketOf(live: LiveSocket): Socket {
  return (live.ws as unknown as { _socket: Socket })._socket;
}
