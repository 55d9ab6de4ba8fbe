import type { Db, Trx } from './index.js';

export type AfterCommit = (fn: () => void | Promise<void>) => void;

/**
 * Runs `fn` in a transaction and only then the callbacks it registered with `afterCommit`
 * (realtime publishes, socket closes, job wake-ups): nothing is announced that was rolled back.
 */
export async function transaction<T>(
  db: Db,
  fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>,
  onCallbackError: (err: unknown) => void = () => {},
): Promise<T> {
  const callbacks: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute((trx) => fn(trx, (cb) => callbacks.push(cb)));
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (err) {
      onCallbackError(err);
    }
  }
  return result;
}
