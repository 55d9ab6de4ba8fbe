import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startServerChild } from './lib/child.js';
import { positive } from './lib/env.js';

export const description = 'webhooks: posts delivered to many bots’ webhooks (deliveries/s, p99 delay) beside the receivers hit directly';

/**
 * Outgoing webhooks against the real server in its own process: a company allows 127.0.0.1 in its
 * integration settings, `integrations` bots (each with a webhook for post.created to a node:http
 * receiver of its own, in this process) are members of one group, and `events` posts are written
 * to that group through the API by 4 clients. Measured: deliveries per second (from the first post
 * to the last delivery received) and the p99 delay from an event's creation (its envelope's
 * createdAt) to its receipt. Baseline, in the same run: the same receivers hit directly by this
 * process with the same number of requests, bodies of the same size and the server's in-flight
 * limit (WEBHOOK_CONCURRENCY, 8) as concurrency. Scale with WEBHOOK_BENCH_EVENTS and
 * WEBHOOK_BENCH_INTEGRATIONS; WEBHOOK_BENCH_DIALECTS=sqlite,postgres picks the databases.
 */
const here = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'bench password, long enough';
const POSTERS = 4;

interface Receiver {
  url: string;
  count: number;
  delays: number[];
  server: Server;
}

interface Session {
  port: number;
  host: string;
  headers: Record<string, string>;
}

async function call(s: Session, method: string, path: string, body?: unknown, agent?: Agent) {
  const res = await request(`http://127.0.0.1:${s.port}${path}`, {
    method: method as 'GET',
    headers: { host: s.host, ...s.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    dispatcher: agent,
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: (text ? JSON.parse(text) : null) as any, headers: res.headers };
}

async function ownerSession(port: number): Promise<Session> {
  const slug = `hooks-${Date.now().toString(36)}`;
  const root: Session = { port, host: `localhost:${port}`, headers: {} };
  const made = await call(root, 'POST', '/api/v1/orgs', {
    companyName: 'Webhook Bench',
    slug,
    ownerName: 'Hannah Hooks',
    email: `owner@${slug}.example`,
    password: PASSWORD,
  });
  if (made.status !== 201) throw new Error(`sign-up failed: ${made.status} ${JSON.stringify(made.json)}`);
  const company: Session = { port, host: `${slug}.localhost:${port}`, headers: {} };
  const handoff = new URL(made.json.continueUrl as string);
  const hop = await call(company, 'GET', `${handoff.pathname}${handoff.search}`);
  const setCookie = hop.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const session = await call({ ...company, headers: { cookie } }, 'GET', '/api/v1/auth/session');
  return { ...company, headers: { cookie, 'x-csrf-token': session.json.csrfToken as string } };
}

async function startReceiver(): Promise<Receiver> {
  const r = { url: '', count: 0, delays: [] as number[] } as Receiver;
  r.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; createdAt: string; data: any };
      res.setHeader('content-type', 'application/json');
      if (body.type === 'url_verification') return void res.end(JSON.stringify({ challenge: body.data.challenge }));
      r.count++;
      r.delays.push(now - Date.parse(body.createdAt));
      res.end('{"ok":true}');
    });
  });
  r.server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  return r;
}

