import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command, Reply } from './chat-clients.js';

/**
 * Processes of the chat benchmark: server scripts and the client process, each started through
 * `sh -c 'ulimit -n N; exec node …'` when this shell's soft limit on open files is below what
 * 10,000 sockets need and the hard limit allows more (a process may raise its own soft limit).
 */

export interface FileLimit {
  soft: number;
  hard: number;
  /** What the children get. */
  granted: number;
}

export function fileLimit(needed: number): FileLimit {
  const read = (flag: string) => {
    const out = execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
    return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out);
  };
  const soft = read('-Sn');
  const hard = read('-Hn');
  return { soft, hard, granted: soft >= needed ? soft : Math.min(hard, needed) };
}

function launch(script: string, env: Record<string, string | undefined>, limit: FileLimit, ipc: boolean): ChildProcess {
  // CHAT_BENCH_PROFILE=<folder>: CPU profiles of the server processes, written there when they stop.
  const profile = !ipc && process.env.CHAT_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.CHAT_BENCH_PROFILE}`] : [];
  const node = [process.execPath, ...profile, '--expose-gc', '--import', 'tsx', script];
  const stdio = ipc ? (['ignore', 'pipe', 'inherit', 'ipc'] as const) : (['ignore', 'pipe', 'inherit'] as const);
  const opts = { env: { ...process.env, ...env }, stdio: [...stdio] };
  if (limit.granted > limit.soft && Number.isFinite(limit.granted)) {
    return spawn('sh', ['-c', `ulimit -n ${limit.granted} && exec "$0" "$@"`, ...node], opts);
  }
  return spawn(node[0]!, node.slice(1), opts);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export interface ServerChild {
  port: number;
  pid: number;
  info: Record<string, unknown>;
  /** Resident memory of the process now, in bytes. */
  rss(): number;
  /** Asks the process for a full garbage collection (SIGUSR2). */
  collect(): void;
  stop(): Promise<void>;
}

/** Starts a server script and waits for its ready line (JSON with `port` and `pid`) on stdout. */
export async function startServer(script: string, env: Record<string, string | undefined>, limit: FileLimit): Promise<ServerChild> {
  const child = launch(script, env, limit, false);
  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`${script} did not report ready within 60 s`)), 60_000);
    let settled = false;
    lines.on('line', (line) => {
      if (!settled && line.startsWith('{')) {
        try {
          const parsed = JSON.parse(line) as Record<string, unknown>;
          if (typeof parsed.port === 'number') {
            settled = true;
            clearTimeout(timer);
            resolve(parsed);
            return;
          }
        } catch {
          /* not the ready line */
        }
      }
      process.stderr.write(`${line}\n`);
    });
    child.once('exit', (code, signal) => {
      if (settled) return;
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) before it was ready`));
    });
  });
  const pid = Number(info.pid);
  return {
    port: info.port as number,
    pid,
    info,
    rss: () => rssOf(pid),
    collect: () => process.kill(pid, 'SIGUSR2'),
    stop: () => stop(child),
  };
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

export interface ClientsChild {
  ask<C extends Command['cmd']>(command: Extract<Command, { cmd: C }>): Promise<Extract<Reply, { cmd: C }>>;
  stop(): Promise<void>;
}

/** Forks the websocket client process; commands are answered one at a time, in order. */
export function startClients(script: string, limit: FileLimit): ClientsChild {
  const child = launch(script, {}, limit, true);
  child.stdout?.pipe(process.stderr);
  const waiting: Array<{ resolve: (r: Reply) => void; reject: (e: Error) => void }> = [];
  child.on('message', (reply: Reply) => {
    const w = waiting.shift();
    if (reply.cmd === 'error') w?.reject(new Error(`client process: ${reply.message}`));
    else w?.resolve(reply);
  });
  child.once('exit', (code, signal) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`client process exited (${signal ?? code})`));
  });
  return {
    ask: <C extends Command['cmd']>(command: Extract<Command, { cmd: C }>) =>
      new Promise<Extract<Reply, { cmd: C }>>((resolve, reject) => {
        waiting.push({ resolve: resolve as (r: Reply) => void, reject });
        child.send(command);
      }),
    stop: () => {
      child.disconnect?.();
      return stop(child);
    },
  };
}
