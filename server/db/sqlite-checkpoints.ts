import { stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * Write-ahead-log checkpoints of the SQLite file, off the event loop.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses its threshold: it copies the log
 * back into the database file and flushes both to disk, which on a busy chat server was about half
 * the time of all commits, spent on the one thread that also serves every request and socket.
 * Here a worker thread with its own connection does PASSIVE checkpoints (they never block the
 * writer) once the log has grown past `startBytes`; the server's connection keeps a much higher
 * automatic threshold (`FALLBACK_PAGES`) only as a safety net should the worker fall behind or die.
 * Durability is unchanged: a commit is in the log before it is acknowledged either way.
 */

/** The server connection's own automatic checkpoint, a safety net only (about 80 MB of 4 KB pages). */
export const FALLBACK_PAGES = 20_000;
const POLL_MS = 250;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (msg) => {
  if (msg === 'stop') { db.close(); parentPort.close(); return; }
  try { db.pragma('wal_checkpoint(PASSIVE)'); parentPort.postMessage({ ok: true }); }
  catch (err) { parentPort.postMessage({ ok: false, error: String(err && err.message || err) }); }
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/**
 * Watches `<file>-wal` and asks the worker (started on first need, so that a small or idle
 * database never pays for a thread) for a checkpoint whenever the log is past `startBytes` and no
 * checkpoint is running. Errors go to `onError`; the server keeps its fallback either way.
 */
export function startCheckpointer(file: string, opts: { startBytes?: number; onError?: (err: Error) => void } = {}): Checkpointer {
  const startBytes = opts.startBytes ?? 4 * 2 ** 20;
  let worker: Worker | null = null;
  let busy = false;
  let stopped = false;
  let lastWrite = 0;

  const ask = () => {
    if (!worker) {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { file, driver: createRequire(import.meta.url).resolve('better-sqlite3') },
      });
      worker.unref();
      worker.on('message', (m: { ok: boolean; error?: string }) => {
        busy = false;
        if (!m.ok) opts.onError?.(new Error(`checkpoint failed: ${m.error}`));
      });
      worker.on('error', (err) => opts.onError?.(err));
      worker.on('exit', () => {
        worker = null;
        busy = false;
      });
    }
    busy = true;
    worker.postMessage('check');
  };

  const timer = setInterval(() => {
    if (busy || stopped) return;
    stat(`${file}-wal`).then(
      (s) => {
        // The log restarts from its beginning after a complete checkpoint but keeps its size on disk
        // (up to journal_size_limit): a large log that was not written since the last look has
        // nothing new to copy.
        if (stopped || busy || s.size < startBytes || s.mtimeMs === lastWrite) return;
        lastWrite = s.mtimeMs;
        ask();
      },
      () => undefined,
    );
  }, POLL_MS);
  timer.unref();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      const w = worker as Worker | null;
      if (!w) return;
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve());
        w.postMessage('stop');
      });
    },
  };
}
