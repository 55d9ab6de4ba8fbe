import type { AppContext } from '../../context.js';
import { forgetWebhookTypes } from './emit.js';
import { countFailedDelivery, resetFailures } from './failures.js';
import { markAttemptFailed, markRunDelivered, markSkipped, type AttemptRecord, type Delivered, type LaneRow } from './lanes.js';

/** What became of a run of one lane's deliveries. */
export interface RunOutcome {
  head: LaneRow;
  skipped: Array<{ id: string; reason: string; claimed: boolean }>;
  delivered: Delivered[];
  failed: { row: LaneRow; record: AttemptRecord; claimed: boolean; retryAt: number | null } | null;
}

const isEmpty = (o: RunOutcome) => !o.skipped.length && !o.delivered.length && !o.failed;

/**
 * Writes runs' outcomes, several lanes' at once: outcomes that arrive while a write is under way
 * go together in the next one (group commit). A lane is let go by its outcome's write (its head
 * is no longer pending and leased), so a run waits for it before the lane is served again.
 */
export class OutcomeWriter {
  private queue: Array<{ outcome: RunOutcome; resolve: () => void; reject: (err: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly ctx: AppContext) {}

  write(outcome: RunOutcome): Promise<void> {
    if (isEmpty(outcome)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ outcome, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      try {
        await this.writeAll(batch.map((b) => b.outcome));
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err);
      }
    }
    this.writing = false;
  }

  /** Skips, successes (their webhooks' failure counts reset) and failed attempts, in one transaction. */
  private async writeAll(outcomes: RunOutcome[]): Promise<void> {
    const now = Date.now();
    const delivered = outcomes.flatMap((o) => o.delivered);
    const resets = [...new Set(outcomes.filter((o) => o.delivered.length && o.head.failures > 0).map((o) => o.head.webhook_id))];
    const plain = outcomes.every((o) => !o.skipped.length && !o.failed) && resets.length === 0;
    // The common case, all delivered: one statement is its own transaction.
    if (plain) return markRunDelivered(this.ctx.db, delivered, now);
    const turnedOff = await this.ctx.db.transaction().execute(async (trx) => {
      const orgs: string[] = [];
      for (const o of outcomes) for (const s of o.skipped) await markSkipped(trx, s.id, s.reason, s.claimed);
      await markRunDelivered(trx, delivered, now);
      for (const webhookId of resets) await resetFailures(trx, webhookId);
      for (const o of outcomes) {
        const f = o.failed;
        if (!f) continue;
        if (f.retryAt !== null) await markAttemptFailed(trx, f.row.id, f.record, f.retryAt, f.claimed);
        else if (await countFailedDelivery(this.ctx, trx, f.row, f.record, f.claimed)) orgs.push(f.row.org_id);
      }
      return orgs;
    });
    for (const orgId of turnedOff) forgetWebhookTypes(this.ctx, orgId);
  }
}
