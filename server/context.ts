import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Db, Dialect, Trx } from './db/index.js';
import { GroupCommit } from './db/group-commit.js';
import { transaction, type AfterCommit } from './db/tx.js';
import type { SessionCache } from './http/session-cache.js';
import type { JobRunner } from './jobs/queue.js';
import type { BlobStore } from './lib/blobs.js';
import type { SignInLimits } from './lib/rate-limits.js';
import type { SecretBox } from './lib/secrets.js';
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
  /** Encrypts secrets the server must read back (lib/secrets.ts). */
  secrets: SecretBox;
  /** The webhook delivery worker (modules/webhooks/worker.ts), woken after a commit that wrote deliveries in these lanes. */
  webhooks: { wake(lanes?: Array<{ webhookId: string; orderingKey: string }>): void };
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

const groupCommits = new WeakMap<AppContext, GroupCommit>();

/**
 * Like `inTx`, for frequent small writes that may share a commit with others arriving at the same
 * moment (chat sends): on SQLite through group-commit.ts; on PostgreSQL, whose connections commit
 * side by side, it is `inTx`. The work must touch the database only through `trx`.
 */
export function inSharedTx<T>(ctx: AppContext, fn: (trx: Trx, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  if (ctx.dialect !== 'sqlite') return inTx(ctx, fn);
  let group = groupCommits.get(ctx);
  if (!group) {
    group = new GroupCommit(ctx.db, (err) => ctx.log.error({ err }, 'after-commit callback failed'));
    groupCommits.set(ctx, group);
  }
  return group.run(async (trx, afterCommit) => {
    afterCommit(() => ctx.jobs.wake());
    return fn(trx, afterCommit);
  });
}
