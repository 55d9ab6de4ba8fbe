import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ChatDevice,
  chaosSeed,
  historyOf,
  inParallel,
  seeded,
  sendAgent,
  sendUntilAcknowledged,
  type SendRecord,
  type Seen,
} from './support/chat-chaos.js';
import type { Client } from './support/client.js';
import { createPostgresDatabase, DIALECTS } from './support/databases.js';
import { addPerson, signUpCompany, type Company } from './support/factories.js';
import { startServerProcess, type ServerProcess } from './support/processes.js';
import { until } from './support/realtime.js';
import { startTestServer, type TestServer } from './support/server.js';

/**
 * The promise of Work Chat: a message the server acknowledged is never lost, never shown twice and
 * arrives in order on every device, across cut connections, lost answers, two server processes and
 * a server killed mid-run. Many people send at once while their sockets are cut at random points;
 * afterwards every device's messages per conversation equal the server's history exactly.
 */
const SEED = chaosSeed();
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PEOPLE = 8;
const MESSAGES_PER_PERSON = 30;
/** The flood limit is proven elsewhere; here everyone sends as fast as they can. */
const LIMITS = { CHAT_SEND_LIMIT: '10000' };
console.info(`[chat exactly-once] seed ${SEED} (CHAT_CHAOS_SEED=${SEED} replays the same choices)`);

interface Person {
  personId: string;
  /** Where this person's sends go. */
  send: () => Client;
  /** One entry per device: where that device's socket connects. */
  devices: Array<() => Client>;
}

interface Plan {
  label: string;
  people: Person[];
  /** Runs once half of the sends are acknowledged, while the others go on (e.g. kills the server). */
  midway?: () => Promise<void>;
  /** Checks on the sends once all is verified (e.g. some failed on the network while the server was down). */
  after?: (sent: SendRecord[]) => void;
}

/** Everyone signed up in one company: the owner and PEOPLE - 1 people invited. */
async function company(t: TestServer): Promise<{ company: Company; clients: Array<Client & { personId: string }> }> {
  const c = await signUpCompany(t);
  const owner = Object.assign(c.owner, { personId: c.owner.session?.person.id ?? '' });
  const others = [];
  for (let i = 1; i < PEOPLE; i++) others.push(await addPerson(t, c, { name: `Person ${i}` }));
  return { company: c, clients: [owner, ...others] };
}

/** A person with one or two devices (every other person has a second one), all through `via`. */
const onePlace = (clients: Client[]): Person[] =>
  clients.map((c, i) => ({
    personId: (c as Client & { personId: string }).personId,
    send: () => c,
    devices: i % 2 === 1 ? [() => c, () => c] : [() => c],
  }));

