import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from './client.js';
import type { TestServer } from './server.js';

/**
 * A real server process (`node --import tsx server/main.ts`), as deployed: its own port, data folder
 * and configuration from the environment. Used for what only separate processes can show (the
 * Redis bus between them, graceful shutdown on SIGTERM).
 */
export interface ServerProcess {
  port: number;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
  root(): Client;
  client(slug: string): Client;
  /** The same browser session, talking to this process instead (another instance behind the balancer). */
  sameSession(client: Client, slug: string): Client;
  /** The factories only need a way to make clients; a process provides it like an in-process server. */
  asHosts(): TestServer;
  /** Everything the process wrote so far, for failure messages. */
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  dataDir: string;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts a server process and resolves once it listens and /readyz answers 200. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 30_000): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cp-proc-'));
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    // Port 0 in the base domain means "the port it listens on", so its links name itself.
    BASE_DOMAIN: 'localhost:0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    WORKERS: '1',
    ...env,
  };
  delete childEnv.NODE_OPTIONS;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`server process did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    let pending = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const entry = parseLogLine(line);
        if (typeof entry?.port === 'number' && String(entry.msg).startsWith('Commonplace is running')) {
          clearTimeout(timer);
          done(entry.port);
        }
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server process exited with ${code} before listening:\n${output}`));
    });
  });

  const proc: ServerProcess = {
    port,
    child,
    exited,
    dataDir,
    root: () => new Client(port, `localhost:${port}`),
    client: (slug) => new Client(port, `${slug}.localhost:${port}`),
    sameSession(client, slug) {
      const other = proc.client(slug);
      other.cookie = client.cookie;
      other.csrf = client.csrf;
      other.session = client.session;
      return other;
    },
    asHosts: () => ({ root: proc.root, client: proc.client }) as unknown as TestServer,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const code = await exited;
      await rm(dataDir, { recursive: true, force: true });
      return code;
    },
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await proc
      .root()
      .get('/readyz')
      .catch(() => null);
    if (res?.status === 200) return proc;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server process not ready within ${timeoutMs} ms: ${JSON.stringify(res?.body)}\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function parseLogLine(line: string): Record<string, unknown> | null {
  if (!line.startsWith('{')) return null;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return null;
  }
}
