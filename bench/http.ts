import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';
import { startServerChild, type ServerChild } from './lib/child.js';

export const description = 'authenticated GET /api/v1/me on the real server vs. the same body from bare Fastify';

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = positive(process.env.BENCH_SECONDS, 10);
const CONNECTIONS = positive(process.env.BENCH_CONNECTIONS, 50);
const WARMUP_SECONDS = Math.min(3, Math.max(1, Math.round(SECONDS / 4)));
const TARGET_PERCENT = 50;
const PASSWORD = 'bench password, long enough';

interface Figures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests2xx: number;
  non2xx: number;
  errors: number;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

async function load(url: string, headers: Record<string, string>, seconds: number): Promise<Figures> {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  return {
    requestsPerSecond: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** A short unmeasured run first, so JIT, caches and pools are warm. */
async function measure(label: string, url: string, headers: Record<string, string>): Promise<Figures> {
  await load(url, headers, WARMUP_SECONDS);
  const f = await load(url, headers, SECONDS);
  console.log(
    `  ${label.padEnd(6)} ${f.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  non-2xx ${f.non2xx}  errors ${f.errors}`,
  );
  return f;
}

function mean(runs: Figures[]): Figures {
  const avg = (pick: (f: Figures) => number) => runs.reduce((s, f) => s + pick(f), 0) / runs.length;
  const sum = (pick: (f: Figures) => number) => runs.reduce((s, f) => s + pick(f), 0);
  return {
    requestsPerSecond: avg((f) => f.requestsPerSecond),
    p50Ms: avg((f) => f.p50Ms),
    p99Ms: avg((f) => f.p99Ms),
    requests2xx: sum((f) => f.requests2xx),
    non2xx: sum((f) => f.non2xx),
    errors: sum((f) => f.errors),
  };
}

async function call(port: number, host: string, method: 'GET' | 'POST', path: string, body?: unknown, cookie?: string) {
  const headers: Record<string, string> = { host };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers.cookie = cookie;
  const res = await request(`http://127.0.0.1:${port}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text };
}

/** Signs up a company on the root host and signs its owner in on the company's host. */
async function signedInOwner(port: number): Promise<{ host: string; cookie: string; meBody: string }> {
  const slug = `bench-${Date.now().toString(36)}`;
  const email = `owner@${slug}.example`;
  const signUp = await call(port, `localhost:${port}`, 'POST', '/api/v1/orgs', {
    companyName: 'Bench Corporation',
    slug,
    ownerName: 'Bea Bench',
    email,
    password: PASSWORD,
  });
  if (signUp.status !== 201) throw new Error(`sign-up failed: ${signUp.status} ${signUp.text}`);
  const host = `${slug}.localhost:${port}`;
  const signIn = await call(port, host, 'POST', '/api/v1/auth/sign-in', { email, password: PASSWORD });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${signIn.text}`);
  const setCookie = signIn.headers['set-cookie'];
  const cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.includes('session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  const me = await call(port, host, 'GET', '/api/v1/me', undefined, cookie);
  if (me.status !== 200) throw new Error(`GET /api/v1/me failed: ${me.status} ${me.text}`);
  return { host, cookie, meBody: me.text };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: here,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

export async function run(): Promise<void> {
  const children: ServerChild[] = [];
  try {
    const app = await startServerChild(join(here, 'servers', 'app-server.ts'));
    children.push(app);
    const { host, cookie, meBody } = await signedInOwner(app.port);
    const bare = await startServerChild(join(here, 'servers', 'bare-server.ts'), { BENCH_BODY: meBody });
    children.push(bare);
    const check = await call(bare.port, `127.0.0.1:${bare.port}`, 'GET', '/api/v1/me');
    if (check.text !== meBody) throw new Error('the bare server does not answer the same body as the app');

    const dialect = String(app.info.dialect);
    console.log(
      `GET /api/v1/me, ${CONNECTIONS} connections, ${SECONDS} s per run (+${WARMUP_SECONDS} s warm-up), app on ${dialect}, ${cpus().length} cores`,
    );
    console.log(`  body ${Buffer.byteLength(meBody)} bytes; order: bare, app, bare (bare figures averaged)`);
    const appUrl = `http://127.0.0.1:${app.port}/api/v1/me`;
    const bareUrl = `http://127.0.0.1:${bare.port}/api/v1/me`;
    const bare1 = await measure('bare', bareUrl, {});
    const appRun = await measure('app', appUrl, { host, cookie });
    const bare2 = await measure('bare', bareUrl, {});
    const baseline = mean([bare1, bare2]);

    const ratio = (appRun.requestsPerSecond / baseline.requestsPerSecond) * 100;
    const clean = appRun.non2xx === 0 && appRun.errors === 0 && baseline.non2xx === 0 && baseline.errors === 0;
    console.log('');
    console.log(
      `app:  ${appRun.requestsPerSecond.toFixed(0)} req/s, p50 ${appRun.p50Ms} ms, p99 ${appRun.p99Ms} ms, non-2xx ${appRun.non2xx}`,
    );
    console.log(
      `bare: ${baseline.requestsPerSecond.toFixed(0)} req/s, p50 ${baseline.p50Ms} ms, p99 ${baseline.p99Ms} ms, non-2xx ${baseline.non2xx} (mean of 2 runs)`,
    );
    console.log(`app/bare: ${ratio.toFixed(1)} %`);
    console.log(`target: >= ${TARGET_PERCENT} %  ${ratio >= TARGET_PERCENT ? 'met' : 'NOT met'}`);
    if (!clean) console.log('FAILED: some responses were not 2xx or connections failed');

    const results = join(here, 'results');
    await mkdir(results, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = join(results, `http-${stamp}.json`);
    const record = {
      benchmark: 'http',
      at: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      dialect,
      endpoint: 'GET /api/v1/me',
      connections: CONNECTIONS,
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      app: appRun,
      bare: baseline,
      bareRuns: [bare1, bare2],
      ratioPercent: Number(ratio.toFixed(1)),
      targetPercent: TARGET_PERCENT,
      targetMet: ratio >= TARGET_PERCENT,
      clean,
    };
    await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
    console.log(`figures written to ${file}`);
    if (!clean) process.exitCode = 1;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}