async function runChaos(plan: Plan): Promise<void> {
  const started = Date.now();
  const rnd = seeded(SEED ^ hash(plan.label));
  const n = plan.people.length;
  const devices = plan.people.map((p, i) =>
    p.devices.map((via, d) => new ChatDevice(`${plan.label}/p${i}.d${d}`, via, seeded(rnd() * 2 ** 31), 0.02)),
  );
  const all = devices.flat();
  const agent = sendAgent();
  try {
    await Promise.all(all.map((d) => d.open()));

    // Conversations, made after the devices connected so that they see everything from the start:
    // everyone in one group, a group of three, and one-to-one pairs (each person in at least one).
    const create = async (by: number, body: Record<string, unknown>): Promise<string> => {
      const res = await plan.people[by]!.send().post<{ id: string }>('/api/v1/conversations', body);
      if (res.status !== 201 && res.status !== 200) throw new Error(`conversation not created: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.id;
    };
    const ids = (members: number[]) => members.map((m) => plan.people[m]!.personId);
    const conversations: Array<{ id: string; members: number[] }> = [];
    const everyone = [...Array(n).keys()];
    conversations.push({ id: await create(0, { kind: 'group', name: 'Everyone', personIds: ids(everyone.slice(1)) }), members: everyone });
    conversations.push({ id: await create(1, { kind: 'group', personIds: ids([2, 3]) }), members: [1, 2, 3] });
    for (const [a, b] of [
      [0, 1],
      [2, 3],
      [4, 5],
      [6, 7],
      [1, 6],
    ] as const) {
      if (b < n) conversations.push({ id: await create(a, { kind: 'direct', personId: plan.people[b]!.personId }), members: [a, b] });
    }
    const mine = (p: number) => conversations.filter((c) => c.members.includes(p));

    // Everyone sends at once (three sends in flight per person), each send retried with its key until acknowledged.
    const records: SendRecord[][] = plan.people.map(() => []);
    const total = n * MESSAGES_PER_PERSON;
    let acknowledged = 0;
    let midway: Promise<void> | null = null;
    await Promise.all(
      plan.people.map((person, p) => {
        const prnd = seeded(rnd() * 2 ** 31);
        return inParallel(MESSAGES_PER_PERSON, 3, async (k) => {
          const options = mine(p);
          const conv = options[Math.floor(prnd() * options.length)]!;
          const record: SendRecord = {
            key: `k${SEED.toString(36)}-${hash(plan.label).toString(36)}-${p}-${k}`,
            conversationId: conv.id,
            body: `message ${k} from person ${p}`,
            attempts: 0,
            lost: 0,
            failed: 0,
            discarded: 0,
            statuses: [],
            ids: [],
            acknowledged: null,
          };
          records[p]!.push(record);
          await sendUntilAcknowledged(person.send, record, prnd, { abort: 0.08, discard: 0.12 }, agent);
          acknowledged++;
          // Cuts at random moments too, not only right after an event arrived.
          if (prnd() < 0.08) all[Math.floor(prnd() * all.length)]!.cut();
          if (plan.midway && !midway && acknowledged >= total / 2) midway = plan.midway();
        });
      }),
    );
    await midway;

    // The server's truth, read by a member of each conversation.
    const histories = new Map<string, Array<Seen & { clientKey: string | null }>>();
    for (const c of conversations) histories.set(c.id, await historyOf(plan.people[c.members[0]!]!.send(), c.id));
    const sent = records.flat();

    // Every device catches up to the end of every conversation of its person (cut ones reconnect first).
    await until(
      () => devices.every((ds, p) => ds.every((d) => mine(p).every((c) => d.lastSeqIn(c.id) >= (histories.get(c.id)?.at(-1)?.seq ?? 0)))),
      'every device to reach the end of every conversation',
      30_000,
    ).catch((err: Error) => {
      const behind = all.map((d) => `${d.label}: ${conversations.map((c) => d.lastSeqIn(c.id)).join(',')}`).join('; ');
      throw new Error(`${err.message}; ends ${conversations.map((c) => histories.get(c.id)?.at(-1)?.seq).join(',')}; devices ${behind}`);
    });
    for (const d of all) d.stop();

    // Idempotency: every answer for a key named the same message, created once.
    for (const r of sent) {
      expect(new Set(r.ids), r.key).toEqual(new Set([r.acknowledged?.id]));
      expect(r.statuses.filter((s) => s === 201).length, r.key).toBeLessThanOrEqual(1);
    }
    for (const c of conversations) {
      const history = histories.get(c.id)!;
      // The server's order: seq 1, 2, 3 … with no gap and no message twice.
      expect(
        history.map((m) => m.seq),
        c.id,
      ).toEqual(history.map((_, i) => i + 1));
      expect(new Set(history.map((m) => m.id)).size).toBe(history.length);
      // Each acknowledged send exactly once, as acknowledged; nothing else sent by people.
      const expected = sent.filter((r) => r.conversationId === c.id);
      const keyed = history.filter((m) => m.clientKey !== null);
      expect(keyed.map((m) => m.clientKey).sort()).toEqual(expected.map((r) => r.key).sort());
      const byKey = new Map(keyed.map((m) => [m.clientKey, m]));
      for (const r of expected) {
        expect(byKey.get(r.key)).toMatchObject({ id: r.acknowledged?.id, seq: r.acknowledged?.seq, body: r.body });
      }
    }
    // Every device saw exactly the history of each of its person's conversations, and nothing of others.
    devices.forEach((ds, p) => {
      for (const d of ds) {
        expect(d.problems).toEqual([]);
        expect([...d.byConversation.keys()].sort()).toEqual(
          mine(p)
            .map((c) => c.id)
            .sort(),
        );
        for (const c of mine(p)) {
          expect(d.seen(c.id), `${d.label} in ${c.id}`).toEqual(histories.get(c.id)!.map(({ id, seq, body }) => ({ id, seq, body })));
        }
      }
    });

    // The chaos happened: sockets were cut, answers lost, and retries were answered with the same message.
    const sum = (pick: (r: SendRecord) => number) => sent.reduce((s, r) => s + pick(r), 0);
    const retriedToSame = sent.filter((r) => r.statuses.includes(200)).length;
    expect(all.reduce((s, d) => s + d.cuts, 0)).toBeGreaterThan(0);
    expect(sum((r) => r.lost)).toBeGreaterThan(0);
    expect(sum((r) => r.discarded)).toBeGreaterThan(0);
    expect(retriedToSame).toBeGreaterThan(0);
    plan.after?.(sent);
    console.info(
      `[chat exactly-once] ${plan.label}: ${sent.length} messages in ${conversations.length} conversations to ${all.length} devices, ` +
        `${all.reduce((s, d) => s + d.cuts, 0)} cuts, ${all.reduce((s, d) => s + d.reconnects, 0)} reconnects, ` +
        `${sum((r) => r.attempts)} attempts (${sum((r) => r.lost)} aborted, ${sum((r) => r.failed)} failed on the network, ` +
        `${sum((r) => r.discarded)} answers dropped, ${sum((r) => r.statuses.filter((x) => x >= 500).length)} server errors retried, ` +
        `${retriedToSame} retries answered 200 with the same message) in ${Date.now() - started} ms`,
    );
  } finally {
    for (const d of all) d.stop();
    await agent.destroy();
  }
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

describe.each(DIALECTS)('chat exactly-once on one server (%s)', (dialect) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ dialect, env: LIMITS });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every device exactly the history, with sockets cut and answers lost at random', async () => {
    const { clients } = await company(t);
    await runChaos({ label: `one-${dialect}`, people: onePlace(clients) });
  }, 60_000);
});

describe('chat exactly-once across two server processes (PostgreSQL + Redis)', () => {
  const prefix = `cp-test-${Date.now().toString(36)}-${SEED.toString(36)}`;
  let drop: (() => Promise<void>) | undefined;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    const database = await createPostgresDatabase();
    drop = database.drop;
    const env = { DATABASE_URL: database.url, REDIS_URL, REDIS_PREFIX: prefix, ...LIMITS };
    // One after the other, so that the first one alone migrates the fresh database.
    one = await startServerProcess(env);
    two = await startServerProcess(env);
  }, 60_000);

  afterAll(async () => {
    for (const p of [one, two]) await p?.stop('SIGKILL');
    await drop?.();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('senders on one process, readers on the other and on both: every device ends equal to the history', async () => {
    const { company: c, clients } = await company(one.asHosts());
    const onTwo = clients.map((client) => two.sameSession(client, c.slug));
    const people: Person[] = clients.map((client, i) => ({
      personId: client.personId,
      send: () => client,
      devices: i % 2 === 1 ? [() => onTwo[i]!, () => client] : [() => onTwo[i]!],
    }));
    await runChaos({ label: 'two-processes', people });
  }, 60_000);
});

describe.each(DIALECTS)('chat exactly-once with the server killed (SIGKILL) and restarted mid-run (%s)', (dialect) => {
  let proc: ServerProcess | undefined;
  let dataDir: string;
  let drop: (() => Promise<void>) | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'cp-chat-kill-'));
    env = { DATA_DIR: dataDir, ...LIMITS };
    if (dialect === 'postgres') {
      const database = await createPostgresDatabase();
      drop = database.drop;
      env.DATABASE_URL = database.url;
    }
    proc = await startServerProcess(env);
  }, 60_000);

  afterAll(async () => {
    await proc?.stop('SIGKILL');
    await drop?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('loses nothing acknowledged: sends in flight are retried with their keys, sockets catch up after the restart', async () => {
    const first = proc!;
    const { clients } = await company(first.asHosts());
    let restarts = 0;
    const midway = async () => {
      first.child.kill('SIGKILL');
      expect(await first.stop('SIGKILL')).toBeNull();
      // Same database and the same port, as a supervisor restarting the service would: clients keep their address.
      proc = await startServerProcess({ ...env, PORT: String(first.port) });
      restarts++;
    };
    // Sends in flight at the kill, and those made while the server was down, failed on the network and were retried.
    const after = (sent: SendRecord[]) => expect(sent.reduce((s, r) => s + r.failed, 0)).toBeGreaterThan(0);
    await runChaos({ label: `killed-${dialect}`, people: onePlace(clients), midway, after });
    expect(restarts).toBe(1);
  }, 60_000);
});
