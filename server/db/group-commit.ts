import { sql } from 'kysely';
import type { Db, Trx } from './index.js';
import { collectLastSteps, type AfterCommit } from './tx.js';

type Work<T> = (trx: Trx, afterCommit: AfterCommit) => Promise<T>;

interface Waiting {
  fn: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** At most this many units of work share one commit, so that readers waiting for the connection are not held long. */
const MAX_BATCH = 16;

/**
 * Group commit for SQLite: units of work that arrive while a transaction is running are run
 * together in the next one, each in a savepoint of its own, and committed once.
 *
 * SQLite has one writer, and the server one connection: concurrent writes wait in line anyway, and
 * each then pays a commit (its pages written to the log). A chat send to a large conversation
 * touches the same pages as the one before it (the sequence numbers and event rows of the same
 * people), so sharing a commit writes them once. For each unit it is as if it ran alone:
 * - a unit that throws is rolled back to its savepoint and rejected; the others go on;
 * - its `beforeCommit` steps run at its own end, inside its savepoint;
 * - its `afterCommit` callbacks run, and its promise resolves, only after the shared commit;
 * - if the commit itself fails, every unit of the batch is rejected (nothing of it was stored).
 * Each unit gets its own handle on the transaction (a different object, the same connection), so
 * what code keys by transaction (pending realtime publishes) stays per unit.
 */
export class GroupCommit {
  private readonly queue: Waiting[] = [];
  private running = false;

  constructor(
    private readonly db: Db,
    private readonly onCallbackError: (err: unknown) => void = () => {},
  ) {}

  run<T>(fn: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      if (this.running) return;
      this.running = true;
      // better-sqlite3 answers at once, so a whole transaction runs without letting another request
      // in: the batch starts after the requests already read from the network got this far.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.runBatch();
    } finally {
      this.running = false;
    }
  }

  private async runBatch(): Promise<void> {
    let trx: Awaited<ReturnType<ReturnType<Db['startTransaction']>['execute']>>;
    try {
      trx = await this.db.startTransaction().execute();
    } catch (err) {
      for (const w of this.queue.splice(0, MAX_BATCH)) w.reject(err);
      return;
    }
    // Taken only now that the connection is ours: what arrived while waiting for it joins in
    // (requests reach this queue only after their own reads, which wait for the same connection).
    const batch = this.queue.splice(0, MAX_BATCH);
    const done: Array<{ w: Waiting; value: unknown; callbacks: Array<() => void | Promise<void>> }> = [];
    let next = 0;
    try {
      for (; next < batch.length; next++) {
        const w = batch[next]!;
        const callbacks: Array<() => void | Promise<void>> = [];
        const steps: Array<() => Promise<void>> = [];
        const unit = handleOn(trx);
        collectLastSteps(unit, steps);
        await sql`savepoint unit`.execute(trx);
        try {
          const value = await w.fn(unit, (cb) => callbacks.push(cb));
          for (let i = 0; i < steps.length; i++) await steps[i]?.();
          await sql`release unit`.execute(trx);
          done.push({ w, value, callbacks });
        } catch (err) {
          await sql`rollback to unit`.execute(trx);
          await sql`release unit`.execute(trx);
          w.reject(err);
        }
      }
      await trx.commit().execute();
    } catch (err) {
      // The commit (or a savepoint command) failed: none of the batch is stored, and what had not
      // run yet is refused with the same error rather than left waiting.
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      for (const d of done) d.w.reject(err);
      for (const w of batch.slice(next)) w.reject(err);
      return;
    }
    for (const d of done) {
      for (const cb of d.callbacks) {
        try {
          await cb();
        } catch (err) {
          this.onCallbackError(err);
        }
      }
      d.w.resolve(d.value);
    }
  }
}

/** The same transaction under another identity: methods run on the real one (Kysely keeps private state). */
function handleOn(trx: Trx): Trx {
  return new Proxy(trx, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
