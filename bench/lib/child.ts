import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ServerChild {
  port: number;
  /** Whatever else the child reported on its ready line. */
  info: Record<string, unknown>;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript server script in its own Node process (so it has its own event loop and
 * core) and waits for its ready line on stdout: a JSON object with `port`. Later output goes to
 * this process's stderr so it cannot be mistaken for figures.
 */
export async function startServerChild(
  script: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 60_000,
): Promise<ServerChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report ready within ${timeoutMs} ms`));
    }, timeoutMs);
    let settled = false;
    lines.on('line', (line) => {
      if (settled) {
        process.stderr.write(`${line}\n`);
        return;
      }
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
      process.stderr.write(`${line}\n`);
    });
    child.once('exit', (code, signal) => {
      if (settled) return;
      clearTimeout(timer);
      reject(new Error(`${script} exited (${signal ?? code}) before it was ready`));
    });
  });
  return { port: ready.port as number, info: ready, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL if the child has not gone within 10 s. */
function stopChild(child: ChildProcess): Promise<void> {
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
