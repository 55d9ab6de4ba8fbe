import type { AppContext } from '../../context.js';
import { scopeToHear } from '../../policies/webhooks.js';
import { claimHeads, dueLanes, laneKey, loadLanes, pruneDeliveries, type Lane, type LaneRow } from './lanes.js';
import { OutcomeWriter, type RunOutcome } from './record.js';
import { sendSigned } from './send.js';

export type { Lane } from './lanes.js';

/**
 * Sends webhook deliveries (lanes.ts explains the queue). A book of lanes with deliveries due is
 * kept in memory: filled by this process's commits (wake), by retries falling due (timers), and by
 * asking the database now and then (discover: other processes' deliveries, leases run out). Lanes
 * are served in rounds: the lanes free to go are read in one query and taken in one statement;
 * each then sends a run of its deliveries, one after the other, and its outcome is written with
 * those of the lanes finishing at the same time (record.ts). A lane with more to send goes back
 * to the end of the book, so lanes take turns.
 *
 * At most WEBHOOK_CONCURRENCY lanes are served at once per process, and one webhook at most a
 * quarter of them, so a receiver that hangs holds only its own lanes. Everything is asked again at
 * most FRESH_MS before each attempt (read with the deliveries, in the same query): the webhook
 * still on and still asking for the type, the integration on, the bot active and still able to
 * hear of the scope, and the integration still holding the scope to read it (policies/webhooks.ts);
 * otherwise the delivery is skipped with the reason.
 * A 2xx is delivered; anything else is a failed attempt, retried with back-off until
 * WEBHOOK_MAX_ATTEMPTS, then failed (failures.ts counts those in a row).
 */

const POLL_MS = 1_000;
/** Lanes asked of the database at a time (see discover). */
const DISCOVER_LIMIT = 500;
/** A lane waiting longer than this for a retry is found again by discovery rather than a timer. */
const RETRY_TIMER_MAX_MS = 60_000;
/** A round waits this long for more lanes (commits close together, lanes finishing together). */
const LINGER_MS = 5;
/** Deliveries of a lane read (and written) together. */
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
  const needed = scopeToHear(row.event_type, row.scope_kind);
  if (needed && !(JSON.parse(row.scopes) as string[]).includes(needed)) return `the integration no longer has the scope ${needed}`;
  if (!row.hears) return `the bot can no longer see this ${SCOPE_WORDS[row.scope_kind ?? ''] ?? 'place'}`;
  return null;
}

export class WebhookDispatcher {
  /** Lanes believed to have deliveries due, not being served, in the order they became so. */
  private readonly book = new Map<string, Lane>();
  /** Lanes being served here: lane key → webhook id. */
  private readonly serving = new Map<string, string>();
  /** Lanes whose head is not due (a retry, another process's lease): until when, and the timer for a near one. */
  private readonly waiting = new Map<string, { at: number; timer: NodeJS.Timeout | null }>();
  private readonly running = new Set<Promise<void>>();
  private readonly secrets = new Map<string, string>();
  private readonly abort = new AbortController();
  private readonly outcomes: OutcomeWriter;
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private stopped = true;
  private scanning = false;
  private rescan = false;
  private lastDiscovery = 0;
  private discoverEveryMs = POLL_MS;
  private lastPrune = 0;

  constructor(private readonly ctx: AppContext) {
    this.outcomes = new OutcomeWriter(ctx);
  }

