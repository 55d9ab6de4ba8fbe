import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db, Dialect, Trx } from './db/index.js';
import { transaction, type AfterCommit } from './db/tx.js';
import type { SessionCache } from './http/session-cache.js';
import type { JobRunner } from './jobs/queue.js';
import type { BlobStore } from './lib/blobs.js';
import type { SignInLimits } from './lib/rate-limits.js';
import type { PublicUrls } from './lib/urls.js';
import type { EventBus } from './realtime/bus.js';

/** Everything a service needs, built once per process in app.ts and passed down explicitly. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  log: Logger;
  bus: EventBus;
  jobs: JobRunner;
  blobs: BlobStore;
  urls: PublicUrls;
  signInLimits: SignInLimits;
  redis: Redis | undefined;
  /** Recently used sessions; revocations drop them on every process through the bus. */
  sessionCache: SessionCache;
}

/**
 * A transaction whose after-commit work runs only once it committed; any commit may have queued
 * jobs, so the local worker is woken too.
 */
export function inTx<T>(ctx: AppContext, fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  return transaction(
    ctx.db,
    async (trx, afterCommit) => {
      afterCommit(() => ctx.jobs.wake());
      return fn(trx, afterCommit);
    },
    (err) => ctx.log.error({ err }, 'after-commit callback failed'),
  );
}