function p99(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

async function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function throughWebhooks(dialect: 'sqlite' | 'postgres', receivers: Receiver[], events: number) {
  const databaseUrl = dialect === 'postgres' ? process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' : '';
  const server = await startServerChild(join(here, 'servers', 'app-server.ts'), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  const agent = new Agent({ connections: POSTERS, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    const owner = await ownerSession(server.port);
    const settings = await call(owner, 'PUT', '/api/v1/admin/integration-settings', { allowedHosts: ['127.0.0.1'] });
    if (settings.status !== 200) throw new Error(`settings failed: ${settings.status}`);
    const group = await call(owner, 'POST', '/api/v1/groups', { name: 'Announcements', visibility: 'open' });
    for (const [i, receiver] of receivers.entries()) {
      const bot = await call(owner, 'POST', '/api/v1/admin/integrations', { name: `Bot ${i + 1}`, scopes: ['groups:read'] });
      const groups = await call(owner, 'PUT', `/api/v1/admin/integrations/${bot.json.id}/groups`, { groupIds: [group.json.id] });
      const hook = await call(owner, 'POST', `/api/v1/admin/integrations/${bot.json.id}/webhooks`, {
        url: receiver.url,
        events: ['post.created'],
      });
      if (bot.status !== 201 || groups.status !== 200 || hook.status !== 201)
        throw new Error(`setting up bot ${i + 1} failed: ${bot.status} ${groups.status} ${hook.status} ${JSON.stringify(hook.json)}`);
      receiver.count = 0;
      receiver.delays = [];
    }
    let next = 0;
    const started = performance.now();
    const poster = async () => {
      for (let i = next++; i < events; i = next++) {
        const res = await call(
          owner,
          'POST',
          '/api/v1/posts',
          { groupId: group.json.id, body: `Post ${i + 1}: the canteen opens at noon.` },
          agent,
        );
        if (res.status !== 201) throw new Error(`post ${i + 1} failed: ${res.status} ${JSON.stringify(res.json)}`);
      }
    };
    await Promise.all(Array.from({ length: POSTERS }, poster));
    const posted = (performance.now() - started) / 1000;
    const total = events * receivers.length;
    await until(() => receivers.reduce((n, r) => n + r.count, 0) >= total, `${total} deliveries`, 30 * 60_000);
    const seconds = (performance.now() - started) / 1000;
    return { posted, seconds, perSecond: total / seconds, p99: p99(receivers.flatMap((r) => r.delays)) };
  } finally {
    await agent.close();
    await server.stop();
  }
}

/** The same receivers, the same number of requests and bodies of the same size, sent directly. */
async function direct(receivers: Receiver[], requests: number, concurrency: number) {
  for (const r of receivers) {
    r.count = 0;
    r.delays = [];
  }
  const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const data = {
    post: {
      id: '01900000-0000-7000-8000-000000000000',
      groupId: '01900000-0000-7000-8000-000000000001',
      text: 'Post 1: the canteen opens at noon.',
    },
  };
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < requests; i = next++) {
      const r = receivers[i % receivers.length]!;
      const body = JSON.stringify({
        id: `${i}`,
        type: 'post.created',
        createdAt: new Date().toISOString(),
        company: { id: 'x', slug: 'x' },
        data,
      });
      const res = await request(r.url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, dispatcher: agent });
      await res.body.dump();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  const seconds = (performance.now() - started) / 1000;
  await agent.close();
  return { seconds, perSecond: requests / seconds, p99: p99(receivers.flatMap((r) => r.delays)) };
}

export async function run(args: string[]): Promise<void> {
  const events = positive(args[0] ?? process.env.WEBHOOK_BENCH_EVENTS, 10_000);
  const integrations = positive(args[1] ?? process.env.WEBHOOK_BENCH_INTEGRATIONS, 20);
  const concurrency = positive(process.env.WEBHOOK_CONCURRENCY, 8);
  const dialects = (process.env.WEBHOOK_BENCH_DIALECTS ?? 'sqlite,postgres').split(',').filter((d) => d === 'sqlite' || d === 'postgres');
  const receivers = await Promise.all(Array.from({ length: integrations }, startReceiver));
  try {
    const total = events * integrations;
    const base = await direct(receivers, total, concurrency);
    console.log(
      `baseline: ${total.toLocaleString('en')} requests straight to ${integrations} receivers, ${concurrency} at a time: ${base.seconds.toFixed(1)} s, ${Math.round(base.perSecond).toLocaleString('en')} requests/s, p99 ${base.p99} ms`,
    );
    for (const dialect of dialects as Array<'sqlite' | 'postgres'>) {
      const r = await throughWebhooks(dialect, receivers, events);
      console.log(
        `${dialect}: ${events.toLocaleString('en')} posts (written in ${r.posted.toFixed(1)} s) to ${integrations} webhooks = ${total.toLocaleString('en')} deliveries in ${r.seconds.toFixed(1)} s: ${Math.round(r.perSecond).toLocaleString('en')} deliveries/s, p99 delay ${r.p99} ms from event to receipt; ${(r.perSecond / base.perSecond).toFixed(2)}× the baseline's rate`,
      );
    }
  } finally {
    for (const r of receivers) r.server.closeAllConnections();
    await Promise.all(receivers.map((r) => new Promise((resolve) => r.server.close(resolve))));
  }
}
