import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openDatabase } from '../server/db/index.js';
import { fileLimit, startClients, startServer, type ClientsChild, type ServerChild } from './lib/chat-children.js';
import type { ConversationSpec, LoadResult, LoadSpec, SocketSpec } from './lib/chat-clients.js';
import { call, createConversations, seedPeople, sessionHeaders, signUp, type BenchPerson } from './lib/chat-setup.js';
import { positive } from './lib/env.js';

export const description = 'chat fan-out: 1,000 sockets, open-loop sends in steps, latency and deliveries/s vs. a bare ws broadcast server';

/**
 * The real server (SQLite by default; PostgreSQL + Redis and two server processes when DATABASE_URL
 * and REDIS_URL are set) and, in the same run, a bare `ws` broadcast server with the same fan-out,
 * both driven by one client process holding a socket per person. Conversations: one-to-one between
 * neighbours, groups of 50, and everyone in one; each message goes to a conversation drawn by the
 * weights below, so the deliveries per message (its audience) average about 64. Each step sends
 * open-loop at the message rate that makes its target deliveries/s. Then resident memory per idle
 * authenticated socket with CHAT_BENCH_IDLE (10,000) sockets open.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PEOPLE = positive(process.env.CHAT_BENCH_PEOPLE, 1000);
const IDLE = positive(process.env.CHAT_BENCH_IDLE, 10_000);
const SECONDS = positive(process.env.CHAT_BENCH_SECONDS, 8);
const STEPS = (process.env.CHAT_BENCH_STEPS ?? '2000,5000,10000,20000,40000,80000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const GROUPS = 10;
const GROUP_SIZE = 50;
const WEIGHTS: LoadSpec['weights'] = { direct: 0.7, group: 0.25, all: 0.05 };
const DRAIN_MS = 15_000;
const TARGET_PERCENT = 50;
const TARGET_P99_MS = 50;
const TARGET_P99_AT = 20_000;
const TARGET_IDLE_KB = 20;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A throw-away database on the server DATABASE_URL names (or that database itself if the role may not create one). */
async function throwAwayDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cp_bench_chat_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (err) {
    console.error(`could not create a throw-away database (${(err as Error).message}); using DATABASE_URL as it is`);
    return { url, drop: async () => undefined };
  } finally {
    await admin.end();
  }
  const made = new URL(url);
  made.pathname = `/${name}`;
  return {
    url: made.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

interface Step {
  target: number;
  messagesPerSecond: number;
  app: LoadResult;
  bare: LoadResult;
}

/** Resident memory per socket: RSS before and after opening `count` idle sockets, settled. */
async function idleMemory(clients: ClientsChild, server: ServerChild, group: string, sockets: SocketSpec[]) {
  const settled = async () => {
    // A full collection, then a moment, so that garbage of the set-up or of the opening burst is not counted.
    server.collect();
    await pause(1500);
    return server.rss();
  };
  const before = await settled();
  const opened = await clients.ask({ cmd: 'open', group, sockets, concurrency: 100 });
  const after = await settled();
  await clients.ask({ cmd: 'close', group });
  return {
    sockets: opened.opened,
    failed: opened.failed,
    firstError: opened.firstError,
    openMs: opened.ms,
    rssBeforeMb: before / 2 ** 20,
    rssAfterMb: after / 2 ** 20,
    perSocketKb: opened.opened ? (after - before) / opened.opened / 1024 : Number.NaN,
  };
}

export async function run(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const redisUrl = process.env.REDIS_URL || undefined;
  const processes = databaseUrl && redisUrl ? positive(process.env.CHAT_BENCH_PROCESSES, 2) : 1;
  const limit = fileLimit(IDLE + 2 * PEOPLE + 1000);
  const children: Array<{ stop(): Promise<void> }> = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'cp-chat-bench-'));
  const database = databaseUrl ? await throwAwayDatabase(databaseUrl) : null;
  const redisPrefix = `cp-chat-bench-${randomBytes(4).toString('hex')}`;
  try {
    console.log(
      `chat: ${PEOPLE} people, ${processes} server process(es) on ${databaseUrl ? 'postgres' : 'sqlite'}${redisUrl && processes > 1 ? ' + redis' : ''}, ` +
        `${cpus().length} cores; open files: soft ${limit.soft}, hard ${limit.hard}, children get ${limit.granted}`,
    );
    if (limit.granted < IDLE + PEOPLE + 100)
      console.log(`  warning: ${limit.granted} open files may not hold ${IDLE} idle sockets (hard limit)`);
    const env = {
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url,
      REDIS_URL: processes > 1 ? redisUrl : undefined,
      REDIS_PREFIX: redisPrefix,
      // The flood limit would refuse a benchmark's senders; it is proven by the tests.
      CHAT_SEND_LIMIT: '1000000',
      WORKERS: '1',
    };
    const servers: ServerChild[] = [];
    // One after the other: the first migrates the database.
    for (let i = 0; i < processes; i++) {
      const s = await startServer(join(here, 'lib', 'chat-server.ts'), env, limit);
      children.push(s);
      servers.push(s);
    }
    const app = servers[0]!;
    const bare = await startServer(join(here, 'lib', 'chat-bare-server.ts'), {}, limit);
    children.push(bare);

    // Set-up: people and sessions written directly (see chat-setup.ts), conversations through the API.
    const setupStarted = Date.now();
    const { slug, orgId } = await signUp(app.port);
    const hostOf = (s: ServerChild) => `${slug}.localhost:${s.port}`;
    const handle = openDatabase({ databaseUrl: database?.url, dataDir });
    let people: BenchPerson[];
    try {
      people = await seedPeople(handle.db, orgId, PEOPLE, Math.max(1, Math.ceil(IDLE / PEOPLE)));
    } finally {
      await handle.close();
    }
    const conversations = await createConversations(app.port, hostOf(app), people, { groups: GROUPS, groupSize: GROUP_SIZE });
    const sizes = (kind: ConversationSpec['kind']) => conversations.filter((c) => c.kind === kind);
    const mean = (list: ConversationSpec[]) => list.reduce((s, c) => s + c.members.length, 0) / Math.max(1, list.length);
    const audience = (Object.keys(WEIGHTS) as Array<ConversationSpec['kind']>).reduce((s, k) => s + WEIGHTS[k] * mean(sizes(k)), 0);
    const check = await call(
      app.port,
      hostOf(app),
      'GET',
      `/api/v1/conversations/${sizes('all')[0]!.id}/messages?limit=1`,
      undefined,
      sessionHeaders(hostOf(app), people[PEOPLE - 1]!.sessions[0]!),
    );
    if (check.status !== 200) throw new Error(`a seeded session cannot read: ${check.status} ${check.text}`);
    console.log(
      `  set-up ${((Date.now() - setupStarted) / 1000).toFixed(1)} s: ${sizes('direct').length} one-to-one, ${sizes('group').length} groups of ${GROUP_SIZE}, ` +
        `${sizes('all').length} of ${PEOPLE}; messages by weight ${JSON.stringify(WEIGHTS)}, mean audience ${audience.toFixed(1)}`,
    );

    const clients = startClients(join(here, 'lib', 'chat-clients.ts'), limit);
    children.push(clients);
    const wsUrl = (s: ServerChild) => `ws://127.0.0.1:${s.port}/api/v1/realtime`;

    // Idle memory first, on a server that has done nothing but the set-up; the bare server alike, for scale.
    const idleApp = await idleMemory(
      clients,
      app,
      'idle-app',
      Array.from({ length: IDLE }, (_, i) => {
        const person = people[i % PEOPLE]!;
        const session = person.sessions[Math.floor(i / PEOPLE) % person.sessions.length]!;
        return { url: wsUrl(app), headers: sessionHeaders(hostOf(app), session) };
      }),
    );
    const idleBare = await idleMemory(
      clients,
      bare,
      'idle-bare',
      Array.from({ length: IDLE }, (_, i) => ({ url: `ws://127.0.0.1:${bare.port}/realtime?person=${i % PEOPLE}`, headers: {} })),
    );
    const kb = (m: typeof idleApp) =>
      `${m.perSocketKb.toFixed(1)} KB/socket (RSS ${m.rssBeforeMb.toFixed(0)} -> ${m.rssAfterMb.toFixed(0)} MB, ${m.sockets} open in ${(m.openMs / 1000).toFixed(1)} s${m.failed ? `, ${m.failed} failed: ${m.firstError}` : ''})`;
    console.log(`  idle sockets: app ${kb(idleApp)}; bare ${kb(idleBare)}`);

    // The load: one socket per person (spread over the processes), on both servers.
    const appOpen = await clients.ask({
      cmd: 'open',
      group: 'load-app',
      concurrency: 100,
      sockets: people.map((p, i) => {
        const s = servers[i % servers.length]!;
        return { url: wsUrl(s), headers: sessionHeaders(hostOf(s), p.sessions[0]!) };
      }),
    });
    const bareOpen = await clients.ask({
      cmd: 'open',
      group: 'load-bare',
      concurrency: 100,
      sockets: people.map((_, i) => ({ url: `ws://127.0.0.1:${bare.port}/realtime?person=${i}`, headers: {} })),
    });
    if (appOpen.failed || bareOpen.failed)
      throw new Error(`sockets failed to open: app ${appOpen.firstError}, bare ${bareOpen.firstError}`);
    const reg = await call(
      bare.port,
      `127.0.0.1:${bare.port}`,
      'POST',
      '/conversations',
      Object.fromEntries(conversations.map((c) => [c.id, c.members])),
    );
    if (reg.status !== 204) throw new Error(`bare server set-up failed: ${reg.status}`);

    // Sends alternate between the processes, each with that process's Host header.
    const appTarget: LoadSpec['target'] = {
      kind: 'app',
      origins: servers.map((s) => `http://127.0.0.1:${s.port}`),
      hosts: servers.map(hostOf),
      people: people.map((p) => {
        const { host: _host, ...headers } = sessionHeaders(hostOf(app), p.sessions[0]!);
        return headers;
      }),
    };
    const bareTarget: LoadSpec['target'] = { kind: 'bare', origins: [`http://127.0.0.1:${bare.port}`] };
    let stepNo = 0;
    const load = async (target: LoadSpec['target'], deliveries: number, seconds: number) => {
      const spec: LoadSpec = {
        step: ++stepNo,
        rate: deliveries / audience,
        seconds,
        drainMs: DRAIN_MS,
        weights: WEIGHTS,
        conversations,
        target,
        // The same draw of conversations and senders for the app and the bare server at a given rate.
        seed: 1000 + deliveries,
      };
      return (await clients.ask({ cmd: 'load', spec })).result;
    };
    // Warm-up (JIT, caches, pools), not counted.
    await load(bareTarget, STEPS[0]!, 2);
    await load(appTarget, STEPS[0]!, 2);

    console.log('');
    console.log(`  ${SECONDS} s per step, open loop; latency = arrival - scheduled send time; deliveries = chat.message frames received`);
    console.log(
      `  missed = deliveries not received within the step + ${DRAIN_MS / 1000} s (sends never acknowledged count at the mean audience)`,
    );
    const header = `  ${'target/s'.padStart(8)} ${'msg/s'.padStart(6)} | ${'app deliv/s'.padStart(11)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'missed'.padStart(6)} | ${'bare deliv/s'.padStart(12)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} | ${'app/bare'.padStart(8)}`;
    console.log(header);
    const steps: Step[] = [];
    for (const target of STEPS) {
      const bareRun = await load(bareTarget, target, SECONDS);
      const appRun = await load(appTarget, target, SECONDS);
      steps.push({ target, messagesPerSecond: target / audience, app: appRun, bare: bareRun });
      const missing = appRun.expected - appRun.received + (appRun.scheduled - appRun.acknowledged) * audience;
      console.log(
        `  ${String(target).padStart(8)} ${(target / audience).toFixed(0).padStart(6)} | ${appRun.deliveriesPerSecond.toFixed(0).padStart(11)} ${appRun.p50Ms.toFixed(1).padStart(8)} ${appRun.p99Ms.toFixed(1).padStart(8)} ${Math.max(0, Math.round(missing)).toString().padStart(6)} | ` +
          `${bareRun.deliveriesPerSecond.toFixed(0).padStart(12)} ${bareRun.p50Ms.toFixed(1).padStart(8)} ${bareRun.p99Ms.toFixed(1).padStart(8)} | ${((appRun.deliveriesPerSecond / bareRun.deliveriesPerSecond) * 100).toFixed(0).padStart(7)}%`,
      );
      if (appRun.refused) console.log(`      app refused ${appRun.refused} sends: ${JSON.stringify(appRun.statuses)}`);
    }

    // Verdicts: peak deliveries/s of each, p99 at the 20,000/s step, idle memory.
    const peak = (pick: (s: Step) => LoadResult) => Math.max(...steps.map((s) => pick(s).deliveriesPerSecond));
    const appPeak = peak((s) => s.app);
    const barePeak = peak((s) => s.bare);
    const ratio = (appPeak / barePeak) * 100;
    const at20k = steps.find((s) => s.target === TARGET_P99_AT);
    // Below 95 % of the top step's target, the bare server reached its limit; otherwise the ratio is a floor.
    const last = steps.at(-1);
    const bareSaturated = !!last && last.bare.deliveriesPerSecond < last.target * 0.95;
    console.log('');
    console.log('  summary');
    console.log(`  ${'measure'.padEnd(38)} ${'value'.padStart(14)}   target`);
    const row = (label: string, value: string, target: string, met: boolean | null) =>
      console.log(`  ${label.padEnd(38)} ${value.padStart(14)}   ${target}${met === null ? '' : met ? '  met' : '  NOT met'}`);
    row('peak deliveries/s, app', appPeak.toFixed(0), '', null);
    row(
      'peak deliveries/s, bare ws',
      barePeak.toFixed(0),
      bareSaturated ? '(bare saturated)' : '(bare not saturated: limit is the load)',
      null,
    );
    row('app / bare', `${ratio.toFixed(0)} %`, `>= ${TARGET_PERCENT} %`, ratio >= TARGET_PERCENT);
    if (at20k)
      row(
        `p99 at ${TARGET_P99_AT} deliveries/s, app`,
        `${at20k.app.p99Ms.toFixed(1)} ms`,
        `< ${TARGET_P99_MS} ms`,
        at20k.app.p99Ms < TARGET_P99_MS,
      );
    if (at20k) row(`p99 at ${TARGET_P99_AT} deliveries/s, bare`, `${at20k.bare.p99Ms.toFixed(1)} ms`, '', null);
    row(
      `memory per idle socket, app (${idleApp.sockets})`,
      `${idleApp.perSocketKb.toFixed(1)} KB`,
      `< ${TARGET_IDLE_KB} KB`,
      idleApp.perSocketKb < TARGET_IDLE_KB,
    );
    row(`memory per idle socket, bare (${idleBare.sockets})`, `${idleBare.perSocketKb.toFixed(1)} KB`, '', null);

    const results = join(here, 'results');
    await mkdir(results, { recursive: true });
    const file = join(results, `chat-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const record = {
      benchmark: 'chat',
      at: new Date().toISOString(),
      node: process.version,
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      dialect: databaseUrl ? 'postgres' : 'sqlite',
      processes,
      people: PEOPLE,
      conversations: { direct: sizes('direct').length, groups: sizes('group').length, groupSize: GROUP_SIZE, all: PEOPLE },
      weights: WEIGHTS,
      meanAudience: audience,
      secondsPerStep: SECONDS,
      fileLimit: limit,
      idle: { app: idleApp, bare: idleBare },
      steps,
      verdict: { appPeak, barePeak, ratioPercent: ratio, p99At20k: at20k?.app.p99Ms ?? null, idleKb: idleApp.perSocketKb },
    };
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`figures written to ${file}`);
  } finally {
    for (const c of children.reverse()) await c.stop().catch(() => undefined);
    await database?.drop().catch((err: unknown) => console.error(err));
    await rm(dataDir, { recursive: true, force: true });
    if (redisUrl) {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${redisPrefix}:*`).catch(() => [] as string[]);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
  }
}