  private get concurrency(): number {
    return this.ctx.config.webhookConcurrency;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** After a commit that wrote deliveries in these lanes (none named: look in the database). */
  wake(lanes?: Lane[]): void {
    if (this.stopped) return;
    if (lanes) {
      for (const lane of lanes) this.book.set(laneKey(lane), lane);
    } else {
      this.lastDiscovery = 0;
    }
    if (this.scanning) this.rescan = true;
    else if (this.serving.size < this.concurrency) this.schedule(LINGER_MS);
  }

  /** Stops taking lanes and cuts requests in flight short (their leases run out; they are tried again). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    for (const w of this.waiting.values()) if (w.timer) clearTimeout(w.timer);
    this.abort.abort();
    await Promise.allSettled([...this.running]);
  }

  /** A scan within `ms` (an earlier one already planned stays). */
  private schedule(ms: number): void {
    if (this.stopped) return;
    const at = Date.now() + ms;
    if (this.timer && this.timerAt <= at) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(() => void this.scan(), ms);
  }

  /** The lane is due again at `at`: a timer brings it back (a long wait is left to discovery). */
  private wakeAt(lane: Lane, at: number): void {
    const key = laneKey(lane);
    const ms = at - Date.now();
    if (this.stopped || this.isWaiting(key)) return;
    const timer =
      ms > RETRY_TIMER_MAX_MS
        ? null
        : setTimeout(
            () => {
              this.waiting.delete(key);
              this.wake([lane]);
            },
            Math.max(0, ms),
          );
    timer?.unref();
    this.waiting.set(key, { at, timer });
  }

  /** True while a timer (or, for a long wait, discovery) is to bring the lane back. */
  private isWaiting(key: string): boolean {
    const w = this.waiting.get(key);
    if (!w) return false;
    if (w.at > Date.now()) return true;
    if (w.timer) clearTimeout(w.timer);
    this.waiting.delete(key);
    return false;
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
        if (Date.now() - this.lastDiscovery > this.discoverEveryMs) await this.discover();
        const perWebhook = Math.max(1, Math.ceil(this.concurrency / 4));
        const round: Lane[] = [];
        for (const [key, lane] of this.book) {
          if (this.serving.size >= this.concurrency) break;
          if (this.serving.has(key)) continue;
          let mine = 0;
          for (const w of this.serving.values()) if (w === lane.webhookId) mine++;
          if (mine >= perWebhook) continue;
          this.book.delete(key);
          this.serving.set(key, lane.webhookId);
          round.push(lane);
        }
        if (round.length) this.startRound(round);
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

  /**
   * Lanes the database says are due (other processes' deliveries, retries, leases run out) go in
   * the book. Asked every second, or less often when the answer is slow to come (a long backlog).
   */
  private async discover(): Promise<void> {
    const started = Date.now();
    for (const key of this.waiting.keys()) this.isWaiting(key); // forgets those past
    for (const lane of await dueLanes(this.ctx.db, started, DISCOVER_LIMIT)) {
      const found = { webhookId: lane.webhook_id, orderingKey: lane.ordering_key };
      const key = laneKey(found);
      if (!this.serving.has(key)) this.book.set(key, found);
    }
    this.lastDiscovery = Date.now();
    this.discoverEveryMs = Math.min(30_000, Math.max(POLL_MS, (this.lastDiscovery - started) * 20));
  }

  private startRound(lanes: Lane[]): void {
    const round = this.round(lanes)
      .catch((err: unknown) => {
        this.ctx.log.warn({ err }, 'webhook round failed');
        for (const lane of lanes) this.release(lane, false);
      })
      .finally(() => this.running.delete(round));
    this.running.add(round);
  }

  /** A lane is free again; `more`: it goes back in the book (at the end, after the lanes waiting). */
  private release(lane: Lane, more: boolean): void {
    const key = laneKey(lane);
    if (!this.serving.delete(key)) return;
    if (more) this.book.set(key, lane);
    this.schedule(this.book.size ? LINGER_MS : POLL_MS);
  }

  /** Reads the lanes and takes those whose head is due, in two statements; each then sends a run. */
  private async round(lanes: Lane[]): Promise<void> {
    const rows = await loadLanes(this.ctx.db, lanes, RUN_SIZE);
    const checkedAt = Date.now();
    const ready: Array<{ lane: Lane; rows: LaneRow[] }> = [];
    for (const lane of lanes) {
      const run = rows.get(laneKey(lane)) ?? [];
      const head = run[0];
      if (head && head.next_attempt_at <= checkedAt) ready.push({ lane, rows: run });
      else {
        if (head) this.wakeAt(lane, head.next_attempt_at);
        this.release(lane, false);
      }
    }
    const leaseUntil = checkedAt + FRESH_MS + this.ctx.config.webhookTimeoutMs * 2 + 30_000;
    const taken = await claimHeads(
      this.ctx.db,
      ready.map((r) => r.rows[0]!.id),
      checkedAt,
      leaseUntil,
    );
    await Promise.allSettled(
      ready.map(async ({ lane, rows: run }) => {
        // Another process has the lane: it is theirs until they are done.
        if (!taken.has(run[0]!.id)) return this.release(lane, false);
        let more = false;
        try {
          const outcome = await this.attemptRun(run, checkedAt);
          await this.outcomes.write(outcome);
          const retryAt = outcome.failed?.retryAt;
          if (retryAt) this.wakeAt(lane, retryAt);
          const attempted = outcome.skipped.length + outcome.delivered.length + (outcome.failed ? 1 : 0);
          more = !retryAt && (attempted < run.length || run.length === RUN_SIZE);
        } catch (err) {
          this.ctx.log.warn({ err, webhookId: lane.webhookId }, 'webhook lane failed');
        } finally {
          this.release(lane, more);
        }
      }),
    );
  }

  /** Attempts a run in order while its checks are fresh; a failed attempt ends it. */
  private async attemptRun(rows: LaneRow[], checkedAt: number): Promise<RunOutcome> {
    const head = rows[0]!;
    const outcome: RunOutcome = { head, skipped: [], delivered: [], failed: null };
    const allowedHosts = head.allowed_hosts ? (JSON.parse(head.allowed_hosts) as string[]) : [];
    for (const [i, row] of rows.entries()) {
      const claimed = i === 0;
      if (!claimed && (this.stopped || Date.now() - checkedAt > FRESH_MS || row.next_attempt_at > checkedAt)) break;
      const skip = whySkip(row);
      if (skip) {
        outcome.skipped.push({ id: row.id, reason: skip, claimed });
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
      // Stopping is not the receiver's fault: what was not written is attempted again later.
      if (result.aborted) break;
      if (result.delivered) {
        outcome.delivered.push({ id: row.id, status: result.status, durationMs: result.durationMs, claimed });
        continue;
      }
      const attempts = row.attempts + 1;
      const record = { status: result.status, error: result.error, durationMs: result.durationMs };
      const retryAt =
        attempts < this.ctx.config.webhookMaxAttempts ? Date.now() + webhookRetryDelayMs(attempts, this.ctx.config.jobRetryBaseMs) : null;
      outcome.failed = { row, record, claimed, retryAt };
      break;
    }
    return outcome;
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
