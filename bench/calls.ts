import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Browser, Page } from 'playwright-core';
import { startCoturn } from '../test/support/coturn.js';
import { addPerson, signUpCompany } from '../test/support/factories.js';
import { startServerProcess, type ServerProcess } from '../test/support/processes.js';
import { callStats, firstFrameFrom, launchFakeMediaChromium, loopbackFirstFrame, openSignedIn, percentile } from './lib/call-pages.js';

export const description =
  'calls: 20 one-to-one calls in a row between two Chromium browsers (ringing, answered, first frame; direct and through TURN), and the media server’s CPU in a 6-person call';

/**
 * Calls between real headless Chromium browsers (fake camera and microphone) through the web app,
 * against the server in its own process with a coturn and the embedded Janus:
 *
 * 1. One-to-one: CALLS_BENCH_CALLS (20) calls in a row between two browsers, callers taking turns,
 *    each timed from the click on "Start a video call" to the callee's incoming-call screen
 *    (ringing), to the caller learning it was answered (the callee clicks Accept as soon as it
 *    rings), and to the caller's first decoded video frame from the callee. Once with direct paths,
 *    once with CALLS_RELAY_ONLY (every packet through coturn). Baseline, in the same run: the same
 *    browser's two RTCPeerConnections in one page (no server, no network), getUserMedia to first frame.
 * 2. Group: CALLS_BENCH_GROUP (6) people in one video call through Janus, one page each (split
 *    over two browsers); once everyone decodes everyone else, Janus's CPU time over
 *    CALLS_BENCH_SECONDS (15) s is read from /proc. Baseline: the same with 2 people.
 */
const CALLS = Number(process.env.CALLS_BENCH_CALLS ?? 20);
const GROUP = Number(process.env.CALLS_BENCH_GROUP ?? 6);
const SECONDS = Number(process.env.CALLS_BENCH_SECONDS ?? 15);

interface Timing {
  ring: number;
  answered: number;
  frame: number;
}

export async function run(): Promise<void> {
  if (!existsSync('web/dist/index.html')) {
    console.error('building the web app (web/dist is missing)…');
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the web app did not build');
  }
  const coturn = await startCoturn();
  const browsers = await Promise.all([launchFakeMediaChromium(), launchFakeMediaChromium()]);
  try {
    const results: Record<string, Timing[]> = {};
    let baseline: number[] = [];
    for (const relay of [false, true]) {
      const server = await startServerProcess({
        TURN_URLS: coturn.url,
        TURN_SECRET: coturn.secret,
        CALLS_RELAY_ONLY: String(relay),
      });
      try {
        const r = await oneToOne(server, browsers as [Browser, Browser], relay);
        results[relay ? 'through TURN' : 'direct'] = r.timings;
        if (!relay) baseline = r.baseline;
      } finally {
        await server.stop();
      }
    }
    const b50 = percentile(baseline, 50);
    console.log(`\ncalls: ${CALLS} one-to-one video calls in a row (ms, from the click on "call")`);
    console.log(
      `baseline (one page, two RTCPeerConnections, getUserMedia to first frame): p50 ${b50.toFixed(0)} / p95 ${percentile(baseline, 95).toFixed(0)}`,
    );
    console.log('| path | ringing p50 / p95 | answered p50 / p95 | first frame p50 / p95 | first frame ÷ baseline p50 |');
    console.log('|---|---|---|---|---|');
    for (const [path, list] of Object.entries(results)) {
      const cell = (k: keyof Timing) =>
        `${percentile(
          list.map((x) => x[k]),
          50,
        ).toFixed(0)} / ${percentile(
          list.map((x) => x[k]),
          95,
        ).toFixed(0)}`;
      console.log(
        `| ${path} | ${cell('ring')} | ${cell('answered')} | ${cell('frame')} | ${(
          percentile(
            list.map((x) => x.frame),
            50,
          ) / b50
        ).toFixed(1)}× |`,
      );
    }

    const server = await startServerProcess({});
    try {
      const two = await groupCpu(server, browsers as [Browser, Browser], 2);
      const six = await groupCpu(server, browsers as [Browser, Browser], GROUP);
      console.log(`\nmedia server (Janus) over ${SECONDS} s: CPU in % of one core, and what it forwarded to the browsers`);
      console.log('| people | Janus CPU | forwarded | CPU ÷ 2-person baseline |');
      console.log('|---|---|---|---|');
      console.log(`| 2 (baseline) | ${two.cpu.toFixed(1)}% | ${two.mbits.toFixed(1)} Mbit/s | 1 |`);
      console.log(`| ${GROUP} | ${six.cpu.toFixed(1)}% | ${six.mbits.toFixed(1)} Mbit/s | ${(six.cpu / two.cpu).toFixed(1)}× |`);
    } finally {
      await server.stop();
    }
  } finally {
    for (const b of browsers) await b.close();
    await coturn.stop();
  }
}

