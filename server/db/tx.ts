import type { Db, Trx } from './index.js';

export type AfterCommit = (fn: () => void | Promise<void>) => void;

/** Work registered by code deep in a transaction to run last inside it, just before it commits. */
const lastSteps = new WeakMap<Trx, Array<() => Promise<void>>>();

/**
 * Runs `fn` as the last step inside `trx` (after the transaction's own work, before commit), and
 * says whether it could: false for a transaction not made by `transaction()` below, where the
 * caller must do the work at once. Realtime numbering uses it to take people's row locks as late
 * and as briefly as possible, in one sorted pass.
 */
export function beforeCommit(trx: Trx, fn: () => Promise<void>): boolean {
  const steps = lastSteps.get(trx);
  if (!steps) return false;
  steps.push(fn);
  return true;
}

/**
 * Lets `trx` take `beforeCommit` steps into `steps`, for code that makes transactions other than
 * through `transaction()` (group-commit.ts) and runs the steps itself.
 */
export function collectLastSteps(trx: Trx, steps: Array<() => Promise<void>>): void {
  lastSteps.set(trx, steps);
}

/**
 * Runs `fn` in a transaction, then the steps registered with `beforeCommit`, and only after the
 * commit the callbacks it registered with `afterCommit`
 * (realtime publishes, socket closes, job wake-ups): nothing is announced that was rolled back.
 */
export async function transaction<T>(
  db: Db,
  fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>,
  onCallbackError: (err: unknown) => void = () => {},
): Promise<T> {
  const callbacks: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute(async (trx) => {
    const steps: Array<() => Promise<void>> = [];
    lastSteps.set(trx, steps);
    const value = await fn(trx, (cb) => callbacks.push(cb));
    // A step may register another (it is read by index, so those run too).
    for (let i = 0; i < steps.length; i++) await steps[i]?.();
    return value;
  });
  for (const cb of callbacks) {
    try {
      await cb();
    } catch (err) {
      onCallbackError(err);
    }
  }
  return result;
}
