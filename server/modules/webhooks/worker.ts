import type { AppContext } from '../../context.js';
import { readAllowedHosts } from '../integrations/admin-extras.js';
import { recordFailedDelivery, resetFailures } from './failures.js';
import {
  claimRun,
  dueLanes,
  loadLane,
  markAttemptFailed,
  markDelivered,
  markSkipped,
  pruneDeliveries,
  releaseRun,
  type AttemptRecord,
  type LaneRow,
} from './lanes.js';
import { sendSigned } from './send.js';

/**
 * Sends webhook deliveries (lanes.ts explains the queue). Each process serves at most
 * WEBHOOK_CONCURRENCY lanes at once, and one webhook at most a quarter of them, so a receiver that
 * hangs holds only its own lanes. A lane is served for a short slice, then handed back, so lanes
 * waiting longest come next. Woken after a commit that wrote deliveries, when a retry falls due,
 * and by a poll every second (deliveries written by other processes, expired leases).
 *
 * Everything is asked again at most FRESH_MS before each attempt (read with the deliveries, in the
 * same query): the webhook still on and still asking for the type, the integration on, the bot
 * active and still able to hear of the scope (policies/webhooks.ts); otherwise the delivery is
 * skipped with the reason. A 2xx is delivered; anything else is a failed attempt, retried with
 * back-off until WEBHOOK_MAX_ATTEMPTS, then failed (failures.ts counts those in a row).
 */

const POLL_MS = 1_000;
const SLICE_MS = 1_000;
/** Deliveries of a lane read and claimed together. */
const RUN_SIZE = 25;
/** How old the checks of a run may be when one of its deliveries is sent. */
const FRESH_MS = 250;
const PRUNE_EVERY_MS = 10 * 60_000;
const RETENTION_MS = 30 * 86_400_000;
export const MAX_RETRY_DELAY_MS = 3_600_000;

/** 15, 30, 60 … times the job retry base after each failed attempt, at most an hour. */
export const webhookRetryDelayMs = (attempts: number, baseMs: number): number =>
  Math.min(MAX_RETRY_DELAY_MS, baseMs * 15 * 2 ** Math.max(0, attempts - 1));

const SCOPE_WORDS: Record<string, string> = { group: 'group', conversation: 'conversation', post: 'post' };

/** Why a delivery is not to be sent now (the webhook, integration or bot is off, or the bot may not hear of it). */
function whySkip(row: LaneRow): string | null {
  if (row.webhook_status !== 'active') return 'the webhook is turned off';
  if (!(JSON.parse(row.events) as string[]).includes(row.event_type)) return `the webhook no longer asks for ${row.event_type}`;
  if (row.disabled_at !== null) return 'the integration is turned off';
  if (row.bot_status !== 'active') return 'the bot is deactivated';
  if (!row.hears) return `the bot can no longer see this ${SCOPE_WORDS[row.scope_kind ?? ''] ?? 'place'}`;
  return null;
}

export class WebhookDispatcher {
  /** Lanes being served here: lane key → webhook id. */
  private readonly lanes = new Map<string, string>();
  private readonly running = new Set<Promise<void>>();
  private readonly secrets = new Map<string, string>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryAt = Infinity;
  private stopped = true;
  private scanning = false;
  private rescan = false;
  private lastPrune = 0;

  constructor(private readonly ctx: AppContext) {}

  private get concurrency(): number {
    return this.ctx.config.webhookConcurrency;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** After a commit that wrote deliveries. */
  wake(): void {
    if (this.stopped) return;
    if (this.scanning) this.rescan = true;
    else if (this.lanes.size < this.concurrency) this.schedule(0);
  }

  /** Stops taking lanes and cuts requests in flight short (their leases run out; they are tried again). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.abort.abort();
    await Promise.allSettled([...this.running]);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.scan(), ms);
  }

  /** A retry due before the next poll should not wait for it. */
  private wakeAt(at: number): void {
    const ms = at - Date.now();
    if (this.stopped || ms >= POLL_MS || at >= this.retryAt) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryAt = at;
    this.retryTimer = setTimeout(
      () => {
        this.retryAt = Infinity;
        this.wake();
      },
      Math.max(0, ms),
    );
    this.retryTimer.unref();
  }

  private async scan(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = true;
    try {
      do {
        this.rescan = false;
        const free = this.concurrency - this.lanes.size;
        if (free <= 0) break;
        const perWebhook = Math.max(1, Math.ceil(this.concurrency / 4));
        const due = await dueLanes(this.ctx.db, Date.now(), this.lanes.size + free * 4);
        for (const lane of due) {
          if (this.lanes.size >= this.concurrency) break;
          const key = `${lane.webhook_id}\n${lane.ordering_key}`;
          if (this.lanes.has(key)) continue;
          let mine = 0;
          for (const w of this.lanes.values()) if (w === lane.webhook_id) mine++;
          if (mine >= perWebhook) continue;
          this.serve(key, lane.webhook_id, lane.ordering_key);
        }
      } while (this.rescan && !this.stopped);
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await pruneDeliveries(this.ctx.db, Date.now() - RETENTION_MS);
      }
    } catch (err) {
      this.ctx.log.warn({ err }, 'webhook scan failed');
    } finally {
      this.scanning = false;
    }
    if (!this.timer) this.schedule(POLL_MS);
  }