async function oneToOne(
  server: ServerProcess,
  [one, two]: [Browser, Browser],
  relay: boolean,
): Promise<{ timings: Timing[]; baseline: number[] }> {
  const hosts = server.asHosts();
  const company = await signUpCompany(hosts, { name: 'Call Bench' });
  const bob = await addPerson(hosts, company, { name: 'Bob Bench' });
  const ownerId = (await company.owner.get('/api/v1/auth/session')).body.person.id as string;
  const conv = (await company.owner.post('/api/v1/conversations', { kind: 'direct', personId: bob.personId })).body.id as string;
  const host = `${company.slug}.localhost:${server.port}`;
  const url = `http://${host}/chat/${conv}`;
  const a = await openSignedIn(one, company.owner.cookie ?? '', host, url);
  const b = await openSignedIn(two, bob.cookie ?? '', host, url);
  const baseline: number[] = [];
  if (!relay) for (let i = 0; i < CALLS; i++) baseline.push(await loopbackFirstFrame(a));
  const timings: Timing[] = [];
  for (let i = 0; i < CALLS; i++) {
    // Callers take turns, which keeps each person within the limit of call starts per minute.
    const [caller, callee, calleeId] = i % 2 === 0 ? [a, b, bob.personId] : [b, a, ownerId];
    const t0 = performance.now();
    await caller.getByRole('button', { name: 'Start a video call' }).click();
    const incoming = callee.getByTestId('incoming-call');
    await incoming.waitFor();
    const ring = performance.now() - t0;
    const answering = caller.waitForFunction(
      async () => {
        const s = await (
          window as unknown as { __commonplaceCall?: { stats(): Promise<{ phase: string } | null> } }
        ).__commonplaceCall?.stats();
        return s && s.phase !== 'ringing' && s.phase !== 'preparing';
      },
      undefined,
      { polling: 5, timeout: 30_000 },
    );
    await incoming.getByRole('button', { name: 'Accept with video' }).click();
    await answering;
    const answered = performance.now() - t0;
    const frame = (await firstFrameFrom(caller, calleeId)) - t0;
    timings.push({ ring, answered, frame });
    if (relay) await expectRelay(caller);
    await caller.getByRole('button', { name: 'Leave the call' }).click();
    for (const page of [caller, callee]) {
      await page.getByTestId('call-ended').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      await page.getByTestId('call-ended').waitFor({ state: 'detached' });
    }
    console.error(
      `call ${i + 1}${relay ? ' (TURN)' : ''}: ringing ${ring.toFixed(0)} ms, answered ${answered.toFixed(0)} ms, first frame ${frame.toFixed(0)} ms`,
    );
  }
  await a.context().close();
  await b.context().close();
  return { timings, baseline };
}

/** The call's connection goes through the relay on this side (else the TURN figures would not be TURN). */
async function expectRelay(page: Page): Promise<void> {
  let type: string | null | undefined;
  // The selected pair is reported a moment after the first frame.
  for (let i = 0; i < 100 && !type; i++) {
    const s = (await callStats(page)) as unknown as { peers: Record<string, { localCandidateType: string | null }> } | null;
    type = s?.peers.p2p?.localCandidateType;
    if (!type) await new Promise((r) => setTimeout(r, 50));
  }
  if (type !== 'relay') throw new Error(`expected a relayed connection, got ${String(type)}`);
}

/** People in one group video call, one page each; Janus's CPU (% of one core) once all receive all. */
async function groupCpu(server: ServerProcess, browsers: [Browser, Browser], people: number): Promise<{ cpu: number; mbits: number }> {
  const hosts = server.asHosts();
  const company = await signUpCompany(hosts, { name: `Group Bench ${people}` });
  const others = [];
  for (let i = 1; i < people; i++) others.push(await addPerson(hosts, company, { name: `Person ${i}` }));
  const ownerId = (await company.owner.get('/api/v1/auth/session')).body.person.id as string;
  const conv = (
    await company.owner.post('/api/v1/conversations', { kind: 'group', name: 'Bench', personIds: others.map((o) => o.personId) })
  ).body.id as string;
  const host = `${company.slug}.localhost:${server.port}`;
  const url = `http://${host}/chat/${conv}`;
  const everyone = [{ client: company.owner, personId: ownerId }, ...others.map((o) => ({ client: o, personId: o.personId }))];
  const pages: Page[] = [];
  for (const [i, p] of everyone.entries()) pages.push(await openSignedIn(browsers[i % 2]!, p.client.cookie ?? '', host, url));
  await pages[0]!.getByRole('button', { name: 'Start a video call' }).click();
  for (const page of pages.slice(1)) {
    const incoming = page.getByTestId('incoming-call');
    await incoming.waitFor();
    await incoming.getByRole('button', { name: 'Accept with video' }).click();
  }
  for (const [i, page] of pages.entries()) {
    for (const [j, other] of everyone.entries()) if (i !== j) await firstFrameFrom(page, other.personId, 90_000);
  }
  const pid = janusPid(server);
  const bytesBefore = await receivedBytes(pages);
  const before = cpuTicks(pid);
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = ((cpuTicks(pid) - before) / 100 / seconds) * 100;
  const mbits = (((await receivedBytes(pages)) - bytesBefore) * 8) / seconds / 1e6;
  for (const page of pages) await page.context().close();
  return { cpu, mbits };
}

/** Bytes of audio and video all pages received so far (what the media server forwarded to them). */
async function receivedBytes(pages: Page[]): Promise<number> {
  let total = 0;
  for (const page of pages) {
    const s = (await callStats(page)) as unknown as {
      inbound: Record<string, Record<string, { audioBytes: number; videoBytes: number }>>;
    } | null;
    for (const feeds of Object.values(s?.inbound ?? {})) for (const f of Object.values(feeds)) total += f.audioBytes + f.videoBytes;
  }
  return total;
}

/** The embedded Janus: the child of the server process whose command is janus. */
function janusPid(server: ServerProcess): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === server.child.pid && stat.includes('(janus)')) return Number(entry);
    } catch {
      /* gone meanwhile */
    }
  }
  const tree = spawnSync('ps', ['-o', 'pid,ppid,comm', '--ppid', String(server.child.pid)], { encoding: 'utf8' }).stdout;
  const said = server
    .output()
    .split('\n')
    .filter((l) => /janus|media server/i.test(l))
    .slice(-10)
    .join('\n');
  throw new Error(
    `the embedded media server is not running; children of the server (${server.child.pid}):\n${tree}\nwhat the server said of it:\n${said}`,
  );
}

/** utime + stime of a process, in clock ticks (1/100 s). */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}
