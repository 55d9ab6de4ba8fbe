import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import WebSocket from 'ws';

/**
 * The client side of the chat benchmark, in its own process (forked with IPC) so that it does not
 * share an event loop with the server it measures. It holds the websockets (one per person for the
 * load, many more for the idle-memory measure) and sends messages open-loop: each message has a
 * scheduled time, written into its body, and is sent when its time comes whatever the server's
 * answers; receivers measure arrival minus that time (the same process's clock), so a server that
 * falls behind shows in the latency instead of slowing the senders down.
 */

export interface SocketSpec {
  url: string;
  headers: Record<string, string>;
}

export interface ConversationSpec {
  id: string;
  kind: 'direct' | 'group' | 'all';
  members: number[];
}

export interface LoadSpec {
  step: number;
  /** Messages per second. */
  rate: number;
  seconds: number;
  drainMs: number;
  /** Share of messages per conversation kind. */
  weights: Record<ConversationSpec['kind'], number>;
  conversations: ConversationSpec[];
  target: { kind: 'app'; origins: string[]; hosts: string[]; people: Array<Record<string, string>> } | { kind: 'bare'; origins: string[] };
  seed: number;
}

export interface LoadResult {
  step: number;
  scheduled: number;
  sent: number;
  acknowledged: number;
  refused: number;
  statuses: Record<string, number>;
  expected: number;
  received: number;
  windowMs: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export type Command =
  | { cmd: 'open'; group: string; sockets: SocketSpec[]; concurrency: number }
  | { cmd: 'close'; group: string }
  | { cmd: 'load'; spec: LoadSpec };

export type Reply =
  | { cmd: 'open'; group: string; opened: number; failed: number; ms: number; firstError: string | null }
  | { cmd: 'close'; group: string }
  | { cmd: 'load'; result: LoadResult }
  | { cmd: 'error'; message: string };

const MARK = Buffer.from('~b~');
const groups = new Map<string, WebSocket[]>();
/** The step being measured and its arrivals (latencies in ms). */
let current: { step: number; latencies: number[]; lastArrival: number } | null = null;
/** When any socket last received a frame: a step starts only once the previous one's backlog is delivered. */
let lastFrameAt = 0;

function onFrame(data: Buffer): void {
  lastFrameAt = performance.now();
  if (!current) return;
  const at = data.indexOf(MARK);
  if (at < 0) return;
  // Body: ~b~<step>~<scheduled ms>~
  const end = data.indexOf(0x7e, at + 3);
  const step = Number(data.toString('latin1', at + 3, end));
  if (step !== current.step) return;
  const stop = data.indexOf(0x7e, end + 1);
  const scheduled = Number(data.toString('latin1', end + 1, stop));
  const now = performance.now();
  current.latencies.push(now - scheduled);
  current.lastArrival = now;
}

async function open(group: string, sockets: SocketSpec[], concurrency: number): Promise<Reply> {
  const started = performance.now();
  const list: WebSocket[] = [];
  groups.set(group, list);
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  const one = (spec: SocketSpec) =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(spec.url, { headers: spec.headers, perMessageDeflate: false });
      const fail = (why: string) => {
        failed++;
        firstError ??= why;
        ws.terminate();
        resolve();
      };
      ws.once('unexpected-response', (_req, res) => fail(`upgrade refused: ${res.statusCode}`));
      ws.once('error', (err) => fail(err.message));
      // Connected once the server said `ready`: for the app, the session was checked and delivery started.
      ws.once('message', () => {
        list.push(ws);
        ws.on('message', onFrame);
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < sockets.length) await one(sockets[next++]!);
    }),
  );
  return { cmd: 'open', group, opened: list.length, failed, ms: Math.round(performance.now() - started), firstError };
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pools = new Map<string, Pool>();
const poolOf = (origin: string): Pool => {
  let pool = pools.get(origin);
  if (!pool) pools.set(origin, (pool = new Pool(origin, { connections: 64 })));
  return pool;
};

