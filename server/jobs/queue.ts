import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { Db, Dialect, Executor, Trx } from '../db/index.js';
import type { JobsTable } from '../db/schema.js';
import { newId } from '../lib/ids.js';

export type JobHandler = (payload: unknown, job: { id: string; orgId: string | null; attempts: number }) => Promise<void>;

export interface EnqueueOptions {
  orgId?: string | null;
  runAt?: number;
  maxAttempts?: number;
}

/** Writes a job in the caller's transaction (outbox): it exists exactly when the change commits. */
export async function enqueueJob(trx: Trx | Executor, kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<string> {
  const now = Date.now();
  const id = newId();
  await trx
    .insertInto('jobs')
    .values({
      id,
      org_id: opts.orgId ?? null,
      kind,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      max_attempts: opts.maxAttempts ?? 8,
      run_at: opts.runAt ?? now,
      locked_until: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

const LEASE_MS = 60_000;
const POLL_MS = 1_000;
/** Exponential back-off from `baseMs`: 2, 4, 8 … times the base after each failure, capped at 10 minutes. */
export const retryDelayMs = (attempts: number, baseMs = 1000): number => Math.min(600_000, baseMs * 2 ** attempts);

/**
 * Claims due jobs and runs them. A crashed worker's lease expires and another process takes the
 * job again; a job that keeps failing ends as 'failed' with its last error, never silently dropped.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  private stopped = true;
  private wakePending = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
    private readonly log: Logger,
    private readonly concurrency: number,
    private readonly retryBaseMs = 1000,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  start(): void {
    if (this.concurrency === 0) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Called after a commit that enqueued work, so it starts without waiting for the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running >= this.concurrency) {
      this.wakePending = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  async pendingCount(): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['pending', 'running'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = null;
    while (!this.stopped && this.running < this.concurrency) {
      let job: JobsTable | undefined;
      try {
        job = await this.claim();
      } catch (err) {
        this.log.warn({ err }, 'job claim failed');
      }
      if (!job) break;
      this.running++;
      void this.execute(job).finally(() => {
        this.running--;
        if (this.running === 0) for (const r of this.idle.splice(0)) r();
        // A finished job frees a slot: look for the next one now rather than at the next poll.
        this.wakePending = false;
        this.schedule(0);
      });
    }
    if (!this.timer) this.schedule(POLL_MS);
  }

  private async claim(): Promise<JobsTable | undefined> {
    const now = Date.now();
    const due = this.db
      .selectFrom('jobs')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('run_at')
      .limit(1)
      .$if(this.dialect === 'postgres', (q) => q.forUpdate().skipLocked());
    return this.db
      .updateTable('jobs')
      .set({ status: 'running', locked_until: now + LEASE_MS, attempts: sql`attempts + 1`, updated_at: now })
      .where('id', '=', (eb) => eb.selectFrom(due.as('due')).select('due.id'))
      .returningAll()
      .executeTakeFirst();
  }

  private async execute(job: JobsTable): Promise<void> {
    const handler = this.handlers.get(job.kind);
    const now = () => Date.now();
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(JSON.parse(job.payload), { id: job.id, orgId: job.org_id, attempts: job.attempts });
      await this.db
        .updateTable('jobs')
        .set({ status: 'done', locked_until: null, last_error: null, updated_at: now() })
        .where('id', '=', job.id)
        .execute();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const final = job.attempts >= job.max_attempts;
      this.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, final, err: message }, 'job failed');
      await this.db
        .updateTable('jobs')
        .set({
          status: final ? 'failed' : 'pending',
          run_at: now() + retryDelayMs(job.attempts, this.retryBaseMs),
          locked_until: null,
          last_error: message.slice(0, 2000),
          updated_at: now(),
        })
        .where('id', '=', job.id)
        .execute()
        .catch((e: unknown) => this.log.error({ err: e }, 'could not record job failure'));
      // A retry due before the next poll should not wait for it.
      const delay = retryDelayMs(job.attempts, this.retryBaseMs);
      if (!final && delay < POLL_MS) setTimeout(() => this.wake(), delay).unref();
    }
  }
}