  private serve(key: string, webhookId: string, orderingKey: string): void {
    this.lanes.set(key, webhookId);
    const run = this.drain(webhookId, orderingKey)
      .catch((err: unknown) => this.ctx.log.warn({ err, webhookId }, 'webhook lane failed'))
      .finally(() => {
        this.lanes.delete(key);
        this.running.delete(run);
        // A lane is free: look for the next one now.
        this.schedule(0);
      });
    this.running.add(run);
  }

  /**
   * Serves one lane for a slice: runs of its deliveries in order, until it is empty, its head waits
   * for a retry, or the slice ends. A run is read with everything the checks need, claimed, and
   * sent one after the other while those checks are fresh (FRESH_MS); what is left is given back.
   */
  private async drain(webhookId: string, orderingKey: string): Promise<void> {
    const started = Date.now();
    let allowedHosts: string[] | null = null;
    while (Date.now() - started < SLICE_MS && !this.stopped) {
      const rows = await loadLane(this.ctx.db, webhookId, orderingKey, RUN_SIZE);
      const checkedAt = Date.now();
      const head = rows[0];
      if (!head) return;
      if (head.next_attempt_at > checkedAt) return this.wakeAt(head.next_attempt_at);
      const due = rows.findIndex((r) => r.next_attempt_at > checkedAt);
      const run = due < 0 ? rows : rows.slice(0, due);
      const leaseUntil = checkedAt + FRESH_MS + this.ctx.config.webhookTimeoutMs * 2 + 30_000;
      if (
        !(await claimRun(
          this.ctx.db,
          run.map((r) => r.id),
          checkedAt,
          leaseUntil,
        ))
      )
        return;
      allowedHosts ??= await readAllowedHosts(this.ctx.db, head.org_id);
      const retryAt = await this.attemptRun(run, allowedHosts, checkedAt);
      if (retryAt !== null) return this.wakeAt(retryAt);
    }
  }

  /** Attempts a claimed run in order; a failed attempt ends it. Returns when the lane is due again (null: now). */
  private async attemptRun(run: LaneRow[], allowedHosts: string[], checkedAt: number): Promise<number | null> {
    const writes: Array<Promise<void>> = [];
    let next = 0;
    let retryAt: number | null = null;
    let failuresReset = false;
    try {
      while (next < run.length && !this.stopped && Date.now() - checkedAt <= FRESH_MS) {
        const row = run[next++]!;
        const skip = whySkip(row);
        if (skip) {
          writes.push(markSkipped(this.ctx.db, row.id, skip));
          continue;
        }
        const result = await sendSigned(this.ctx, {
          url: row.url,
          secret: this.secretOf(row.secret_sealed),
          payload: row.payload,
          eventId: row.event_id,
          eventType: row.event_type,
          deliveryId: row.id,
          allowedHosts,
          signal: this.abort.signal,
        });
        // Stopping is not the receiver's fault: the delivery is given back, to be attempted again.
        if (result.aborted) {
          next--;
          break;
        }
        const record = { status: result.status, error: result.error, durationMs: result.durationMs };
        if (result.delivered) {
          writes.push(markDelivered(this.ctx.db, row.id, record, Date.now()));
          if (row.failures > 0 && !failuresReset) {
            failuresReset = true;
            writes.push(resetFailures(this.ctx.db, row.webhook_id));
          }
          continue;
        }
        // A failure stops the run: what follows waits behind it (or is looked at again).
        await Promise.all(writes.splice(0));
        retryAt = await this.recordFailure(row, record);
        break;
      }
    } finally {
      await Promise.allSettled(writes);
      await releaseRun(
        this.ctx.db,
        run.slice(next).map((r) => r.id),
        checkedAt,
      );
    }
    return retryAt;
  }

  /** A failed attempt: due again after the back-off, or given up (null). */
  private async recordFailure(row: LaneRow, record: AttemptRecord): Promise<number | null> {
    const attempts = row.attempts + 1;
    if (attempts < this.ctx.config.webhookMaxAttempts) {
      const retryAt = Date.now() + webhookRetryDelayMs(attempts, this.ctx.config.jobRetryBaseMs);
      await markAttemptFailed(this.ctx.db, row.id, record, retryAt);
      return retryAt;
    }
    await recordFailedDelivery(this.ctx, row, record);
    return null;
  }

  private secretOf(sealed: string): string {
    let plain = this.secrets.get(sealed);
    if (plain === undefined) {
      plain = this.ctx.secrets.open(sealed);
      if (this.secrets.size > 1000) this.secrets.clear();
      this.secrets.set(sealed, plain);
    }
    return plain;
  }
}
