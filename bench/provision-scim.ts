import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { startServerChild } from './lib/child.js';
import { positive } from './lib/env.js';

export const description = 'provision-scim: people created through the SCIM endpoint by concurrent clients, on SQLite and PostgreSQL';

/**
 * Provisioning as an identity provider does it, against the real server in its own process: a
 * company signs up, its owner makes a SCIM token in the admin API, then `clients` HTTP clients
 * (keep-alive connections) POST `people` Users to /scim/v2/Users, each in Entra ID's shape
 * (userName, name, work e-mail, externalId, title, enterprise employee number and department).
 * The time is from the first create to the last answer; every answer must be a 201.
 * PostgreSQL: a throw-away database on DATABASE_URL's server (default the local one).
 */
const here = dirname(fileURLToPath(import.meta.url));
const PASSWORD = 'bench password, long enough';
const CORE_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

interface Target {
  port: number;
  host: string;
}

async function http(
  t: Target,
  method: string,
  path: string,
  opts: { body?: string; headers?: Record<string, string>; dispatcher?: Agent } = {},
) {
  const res = await request(`http://127.0.0.1:${t.port}${path}`, {
    method: method as 'GET',
    headers: { host: t.host, ...opts.headers },
    body: opts.body,
    dispatcher: opts.dispatcher,
  });
  const text = await res.body.text();
  return { status: res.statusCode, text, headers: res.headers };
}

/** Signs a company up, follows the sign-in hand-off and makes a SCIM token as its owner. */
async function companyWithToken(port: number): Promise<Target & { token: string }> {
  const slug = `scim-bench-${Date.now().toString(36)}`;
  const json = { 'content-type': 'application/json' };
  const made = await http({ port, host: `localhost:${port}` }, 'POST', '/api/v1/orgs', {
    body: JSON.stringify({ companyName: 'SCIM Bench', slug, ownerName: 'Sam Scim', email: `owner@${slug}.example`, password: PASSWORD }),
    headers: json,
  });
  if (made.status !== 201) throw new Error(`sign-up failed: ${made.status} ${made.text}`);
  const target = { port, host: `${slug}.localhost:${port}` };
  const handoff = new URL((JSON.parse(made.text) as { continueUrl: string }).continueUrl);
  const hop = await http(target, 'GET', `${handoff.pathname}${handoff.search}`);
  const setCookie = hop.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const session = JSON.parse((await http(target, 'GET', '/api/v1/auth/session', { headers: { cookie } })).text) as { csrfToken: string };
  const token = await http(target, 'POST', '/api/v1/admin/scim-tokens', {
    body: JSON.stringify({ name: 'Bench IdP' }),
    headers: { ...json, cookie, 'x-csrf-token': session.csrfToken },
  });
  if (token.status !== 201) throw new Error(`token failed: ${token.status} ${token.text}`);
  return { ...target, token: (JSON.parse(token.text) as { token: string }).token };
}

const DEPARTMENTS = ['Sales', 'Stores', 'Logistics', 'Finance', 'Support', 'Engineering'];

export function scimUser(i: number): string {
  return JSON.stringify({
    schemas: [CORE_USER, ENTERPRISE],
    externalId: `00u-bench-${i}`,
    userName: `person${i}@bench.example`,
    active: true,
    emails: [{ primary: true, type: 'work', value: `person${i}@bench.example` }],
    name: { formatted: `Person ${i} Bench`, familyName: 'Bench', givenName: `Person ${i}` },
    title: `Title ${i % 40}`,
    [ENTERPRISE]: { employeeNumber: `E${i}`, department: DEPARTMENTS[i % DEPARTMENTS.length] },
  });
}

export async function runScimBench(opts: {
  dialect: 'sqlite' | 'postgres';
  people: number;
  clients: number;
}): Promise<{ seconds: number; perSecond: number }> {
  const databaseUrl = opts.dialect === 'postgres' ? process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' : '';
  const server = await startServerChild(join(here, 'servers', 'app-server.ts'), { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
  const agent = new Agent({ connections: opts.clients, pipelining: 1, keepAliveTimeout: 30_000 });
  try {
    const target = await companyWithToken(server.port);
    const headers = { authorization: `Bearer ${target.token}`, 'content-type': 'application/scim+json' };
    let next = 0;
    const started = performance.now();
    const client = async (): Promise<void> => {
      for (let i = next++; i < opts.people; i = next++) {
        const res = await http(target, 'POST', '/scim/v2/Users', { body: scimUser(i + 1), headers, dispatcher: agent });
        if (res.status !== 201) throw new Error(`create ${i + 1} failed: ${res.status} ${res.text}`);
      }
    };
    await Promise.all(Array.from({ length: opts.clients }, client));
    const seconds = (performance.now() - started) / 1000;
    const check = await http(target, 'GET', '/scim/v2/Users?count=0', { headers });
    const total = (JSON.parse(check.text) as { totalResults: number }).totalResults;
    // The owner is a User too.
    if (total !== opts.people + 1) throw new Error(`expected ${opts.people + 1} Users, found ${total}`);
    return { seconds, perSecond: opts.people / seconds };
  } finally {
    await agent.close();
    await server.stop();
  }
}

export async function run(args: string[]): Promise<void> {
  const people = positive(args[0] ?? process.env.SCIM_BENCH_PEOPLE, 50_000);
  const clients = positive(args[1] ?? process.env.SCIM_BENCH_CLIENTS, 8);
  for (const dialect of ['sqlite', 'postgres'] as const) {
    const r = await runScimBench({ dialect, people, clients });
    console.log(
      `create ${people.toLocaleString('en')} people through SCIM with ${clients} clients on ${dialect}: ${r.seconds.toFixed(1)} s, ${Math.round(r.perSecond).toLocaleString('en')} people/s (target: under 60 s)`,
    );
  }
}
