import { inTx, type AppContext } from '../../context.js';
import { enqueueJob } from '../../jobs/queue.js';
import { recordAudit } from '../audit/record.js';
import { ldapActor } from './apply.js';
import { activeRun, insertRun } from './runs.js';
import { dryRunDone, LDAP_SYNC_JOB } from './sync.js';

const TICK_MS = 60_000;

/**
 * Scheduled syncs. Every process ticks once a minute; a due company is claimed by moving its
 * `next_sync_at` forward in a conditional UPDATE (`… WHERE next_sync_at <= now`), in the same
 * transaction that enqueues the run: when two processes tick together, PostgreSQL makes the second
 * UPDATE wait for the first and then match nothing, so a due sync is enqueued once. A company whose
 * configuration has no dry run yet, or whose previous run is still going, just moves to its next time.
 * Returns the ids of the runs enqueued.
 */
export async function enqueueDueSyncs(ctx: AppContext, now = Date.now()): Promise<string[]> {
  const due = await ctx.db
    .selectFrom('ldap_configs')
    .select('org_id')
    .where('next_sync_at', 'is not', null)
    .where('next_sync_at', '<=', now)
    .orderBy('next_sync_at')
    .limit(100)
    .execute();
  const runs: string[] = [];
  for (const { org_id: orgId } of due) {
    const runId = await inTx(ctx, async (trx) => {
      const config = await trx.selectFrom('ldap_configs').selectAll().where('org_id', '=', orgId).executeTakeFirst();
      if (!config || config.schedule_minutes === 0) return null;
      const claimed = await trx
        .updateTable('ldap_configs')
        .set({ next_sync_at: now + config.schedule_minutes * 60_000 })
        .where('org_id', '=', orgId)
        .where('next_sync_at', '<=', now)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return null;
      if (!dryRunDone(config) || (await activeRun(trx, orgId))) return null;
      const id = await insertRun(trx, {
        orgId,
        dryRun: false,
        forced: false,
        trigger: 'schedule',
        requestedBy: null,
        fingerprint: config.fingerprint,
      });
      await enqueueJob(trx, LDAP_SYNC_JOB, { runId: id }, { orgId, maxAttempts: 3 });
      await recordAudit(trx, {
        orgId,
        actor: ldapActor,
        action: 'ldap.sync_scheduled',
        target: { kind: 'ldap_run', id, label: null },
        details: { everyMinutes: config.schedule_minutes },
      });
      return id;
    });
    if (runId) runs.push(runId);
  }
  return runs;
}

export function startLdapSchedule(ctx: AppContext): () => void {
  const timer = setInterval(() => {
    enqueueDueSyncs(ctx).catch((err: unknown) => ctx.log.warn({ err }, 'scheduled directory sync check failed'));
  }, TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