/** Waits until no socket has received anything for `quietMs` (at most `maxMs`). */
async function quiet(quietMs: number, maxMs: number): Promise<void> {
  const deadline = performance.now() + maxMs;
  while (performance.now() - lastFrameAt < quietMs && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

async function load(spec: LoadSpec): Promise<Reply> {
  await quiet(1000, 60_000);
  const rnd = mulberry32(spec.seed);
  const byKind = new Map<string, ConversationSpec[]>();
  for (const c of spec.conversations) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c]);
  const kinds = Object.entries(spec.weights).filter(([k, w]) => w > 0 && byKind.has(k));
  const totalWeight = kinds.reduce((s, [, w]) => s + w, 0);
  const pick = (): ConversationSpec => {
    let r = rnd() * totalWeight;
    for (const [k, w] of kinds) {
      if ((r -= w) <= 0) {
        const list = byKind.get(k)!;
        return list[Math.floor(rnd() * list.length)]!;
      }
    }
    const list = byKind.get(kinds[0]![0])!;
    return list[0]!;
  };

  const result: LoadResult = {
    step: spec.step,
    scheduled: 0,
    sent: 0,
    acknowledged: 0,
    refused: 0,
    statuses: {},
    expected: 0,
    received: 0,
    windowMs: 0,
    deliveriesPerSecond: 0,
    p50Ms: 0,
    p99Ms: 0,
    maxMs: 0,
  };
  const total = Math.round(spec.rate * spec.seconds);
  const interval = 1000 / spec.rate;
  current = { step: spec.step, latencies: [], lastArrival: 0 };
  const start = performance.now() + 20;
  let outstanding = 0;
  let index = 0;

  const sendOne = (i: number) => {
    const scheduled = start + i * interval;
    const conv = pick();
    const sender = conv.members[Math.floor(rnd() * conv.members.length)]!;
    const text = `~b~${spec.step}~${scheduled.toFixed(3)}~`;
    const at = i % spec.target.origins.length;
    const origin = spec.target.origins[at]!;
    let path: string;
    let headers: Record<string, string>;
    let body: string;
    if (spec.target.kind === 'app') {
      path = `/api/v1/conversations/${conv.id}/messages`;
      headers = { ...spec.target.people[sender]!, host: spec.target.hosts[at]!, 'content-type': 'application/json' };
      body = JSON.stringify({ clientKey: `bench-${spec.seed}-${spec.step}-${i}`, body: text });
    } else {
      path = '/send';
      headers = { 'content-type': 'application/json' };
      body = JSON.stringify({ conversationId: conv.id, body: text });
    }
    outstanding++;
    result.sent++;
    poolOf(origin)
      .request({ path, method: 'POST', headers, body })
      .then(async (res) => {
        await res.body.dump();
        result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 200 && res.statusCode < 300) {
          result.acknowledged++;
          result.expected += conv.members.length;
        } else result.refused++;
      })
      .catch((err: Error) => {
        result.statuses[err.message] = (result.statuses[err.message] ?? 0) + 1;
        result.refused++;
      })
      .finally(() => outstanding--);
  };

  // Open loop: a timer sends whatever is due, however the earlier sends are doing.
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (index < due) sendOne(index++);
      if (index >= total) {
        clearInterval(timer);
        resolve();
      }
    }, 2);
  });
  result.scheduled = total;
  const sendingEnded = start + spec.seconds * 1000;
  const deadline = performance.now() + spec.drainMs;
  while (performance.now() < deadline && (outstanding > 0 || current.latencies.length < result.expected)) {
    await new Promise((r) => setTimeout(r, 10));
  }
  // Sends still queued or in flight count as not acknowledged; they must not spill into the next step.
  await Promise.all([...pools.values()].map((p) => p.destroy()));
  pools.clear();
  const lat = current.latencies.sort((a, b) => a - b);
  const at = (q: number) => lat[Math.min(lat.length - 1, Math.floor(q * lat.length))] ?? 0;
  result.received = lat.length;
  result.windowMs = Math.max(sendingEnded, current.lastArrival) - start;
  result.deliveriesPerSecond = result.received / (result.windowMs / 1000);
  result.p50Ms = at(0.5);
  result.p99Ms = at(0.99);
  result.maxMs = lat.at(-1) ?? 0;
  current = null;
  return { cmd: 'load', result };
}

process.on('message', (msg: Command) => {
  const reply = (r: Reply) => process.send?.(r);
  const run = async (): Promise<Reply> => {
    if (msg.cmd === 'open') return open(msg.group, msg.sockets, msg.concurrency);
    if (msg.cmd === 'close') {
      for (const ws of groups.get(msg.group) ?? []) ws.terminate();
      groups.delete(msg.group);
      return { cmd: 'close', group: msg.group };
    }
    return load(msg.spec);
  };
  run().then(reply, (err: Error) => reply({ cmd: 'error', message: err.stack ?? err.message }));
});
process.on('disconnect', () => process.exit(0));
